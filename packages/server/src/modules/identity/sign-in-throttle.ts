import type { Config } from '../../config.js';
import type { SqlExecutor } from '../../db/sql.js';
import { signInLocked, signInThrottled, type TooManyRequestsError } from './identity.errors.js';

export type ThrottleKind = 'account' | 'address' | 'refresh';

export interface ThrottleKey {
  kind: ThrottleKind;
  key: Buffer;
}

interface Limits {
  free: number;
  lock: number;
}

/** Times as epoch milliseconds, read from the database's clock so that every server
 * instance judges by the same one. */
export interface Row {
  key: Buffer;
  kind: ThrottleKind;
  failures: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  lockedUntil: number | null;
  now: number;
}

/** One key's verdict on an attempt, and the row to write back. */
export interface KeyDecision {
  outcome: 'allow' | 'throttled' | 'locked';
  /** This attempt set the lock (for the audit). */
  newlyLocked: boolean;
  retryMs: number;
  next: { failures: number; nextAttemptAt: number | null; lockedUntil: number | null };
}

const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

function limitsFor(config: Config, kind: ThrottleKind): Limits {
  return kind === 'account'
    ? { free: config.LOGIN_ACCOUNT_FREE_FAILURES, lock: config.LOGIN_ACCOUNT_LOCK_FAILURES }
    : { free: config.LOGIN_ADDRESS_FREE_FAILURES, lock: config.LOGIN_ADDRESS_LOCK_FAILURES };
}

export function backoffMs(config: Config, failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(config.LOGIN_BACKOFF_BASE_MS * 2 ** Math.min(failures - free, 30), config.LOGIN_BACKOFF_MAX_MS);
}

/**
 * The rule, pure so it can be read in one place. Every attempt counts as a failure when it
 * starts (a success takes it back), so parallel attempts cannot all slip in before the
 * first failure is written, and attempts refused by the backoff count towards the lock:
 * hammering locks sooner instead of waiting the backoff out for free.
 */
export function decide(config: Config, row: Row): KeyDecision {
  const { free, lock } = limitsFor(config, row.kind);
  const now = row.now;
  if (row.lockedUntil !== null && row.lockedUntil > now) {
    const { failures, nextAttemptAt, lockedUntil } = row;
    return { outcome: 'locked', newlyLocked: false, retryMs: lockedUntil - now, next: { failures, nextAttemptAt, lockedUntil } };
  }
  const forgotten =
    row.lockedUntil !== null || row.lastAttemptAt === null || now - row.lastAttemptAt > config.LOGIN_FAILURE_WINDOW_SECONDS * 1000;
  const failures = forgotten ? 0 : row.failures;
  const nextAttemptAt = forgotten ? null : row.nextAttemptAt;
  if (failures >= lock) {
    const lockedUntil = now + config.LOGIN_LOCKOUT_SECONDS * 1000;
    return { outcome: 'locked', newlyLocked: true, retryMs: lockedUntil - now, next: { failures, nextAttemptAt, lockedUntil } };
  }
  if (nextAttemptAt !== null && nextAttemptAt > now) {
    return { outcome: 'throttled', newlyLocked: false, retryMs: nextAttemptAt - now, next: { failures: failures + 1, nextAttemptAt, lockedUntil: null } };
  }
  const counted = failures + 1;
  const wait = backoffMs(config, counted, free);
  return { outcome: 'allow', newlyLocked: false, retryMs: 0, next: { failures: counted, nextAttemptAt: wait > 0 ? now + wait : null, lockedUntil: null } };
}

export interface AttemptVerdict {
  /** Thrown by the caller when set; the counts are written either way. */
  refusal: TooManyRequestsError | null;
  /** The account key was locked by this attempt. */
  accountLocked: boolean;
}

/**
 * Checks and counts one attempt against every key, in the caller's transaction. Rows are
 * locked in key order, so concurrent attempts on the same keys queue instead of
 * deadlocking.
 */
export async function countAttempt(sql: SqlExecutor, config: Config, keys: ThrottleKey[]): Promise<AttemptVerdict> {
  if (!keys.length) return { refusal: null, accountLocked: false };
  await sql.query(
    `insert into sign_in_throttle (key, kind) select * from unnest($1::bytea[], $2::text[]) on conflict (key) do nothing`,
    [keys.map((k) => k.key), keys.map((k) => k.kind)],
  );
  const rows = await sql.query<Row>(
    `select key, kind, failures, ${ms('last_attempt_at')} as "lastAttemptAt", ${ms('next_attempt_at')} as "nextAttemptAt",
            ${ms('locked_until')} as "lockedUntil", ${ms('now()')} as now
       from sign_in_throttle where key = any($1::bytea[]) order by key for update`,
    [keys.map((k) => k.key)],
  );
  const decisions = rows.map((row) => ({ row, decision: decide(config, row) }));
  await sql.query(
    `update sign_in_throttle t
        set failures = v.failures, next_attempt_at = to_timestamp(v.next_at / 1000), locked_until = to_timestamp(v.locked_until / 1000),
            last_attempt_at = now()
       from unnest($1::bytea[], $2::int[], $3::float8[], $4::float8[]) as v(key, failures, next_at, locked_until)
      where t.key = v.key`,
    [
      decisions.map((d) => d.row.key),
      decisions.map((d) => d.decision.next.failures),
      decisions.map((d) => d.decision.next.nextAttemptAt),
      decisions.map((d) => d.decision.next.lockedUntil),
    ],
  );
  const locked = decisions.filter((d) => d.decision.outcome === 'locked');
  const throttled = decisions.filter((d) => d.decision.outcome === 'throttled');
  const accountLocked = locked.some((d) => d.row.kind === 'account' && d.decision.newlyLocked);
  if (locked.length) {
    const longest = locked.reduce((a, b) => (b.decision.retryMs > a.decision.retryMs ? b : a));
    return { refusal: signInLocked(longest.decision.retryMs, longest.row.kind !== 'account'), accountLocked };
  }
  if (throttled.length) {
    return { refusal: signInThrottled(Math.max(...throttled.map((d) => d.decision.retryMs))), accountLocked };
  }
  return { refusal: null, accountLocked };
}

/**
 * Takes back the failure counted when a successful attempt started: the account's
 * failures are forgotten, an address keeps its other failures.
 */
export async function countSuccess(sql: SqlExecutor, keys: ThrottleKey[]): Promise<void> {
  const account = keys.filter((k) => k.kind === 'account').map((k) => k.key);
  const others = keys.filter((k) => k.kind !== 'account').map((k) => k.key);
  if (account.length) await sql.query(`delete from sign_in_throttle where key = any($1::bytea[])`, [account]);
  if (others.length) {
    await sql.query(`update sign_in_throttle set failures = greatest(failures - 1, 0) where key = any($1::bytea[])`, [others]);
  }
}

/** Lifts a lock and forgets the failures; true when the key was locked. */
export async function clearKey(sql: SqlExecutor, key: Buffer): Promise<{ wasLocked: boolean; failures: number }> {
  const row = await sql.one<{ wasLocked: boolean; failures: number }>(
    `delete from sign_in_throttle where key = $1 returning coalesce(locked_until > now(), false) as "wasLocked", failures`,
    [key],
  );
  return row ?? { wasLocked: false, failures: 0 };
}

/** Rows nobody needs any more: failures forgotten and no lock in force. */
export async function purgeForgotten(sql: SqlExecutor, config: Config): Promise<void> {
  await sql.query(
    `delete from sign_in_throttle
      where last_attempt_at < now() - make_interval(secs => $1::int) and (locked_until is null or locked_until < now())`,
    [config.LOGIN_FAILURE_WINDOW_SECONDS],
  );
}
