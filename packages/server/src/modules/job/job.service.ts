import type { PageArgs } from '../../db/paginate.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action, OWN_CANCELLABLE_JOBS, RowScope } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { JobState } from './job.enums.js';
import { jobFinished, jobNotFound } from './job.errors.js';
import type { JobFilter } from './job.inputs.js';
import { findJob } from './job.queue.js';
import { findJobPage } from './job.reader.js';
import { JOB_COLUMNS, type JobRecord } from './job.record.js';
import { isBigintId } from '../../db/keyset.js';


export async function getJob(ctx: RequestContext, id: string): Promise<JobRecord | null> {
  requireAction(ctx, Action.JOB_READ);
  if (!isBigintId(id)) return null;
  return (await findJob(ctx.sql, id)) ?? null;
}

export async function listJobs(ctx: RequestContext, filter: JobFilter | null | undefined, args: PageArgs) {
  requireAction(ctx, Action.JOB_READ);
  return findJobPage(ctx.sql, filter, args, ctx.config.MAX_PAGE_SIZE);
}

/**
 * A queued job is cancelled at once; a running one is asked to stop and does so between
 * two batches (so what is done stays consistent and audited). Cancelling twice is
 * harmless; cancelling a finished job is INVALID_STATE. A role with OWN scope cancels
 * only jobs it started of the kinds the policy names; any other job is NOT_FOUND to it
 * (it reads no jobs, so it learns nothing about them).
 */
export async function cancelJob(ctx: RequestContext, id: string): Promise<JobRecord> {
  const { actor, scope } = requireAction(ctx, Action.JOB_CANCEL);
  if (!isBigintId(id)) throw jobNotFound(id);
  return inTransaction(ctx, async (tx) => {
    // The row lock orders this against a worker claiming the job at the same moment.
    const job = await tx.sql.one<JobRecord>(`select ${JOB_COLUMNS} from job j where j.id = $1::bigint for update`, [id]);
    if (!job) throw jobNotFound(id);
    if (scope === RowScope.OWN && (job.createdBy !== actor.userId || !OWN_CANCELLABLE_JOBS.includes(job.kind))) throw jobNotFound(id);
    if (job.state !== JobState.QUEUED && job.state !== JobState.RUNNING) throw jobFinished(job.state);
    const queued = job.state === JobState.QUEUED;
    const after = await tx.sql.one<JobRecord>(
      `update job j set cancel_requested = true,
              state = case when $2 then 'CANCELLED' else j.state end,
              finished_at = case when $2 then now() else j.finished_at end
        where j.id = $1::bigint returning ${JOB_COLUMNS}`,
      [id, queued],
    );
    await recordAudit(tx, {
      action: queued ? 'JOB_CANCELLED' : 'JOB_CANCEL_REQUESTED',
      entityType: 'Job',
      entityId: id,
      changes: {
        kind: { to: job.kind },
        ...(queued ? { state: { from: job.state, to: JobState.CANCELLED } } : { cancelRequested: { from: false, to: true } }),
      },
    });
    return after!;
  });
}
