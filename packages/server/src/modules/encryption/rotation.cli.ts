import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { keyRing } from '../../crypto/keyring.js';
import { createRequestContext } from '../../graphql/context.js';
import { jwtSecret } from '../../secrets.js';
import { TokenSigner } from '../identity/tokens.js';
import { findJob } from '../job/job.queue.js';
import { createJobWorker } from '../job/job.setup.js';
import { enqueueKeyRotation } from './rotation.service.js';

/**
 * `keys:rotate`: queues a ROTATE_ENCRYPTION_KEYS job as the system (an operator at the
 * console, who holds ENCRYPTION_KEY anyway) and runs it here to the end with progress.
 * Returns false when it failed or left archived rows it could not reseal.
 */
export async function rotateKeysCommand(orm: MikroORM, config: Config, reason: string | undefined, say: (m: string) => void): Promise<boolean> {
  const ctx = createRequestContext(orm, config, new TokenSigner(jwtSecret(config), config.ACCESS_TOKEN_TTL_SECONDS), `cli:keys:rotate:${process.pid}`);
  const ring = keyRing();
  const job = await enqueueKeyRotation(ctx, reason ?? 'key rotation from the command line');
  say(`job ${job.id} queued: re-encrypting under key "${ring.currentId}" (ring: ${[...ring.keys.keys()].join(', ')})`);
  const started = Date.now();
  const worker = createJobWorker(orm, config, {
    schedules: false,
    log: say,
    onProgress: (_job, p) => say(`progress ${p.done}/${p.total ?? '?'} values (${Math.round((Date.now() - started) / 100) / 10} s)`),
  });
  await worker.runNow(job.id);
  const finished = await findJob(ctx.sql, job.id);
  say(`job ${job.id} ${finished?.state}: ${JSON.stringify(finished?.result ?? finished?.error ?? null)}`);
  const skipped = Number((finished?.result as { skippedArchived?: number } | null)?.skippedArchived ?? 0);
  if (skipped > 0) say(`${skipped} archived rows fail their checksum and were left under their old key: run archive:verify`);
  return finished?.state === 'SUCCEEDED' && skipped === 0;
}
