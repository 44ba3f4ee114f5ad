import { Params } from '../../db/sql.js';
import { purgeRows } from '../archive/purge.service.js';
import type { Located } from '../customer/customer.lifecycle.js';
import { idRangeStep } from '../job/id-range.js';
import { JobKind, type JobReasonCode } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';
import { expiredCondition } from './retention.condition.js';
import { countDuePurges, dropOldExports, purgeDue } from '../recycle-bin/recycle-bin.service.js';

export interface RetentionParams extends Record<string, unknown> {
  /** Retention is judged against this instant, fixed when the sweep was queued. */
  asOf: string;
  reason: string;
  /** Set when the server wrote `reason` (Job.reasonCode); absent when a person typed it. */
  reasonCode?: JobReasonCode;
  /** RECYCLE_BIN: only the bin's due purges (RECYCLE_BIN_SCHEDULE), no retention purge. */
  scope?: 'RECYCLE_BIN';
}

interface Checkpoint {
  lastId: string;
  customers: number;
  interactions: number;
  /** The recycle-bin phase (first): the last scheduled purge looked at, and what came of them. */
  bin?: { lastId: string; done: boolean; purged: number; cancelled: number; held: number };
}

/**
 * First carries out the recycle bin's purges due by `asOf` (modules/recycle-bin, with
 * their exports), then purges expired archived customers one id range per transaction,
 * each with its tombstones. Conditions are re-checked under the row locks, so a customer
 * restored or put on hold after the sweep was queued is left alone.
 */
export const retentionSweepHandler: JobHandler<RetentionParams, Checkpoint> = {
  kind: JobKind.RETENTION_SWEEP,

  async begin(tx, job) {
    const params = new Params();
    const row = job.params.scope === 'RECYCLE_BIN' ? { n: 0 } : await tx.sql.one<{ n: number }>(
      `select count(*)::int as n from archive.customer c where ${expiredCondition(job.params.asOf, params)}`,
      params.values,
    );
    await dropOldExports(tx, job.params.asOf);
    const due = await countDuePurges(tx, job.params.asOf);
    return {
      total: row!.n + due,
      checkpoint: { lastId: '0', customers: 0, interactions: 0, bin: { lastId: '0', done: false, purged: 0, cancelled: 0, held: 0 } },
    };
  },

  async step(tx, job, checkpoint) {
    const bin = checkpoint.bin;
    if (bin && !bin.done) {
      const size = tx.config.ARCHIVE_BATCH_SIZE;
      const batch = await purgeDue(tx, job.params.asOf, bin.lastId, size);
      return {
        checkpoint: {
          ...checkpoint,
          bin: { lastId: batch.lastId, done: batch.seen < size, purged: bin.purged + batch.purged, cancelled: bin.cancelled + batch.cancelled, held: bin.held + batch.held },
        },
        done: batch.seen,
        finished: job.params.scope === 'RECYCLE_BIN' && batch.seen < size,
      };
    }
    const condition = (params: Params) => expiredCondition(job.params.asOf, params);
    return idRangeStep(tx, checkpoint, { condition, table: 'archive.customer' }, async ({ params, within }) => {
      const rows = await tx.sql.query<Located & { interactions: number }>(
        `select c.id::text, c.code, 'ARCHIVED' as status, c.legal_hold as "legalHold", 'ARCHIVE' as store,
                (select count(*) from archive.interaction ai where ai.customer_id = c.id)::int as interactions
           from archive.customer c
          where ${condition(params)} and ${within('c.id')}
          order by c.id
          for update of c`,
        params.values,
      );
      if (rows.length) await purgeRows(tx, rows, job.params.reason);
      return {
        checkpoint: {
          bin: checkpoint.bin,
          customers: checkpoint.customers + rows.length,
          interactions: checkpoint.interactions + rows.reduce((sum, r) => sum + r.interactions, 0),
        },
        done: rows.length,
      };
    });
  },

  result(job, checkpoint) {
    const bin = checkpoint.bin;
    return {
      asOf: job.params.asOf,
      customers: checkpoint.customers,
      interactions: checkpoint.interactions,
      scheduledPurges: { purged: bin?.purged ?? 0, cancelled: bin?.cancelled ?? 0, held: bin?.held ?? 0 },
    };
  },
};
