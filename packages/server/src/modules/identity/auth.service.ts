import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from './actor.js';
import { invalidToken, loginFailed } from './identity.errors.js';
import { verifyPassword } from './passwords.js';
import type { Role } from './role.js';
import { newRefreshToken, refreshTokenHash } from './tokens.js';
import { USER_COLUMNS } from './user.loaders.js';
import type { UserRecord } from './user.type.js';

export interface Session {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  user: UserRecord;
}

/**
 * Confirms the token's user against the database: a disabled user, or a token issued
 * before a password reset, stops working at once.
 */
export async function authenticate(ctx: RequestContext): Promise<Actor> {
  if (!ctx.claims) throw invalidToken();
  const user = await ctx.sql.one<{ id: string; role: Role; email: string; enabled: boolean; tokenVersion: number }>(
    `select id, role, email, enabled, token_version as "tokenVersion" from app_user where id = $1::bigint`,
    [ctx.claims.userId],
  );
  if (!user || !user.enabled || user.tokenVersion !== ctx.claims.tokenVersion) throw invalidToken();
  ctx.actor = { userId: user.id, role: user.role, email: user.email };
  return ctx.actor;
}

export async function login(ctx: RequestContext, email: string, password: string): Promise<Session> {
  const user = await ctx.sql.one<UserRecord & { passwordHash: string | null; tokenVersion: number }>(
    `select ${USER_COLUMNS}, u.password_hash as "passwordHash", u.token_version as "tokenVersion"
       from app_user u where lower(u.email) = lower($1)`,
    [email.trim()],
  );
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || !user.enabled) throw loginFailed();
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`update app_user set last_login_at = now() where id = $1::bigint`, [user.id]);
    const session = await issueSession(tx, user, user.tokenVersion);
    await recordAudit(tx, {
      action: 'USER_LOGGED_IN',
      entityType: 'User',
      entityId: user.id,
      actorId: user.id,
      actorRole: user.role,
    });
    return session;
  });
}

/**
 * Trades a refresh token for a new access and refresh token (rotation). Presenting a
 * token that was already used revokes every session of that user: it was stolen.
 */
export async function refreshSession(ctx: RequestContext, refreshToken: string): Promise<Session> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.sql.one<{ id: string; userId: string; revoked: boolean; expired: boolean }>(
      `select id, user_id as "userId", revoked_at is not null as revoked, expires_at <= now() as expired
         from refresh_token where token_hash = $1 for update`,
      [refreshTokenHash(refreshToken)],
    );
    if (!row || row.expired) throw invalidToken();
    if (row.revoked) {
      await tx.sql.query(`update refresh_token set revoked_at = now() where user_id = $1::bigint and revoked_at is null`, [row.userId]);
      await recordAudit(tx, { action: 'USER_SESSIONS_REVOKED', entityType: 'User', entityId: row.userId, reason: 'refresh token reuse' });
      return { reuse: true } as never;
    }
    const user = await tx.sql.one<UserRecord & { tokenVersion: number }>(
      `select ${USER_COLUMNS}, u.token_version as "tokenVersion" from app_user u where u.id = $1::bigint`,
      [row.userId],
    );
    if (!user || !user.enabled) throw invalidToken();
    await tx.sql.query(`update refresh_token set revoked_at = now() where id = $1::bigint`, [row.id]);
    const session = await issueSession(tx, user, user.tokenVersion);
    await recordAudit(tx, { action: 'USER_TOKEN_REFRESHED', entityType: 'User', entityId: user.id, actorId: user.id, actorRole: user.role });
    return session;
  }).then((result) => {
    // The revocation above must commit, so the error is raised after the transaction.
    if ((result as { reuse?: boolean }).reuse) throw invalidToken();
    return result;
  });
}

async function issueSession(tx: RequestContext, user: UserRecord, tokenVersion: number): Promise<Session> {
  const { token, expiresAt } = await tx.tokens.sign({ userId: user.id, tokenVersion });
  const refresh = newRefreshToken();
  await tx.sql.query(
    `insert into refresh_token (user_id, token_hash, expires_at) values ($1::bigint, $2, now() + make_interval(days => $3::int))`,
    [user.id, refresh.hash, tx.config.REFRESH_TOKEN_TTL_DAYS],
  );
  return { token, expiresAt, refreshToken: refresh.token, user };
}

