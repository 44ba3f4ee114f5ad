import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { SqlExecutor } from '../db/sql.js';
import { openSearchIndex } from './search-engine.js';
import { loadDocuments } from './search-document.js';
import type { SearchIndex } from './search-index.js';
import { warmTokenizer } from './tokenize.js';

/**
 * The transactional outbox between the archive and the search index.
 *
 * Writers add a row per changed archived customer in the transaction of the change
 * (`enqueueIndexSync` or an `insert … select` inside the move's own statement), so the
 * index can never miss a change that committed, nor see one that rolled back.
 *
 * The drain claims due rows with FOR UPDATE SKIP LOCKED, never "rows after the last id
 * seen": ids are handed out before commit, so a transaction that started earlier can
 * commit later with a smaller id, and a high-water mark would skip it for good.
 */

/** Serialises applies across drainers and reindex batches. Each apply reads the
 * customers' current state after taking it and writes the index before releasing it
 * (at commit), so a slower drainer can never overwrite a newer state with an older one. */
const APPLY_LOCK = `select pg_advisory_xact_lock(hashtext('custos:search-apply'))`;

export async function lockIndexApply(sql: SqlExecutor): Promise<void> {
  await sql.query(APPLY_LOCK);
}

/** Records that these archived customers changed, in the caller's transaction. */
export async function enqueueIndexSync(sql: SqlExecutor, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await sql.query(`insert into search_outbox (customer_id) select unnest($1::bigint[])`, [customerIds]);
}

/** SQL for a data-modifying CTE: `, so as (${outboxInsertFrom('ac')})` inside a move. */
export function outboxInsertFrom(cte: string): string {
  return `insert into search_outbox (customer_id) select id from ${cte} returning 1`;
}

/** Makes the index match the archive for these customers: upsert those archived,
 * remove the others. Idempotent by construction. */
export async function applyIndexSync(sql: SqlExecutor, index: SearchIndex, customerIds: readonly string[]): Promise<number> {
  const documents = await loadDocuments(sql, customerIds);
  const present = new Set(documents.map((d) => d.id));
  await index.upsert(documents);
  await index.remove(customerIds.filter((id) => !present.has(id)));
  return customerIds.length;
}

export interface DrainResult {
  applied: number;
  failed: number;
}

export type IndexFactory = (config: Config, sql: SqlExecutor) => SearchIndex;

/**
 * One round: claims up to `SEARCH_SYNC_BATCH` due rows, applies them and deletes them, in
 * one transaction. When applying fails, the transaction rolls back (for the PostgreSQL
 * engine that includes its partial index writes), and the rows come back later with an
 * exponential backoff and the error kept on them.
 */
export async function drainOutboxOnce(em: EntityManager, config: Config, indexFor: IndexFactory = openSearchIndex): Promise<DrainResult> {
  let claimed: string[] = [];
  warmTokenizer();
  try {
    const applied = await em.fork().transactional(async (txEm) => {
      const sql = new SqlExecutor(txEm);
      const rows = await sql.query<{ id: string; customerId: string }>(
        `select o.id::text as id, o.customer_id::text as "customerId" from search_outbox o
          where o.available_at <= clock_timestamp() order by o.id limit $1::int for update skip locked`,
        [config.SEARCH_SYNC_BATCH],
      );
      claimed = rows.map((r) => r.id);
      if (rows.length === 0) return 0;
      await lockIndexApply(sql);
      await applyIndexSync(sql, indexFor(config, sql), [...new Set(rows.map((r) => r.customerId))]);
      await sql.query(`delete from search_outbox where id = any($1::bigint[])`, [claimed]);
      return rows.length;
    });
    return { applied, failed: 0 };
  } catch (error) {
    if (claimed.length === 0) throw error;
    const sql = new SqlExecutor(em.fork());
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
