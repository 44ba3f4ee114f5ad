import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { permissionsFor } from '../../policy/permissions.js';
import { guardStaffField } from '../../policy/staff-guard.js';
import { login, refreshSession } from './auth.service.js';
import { Role } from '../../policy/role.js';
import { LogoutInput, LogoutPayload, RevokeSessionsInput, RevokeSessionsPayload, UnlockUserInput, UnlockUserPayload } from './session.inputs.js';
import { logout, revokeSessions, unlockUser } from './sessions.service.js';
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
import { createUser, currentUser, getUser, listStaffNames, listUsers, resetUserPassword, updateUser } from './user.service.js';
import { StaffName, type StaffNameRecord } from './staff.type.js';
import { AuditEvent, type AuditEventRecord } from '../audit/audit.type.js';
import { User, type UserRecord } from './user.type.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in user, with the permissions the dashboard may show.' })
  me(@Ctx() ctx: RequestContext) {
    return currentUser(ctx);
  }

  @Query(() => [User], { description: `All staff users with their emails and roles (${rolesFor(Action.USER_MANAGE)} only; others read their own \`me\`).` })
  users(@Ctx() ctx: RequestContext): Promise<UserRecord[]> {
    return listUsers(ctx);
  }

  @Query(() => [StaffName], {
    description: `Every staff member by id and display name, sorted by name: for owner pickers, filters and labels (${rolesFor(Action.STAFF_READ)}; emails and roles are in \`users\`, ${rolesFor(Action.USER_MANAGE)}).`,
  })
  staff(@Ctx() ctx: RequestContext): Promise<StaffNameRecord[]> {
    return listStaffNames(ctx);
  }

  @Mutation(() => LoginPayload, {
    description:
      'Signs in with email and password; open without a token. Repeated failures per email and per client address are answered TOO_MANY_REQUESTS (HTTP 429, Retry-After) for a while.',
  })
  login(@Arg('input', () => LoginInput, { description: 'Credentials.' }) input: LoginInput, @Ctx() ctx: RequestContext) {
    return login(ctx, input.email, input.password);
  }

  @Mutation(() => RefreshTokenPayload, { description: 'Trades a refresh token for a new session; works without an access token.' })
  refreshToken(@Arg('input', () => RefreshTokenInput, { description: 'The refresh token.' }) input: RefreshTokenInput, @Ctx() ctx: RequestContext) {
    return refreshSession(ctx, input.refreshToken);
  }

  @Mutation(() => LogoutPayload, { description: 'Ends the caller\'s session (access and refresh tokens), or all of the caller\'s sessions.' })
  async logout(
    @Arg('input', () => LogoutInput, { nullable: true, description: 'Options.' }) input: LogoutInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return { sessionsEnded: await logout(ctx, input?.everywhere === true) };
  }

  @Mutation(() => RevokeSessionsPayload, { description: `Ends every session of a user, access tokens included (${rolesFor(Action.USER_MANAGE)} only).` })
  revokeSessions(@Arg('input', () => RevokeSessionsInput, { description: 'The user.' }) input: RevokeSessionsInput, @Ctx() ctx: RequestContext) {
    return revokeSessions(ctx, input.userId, input.reason ?? null);
  }

  @Mutation(() => UnlockUserPayload, { description: `Lifts a sign-in lock on a user's email before it expires (${rolesFor(Action.USER_MANAGE)} only).` })
  unlockUser(@Arg('input', () => UnlockUserInput, { description: 'The user.' }) input: UnlockUserInput, @Ctx() ctx: RequestContext) {
    return unlockUser(ctx, input.id);
  }

  @Mutation(() => CreateUserPayload, { description: `Creates a staff user (${rolesFor(Action.USER_MANAGE)} only).` })
  async createUser(@Arg('input', () => CreateUserInput, { description: 'The user to create.' }) input: CreateUserInput, @Ctx() ctx: RequestContext) {
    return { user: await createUser(ctx, input) };
  }

  @Mutation(() => UpdateUserPayload, { description: `Changes a user's name, role or enabled state (${rolesFor(Action.USER_MANAGE)} only).` })
  async updateUser(@Arg('input', () => UpdateUserInput, { description: 'The user and the changes.' }) input: UpdateUserInput, @Ctx() ctx: RequestContext) {
    return { user: await updateUser(ctx, input) };
  }

  @Mutation(() => ResetUserPasswordPayload, { description: `Sets a new password and ends the user's sessions (${rolesFor(Action.USER_MANAGE)} only).` })
  async resetUserPassword(
    @Arg('input', () => ResetUserPasswordInput, { description: 'The user and the new password.' }) input: ResetUserPasswordInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { user: await resetUserPassword(ctx, input) };
  }

  // The staff fields below are declared on User; these resolvers put them under the
  // policy (STAFF_FIELDS): one's own record in full, others' by role.
  @FieldResolver(() => String, { description: 'Login email address.' })
  email(@Root() user: UserRecord, @Ctx() ctx: RequestContext) {
    return guardStaffField(ctx, 'User.email', user, user.email);
  }

  @FieldResolver(() => Role, { description: 'Role that decides what the user may see and do.' })
  role(@Root() user: UserRecord, @Ctx() ctx: RequestContext) {
    return guardStaffField(ctx, 'User.role', user, user.role);
  }

  @FieldResolver(() => Boolean, { description: 'Disabled users cannot sign in.' })
  enabled(@Root() user: UserRecord, @Ctx() ctx: RequestContext) {
    return guardStaffField(ctx, 'User.enabled', user, user.enabled);
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When the user was created.' })
  createdAt(@Root() user: UserRecord, @Ctx() ctx: RequestContext) {
    return guardStaffField(ctx, 'User.createdAt', user, user.createdAt);
  }

  @FieldResolver(() => [String], { description: 'What this user\'s role may do and see, e.g. `customer:update`, `field:Customer.email:MASKED`.' })
  permissions(@Root() user: UserRecord, @Ctx() ctx: RequestContext): string[] {
    return guardStaffField(ctx, 'User.permissions', user, permissionsFor(user.role)) as string[];
  }
}

/** The staff user behind an audit event (the audit module does not read users). */
@Resolver(() => AuditEvent)
export class AuditEventActorResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who acted (null for system jobs).' })
  actor(@Root() event: AuditEventRecord, @Ctx() ctx: RequestContext) {
    return getUser(ctx, event.actorId);
  }
}
