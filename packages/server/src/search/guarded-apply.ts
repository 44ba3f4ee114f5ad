import type { Config } from '../config.js';
import type { SqlExecutor } from '../db/sql.js';
import { loadDocuments } from './search-document.js';
import type { SearchDocument, SearchIndex } from './search-index.js';

/**
 * How the outbox drain and the reindex job write the index without a transaction open
 * while the engine works, and without losing a change to a race.
 *
 * Every write is covered by outbox rows ("guards") for its customers, committed before
 * the write starts and deleted only after it: (1) a short transaction takes the guards
 * (claims due outbox rows, or inserts new ones) with `available_at` pushed SEARCH_APPLY_
 * LEASE_MS ahead, so other drainers leave them alone, and reads the customers' documents;
 * (2) the engine writes them, with no transaction open (Meilisearch: HTTP calls and task
 * waits that can take seconds); (3) a second short transaction reads the documents again
 * and deletes the guards. A customer whose document changed between (1) and (3) gets a
 * new outbox row, due at once.
 *
 * Why that is enough without the advisory lock that used to serialise applies: a slower
 * batch can land an older state after a newer one, but the write that lands last for a
 * customer is followed by its own step (3), which then sees the archive differ from what
 * it wrote and queues the customer again; if that batch dies before (3), its guards stay
 * and come due after the lease. So whichever order writes land in, the index ends at the
 * archive's state. (Meilisearch applies tasks in the order it received them, and a write
 * only counts as landed once its task succeeded.) An engine whose writes join a
 * transaction (PostgreSQL) writes inside (3), so its writes and the guards' deletion
 * commit together.
 */

export interface Guards {
  /** The outbox rows covering this write. */
  rowIds: string[];
  /** The customers to bring in line with the archive. */
  customerIds: string[];
}

/** Takes the guards inside transaction (1), held for `leaseMs` (see leaseUntil). */
export type TakeGuards = (sql: SqlExecutor, leaseMs: number) => Promise<Guards>;

export type IndexFactory = (config: Config, sql: SqlExecutor) => SearchIndex;

export interface GuardedResult extends Guards {
  /** Customers queued again because the archive changed while the write ran. */
  requeued: number;
}

/** SQL for "now plus the lease", `param` being the placeholder of the lease in ms. */
export function leaseUntil(param: string): string {
  return `clock_timestamp() + ${param}::bigint * interval '1 millisecond'`;
}

/** Upserts those archived, removes the others: the index then matches `documents`. */
async function write(index: SearchIndex, customerIds: readonly string[], documents: readonly SearchDocument[]): Promise<void> {
  const present = new Set(documents.map((d) => d.id));
  await index.upsert(documents);
  await index.remove(customerIds.filter((id) => !present.has(id)));
}

/** Customers whose document differs between two reads (or exists in only one). */
function changedBetween(customerIds: readonly string[], before: readonly SearchDocument[], after: readonly SearchDocument[]): string[] {
  const key = (docs: readonly SearchDocument[]) => new Map(docs.map((d) => [d.id, JSON.stringify(d)]));
  const a = key(before);
  const b = key(after);
  return customerIds.filter((id) => a.get(id) !== b.get(id));
}

/**
 * One guarded write (see above). `sql` must not be inside a transaction: the steps open
 * their own. When the engine fails, the error propagates with the guards left in place
 * (the caller may give them a backoff); they come due after the lease at the latest.
 */
export async function guardedApply(sql: SqlExecutor, config: Config, indexFor: IndexFactory, take: TakeGuards): Promise<GuardedResult> {
  if (sql.inTransaction) throw new Error('guardedApply opens its own transactions; it must not run inside one');
  const { guards, documents } = await sql.transaction(async (tx) => {
    const taken = await take(tx, config.SEARCH_APPLY_LEASE_MS);
    return { guards: taken, documents: taken.customerIds.length ? await loadDocuments(tx, taken.customerIds) : [] };
  });
  if (guards.rowIds.length === 0) return { ...guards, requeued: 0 };
  const customerIds = [...new Set(guards.customerIds)];
  const outside = indexFor(config, sql);
  if (!outside.writesJoinTransaction) await write(outside, customerIds, documents);
  const requeued = await sql.transaction(async (tx) => {
    if (outside.writesJoinTransaction) await write(indexFor(config, tx), customerIds, documents);
    const changed = changedBetween(customerIds, documents, await loadDocuments(tx, customerIds));
    await tx.query(`delete from search_outbox where id = any($1::bigint[])`, [guards.rowIds]);
    if (changed.length) await tx.query(`insert into search_outbox (customer_id) select unnest($1::bigint[])`, [changed]);
    return changed.length;
  });
  return { rowIds: guards.rowIds, customerIds, requeued };
}
