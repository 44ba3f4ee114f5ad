import { keyRing } from '../../crypto/keyring.js';
import { JobKind } from '../job/job.enums.js';
import { JobError, type JobHandler } from '../job/job.handler.js';
import { countStale, resealHistoryStates, resealMergeSnapshots, resealTaxIds, type RunSql } from './rotation.store.js';

export interface RotationParams extends Record<string, unknown> {
  /** The key everything is rewritten under: the current key when the job was queued. */
  keyId: string;
}

/** Phases in order: live customers, archived customers, merge snapshots, kept history states. */
const PHASES = ['customer', 'archive.customer', 'customer_merge', 'customer_history'] as const;

interface Checkpoint {
  phase: number;
  lastId: string;
  live: number;
  archived: number;
  snapshots: number;
  /** Absent in checkpoints written before history existed. */
  states?: number;
  skipped: number;
}

/**
 * ROTATE_ENCRYPTION_KEYS: rewrites every encrypted value that is not under the current
 * key (and every legacy plaintext value) under it, with a fresh blind index, walking
 * each table by id (keyset) in batches of ARCHIVE_BATCH_SIZE. Each batch commits with
 * its checkpoint, so a crash resumes where it stopped; rows are re-selected by "not
 * under the current key", so a rerun finds only what is left. When it has succeeded
 * with `skippedArchived: 0`, retired keys can be removed from ENCRYPTION_KEY.
 *
 * The job's enqueue and terminal audit events are its audit trail: a rotation changes
 * no value anyone reads (versions and updated_at stay), so one event per row would add
 * a million rows to the hash chain that say nothing the job's result does not.
 */
export const rotateKeysHandler: JobHandler<RotationParams, Checkpoint> = {
  kind: JobKind.ROTATE_ENCRYPTION_KEYS,

  async begin(tx, job) {
    assertSameKey(job.params.keyId);
    const total = await countStale(runOn(tx.sql));
    return { total, checkpoint: { phase: 0, lastId: '0', live: 0, archived: 0, snapshots: 0, states: 0, skipped: 0 } };
  },

  async step(tx, job, checkpoint) {
    assertSameKey(job.params.keyId);
    const run = runOn(tx.sql);
    const size = tx.config.ARCHIVE_BATCH_SIZE;
    const phase = PHASES[checkpoint.phase]!;
    const batch =
      phase === 'customer_merge'
        ? await resealMergeSnapshots(run, checkpoint.lastId, size)
        : phase === 'customer_history'
          ? await resealHistoryStates(run, checkpoint.lastId, size)
          : await resealTaxIds(run, phase, checkpoint.lastId, size);
    const next: Checkpoint = {
      ...checkpoint,
      lastId: batch.lastId ?? checkpoint.lastId,
      live: checkpoint.live + (phase === 'customer' ? batch.rewritten : 0),
      archived: checkpoint.archived + (phase === 'archive.customer' ? batch.rewritten : 0),
      snapshots: checkpoint.snapshots + (phase === 'customer_merge' ? batch.rewritten : 0),
      states: (checkpoint.states ?? 0) + (phase === 'customer_history' ? batch.rewritten : 0),
      skipped: checkpoint.skipped + batch.skipped,
    };
    if (batch.lastId === null) {
      next.phase += 1;
      next.lastId = '0';
    }
    return { checkpoint: next, done: batch.rewritten + batch.skipped, finished: next.phase >= PHASES.length };
  },

  result(job, checkpoint) {
    return {
      keyId: job.params.keyId,
      liveCustomers: checkpoint.live,
      archivedCustomers: checkpoint.archived,
      mergeSnapshots: checkpoint.snapshots,
      historyStates: checkpoint.states ?? 0,
      skippedArchived: checkpoint.skipped,
    };
  },
};

function runOn(sql: { query<T>(text: string, params?: readonly unknown[]): Promise<T[]> }): RunSql {
  return (text, params) => sql.query(text, params);
}

/** Every worker must encrypt under the key the job was queued for: a worker started
 * with another ENCRYPTION_KEY would otherwise undo (or split) the rotation. */
function assertSameKey(keyId: string): void {
  const current = keyRing().currentId;
  if (current !== keyId) {
    throw new JobError(`this worker's current encryption key is "${current}", the rotation was started for "${keyId}"; give every process the same ENCRYPTION_KEY`);
  }
}
