import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { SqlExecutor } from '../../db/sql.js';
import { createRequestContext, type RequestContext } from '../../graphql/context.js';
import { jwtSecret } from '../../secrets.js';
import { TokenSigner } from '../identity/tokens.js';
import { findJob } from './job.queue.js';
import type { JobRecord } from './job.record.js';
import { createJobWorker } from './job.setup.js';

/** The context of a console command: the system acting for an operator (audited with no user). */
export function consoleContext(orm: MikroORM, config: Config, command: string): RequestContext {
  return createRequestContext(orm, config, new TokenSigner(jwtSecret(config), config.ACCESS_TOKEN_TTL_SECONDS), `cli:${command}:${process.pid}`);
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
