import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { Role } from '../../policy/role.js';
import { slotTask } from '../job/job.schedule.js';
import { JobKind } from '../job/job.enums.js';
import { jobAlreadyActive } from '../job/job.errors.js';
import type { JobHandler } from '../job/job.handler.js';
import { enqueueJobOnce, findActiveJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import type { PollTask } from '../job/job.worker.js';
import { CleanupField, DataQualityProblem } from './cleanup.enums.js';
import { issueHiddenFromRole, qualityBatch } from './quality.service.js';

/**
 * Counting every open data-quality issue means running the rules over every candidate
 * customer (~7k customers/s here), too slow to do per page view at 1M customers. This
 * job does it in batches and replaces one rollup row at the end: counts by owner, field
 * and problem, and customers with an issue by owner and role (a role does not see issues
 * on fields it cannot read, so "customers with issues" differs per role). cleanupStats
 * reads the rollup under the caller's row and field rules and says when it was counted.
 */

const BATCH = 2_000;
const OWNERLESS = '-';

interface Checkpoint {
  fromId: string;
  scanned: number;
  /** owner → "FIELD:PROBLEM" → issues */
  issues: Record<string, Record<string, number>>;
  /** owner → role → customers with at least one issue that role sees */
  customers: Record<string, Partial<Record<Role, number>>>;
}

export interface CountParams extends Record<string, unknown> {
  asOf: string;
}

const ROLES = Object.values(Role);

export const countDataQualityHandler: JobHandler<CountParams, Checkpoint> = {
  kind: JobKind.COUNT_DATA_QUALITY,

  async begin(tx) {
    const row = await tx.sql.one<{ n: number }>(`select count(*)::int as n from customer where status = 'ACTIVE'`);
    return { total: row!.n, checkpoint: { fromId: '0', scanned: 0, issues: {}, customers: {} } };
  },

  async step(tx, job, checkpoint) {
    const options = { defaultCountry: tx.config.PHONE_DEFAULT_REGION, outdatedYears: tx.config.DATA_QUALITY_OUTDATED_YEARS, now: new Date(job.params.asOf) };
    const batch = await qualityBatch(tx.sql, null, { searchable: [] }, checkpoint.fromId, BATCH, options);
    const issues = structuredClone(checkpoint.issues);
    const customers = structuredClone(checkpoint.customers);
    for (const { customer, issues: found } of batch.customers) {
      if (found.length === 0) continue;
      const owner = customer.ownerId ?? OWNERLESS;
      const byKind = (issues[owner] ??= {});
      for (const { issue } of found) byKind[`${issue.field}:${issue.problem}`] = (byKind[`${issue.field}:${issue.problem}`] ?? 0) + 1;
      const byRole = (customers[owner] ??= {});
      for (const role of ROLES) {
        if (found.some(({ issue }) => !issueHiddenFromRole(role, issue.field))) byRole[role] = (byRole[role] ?? 0) + 1;
      }
    }
    const finished = batch.fetched < BATCH || !batch.lastId;
    const next: Checkpoint = {
      fromId: batch.lastId ? (BigInt(batch.lastId) + 1n).toString() : checkpoint.fromId,
      scanned: checkpoint.scanned + batch.fetched,
      issues,
      customers,
    };
    if (finished) {
      await tx.sql.query(
        `insert into data_quality_rollup (id, job_id, counted_at, scanned, issues, customers) values (1, $1::bigint, $2::timestamptz, $3, $4::jsonb, $5::jsonb)
         on conflict (id) do update set job_id = excluded.job_id, counted_at = excluded.counted_at, scanned = excluded.scanned,
                                        issues = excluded.issues, customers = excluded.customers`,
        [job.id, job.params.asOf, next.scanned, JSON.stringify(issues), JSON.stringify(customers)],
      );
    }
    return { checkpoint: next, done: batch.fetched, finished };
  },

  result(_job, checkpoint) {
    const issues = Object.values(checkpoint.issues).reduce((n, kinds) => n + Object.values(kinds).reduce((a, b) => a + b, 0), 0);
    return { scanned: checkpoint.scanned, issues };
  },
};

export interface QualityRollup {
  countedAt: string | null;
  counts: { field: CleanupField; problem: DataQualityProblem; count: number }[];
  customers: number;
}

/** The latest rollup, cut to the caller's rows (SALES: its own) and fields. */
export async function readQualityRollup(ctx: RequestContext, role: Role, ownerId: string | undefined): Promise<QualityRollup> {
  const row = await ctx.sql.one<{ countedAt: string; issues: Checkpoint['issues']; customers: Checkpoint['customers'] }>(
    `select counted_at as "countedAt", issues, customers from data_quality_rollup where id = 1`,
  );
  if (!row) return { countedAt: null, counts: [], customers: 0 };
  const owners = ownerId ? [ownerId] : Object.keys(row.issues);
  const totals = new Map<string, number>();
  let customers = 0;
  for (const owner of owners) {
    for (const [kind, n] of Object.entries(row.issues[owner] ?? {})) totals.set(kind, (totals.get(kind) ?? 0) + n);
    customers += row.customers[owner]?.[role] ?? 0;
  }
  const counts = [...totals]
    .map(([kind, count]) => {
      const [field, problem] = kind.split(':') as [CleanupField, DataQualityProblem];
      return { field, problem, count };
    })
    .filter((c) => !issueHiddenFromRole(role, c.field))
    .sort((a, b) => b.count - a.count || a.field.localeCompare(b.field) || a.problem.localeCompare(b.problem));
  return { countedAt: row.countedAt, counts, customers };
}

async function enqueueCount(tx: RequestContext, options: { dedupeKey?: string; reason?: string }): Promise<JobRecord | null> {
  const asOf = (await tx.sql.one<{ now: string }>(`select now()::text as now`))!.now;
  return enqueueJobOnce(tx, JobKind.COUNT_DATA_QUALITY, { asOf } satisfies CountParams, options);
}

/** On request, by those who run cleanup (ADMIN, MANAGER); others get the scheduled counts. */
export async function countDataQuality(ctx: RequestContext, reason?: string): Promise<JobRecord> {
  requireAction(ctx, Action.CUSTOMER_NORMALIZE);
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:count-data-quality'))`);
    const active = await findActiveJob(tx.sql, JobKind.COUNT_DATA_QUALITY);
    if (active) throw jobAlreadyActive(JobKind.COUNT_DATA_QUALITY, active);
    return (await enqueueCount(tx, { reason: reason ?? 'count data quality' }))!;
  });
}

/** Poll task for DATA_QUALITY_SCHEDULE: each slot queues one count, however many servers
 * poll; a database that was never counted gets one at once (dedupe key `data-quality:first`,
 * and the slot's own count if that one ran but left no figures). */
export function dataQualitySchedule(schedule: string): PollTask {
  return slotTask(schedule, async (tx, slot) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:count-data-quality'))`);
    if (await findActiveJob(tx.sql, JobKind.COUNT_DATA_QUALITY)) return;
    const reason = 'scheduled data-quality count';
    const counted = await tx.sql.one(`select 1 from data_quality_rollup where id = 1`);
    if (!counted && (await enqueueCount(tx, { dedupeKey: 'data-quality:first', reason }))) return;
    await enqueueCount(tx, { dedupeKey: `data-quality:${slot}`, reason });
  });
}
