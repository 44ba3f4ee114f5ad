import { Migration } from '@mikro-orm/migrations';

/**
 * Sessions that can end, and sign-in throttling.
 *
 * A session is one sign-in: its access tokens carry its id (`sid`) and its refresh tokens
 * point at it, so `logout` ends exactly one device while disabling a user, a password
 * reset, refresh-token reuse and `revokeSessions` end them all (and bump the user's token
 * version, which also refuses tokens minted without a session).
 *
 * `sign_in_throttle` counts failed sign-ins per keyed hash of an email (whether or not an
 * account has it, so a lockout reveals nothing) and per client address. It holds no email
 * or address in clear.
 */
export class MigrationSessions extends Migration {
  override name = 'migration-2026120402-sessions';

  override up(): void {
    this.addSql(`
      create table user_session (
        id bigint generated always as identity primary key,
        user_id bigint not null references app_user (id),
        created_at timestamptz(6) not null default now(),
        ended_at timestamptz(6),
        end_reason text
      )`);
    this.addSql(`create index user_session_live_idx on user_session (user_id) where ended_at is null`);
    this.addSql(`alter table refresh_token add column session_id bigint references user_session (id)`);
    this.addSql(`create index refresh_token_session_idx on refresh_token (session_id) where revoked_at is null`);

    this.addSql(`
      create table sign_in_throttle (
        key bytea primary key,
        kind text not null check (kind in ('account', 'address', 'refresh')),
        failures integer not null default 0,
        last_attempt_at timestamptz(6),
        next_attempt_at timestamptz(6),
        locked_until timestamptz(6)
      )`);
    // The opportunistic purge of forgotten rows scans by age.
    this.addSql(`create index sign_in_throttle_age_idx on sign_in_throttle (last_attempt_at)`);
  }
}
