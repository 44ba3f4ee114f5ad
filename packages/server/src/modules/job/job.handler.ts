import type { RequestContext } from '../../core/context.js';
import type { JobKind } from './job.enums.js';
import type { JobRecord } from './job.record.js';

/** What one batch did: where the next one starts, and how much progress it made. */
export interface JobStep<C> {
  checkpoint: C;
  done: number;
  finished: boolean;
}

/**
 * The work of one job kind, cut into batches. The worker calls each method inside a
 * transaction that also holds the job's lease and saves the returned checkpoint and
 * progress, so a batch's effects and its bookkeeping commit together: after a crash the
 * job continues from the last committed checkpoint, never repeating or skipping a batch.
 * Handlers must be deterministic given (params, checkpoint): a resumed run calls `step`
 * with the checkpoint a dead worker left behind.
 */
export interface JobHandler<P = Record<string, unknown>, C = unknown> {
  kind: JobKind;
  /**
   * Set by handlers whose work happens on connections of their own (a backup's snapshot
   * session, a restore drill's scratch database): `begin` and `step` then get a context
   * with no transaction open, and only the checkpoint is saved transactionally after
   * them. A batch transaction held open while such work runs would sit idle for minutes
   * holding a pooled connection. Such steps must be safe to repeat after a crash.
   */
  ownsConnections?: boolean;
  /**
   * Once per process, before its first batch of this kind and outside any transaction:
   * loads what a batch would otherwise load with its transaction open. (The Chinese
   * segmenter's dictionary takes ~0.3 s, more under load; a batch transaction left idle
   * that long can pass idle_in_transaction_session_timeout, which the worker sets to
   * JOB_STALE_MS.)
   */
  warmUp?(): void | Promise<void>;
  /** Once per job, before the first batch: counts the work and sets the first checkpoint. */
  begin(tx: RequestContext, job: JobRecord<P>): Promise<{ total: number | null; checkpoint: C }>;
  /** One batch. */
  step(tx: RequestContext, job: JobRecord<P>, checkpoint: C): Promise<JobStep<C>>;
  /** The run's result (stored on the job and in its terminal audit event). */
  result(job: JobRecord<P>, checkpoint: C): Record<string, unknown>;
  /** Releases what this process holds for the job outside the database (open files,
   * sessions) when it stops here without finishing: cancelled, failed or handed back. */
  abandon?(job: JobRecord<P>): Promise<void>;
}

export type JobHandlers = ReadonlyMap<JobKind, JobHandler<any, any>>;

/** An expected failure whose message is safe to show on the job (`Job.error`). */
export class JobError extends Error {
  override name = 'JobError';
}
