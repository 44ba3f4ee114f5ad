import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { JobKind } from '../job/job.enums.js';
import { jobAlreadyActive } from '../job/job.errors.js';
import { enqueueJobOnce, findActiveJob } from '../job/job.queue.js';
import { JOB_COLUMNS, type JobRecord } from '../job/job.record.js';
import { slotTask } from '../job/job.schedule.js';
import type { PollTask } from '../job/job.worker.js';
import { backupNotFound } from './backup.errors.js';
import type { BackupTrigger } from './backup.format.js';
import type { BackupParams, DrillParams } from './backup.job.js';
import { findBackup, listBackups, type BackupRecord } from './backup.store.js';

export function getBackups(ctx: RequestContext): BackupRecord[] {
  requireAction(ctx, Action.BACKUP_MANAGE);
  return listBackups(ctx.config);
}

/** The retention and schedule settings, so the dashboard states real numbers. */
export function getBackupSettings(ctx: RequestContext) {
  requireAction(ctx, Action.BACKUP_MANAGE);
  const c = ctx.config;
  return { keepDaily: c.BACKUP_KEEP_DAILY, keepWeekly: c.BACKUP_KEEP_WEEKLY, schedule: c.BACKUP_SCHEDULE ?? null, drillSchedule: c.BACKUP_DRILL_SCHEDULE ?? null };
}

/** The latest finished drill of each backup, in one query for the whole list. */
export async function latestDrills(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, JobRecord>> {
  const rows = await ctx.sql.query<JobRecord>(
    `select distinct on (j.params->>'backup') ${JOB_COLUMNS} from job j
      where j.kind = 'BACKUP_DRILL' and j.state in ('SUCCEEDED','FAILED') and j.params->>'backup' = any($1::text[])
      order by j.params->>'backup', j.id desc`,
    [ids],
  );
  return new Map(rows.map((r) => [String((r.params as DrillParams).backup), r]));
}

export async function startBackup(ctx: RequestContext, reason: string | null | undefined): Promise<JobRecord> {
  requireAction(ctx, Action.BACKUP_MANAGE);
  return inTransaction(ctx, (tx) => enqueueBackup(tx, reason?.trim() || null, 'manual'));
}

export async function startBackupDrill(ctx: RequestContext, id: string): Promise<JobRecord> {
  requireAction(ctx, Action.BACKUP_MANAGE);
  if (!findBackup(ctx.config, id)) throw backupNotFound(id);
  return inTransaction(ctx, async (tx) => (await enqueueDrill(tx, id))!);
}

/** One backup at a time: two would only compete for the same disk and snapshot age. */
async function enqueueBackup(tx: RequestContext, reason: string | null, trigger: BackupTrigger, dedupeKey?: string): Promise<JobRecord> {
  await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:backup'))`);
  const active = await findActiveJob(tx.sql, JobKind.BACKUP);
  if (active) throw jobAlreadyActive(JobKind.BACKUP, active);
  const stamp = (await tx.sql.one<{ s: string }>(`select to_char(now() at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"') as s`))!.s;
  const name = `custos-${stamp}-${Math.random().toString(36).slice(2, 8)}`;
  const job = await enqueueJobOnce(tx, JobKind.BACKUP, { name, reason, trigger } satisfies BackupParams, { dedupeKey, reason });
  return job!;
}

async function enqueueDrill(tx: RequestContext, backup: string, dedupeKey?: string): Promise<JobRecord | null> {
  return enqueueJobOnce(tx, JobKind.BACKUP_DRILL, { backup } satisfies DrillParams, { dedupeKey, reason: `restore drill of ${backup}` });
}

/** BACKUP_SCHEDULE and BACKUP_DRILL_SCHEDULE: one job per slot across all servers. */
export function backupSchedules(config: { BACKUP_SCHEDULE?: string; BACKUP_DRILL_SCHEDULE?: string }): PollTask[] {
  const tasks: PollTask[] = [];
  if (config.BACKUP_SCHEDULE) {
    tasks.push(slotTask(config.BACKUP_SCHEDULE, async (tx, slot) => {
      if (await findActiveJob(tx.sql, JobKind.BACKUP)) return;
      await enqueueBackup(tx, 'scheduled backup', 'scheduled', `backup:${slot}`).catch((error) => {
        if ((error as { reason?: string }).reason !== 'JOB_ALREADY_ACTIVE') throw error;
      });
    }));
  }
  if (config.BACKUP_DRILL_SCHEDULE) {
    tasks.push(slotTask(config.BACKUP_DRILL_SCHEDULE, async (tx, slot) => {
      const latest = listBackups(tx.config)[0];
      if (latest) await enqueueDrill(tx, latest.id, `backup-drill:${slot}`);
    }));
  }
  return tasks;
}
