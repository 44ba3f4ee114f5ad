import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { SqlExecutor } from '../db/sql.js';
import { guardedApply, leaseUntil, type Guards, type IndexFactory } from './guarded-apply.js';
import { openSearchIndex } from './search-engine.js';
import { warmTokenizer } from './tokenize.js';

export type { IndexFactory } from './guarded-apply.js';

/**
 * The transactional outbox between the archive and the search index.
 *
 * Writers add a row per changed archived customer in the transaction of the change
 * (`enqueueIndexSync` or an `insert … select` inside the move's own statement), so the
 * index can never miss a change that committed, nor see one that rolled back.
 *
 * The drain claims due rows with FOR UPDATE SKIP LOCKED, never "rows after the last id
 * seen": ids are handed out before commit, so a transaction that started earlier can
 * commit later with a smaller id, and a high-water mark would skip it for good. Claimed
 * rows are deleted only once the index has their customers' current state (see
 * guarded-apply.ts), so a drainer that dies mid-way loses nothing.
 */

/** Records that these archived customers changed, in the caller's transaction. */
export async function enqueueIndexSync(sql: SqlExecutor, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await sql.query(`insert into search_outbox (customer_id) select unnest($1::bigint[])`, [customerIds]);
}

/** SQL for a data-modifying CTE: `, so as (${outboxInsertFrom('ac')})` inside a move. */
export function outboxInsertFrom(cte: string): string {
  return `insert into search_outbox (customer_id) select id from ${cte} returning 1`;
}

export interface DrainResult {
  applied: number;
  failed: number;
}

/** Claims up to `limit` due rows as guards: they stay in the outbox, hidden from other
 * drainers for the lease, until their apply is verified (see guarded-apply.ts). */
async function claimDue(sql: SqlExecutor, limit: number, leaseMs: number): Promise<Guards> {
  const rows = await sql.query<{ id: string; customerId: string }>(
    `update search_outbox o set available_at = ${leaseUntil('$2')}
      where o.id in (select d.id from search_outbox d where d.available_at <= clock_timestamp()
                      order by d.id limit $1::int for update skip locked)
      returning o.id::text as id, o.customer_id::text as "customerId"`,
    [limit, leaseMs],
  );
  return { rowIds: rows.map((r) => r.id), customerIds: rows.map((r) => r.customerId) };
}

/**
 * One round: claims up to `SEARCH_SYNC_BATCH` due rows and applies them as a guarded
 * write, with no transaction open while the engine works. When applying fails, the rows
 * come back later with an exponential backoff and the error kept on them (the PostgreSQL
 * engine's partial writes roll back with the transaction they were made in).
 */
export async function drainOutboxOnce(em: EntityManager, config: Config, indexFor: IndexFactory = openSearchIndex): Promise<DrainResult> {
  let claimed: string[] = [];
  warmTokenizer();
  const sql = new SqlExecutor(em.fork());
  try {
    const result = await guardedApply(sql, config, indexFor, async (tx, leaseMs) => {
      const guards = await claimDue(tx, config.SEARCH_SYNC_BATCH, leaseMs);
      claimed = guards.rowIds;
      return guards;
    });
    return { applied: result.rowIds.length, failed: 0 };
  } catch (error) {
    if (claimed.length === 0) throw error;
    await sql.query(
      `update search_outbox set attempts = attempts + 1, last_error = left($2, 1000),
              available_at = clock_timestamp() + least($3::bigint, 1000 * power(2, least(attempts, 20))::bigint) * interval '1 millisecond'
        where id = any($1::bigint[])`,
      [claimed, error instanceof Error ? error.message : String(error), config.SEARCH_SYNC_MAX_BACKOFF_MS],
    );
    return { applied: 0, failed: claimed.length };
  }
}

/** Drains until nothing is due (or a round fails). */
export async function drainOutbox(em: EntityManager, config: Config, indexFor?: IndexFactory): Promise<DrainResult> {
  const total = { applied: 0, failed: 0 };
  for (;;) {
    const round = await drainOutboxOnce(em, config, indexFor);
    total.applied += round.applied;
    total.failed += round.failed;
    if (round.applied === 0 || round.failed > 0) return total;
  }
}

export interface OutboxStatus {
  pending: number;
  failing: number;
  oldestPendingAt: string | null;
  /** Seconds since the oldest pending change was committed (0 when none is pending). */
  lagSeconds: number;
}

export async function outboxStatus(sql: SqlExecutor): Promise<OutboxStatus> {
  const row = await sql.one<OutboxStatus>(
    `select count(*)::int as pending, count(*) filter (where attempts > 0)::int as failing,
            min(created_at) as "oldestPendingAt",
            coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)::float8 as "lagSeconds"
       from search_outbox`,
  );
  return row!;
}
