import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction, requireActor } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { auditDiff } from '../audit/audit.changes.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashNewPassword, sessionsChanged } from './auth.runtime.js';
import { emailTaken, lastAdmin, userNotFound } from './identity.errors.js';
import { endAllSessions } from './sessions.service.js';
import { Role } from '../../policy/role.js';
import { USER_COLUMNS, userByIdLoader } from './user.loaders.js';
import type { CreateUserInput, ResetUserPasswordInput, UpdateUserInput } from './user.inputs.js';
import type { UserRecord } from './user.type.js';
import type { StaffNameRecord } from './staff.type.js';
import { isBigintId } from '../../db/keyset.js';

const AUDITED = ['email', 'displayName', 'role', 'enabled'] as const;

export async function getUser(ctx: RequestContext, id: string | null | undefined): Promise<UserRecord | null> {
  if (!id) return null;
  return userByIdLoader(ctx).load(id);
}

export async function currentUser(ctx: RequestContext): Promise<UserRecord | null> {
  return getUser(ctx, requireActor(ctx).userId);
}

/** Staff emails and roles are ADMIN's to read: other roles see their own record (`me`)
 * and names where a record shows its owner. Small by nature (hundreds at most). */
export async function listUsers(ctx: RequestContext): Promise<UserRecord[]> {
  requireAction(ctx, Action.USER_MANAGE);
  return ctx.sql.query<UserRecord>(`select ${USER_COLUMNS} from app_user u order by u.display_name, u.id`);
}

/** Every staff member by name, for owner pickers, filters and labels (any signed-in role). */
export async function listStaffNames(ctx: RequestContext): Promise<StaffNameRecord[]> {
  requireAction(ctx, Action.STAFF_READ);
  return ctx.sql.query<StaffNameRecord>(`select u.id::text as id, u.display_name as "displayName" from app_user u order by u.display_name, u.id`);
}

export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<UserRecord> {
  requireAction(ctx, Action.USER_MANAGE);
  const passwordHash = await hashNewPassword(ctx.config, input.password);
  return inTransaction(ctx, (tx) => insertUser(tx, input, passwordHash));
}

/** The new user's row and its USER_CREATED event, in the caller's transaction (the
 * mutation, or the console's `users:create-admin` acting as the system). */
export async function insertUser(
  tx: RequestContext,
  input: Pick<CreateUserInput, 'email' | 'displayName' | 'role'>,
  passwordHash: string,
  reason?: string,
): Promise<UserRecord> {
  let row: UserRecord | undefined;
  try {
    row = await tx.sql.one<UserRecord>(
      `insert into app_user as u (email, display_name, role, password_hash) values ($1, $2, $3, $4)
       returning ${USER_COLUMNS}`,
      [input.email.trim().toLowerCase(), input.displayName.trim(), input.role, passwordHash],
    );
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw emailTaken();
    throw error;
  }
  await recordAudit(tx, {
    action: 'USER_CREATED',
    entityType: 'User',
    entityId: row!.id,
    changes: auditDiff('User', null, row as never, AUDITED),
    ...(reason ? { reason } : {}),
  });
  return row!;
}

export async function updateUser(ctx: RequestContext, input: UpdateUserInput): Promise<UserRecord> {
  requireAction(ctx, Action.USER_MANAGE);
  const updated = await inTransaction(ctx, async (tx) => {
    const before = await lockUser(tx, input.id);
    const after = {
      ...before,
      ...(input.displayName != null ? { displayName: input.displayName.trim() } : {}),
      ...(input.role != null ? { role: input.role } : {}),
      ...(input.enabled != null ? { enabled: input.enabled } : {}),
    };
    if (before.role === Role.ADMIN && before.enabled && (after.role !== Role.ADMIN || !after.enabled)) {
      // Serialises concurrent demotions so two admins cannot remove each other.
      await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:last-admin'))`);
      const others = await tx.sql.one<{ n: number }>(
        `select count(*)::int as n from app_user where role = 'ADMIN' and enabled and id <> $1::bigint`,
        [before.id],
      );
      if (!others?.n) throw lastAdmin();
    }
    const row = await tx.sql.one<UserRecord>(
      `update app_user u set display_name = $2, role = $3, enabled = $4, updated_at = now() where id = $1::bigint
       returning ${USER_COLUMNS}`,
      [before.id, after.displayName, after.role, after.enabled],
    );
    // Disabling ends every session for good: re-enabling must not bring old tokens back.
    const sessionsEnded = before.enabled && !after.enabled ? await endAllSessions(tx, before.id, 'DISABLED') : null;
    await recordAudit(tx, {
      action: 'USER_UPDATED',
      entityType: 'User',
      entityId: before.id,
      changes: { ...auditDiff('User', before as never, row as never, AUDITED), ...(sessionsEnded === null ? {} : { sessionsEnded: { to: sessionsEnded } }) },
    });
    return row!;
  });
  // Role and enabled state are read by the token check, which may hold them briefly.
  sessionsChanged(ctx, updated.id);
  return updated;
}

export async function resetUserPassword(ctx: RequestContext, input: ResetUserPasswordInput): Promise<UserRecord> {
  requireAction(ctx, Action.USER_MANAGE);
  const passwordHash = await hashNewPassword(ctx.config, input.password);
  const user = await inTransaction(ctx, async (tx) => {
    const before = await lockUser(tx, input.id);
    await tx.sql.query(`update app_user set password_hash = $2, updated_at = now() where id = $1::bigint`, [before.id, passwordHash]);
    const sessionsEnded = await endAllSessions(tx, before.id, 'PASSWORD_RESET');
    await recordAudit(tx, { action: 'USER_PASSWORD_RESET', entityType: 'User', entityId: before.id, changes: { sessionsEnded: { to: sessionsEnded } } });
    return before;
  });
  sessionsChanged(ctx, user.id);
  return user;
}

async function lockUser(tx: RequestContext, id: string): Promise<UserRecord> {
  if (!isBigintId(id)) throw userNotFound(id);
  const row = await tx.sql.one<UserRecord>(`select ${USER_COLUMNS} from app_user u where u.id = $1::bigint for update`, [id]);
  if (!row) throw userNotFound(id);
  return row;
}
