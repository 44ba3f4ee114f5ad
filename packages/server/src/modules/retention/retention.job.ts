import { Params } from '../../db/sql.js';
import { purgeRows } from '../archive/purge.service.js';
import type { Located } from '../customer/customer.lifecycle.js';
import { idRangeStep } from '../job/id-range.js';
import { JobKind } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';
import { expiredCondition } from './retention.condition.js';

export interface RetentionParams extends Record<string, unknown> {
  /** Retention is judged against this instant, fixed when the sweep was queued. */
  asOf: string;
  reason: string;
}

interface Checkpoint {
  lastId: string;
  customers: number;
  interactions: number;
}

/**
 * Purges expired archived customers one id range per transaction, each with its
 * tombstones, like `purgeCustomer`. The condition is re-checked under the row locks, so a
 * customer restored or put on hold after the sweep was queued is left alone.
 */
export const retentionSweepHandler: JobHandler<RetentionParams, Checkpoint> = {
  kind: JobKind.RETENTION_SWEEP,

  async begin(tx, job) {
    const params = new Params();
    const row = await tx.sql.one<{ n: number }>(
      `select count(*)::int as n from archive.customer c where ${expiredCondition(job.params.asOf, params)}`,
      params.values,
    );
    return { total: row!.n, checkpoint: { lastId: '0', customers: 0, interactions: 0 } };
  },

  async step(tx, job, checkpoint) {
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
          customers: checkpoint.customers + rows.length,
          interactions: checkpoint.interactions + rows.reduce((sum, r) => sum + r.interactions, 0),
        },
        done: rows.length,
      };
    });
  },

  result(job, checkpoint) {
    return { asOf: job.params.asOf, customers: checkpoint.customers, interactions: checkpoint.interactions };
  },
};
