import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { keyRing } from '../../crypto/keyring.js';
import { consoleContext } from '../../core/context.js';
import type { CommandRun } from '../../core/module.js';
import { enqueueKeyRotation } from './rotation.service.js';

/**
 * `keys:rotate`: queues a ROTATE_ENCRYPTION_KEYS job as the system (an operator at the
 * console, who holds ENCRYPTION_KEY anyway) and runs it here to the end with progress.
 * Returns false when it failed or left archived rows it could not reseal.
 */
export async function rotateKeysCommand(orm: MikroORM, config: Config, reason: string | undefined, say: (m: string) => void, runJob: CommandRun['runJob']): Promise<boolean> {
  const ctx = consoleContext(orm, config, 'keys:rotate');
  const ring = keyRing();
  const job = await enqueueKeyRotation(ctx, reason ?? 'key rotation from the command line');
  say(`job ${job.id} queued: re-encrypting under key "${ring.currentId}" (ring: ${[...ring.keys.keys()].join(', ')})`);
  const finished = await runJob(job, 'values');
  const skipped = Number((finished?.result as { skippedArchived?: number } | null)?.skippedArchived ?? 0);
  if (skipped > 0) say(`${skipped} archived rows fail their checksum and were left under their old key: run archive:verify`);
  return finished?.state === 'SUCCEEDED' && skipped === 0;
}
