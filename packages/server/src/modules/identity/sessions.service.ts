import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction, requireActor } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { sessionsChanged } from './auth.runtime.js';
import { userNotFound } from './identity.errors.js';
import { clearKey } from './sign-in-throttle.js';
import { USER_COLUMNS } from './user.loaders.js';
import type { UserRecord } from './user.type.js';
import { isBigintId } from '../../db/keyset.js';

/** Why a session ended (user_session.end_reason). */
export type EndReason = 'LOGOUT' | 'REVOKED' | 'DISABLED' | 'PASSWORD_RESET' | 'REFRESH_REUSE';


export async function startSession(tx: RequestContext, userId: string): Promise<string> {
  const row = await tx.sql.one<{ id: string }>(`insert into user_session (user_id) values ($1::bigint) returning id::text`, [userId]);
  return row!.id;
}

/** Ends one session and its refresh tokens; its access tokens are refused from the next check. */
export async function endSession(tx: RequestContext, sessionId: string, reason: EndReason): Promise<number> {
  const ended = await tx.sql.query(
    `update user_session set ended_at = now(), end_reason = $2 where id = $1::bigint and ended_at is null returning id`,
    [sessionId, reason],
  );
  await tx.sql.query(`update refresh_token set revoked_at = now() where session_id = $1::bigint and revoked_at is null`, [sessionId]);
  return ended.length;
}

/**
 * Ends every session of the user, revokes every refresh token and bumps the token
 * version, which also refuses tokens that belong to no session. Re-enabling the user
 * later cannot revive any of them. Callers invalidate the session cache after commit.
 */
export async function endAllSessions(tx: RequestContext, userId: string, reason: EndReason): Promise<number> {
  const ended = await tx.sql.query(
    `update user_session set ended_at = now(), end_reason = $2 where user_id = $1::bigint and ended_at is null returning id`,
    [userId, reason],
  );
  await tx.sql.query(`update refresh_token set revoked_at = now() where user_id = $1::bigint and revoked_at is null`, [userId]);
  await tx.sql.query(`update app_user set token_version = token_version + 1 where id = $1::bigint`, [userId]);
  return ended.length;
}

/**
 * Signs the caller out: this session (its access and refresh tokens), or with
 * `everywhere` every session of the caller. A token from no session (minted by a tool)
 * can only be ended everywhere.
 */
export async function logout(ctx: RequestContext, everywhere: boolean): Promise<number> {
  const actor = requireActor(ctx);
  const sessionId = ctx.claims?.sessionId;
  const all = everywhere || !sessionId;
  const ended = await inTransaction(ctx, async (tx) => {
    const n = all ? await endAllSessions(tx, actor.userId, 'LOGOUT') : await endSession(tx, sessionId!, 'LOGOUT');
    await recordAudit(tx, {
      action: 'USER_LOGGED_OUT',
      entityType: 'User',
      entityId: actor.userId,
      changes: { everywhere: { to: all }, sessionsEnded: { to: n } },
    });
    return n;
  });
  sessionsChanged(ctx, actor.userId);
  return ended;
}

export async function revokeSessions(ctx: RequestContext, userId: string, reason: string | null): Promise<{ user: UserRecord; sessionsEnded: number }> {
  requireAction(ctx, Action.USER_MANAGE);
  const result = await inTransaction(ctx, async (tx) => {
    const user = await lockUser(tx, userId);
    const sessionsEnded = await endAllSessions(tx, user.id, 'REVOKED');
    await recordAudit(tx, {
      action: 'USER_SESSIONS_REVOKED',
      entityType: 'User',
      entityId: user.id,
      reason: reason?.trim() || null,
      changes: { sessionsEnded: { to: sessionsEnded } },
    });
    return { user, sessionsEnded };
  });
  sessionsChanged(ctx, result.user.id);
  return result;
}

/**
 * Lifts a sign-in lock of the user's email and forgets its failures (client-address
 * locks expire on their own). Audited whether or not a lock was in force, so the log
 * shows who looked.
 */
export async function unlockUser(ctx: RequestContext, userId: string): Promise<{ user: UserRecord; wasLocked: boolean }> {
  requireAction(ctx, Action.USER_MANAGE);
  return inTransaction(ctx, async (tx) => {
    const user = await lockUser(tx, userId);
    const { wasLocked, failures } = await clearKey(tx.sql, accountKey(tx, user.email));
    await recordAudit(tx, {
      action: 'USER_SIGN_IN_UNLOCKED',
      entityType: 'User',
      entityId: user.id,
      changes: { wasLocked: { to: wasLocked }, failures: { from: failures, to: 0 } },
    });
    return { user, wasLocked };
  });
}

/** The throttle key of an email: a keyed hash, the same for known and unknown emails. */
export function accountKey(ctx: RequestContext, email: string): Buffer {
  return ctx.tokens.fingerprint('sign-in-account', email.trim().toLowerCase());
}

async function lockUser(tx: RequestContext, id: string): Promise<UserRecord> {
  if (!isBigintId(id)) throw userNotFound(id);
  const row = await tx.sql.one<UserRecord>(`select ${USER_COLUMNS} from app_user u where u.id = $1::bigint for update`, [id]);
  if (!row) throw userNotFound(id);
  return row;
}
