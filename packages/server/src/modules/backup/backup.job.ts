import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestContext } from '../../core/context.js';
import { backupKey } from '../../secrets.js';
import { JobError, type JobHandler, type JobStep } from '../job/job.handler.js';
import type { JobRecord } from '../job/job.record.js';
import { JobKind } from '../job/job.enums.js';
import { runRestoreDrill, type DrillReport } from './backup.drill.js';
import { BackupSession } from './backup.dump.js';
import { backupDir, findBackup, pruneBackups, writeSidecar } from './backup.store.js';
import type { BackupManifest, BackupTrigger } from './backup.format.js';
import { listTables } from './backup.tables.js';
import { connectClient } from '../../db/pg-client.js';
import { dropDatabasesStartingWith } from '../../db/create-database.js';

export interface BackupParams extends Record<string, unknown> {
  name: string;
  reason: string | null;
  /** Absent on jobs queued before it existed: only the schedule queued those with this reason. */
  trigger?: BackupTrigger;
}

function triggerOf(params: BackupParams): BackupTrigger {
  return params.trigger ?? (params.reason === 'scheduled backup' ? 'scheduled' : 'manual');
}

interface BackupCheckpoint {
  /** Which in-memory session the tables done so far belong to. */
  session: string | null;
  tablesDone: number;
  file?: string;
  sizeBytes?: number;
  totalRows?: number;
  pruned?: string[];
}

/**
 * The snapshot a backup reads from lives in one open transaction, which cannot span the
 * job's batch transactions or survive a crash. So the session is kept in this process
 * between batches (one table per batch, for progress), and a resumed job whose session is
 * gone — another process, or a restart — starts the backup over from the first table.
 */
const sessions = new Map<string, { token: string; session: BackupSession }>();

/**
 * Job results, errors and audit events are read by other roles (MANAGER reads jobs) and
 * through the dashboard: they name backups by file name, never by a path on the server.
 */
export function withoutServerPaths(text: string, dir: string): string {
  const root = path.resolve(dir);
  return text
    .split(root + path.sep).join('')
    .split(root).join('<backup directory>')
    // Any other absolute path in a system error (a scratch file, a socket) keeps only its name.
    .replace(/(^|[\s'"(=:])\/(?:[^\s'"():]+\/)+([^\s'"():/]+)/g, '$1$2');
}

/** Errors of a backup step, with the message freed of server paths; class and cause stay
 * as they are, so the worker still tells a dropped session from a real failure. */
function pathFree<E>(error: E, dir: string): E {
  if (error instanceof Error) error.message = withoutServerPaths(error.message, dir);
  return error;
}

function databaseUrl(tx: RequestContext): string {
  return tx.em.config.get('clientUrl') as string;
}

export const backupHandler: JobHandler<BackupParams, BackupCheckpoint> = {
  kind: JobKind.BACKUP,
  // The dump reads through its own snapshot session; no batch transaction waits on it.
  ownsConnections: true,

  async begin(tx) {
    const client = await connectClient(databaseUrl(tx), 'custos-backup');
    try {
      return { total: (await listTables(client)).length, checkpoint: { session: null, tablesDone: 0 } };
    } finally {
      await client.end();
    }
  },

  async step(tx, job, checkpoint) {
    try {
      return await backupStep(tx, job, checkpoint);
    } catch (error) {
      throw pathFree(error, backupDir(tx.config));
    }
  },

  result(job, checkpoint) {
    return { backup: job.params.name, file: checkpoint.file ?? null, sizeBytes: checkpoint.sizeBytes ?? null, totalRows: checkpoint.totalRows ?? null, pruned: checkpoint.pruned ?? [] };
  },

  async abandon(job) {
    const held = sessions.get(job.id);
    sessions.delete(job.id);
    await held?.session.abort();
  },
};

async function backupStep(tx: RequestContext, job: JobRecord<BackupParams>, checkpoint: BackupCheckpoint): Promise<JobStep<BackupCheckpoint>> {
  const held = sessions.get(job.id);
  if (!held || held.token !== checkpoint.session) {
    await held?.session.abort();
    const dir = backupDir(tx.config);
    fs.rmSync(path.join(dir, `${job.params.name}.cbk.partial`), { force: true });
    const session = await BackupSession.open(databaseUrl(tx), dir, backupKey(tx.config), {
      createdBy: job.createdBy,
      reason: job.params.reason,
      name: job.params.name,
      trigger: triggerOf(job.params),
    });
    const token = randomUUID();
    sessions.set(job.id, { token, session });
    // Tables dumped under a lost session do not count any more.
    return { checkpoint: { session: token, tablesDone: 0 }, done: -checkpoint.tablesDone, finished: false };
  }
  const { session } = held;
  if (!session.done) await session.dumpNext();
  const tablesDone = checkpoint.tablesDone + 1;
  if (!session.done) return { checkpoint: { ...checkpoint, tablesDone }, done: 1, finished: false };
  sessions.delete(job.id);
  const finished = await session.finish();
  const pruned = pruneBackups(tx.config).filter((id) => id !== job.params.name);
  return {
    checkpoint: { ...checkpoint, tablesDone, file: path.basename(finished.file), sizeBytes: finished.sizeBytes, totalRows: finished.manifest.totalRows, pruned },
    done: 1,
    finished: true,
  };
}

export interface DrillParams extends Record<string, unknown> {
  backup: string;
}

/** One batch: the whole drill runs on a scratch database, outside the job's transaction. */
export const backupDrillHandler: JobHandler<DrillParams, { report: DrillReport | null }> = {
  kind: JobKind.BACKUP_DRILL,
  // Minutes of work on a scratch database through connections of its own.
  ownsConnections: true,

  async begin() {
    return { total: 1, checkpoint: { report: null } };
  },

  async step(tx, job) {
    const backup = findBackup(tx.config, job.params.backup);
    if (!backup) throw new JobError(`backup ${job.params.backup} no longer exists`);
    let report: DrillReport;
    let manifest: BackupManifest | undefined;
    try {
      // Named after this database, job and attempt: unique on a server shared by several
      // databases. An attempt a stopped worker abandoned may still be running its drill; its
      // successor must not share a scratch database with it (two CREATE DATABASE of one name
      // collide), so each attempt has its own and first drops what earlier ones left.
      const database = new URL(databaseUrl(tx)).pathname.slice(1);
      const scratch = `${database.slice(0, 36)}_drill_${job.id}_`;
      await dropDatabasesStartingWith(databaseUrl(tx), scratch);
      report = await runRestoreDrill(databaseUrl(tx), backup.file, backupKey(tx.config), `${scratch}${job.attempts}`, {
        onManifest: (m) => (manifest = m),
      });
    } catch (error) {
      // The cause lets the worker tell a dropped session (the step is retried) from a bad backup.
      const why = withoutServerPaths(error instanceof Error ? error.message : String(error), backupDir(tx.config));
      throw new JobError(`the restore drill failed: ${why}`, { cause: error });
    }
    if (!report.ok) throw new JobError(`the restore drill found problems: ${withoutServerPaths(report.problems.join('; '), backupDir(tx.config))}`);
    // The file just proved itself: an edited or old unsealed sidecar is rewritten from it.
    if (!backup.verified && manifest) await writeSidecar(backup.file, manifest, backupKey(tx.config));
    return { checkpoint: { report }, done: 1, finished: true };
  },

  result(job, checkpoint) {
    const report = checkpoint.report;
    return { backup: job.params.backup, ...(report ? { ...report, file: path.basename(report.file) } : {}) };
  },
};
