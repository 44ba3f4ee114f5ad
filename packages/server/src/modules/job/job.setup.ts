import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { jwtSecret } from '../../secrets.js';
import { archiveInteractionsHandler } from '../archive-policy/archive-interactions.job.js';
import { policyRunHandler } from '../archive-policy/archive-policy.run.js';
import { enqueueDuePolicyRuns } from '../archive-policy/archive-policy.schedule.js';
import { TokenSigner } from '../identity/tokens.js';
import { detectDuplicatesHandler } from '../cleanup/duplicate.job.js';
import { normalizeCustomersHandler } from '../cleanup/normalize.job.js';
import { countDataQualityHandler, dataQualitySchedule } from '../cleanup/quality.count.job.js';
import { classifyLifecycleHandler } from '../lifecycle-stage/lifecycle-stage.job.js';
import { lifecycleSchedule } from '../lifecycle-stage/lifecycle-stage.service.js';
import { retentionSweepHandler } from '../retention/retention.job.js';
import { retentionSchedule } from '../retention/retention.service.js';
import { backupDrillHandler, backupHandler } from '../backup/backup.job.js';
import { backupSchedules } from '../backup/backup.service.js';
import { reindexSearchHandler } from '../search/reindex.job.js';
import type { JobKind } from './job.enums.js';
import type { JobHandler } from './job.handler.js';
import { JobWorker, type JobWorkerOptions, type PollTask } from './job.worker.js';
import { rotateKeysHandler } from '../encryption/rotation.job.js';

/** Every job kind this server can run. */
export function jobHandlers(): Map<JobKind, JobHandler<any, any>> {
  const handlers: JobHandler<any, any>[] = [
    policyRunHandler, archiveInteractionsHandler, classifyLifecycleHandler, retentionSweepHandler, backupHandler, backupDrillHandler,
    reindexSearchHandler, normalizeCustomersHandler, detectDuplicatesHandler, countDataQualityHandler, rotateKeysHandler,
  ];
  return new Map(handlers.map((h) => [h.kind, h]));
}

/** The schedules a worker checks on each poll. */
export function scheduleTasks(config: Config): PollTask[] {
  const tasks: PollTask[] = [async (ctx) => void (await enqueueDuePolicyRuns(ctx))];
  if (config.LIFECYCLE_SCHEDULE) tasks.push(lifecycleSchedule(config.LIFECYCLE_SCHEDULE));
  if (config.RETENTION_SCHEDULE) tasks.push(retentionSchedule(config.RETENTION_SCHEDULE));
  if (config.DATA_QUALITY_SCHEDULE) tasks.push(dataQualitySchedule(config.DATA_QUALITY_SCHEDULE));
  tasks.push(...backupSchedules(config));
  return tasks;
}

/** A worker with every handler and schedule (what `main.ts` and `jobs:work` start). */
export function createJobWorker(
  orm: MikroORM,
  config: Config,
  options: Pick<JobWorkerOptions, 'log' | 'onProgress'> & { schedules?: boolean } = {},
): JobWorker {
  const tokens = new TokenSigner(jwtSecret(config), config.ACCESS_TOKEN_TTL_SECONDS);
  return new JobWorker(orm, config, tokens, {
    handlers: jobHandlers(),
    pollTasks: options.schedules === false ? [] : scheduleTasks(config),
    log: options.log,
    onProgress: options.onProgress,
  });
}
