import { Params } from '../../db/sql.js';
import { archiveInteractionBatch } from '../archive/archive.batch.js';
import { idRangeStep } from '../job/id-range.js';
import { JobKind } from '../job/job.enums.js';
import { JobError, type JobHandler } from '../job/job.handler.js';

/** `archiveInteractions` without a customer: every interaction older than `olderThan`. */
export interface ArchiveInteractionsParams extends Record<string, unknown> {
  olderThan: string;
  reason: string;
}

interface Checkpoint {
  lastId: string;
  customers: number;
  interactions: number;
}

const hasOldInteractions = (olderThan: string) => (params: Params) =>
  `exists (select 1 from interaction oi where oi.customer_id = c.id and oi.occurred_at < ${params.add(olderThan, 'timestamptz')})`;

/** Walks customers with old interactions by id range and archives those interactions. */
export const archiveInteractionsHandler: JobHandler<ArchiveInteractionsParams, Checkpoint> = {
  kind: JobKind.ARCHIVE_INTERACTIONS,

  async begin(tx, job) {
    if (typeof job.params.olderThan !== 'string' || typeof job.params.reason !== 'string') {
      throw new JobError('ARCHIVE_INTERACTIONS needs params { olderThan, reason }');
    }
    const params = new Params();
    const row = await tx.sql.one<{ n: number }>(
      `select count(*)::int as n from customer c where ${hasOldInteractions(job.params.olderThan)(params)}`,
      params.values,
    );
    return { total: row!.n, checkpoint: { lastId: '0', customers: 0, interactions: 0 } };
  },

  async step(tx, job, checkpoint) {
    const { olderThan, reason } = job.params;
    return idRangeStep(tx, checkpoint, { condition: hasOldInteractions(olderThan) }, async ({ params, within }) => {
      const where = `i.occurred_at < ${params.add(olderThan, 'timestamptz')} and ${within('i.customer_id')}`;
      const moved = await archiveInteractionBatch(tx, { where, params: params.values }, { reason, policyId: null });
      return {
        checkpoint: {
          customers: checkpoint.customers + moved.length,
          interactions: checkpoint.interactions + moved.reduce((sum, m) => sum + m.count, 0),
        },
        done: moved.length,
      };
    });
  },

  result(_job, checkpoint) {
    return { customers: checkpoint.customers, interactions: checkpoint.interactions };
  },
};
