import { keyRing } from '../../crypto/keyring.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { FourEyesOperation, requireFourEyes } from '../../policy/four-eyes.js';
import { Action } from '../../policy/policy.js';
import { JobKind } from '../job/job.enums.js';
import { jobAlreadyActive } from '../job/job.errors.js';
import { enqueueJob, findActiveJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import type { RotationParams } from './rotation.job.js';

/** `startKeyRotation` mutation: ADMIN only. */
export async function startKeyRotation(ctx: RequestContext, reason?: string | null): Promise<JobRecord> {
  requireAction(ctx, Action.ENCRYPTION_KEYS_ROTATE);
  requireFourEyes(ctx, FourEyesOperation.ROTATE_ENCRYPTION_KEYS);
  return enqueueKeyRotation(ctx, reason);
}

/**
 * Queues a key rotation: every value not under the current key is rewritten under it.
 * One at a time. Callers check the caller's right first; the CLI (`keys:rotate`) queues
 * it as the system, i.e. an operator at the console holding the keys.
 */
export async function enqueueKeyRotation(ctx: RequestContext, reason?: string | null): Promise<JobRecord> {
  const params: RotationParams = { keyId: keyRing().currentId };
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:rotate-encryption-keys'))`);
    const active = await findActiveJob(tx.sql, JobKind.ROTATE_ENCRYPTION_KEYS);
    if (active) throw jobAlreadyActive(JobKind.ROTATE_ENCRYPTION_KEYS, active);
    return enqueueJob(tx, JobKind.ROTATE_ENCRYPTION_KEYS, params, { reason: reason?.trim() || 'rotate encryption keys' });
  });
}
