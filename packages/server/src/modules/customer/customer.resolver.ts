import { ArgRefersTo } from '../../graphql/global-id.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { User, type UserRecord } from '../identity/user.type.js';
import { getUser } from '../identity/user.service.js';
import { CustomerFilter } from './customer.inputs.js';
import { CustomerOrder } from './customer.order.js';
import { CustomerConnection } from './customer.payloads.js';
import type { CustomerRecord } from './customer.record.js';
import { getCustomer, listCustomers } from './customer.service.js';
import { Customer } from './customer.type.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'One customer by id; null when it does not exist or is not visible.' })
  @ArgRefersTo('id', 'Customer')
  customer(@Arg('id', () => ID, { description: 'Customer id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getCustomer(ctx, id);
  }

  @Query(() => CustomerConnection, { description: 'Customers matching a filter (ACTIVE only unless `status` says otherwise).' })
  async customers(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CustomerFilter, { nullable: true, description: 'Which customers.' }) filter: CustomerFilter | null,
    @Arg('orderBy', () => [CustomerOrder], { nullable: true, description: 'Sort keys, most significant first (default: newest first).' })
    orderBy: CustomerOrder[] | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CustomerConnection> {
    const result = await listCustomers(ctx, filter, orderBy, page, info);
    return new CustomerConnection(result.page as never, result.count);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user responsible for this customer.' })
  owner(@Root() customer: CustomerRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, customer.ownerId);
  }
}
