import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { User, type UserRecord } from './user.type.js';
import { listUsers } from './user.service.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => [User], { description: 'All staff users, e.g. for owner pickers.' })
  users(@Ctx() ctx: RequestContext): Promise<UserRecord[]> {
    return listUsers(ctx);
  }
}
