import { compareIds } from '../../db/keyset.js';
import type { SqlExecutor } from '../../db/sql.js';
import { guardedApply, leaseUntil, type Guards } from '../../search/guarded-apply.js';
import { openSearchIndex } from '../../search/search-engine.js';
import { warmTokenizer } from '../../search/tokenize.js';
import { JobKind } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';

interface Checkpoint {
  /** copy: upsert every archived customer; sweep: drop documents no longer archived. */
  phase: 'copy' | 'sweep';
  lastId: string;
  indexed: number;
  removed: number;
}

/** Guard rows (outbox rows not due before the lease ends) for these customers. */
async function insertGuards(sql: SqlExecutor, selectIds: string, params: unknown[], leaseMs: number): Promise<Guards> {
  const rows = await sql.query<{ id: string; customerId: string }>(
    `insert into search_outbox (customer_id, available_at)
     select x.id, ${leaseUntil(`$${params.length + 1}`)} from (${selectIds}) x
     returning id::text as id, customer_id::text as "customerId"`,
    [...params, leaseMs],
  );
  return { rowIds: rows.map((r) => r.id), customerIds: rows.map((r) => r.customerId) };
}

/**
 * Rebuilds the index from `archive.customer` without emptying it first, so search keeps
 * answering during the run: archived customers are upserted in id order, then the index
 * is walked in id order and whatever is no longer archived is removed.
 *
 * Batches own their connections: the engine's writes (HTTP calls and task waits on
 * Meilisearch) run with no transaction open, each as a guarded write (see
 * search/guarded-apply.ts) whose guard rows also cover a batch that crashes mid-way, and
 * whose check queues again any customer a concurrent change or drain moved on meanwhile.
 * A batch repeated after a crash writes the same documents again.
 */
export const reindexSearchHandler: JobHandler<Record<string, unknown>, Checkpoint> = {
  kind: JobKind.REINDEX_SEARCH,
  ownsConnections: true,
  warmUp: warmTokenizer,

  async begin(ctx) {
    await openSearchIndex(ctx.config, ctx.sql).prepare();
    const row = await ctx.sql.one<{ n: number }>(`select count(*)::int as n from archive.customer`);
    return { total: row!.n, checkpoint: { phase: 'copy', lastId: '0', indexed: 0, removed: 0 } };
  },

  async step(ctx, _job, checkpoint) {
    const size = ctx.config.ARCHIVE_BATCH_SIZE;
    if (checkpoint.phase === 'copy') {
      const page = await guardedApply(ctx.sql, ctx.config, openSearchIndex, (tx, leaseMs) =>
        insertGuards(tx, `select a.id from archive.customer a where a.id > $1::bigint order by a.id limit $2::int`, [checkpoint.lastId, size], leaseMs),
      );
      const n = page.customerIds.length;
      const lastId = page.customerIds.reduce((max, id) => (compareIds(id, max) > 0 ? id : max), checkpoint.lastId);
      const next: Checkpoint = n < size
        ? { ...checkpoint, phase: 'sweep', lastId: '0', indexed: checkpoint.indexed + n }
        : { ...checkpoint, lastId, indexed: checkpoint.indexed + n };
      return { checkpoint: next, done: n, finished: false };
    }
    const listed = await openSearchIndex(ctx.config, ctx.sql).fingerprints(checkpoint.lastId, size);
    const ids = listed.map((f) => f.id);
    const gone = await guardedApply(ctx.sql, ctx.config, openSearchIndex, (tx, leaseMs) =>
      insertGuards(
        tx,
        `select u.id from unnest($1::bigint[]) as u(id) where not exists (select 1 from archive.customer a where a.id = u.id)`,
        [ids],
        leaseMs,
      ),
    );
    return {
      checkpoint: { ...checkpoint, lastId: ids[ids.length - 1] ?? checkpoint.lastId, removed: checkpoint.removed + gone.customerIds.length },
      done: 0,
      finished: listed.length < size,
    };
  },

  result(_job, checkpoint) {
    return { indexed: checkpoint.indexed, removed: checkpoint.removed };
  },
};
