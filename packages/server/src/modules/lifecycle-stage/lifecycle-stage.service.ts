import { invalidInput } from '../../common/domain-error.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { slotTask } from '../job/job.schedule.js';
import { JobKind } from '../job/job.enums.js';
import { jobAlreadyActive } from '../job/job.errors.js';
import { enqueueJobOnce, findActiveJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import type { PollTask } from '../job/job.worker.js';
import { DEFAULT_STAGE_THRESHOLDS, type ClassifyLifecycleStagesInput } from './lifecycle-stage.inputs.js';
import type { ClassifyParams, StageThresholds } from './lifecycle-stage.job.js';

/**
 * Starts a lifecycle classification. Uses the POLICY_RUN permission (ADMIN, MANAGER):
 * like a policy run, it changes many customers at once on the caller's authority.
 */
export async function classifyLifecycleStages(ctx: RequestContext, input: ClassifyLifecycleStagesInput | null | undefined): Promise<JobRecord> {
  requireAction(ctx, Action.POLICY_RUN);
  const thresholds: StageThresholds = { ...DEFAULT_STAGE_THRESHOLDS, ...definedOnly(input ?? {}) };
  if (thresholds.inactiveDays <= thresholds.activeDays) {
    throw invalidInput([{ field: 'inactiveDays', message: `must be greater than activeDays (${thresholds.activeDays})` }]);
  }
  return inTransaction(ctx, async (tx) => {
    // One classification at a time: the lock makes the check and the insert atomic.
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:classify-lifecycle'))`);
    const active = await findActiveJob(tx.sql, JobKind.CLASSIFY_LIFECYCLE);
    if (active) throw jobAlreadyActive(JobKind.CLASSIFY_LIFECYCLE, active);
    return (await enqueueClassification(tx, thresholds))!;
  });
}

async function enqueueClassification(
  tx: RequestContext,
  thresholds: StageThresholds,
  dedupeKey?: string,
): Promise<JobRecord | null> {
  const asOf = (await tx.sql.one<{ now: string }>(`select now()::text as now`))!.now;
  return enqueueJobOnce(tx, JobKind.CLASSIFY_LIFECYCLE, { ...thresholds, asOf } satisfies ClassifyParams, { dedupeKey });
}

/** Poll task for LIFECYCLE_SCHEDULE: queues the current slot once (dedupe key
 * `lifecycle:<slot>`), with the default thresholds, as the system. */
export function lifecycleSchedule(schedule: string): PollTask {
  return slotTask(schedule, async (tx, slot) => void (await enqueueClassification(tx, { ...DEFAULT_STAGE_THRESHOLDS }, `lifecycle:${slot}`)));
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v != null)) as Partial<T>;
}
