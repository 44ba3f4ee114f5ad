import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { findArchivedByIds } from '../archive/archive.reader.js';
import type { ArchivedCustomerRecord } from '../archive/archive.record.js';
import { slotTask } from '../job/job.schedule.js';
import { JobKind, JobReasonCode } from '../job/job.enums.js';
import { jobAlreadyActive } from '../job/job.errors.js';
import { enqueueJobOnce, findActiveJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import type { PollTask } from '../job/job.worker.js';
import { expiredCondition, heldCondition } from './retention.condition.js';
import type { RetentionParams } from './retention.job.js';
import { byId } from '../../db/keyset.js';
import { countDuePurges } from '../recycle-bin/recycle-bin.service.js';

const SAMPLE_SIZE = 20;
const DEFAULT_REASON = 'retention period ended';

export interface RetentionPreview {
  asOf: string;
  customerCount: number;
  interactionCount: number;
  heldCount: number;
  sample: ArchivedCustomerRecord[];
}

/** Dry run of the sweep: what it would purge now, and what a legal hold keeps. Purge is
 * ADMIN-only, and so is seeing what it would remove. */
export async function previewRetentionSweep(ctx: RequestContext): Promise<RetentionPreview> {
  requireAction(ctx, Action.CUSTOMER_PURGE);
  const asOf = (await ctx.sql.one<{ now: string }>(`select now()::text as now`))!.now;
  const params = new Params();
  const expired = expiredCondition(asOf, params);
  const held = heldCondition(asOf, params);
  const counts = await ctx.sql.one<{ customers: number; interactions: number; held: number }>(
    `select (select count(*) from archive.customer c where ${expired})::int as customers,
            (select count(*) from archive.interaction ai join archive.customer c on c.id = ai.customer_id where ${expired})::int as interactions,
            (select count(*) from archive.customer c where ${held})::int as held`,
    params.values,
  );
  const sampleParams = new Params();
  const ids = await ctx.sql.query<{ id: string }>(
    `select c.id::text from archive.customer c where ${expiredCondition(asOf, sampleParams)} order by c.id limit ${SAMPLE_SIZE}`,
    sampleParams.values,
  );
  const sample = await findArchivedByIds(ctx.sql, ids.map((r) => r.id));
  sample.sort(byId);
  return { asOf, customerCount: counts!.customers, interactionCount: counts!.interactions, heldCount: counts!.held, sample };
}

/** Queues a sweep now; one at a time, so two clicks never purge in parallel. */
export async function runRetentionSweep(ctx: RequestContext, reason: string | null | undefined): Promise<JobRecord> {
  requireAction(ctx, Action.CUSTOMER_PURGE);
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:retention-sweep'))`);
    const active = await findActiveJob(tx.sql, JobKind.RETENTION_SWEEP);
    if (active) throw jobAlreadyActive(JobKind.RETENTION_SWEEP, active);
    const typed = reason?.trim();
    return (await enqueueSweep(tx, typed ? { reason: typed } : { reason: DEFAULT_REASON, reasonCode: JobReasonCode.RETENTION_PERIOD_ENDED }))!;
  });
}

/** `why`: the reason as text, and its code when the server wrote it (no person did). */
async function enqueueSweep(
  tx: RequestContext,
  why: Pick<RetentionParams, 'reason' | 'reasonCode'>,
  dedupeKey?: string,
  scope?: RetentionParams['scope'],
): Promise<JobRecord | null> {
  const asOf = (await tx.sql.one<{ now: string }>(`select now()::text as now`))!.now;
  return enqueueJobOnce(tx, JobKind.RETENTION_SWEEP, { asOf, ...why, ...(scope ? { scope } : {}) } satisfies RetentionParams, { dedupeKey, reason: why.reason });
}

/** Poll task for RETENTION_SCHEDULE: each slot queues one sweep, as the system, however
 * many servers poll (the dedupe key `retention:<slot>` is unique). */
export function retentionSchedule(schedule: string): PollTask {
  return slotTask(schedule, async (tx, slot) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:retention-sweep'))`);
    if (await findActiveJob(tx.sql, JobKind.RETENTION_SWEEP)) return;
    await enqueueSweep(tx, { reason: `scheduled: ${DEFAULT_REASON}`, reasonCode: JobReasonCode.SCHEDULED_RETENTION }, `retention:${slot}`);
  });
}

/** Poll task for RECYCLE_BIN_SCHEDULE: a sweep of the bin alone, queued only when a
 * purge's countdown has ended (no job row every hour for nothing), never beside another
 * sweep (which carries out the bin first anyway). */
export function recycleBinSchedule(schedule: string): PollTask {
  return slotTask(schedule, async (tx, slot) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:retention-sweep'))`);
    if (await findActiveJob(tx.sql, JobKind.RETENTION_SWEEP)) return;
    const now = (await tx.sql.one<{ now: string }>(`select now()::text as now`))!.now;
    if ((await countDuePurges(tx, now)) === 0) return;
    await enqueueSweep(tx, { reason: 'scheduled: recycle bin countdown ended', reasonCode: JobReasonCode.SCHEDULED_RECYCLE_BIN }, `recycle-bin:${slot}`, 'RECYCLE_BIN');
  });
}
