import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { permissionsFor } from '../../policy/permissions.js';
import { login, refreshSession } from './auth.service.js';
import {
  CreateUserInput,
  CreateUserPayload,
  LoginInput,
  LoginPayload,
  RefreshTokenInput,
  RefreshTokenPayload,
  ResetUserPasswordInput,
  ResetUserPasswordPayload,
  UpdateUserInput,
  UpdateUserPayload,
} from './user.inputs.js';
import { createUser, currentUser, listUsers, resetUserPassword, updateUser } from './user.service.js';
import { User, type UserRecord } from './user.type.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in user, with the permissions the dashboard may show.' })
  me(@Ctx() ctx: RequestContext) {
    return currentUser(ctx);
  }

  @Query(() => [User], { description: 'All staff users, e.g. for owner pickers.' })
  users(@Ctx() ctx: RequestContext): Promise<UserRecord[]> {
    return listUsers(ctx);
  }

  @Mutation(() => LoginPayload, { description: 'Signs in with email and password; the only operation open without a token.' })
  login(@Arg('input', () => LoginInput, { description: 'Credentials.' }) input: LoginInput, @Ctx() ctx: RequestContext) {
    return login(ctx, input.email, input.password);
  }

  @Mutation(() => RefreshTokenPayload, { description: 'Trades a refresh token for a new session; works without an access token.' })
  refreshToken(@Arg('input', () => RefreshTokenInput, { description: 'The refresh token.' }) input: RefreshTokenInput, @Ctx() ctx: RequestContext) {
    return refreshSession(ctx, input.refreshToken);
  }

  @Mutation(() => CreateUserPayload, { description: 'Creates a staff user (ADMIN only).' })
  async createUser(@Arg('input', () => CreateUserInput, { description: 'The user to create.' }) input: CreateUserInput, @Ctx() ctx: RequestContext) {
    return { user: await createUser(ctx, input) };
  }

  @Mutation(() => UpdateUserPayload, { description: 'Changes a user\'s name, role or enabled state (ADMIN only).' })
  async updateUser(@Arg('input', () => UpdateUserInput, { description: 'The user and the changes.' }) input: UpdateUserInput, @Ctx() ctx: RequestContext) {
    return { user: await updateUser(ctx, input) };
  }

  @Mutation(() => ResetUserPasswordPayload, { description: 'Sets a new password and ends the user\'s sessions (ADMIN only).' })
  async resetUserPassword(
    @Arg('input', () => ResetUserPasswordInput, { description: 'The user and the new password.' }) input: ResetUserPasswordInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { user: await resetUserPassword(ctx, input) };
  }

  @FieldResolver(() => [String], { description: 'What this user\'s role may do and see, e.g. `customer:update`, `field:Customer.email:MASKED`.' })
  permissions(@Root() user: UserRecord): string[] {
    return permissionsFor(user.role);
  }
}
