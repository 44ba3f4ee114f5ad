import { statusCondition } from '../customer/customer.lifecycle.js';
import { writeCustomersWhere } from '../customer/customer.store.js';
import { idRangeStep } from '../job/id-range.js';
import { JobKind } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';

export interface StageThresholds {
  newDays: number;
  activeDays: number;
  inactiveDays: number;
}

export interface ClassifyParams extends StageThresholds, Record<string, unknown> {
  /** Days are counted back from here, fixed when the job was queued. */
  asOf: string;
}

interface Checkpoint {
  lastId: string;
  scanned: number;
  changed: number;
  /** Changes by new stage. */
  to: Record<string, number>;
}

/** Live customers the classifier may touch: a stage set by hand stays as it is. */
const ELIGIBLE = `${statusCondition('edit')} and not c.stage_override`;

/** Sets lifecycle stages from activity, one id range per transaction, with one audit
 * event per changed customer; the job's terminal event is the run's summary. */
export const classifyLifecycleHandler: JobHandler<ClassifyParams, Checkpoint> = {
  kind: JobKind.CLASSIFY_LIFECYCLE,

  async begin(tx) {
    const row = await tx.sql.one<{ n: number }>(`select count(*)::int as n from customer c where ${ELIGIBLE}`);
    return { total: row!.n, checkpoint: { lastId: '0', scanned: 0, changed: 0, to: {} } };
  },

  async step(tx, job, checkpoint) {
    const { newDays, activeDays, inactiveDays, asOf } = job.params;
    return idRangeStep(tx, checkpoint, { condition: () => ELIGIBLE }, async ({ params, within, count }) => {
      const at = params.add(asOf, 'timestamptz');
      const ago = (days: number) => `(${at} - ${params.add(days, 'integer')} * interval '1 day')`;
      const activity = 'coalesce(c.last_interaction_at, c.created_at)';
      const changes = await writeCustomersWhere(tx, {
        where: `${ELIGIBLE} and ${within('c.id')}`,
        params,
        set: {
          lifecycleStage: `case when c.created_at >= ${ago(newDays)} then 'NEW'
                                when ${activity} >= ${ago(activeDays)} then 'ACTIVE'
                                when ${activity} >= ${ago(inactiveDays)} then 'INACTIVE'
                                else 'CHURNED' end`,
        },
        audit: { action: 'CUSTOMER_STAGE_CLASSIFIED' },
      });
      const to = { ...checkpoint.to };
      for (const { changes: diff } of changes) {
        const stage = diff.lifecycleStage!.to as string;
        to[stage] = (to[stage] ?? 0) + 1;
      }
      return { checkpoint: { scanned: checkpoint.scanned + count, changed: checkpoint.changed + changes.length, to } };
    });
  },

  result(job, checkpoint) {
    const { newDays, activeDays, inactiveDays } = job.params;
    return { thresholds: { newDays, activeDays, inactiveDays }, scanned: checkpoint.scanned, changed: checkpoint.changed, to: checkpoint.to };
  },
};
