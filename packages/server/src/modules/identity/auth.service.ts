import { inTransaction, type RequestContext } from '../../core/context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../../policy/actor.js';
import { authRuntime, sessionsChanged } from './auth.runtime.js';
import { invalidToken, loginFailed } from './identity.errors.js';
import type { SessionState } from './session-cache.js';
import { accountKey, endAllSessions, startSession } from './sessions.service.js';
import { countAttempt, countSuccess, purgeForgotten, type ThrottleKey } from './sign-in-throttle.js';
import { newRefreshToken, refreshTokenHash } from '../../core/tokens.js';
import { USER_COLUMNS } from './user.loaders.js';
import type { UserRecord } from './user.type.js';

export interface Session {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  user: UserRecord;
}

/**
 * Confirms the token's user and session: a disabled user, a token from before a password
 * reset or revocation (older token version) and a token of an ended session stop working
 * at once. One indexed read, shared briefly between requests (SessionCache).
 */
export async function authenticate(ctx: RequestContext): Promise<Actor> {
  const claims = ctx.claims;
  if (!claims) throw invalidToken();
  const state = await authRuntime(ctx.config).sessions.get(claims.userId, claims.sessionId, () =>
    ctx.sql.one<SessionState>(
      `select u.id as "userId", u.role, u.email, u.enabled, u.token_version as "tokenVersion",
              ($2::bigint is null or (s.id is not null and s.ended_at is null)) as "sessionLive"
         from app_user u left join user_session s on s.id = $2::bigint and s.user_id = u.id
        where u.id = $1::bigint`,
      [claims.userId, claims.sessionId ?? null],
    ).then((row) => row ?? null),
  );
  if (!state || !state.enabled || !state.sessionLive || state.tokenVersion !== claims.tokenVersion) throw invalidToken();
  ctx.actor = { userId: state.userId, role: state.role, email: state.email };
  return ctx.actor;
}

/**
 * Signs in. Before any hashing, a place in the hashing pool is taken (a full queue answers
 * TOO_MANY_REQUESTS at no cost) and the attempt is counted against the email and the
 * client address (backoff, then lockout). Unknown emails go through exactly the same
 * steps, including a hash, so neither answers nor timing tell which emails exist.
 */
export async function login(ctx: RequestContext, email: string, password: string): Promise<Session> {
  const runtime = authRuntime(ctx.config);
  const ticket = runtime.hashing.reserve();
  let keys: ThrottleKey[];
  let user: (UserRecord & { passwordHash: string | null; tokenVersion: number }) | undefined;
  try {
    keys = [{ kind: 'account', key: accountKey(ctx, email) }, ...addressKey(ctx, 'address')];
    const verdict = await inTransaction(ctx, async (tx) => {
      const found = await tx.sql.one<UserRecord & { passwordHash: string | null; tokenVersion: number }>(
        `select ${USER_COLUMNS}, u.password_hash as "passwordHash", u.token_version as "tokenVersion"
           from app_user u where lower(u.email) = lower($1)`,
        [email.trim()],
      );
      const result = await countAttempt(tx.sql, tx.config, keys);
      if (result.accountLocked && found) {
        await recordAudit(tx, {
          action: 'USER_SIGN_IN_LOCKED',
          entityType: 'User',
          entityId: found.id,
          actorId: found.id,
          actorRole: found.role,
          changes: { lockedForSeconds: { to: tx.config.LOGIN_LOCKOUT_SECONDS } },
        });
      }
      return { found, refusal: result.refusal };
    });
    if (verdict.refusal) throw verdict.refusal;
    user = verdict.found;
    await purgeNowAndThen(ctx);
  } catch (error) {
    ticket.release();
    throw error;
  }
  const valid = await ticket.run(() => runtime.passwords.verify(user?.passwordHash, password));
  if (!user || !valid || !user.enabled) throw loginFailed();
  const signedIn = user;
  const session = await inTransaction(ctx, async (tx) => {
    await countSuccess(tx.sql, keys);
    await tx.sql.query(`update app_user set last_login_at = now() where id = $1::bigint`, [signedIn.id]);
    const sessionId = await startSession(tx, signedIn.id);
    const issued = await issueTokens(tx, signedIn, signedIn.tokenVersion, sessionId);
    await recordAudit(tx, { action: 'USER_LOGGED_IN', entityType: 'User', entityId: signedIn.id, actorId: signedIn.id, actorRole: signedIn.role });
    return issued;
  });
  // From here on the caller is this user: the payload's `user` reads as their own record.
  ctx.actor = { userId: signedIn.id, role: signedIn.role, email: signedIn.email };
  return session;
}

/**
 * Trades a refresh token for a new access and refresh token of the same session
 * (rotation). Presenting a token that was already used means it was copied: every session
 * of that user ends, access tokens included. Failures are counted per client address
 * like sign-ins.
 */
export async function refreshSession(ctx: RequestContext, refreshToken: string): Promise<Session> {
  const keys = addressKey(ctx, 'refresh');
  const result = await inTransaction(ctx, async (tx) => {
    const verdict = await countAttempt(tx.sql, tx.config, keys);
    if (verdict.refusal) return { kind: 'refused', refusal: verdict.refusal } as const;
    const row = await tx.sql.one<{ id: string; userId: string; sessionId: string | null; revoked: boolean; expired: boolean; sessionEnded: boolean }>(
      `select r.id, r.user_id as "userId", r.session_id::text as "sessionId", r.revoked_at is not null as revoked,
              r.expires_at <= now() as expired, coalesce(s.ended_at is not null, false) as "sessionEnded"
         from refresh_token r left join user_session s on s.id = r.session_id
        where r.token_hash = $1 for update of r`,
      [refreshTokenHash(refreshToken)],
    );
    if (!row || row.expired || row.sessionEnded) return { kind: 'failed' } as const;
    if (row.revoked) {
      const sessionsEnded = await endAllSessions(tx, row.userId, 'REFRESH_REUSE');
      await recordAudit(tx, {
        action: 'USER_SESSIONS_REVOKED',
        entityType: 'User',
        entityId: row.userId,
        reason: 'refresh token reuse',
        changes: { sessionsEnded: { to: sessionsEnded } },
      });
      return { kind: 'reused', userId: row.userId } as const;
    }
    const user = await tx.sql.one<UserRecord & { tokenVersion: number }>(
      `select ${USER_COLUMNS}, u.token_version as "tokenVersion" from app_user u where u.id = $1::bigint`,
      [row.userId],
    );
    if (!user || !user.enabled) return { kind: 'failed' } as const;
    await countSuccess(tx.sql, keys);
    await tx.sql.query(`update refresh_token set revoked_at = now() where id = $1::bigint`, [row.id]);
    // Tokens from before sessions existed start one now, so they can be ended like any other.
    const sessionId = row.sessionId ?? (await startSession(tx, user.id));
    const session = await issueTokens(tx, user, user.tokenVersion, sessionId);
    await recordAudit(tx, { action: 'USER_TOKEN_REFRESHED', entityType: 'User', entityId: user.id, actorId: user.id, actorRole: user.role });
    return { kind: 'ok', session } as const;
  });
  // The counts and the revocation must commit, so errors are raised after the transaction.
  if (result.kind === 'refused') throw result.refusal;
  if (result.kind === 'reused') {
    sessionsChanged(ctx, result.userId);
    throw invalidToken();
  }
  if (result.kind === 'failed') throw invalidToken();
  ctx.actor = { userId: result.session.user.id, role: result.session.user.role, email: result.session.user.email };
  return result.session;
}

async function issueTokens(tx: RequestContext, user: UserRecord, tokenVersion: number, sessionId: string): Promise<Session> {
  const { token, expiresAt } = await tx.tokens.sign({ userId: user.id, tokenVersion, sessionId });
  const refresh = newRefreshToken();
  await tx.sql.query(
    `insert into refresh_token (user_id, session_id, token_hash, expires_at)
     values ($1::bigint, $2::bigint, $3, now() + make_interval(days => $4::int))`,
    [user.id, sessionId, refresh.hash, tx.config.REFRESH_TOKEN_TTL_DAYS],
  );
  return { token, expiresAt, refreshToken: refresh.token, user };
}

/** No address outside HTTP (CLI), so nothing to count per address there. */
function addressKey(ctx: RequestContext, kind: 'address' | 'refresh'): ThrottleKey[] {
  return ctx.clientAddress ? [{ kind, key: ctx.tokens.fingerprint(`sign-in-${kind}`, ctx.clientAddress) }] : [];
}

/** Throttle rows whose failures are forgotten are deleted at most once a minute. */
async function purgeNowAndThen(ctx: RequestContext): Promise<void> {
  const runtime = authRuntime(ctx.config);
  if (Date.now() - runtime.lastPurge < 60_000) return;
  runtime.lastPurge = Date.now();
  await purgeForgotten(ctx.sql, ctx.config);
}
