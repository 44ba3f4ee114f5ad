import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { TokenSigner } from '../core/tokens.js';
import { SqlExecutor } from '../db/sql.js';
import type { JobKind } from '../modules/job/job.enums.js';
import type { JobHandler } from '../modules/job/job.handler.js';
import { findJob } from '../modules/job/job.queue.js';
import type { JobRecord } from '../modules/job/job.record.js';
import { JobWorker, type JobWorkerOptions, type PollTask } from '../modules/job/job.worker.js';
import { jwtSecret } from '../secrets.js';
import { MODULES } from './modules.js';

/** Every job kind this server can run, from the modules' manifests. */
export function jobHandlers(): Map<JobKind, JobHandler<any, any>> {
  const handlers = MODULES.flatMap((m) => (m.jobs ?? []) as readonly JobHandler<any, any>[]);
  const byKind = new Map(handlers.map((h) => [h.kind, h]));
  if (byKind.size !== handlers.length) throw new Error('two modules contribute a handler for the same job kind');
  return byKind;
}

/** The schedules a worker checks on each poll. */
export function scheduleTasks(config: Config): PollTask[] {
  return MODULES.flatMap((m) => [...(m.schedules?.(config) ?? [])]);
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

/**
 * Runs a job just queued by a console command here, to the end, printing progress in
 * `unit`s and the outcome. Another worker never takes it: it is claimed by id straight
 * away. Returns the finished job.
 */
export async function runJobInForeground(
  orm: MikroORM,
  config: Config,
  job: { id: string },
  unit: string,
  say: (message: string) => void,
): Promise<JobRecord | undefined> {
  const started = Date.now();
  const worker = createJobWorker(orm, config, {
    schedules: false,
    log: say,
    onProgress: (_job, p) => say(`progress ${p.done}/${p.total ?? '?'} ${unit} (${Math.round((Date.now() - started) / 100) / 10} s)`),
  });
  await worker.runNow(job.id);
  const finished = await findJob(new SqlExecutor(orm.em.fork()), job.id);
  say(`job ${job.id} ${finished?.state}: ${JSON.stringify(finished?.result ?? finished?.error ?? null)}`);
  return finished;
}
