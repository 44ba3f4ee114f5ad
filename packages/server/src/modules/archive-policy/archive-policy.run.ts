import { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { archiveCustomerBatch, archiveInteractionBatch } from '../archive/archive.batch.js';
import { withRuleSegment } from '../customer/customer.segment.js';
import { idRangeStep } from '../job/id-range.js';
import { JobKind, JobReasonCode } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';
import { enqueueJobOnce } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import { policyCustomerCondition, policyInteractionCondition, type PolicyRule } from './archive-policy.criteria.js';
import { ArchivePolicyAction } from './archive-policy.enums.js';
import { countPolicyMatches } from './archive-policy.reader.js';
import type { ArchivePolicyRecord } from './archive-policy.record.js';

/** A run carries a snapshot of its policy: editing or deleting the policy meanwhile does
 * not change a run in flight, and a resumed run uses the same cut-off time. */
export interface PolicyRunParams extends Record<string, unknown> {
  policyId: string;
  policyName: string;
  rule: PolicyRule;
  /** "N days ago" is counted from here, fixed when the run was queued. */
  asOf: string;
  retainUntil: string | null;
  reason: string;
  /** Always ARCHIVE_POLICY: the server wrote `reason` (Job.reasonCode; runs before it have none). */
  reasonCode?: JobReasonCode.ARCHIVE_POLICY;
}

interface PolicyRunCheckpoint {
  lastId: string;
  customers: number;
  interactions: number;
}

/** Queues a run of `policy` (inside the caller's transaction) and stamps its last run. */
export async function enqueuePolicyRun(
  tx: RequestContext,
  policy: ArchivePolicyRecord,
  dedupeKey?: string,
): Promise<JobRecord | null> {
  const days = policy.retentionDays ?? tx.config.ARCHIVE_RETENTION_DAYS;
  const clock = await tx.sql.one<{ now: string; retain: string }>(
    `select now()::text as now, (now() + $1::int * interval '1 day')::text as retain`,
    [days],
  );
  const rule: PolicyRule = await withRuleSegment(tx.sql, {
    action: policy.action,
    criteria: policy.criteria,
    interactionsOlderThanDays: policy.interactionsOlderThanDays,
  });
  const params: PolicyRunParams = {
    policyId: policy.id,
    policyName: policy.name,
    rule,
    asOf: clock!.now,
    retainUntil: policy.action === ArchivePolicyAction.ARCHIVE_CUSTOMERS ? clock!.retain : null,
    reason: `archive policy "${policy.name}"`,
    reasonCode: JobReasonCode.ARCHIVE_POLICY,
  };
  const job = await enqueueJobOnce(tx, JobKind.ARCHIVE_POLICY_RUN, params, { dedupeKey, reason: params.reason });
  if (job) await tx.sql.query(`update archive_policy set last_run_at = now() where id = $1::bigint`, [policy.id]);
  return job;
}

/** Walks the matching customers by id range; each batch moves rows and writes their audit events. */
export const policyRunHandler: JobHandler<PolicyRunParams, PolicyRunCheckpoint> = {
  kind: JobKind.ARCHIVE_POLICY_RUN,

  async begin(tx, job) {
    const counts = await countPolicyMatches(tx.sql, job.params.rule, job.params.asOf);
    return { total: counts.customers, checkpoint: { lastId: '0', customers: 0, interactions: 0 } };
  },

  async step(tx, job, checkpoint) {
    const { rule, asOf, policyId, reason, retainUntil } = job.params;
    const condition = (params: Params) => policyCustomerCondition(rule, asOf, params);
    return idRangeStep(tx, checkpoint, { condition }, async ({ params, within }) => {
      if (rule.action === ArchivePolicyAction.ARCHIVE_CUSTOMERS) {
        const where = `${condition(params)} and ${within('c.id')}`;
        const moved = await archiveCustomerBatch(tx, { where, params: params.values }, { reason, policyId, retainUntil });
        const done = moved.customers.length;
        return { checkpoint: { customers: checkpoint.customers + done, interactions: checkpoint.interactions + moved.interactions }, done };
      }
      const where = `${policyInteractionCondition(rule, asOf, params)} and ${within('i.customer_id')}`;
      const moved = await archiveInteractionBatch(tx, { where, params: params.values }, { reason, policyId });
      const interactions = moved.reduce((sum, m) => sum + m.count, 0);
      return { checkpoint: { customers: checkpoint.customers + moved.length, interactions: checkpoint.interactions + interactions }, done: moved.length };
    });
  },

  result(job, checkpoint) {
    return { policyId: job.params.policyId, customers: checkpoint.customers, interactions: checkpoint.interactions };
  },
};
