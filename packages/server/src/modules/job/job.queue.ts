import type { SqlExecutor } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { recordAudit, recordAuditMany } from '../audit/audit.service.js';
import type { JobKind } from './job.enums.js';
import { JOB_COLUMNS, type JobRecord } from './job.record.js';
import { currentTraceParent } from '../../telemetry/tracing.js';

/**
 * The `job` table as a PostgreSQL queue. Claims use FOR UPDATE SKIP LOCKED, so any number
 * of workers in any number of processes take each job exactly once; a worker holds a job
 * through a lease (`locked_by`) that every batch re-checks under the job's row lock.
 */

export interface EnqueueOptions {
  /** Scheduled runs pass `policy:<id>:<slot>`: a second enqueue of that slot is a no-op. */
  dedupeKey?: string;
  /** Why, for the audit event. */
  reason?: string | null;
}

/**
 * Queues a job run as the caller (or as the system when `ctx.actor` is null) and writes
 * its one `JOB_ENQUEUED` audit event. Inside a caller's transaction it joins it: the job
 * exists exactly when the caller's change commits. Returns null only when `dedupeKey`
 * was already used.
 */
export async function enqueueJobOnce(
  ctx: RequestContext,
  kind: JobKind,
  params: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<JobRecord | null> {
  return inTransaction(ctx, async (tx) => {
    const job = await tx.sql.one<JobRecord>(
      `insert into job as j (kind, params, created_by, dedupe_key, trace_parent) values ($1, $2::jsonb, $3::bigint, $4, $5)
       on conflict (dedupe_key) where dedupe_key is not null do nothing
       returning ${JOB_COLUMNS}`,
      [kind, JSON.stringify(params), tx.actor?.userId ?? null, options.dedupeKey ?? null, currentTraceParent() ?? null],
    );
    if (!job) return null;
    await recordAudit(tx, {
      action: 'JOB_ENQUEUED',
      entityType: 'Job',
      entityId: job.id,
      reason: options.reason ?? null,
      changes: { kind: { to: kind }, state: { to: job.state }, params: { to: params } },
    });
    return job;
  });
}

/** `enqueueJobOnce` without a dedupe key, which always queues. */
export async function enqueueJob(
  ctx: RequestContext,
  kind: JobKind,
  params: Record<string, unknown>,
  options: Omit<EnqueueOptions, 'dedupeKey'> = {},
): Promise<JobRecord> {
  const job = await enqueueJobOnce(ctx, kind, params, options);
  if (!job) throw new Error('enqueueJob: a job without a dedupe key was not inserted');
  return job;
}

/** A queued or running job of this kind, if any. */
export async function findActiveJob(sql: SqlExecutor, kind: JobKind): Promise<string | undefined> {
  const row = await sql.one<{ id: string }>(
    `select j.id::text from job j where j.state in ('QUEUED','RUNNING') and j.kind = $1 order by j.id limit 1`,
    [kind],
  );
  return row?.id;
}

export async function findJob(sql: SqlExecutor, id: string): Promise<JobRecord | undefined> {
  return sql.one<JobRecord>(`select ${JOB_COLUMNS} from job j where j.id = $1::bigint`, [id]);
}

/** Takes the oldest due job (or the given one, when it is queued), or none. */
export async function claimJob(sql: SqlExecutor, workerId: string, onlyId?: string): Promise<JobRecord | undefined> {
  return sql.one<JobRecord>(
    `update job j
        set state = 'RUNNING', locked_by = $1, heartbeat_at = now(), attempts = j.attempts + 1,
            started_at = coalesce(j.started_at, now())
      where j.id = (select q.id from job q
                     where q.state = 'QUEUED' and q.run_after <= now() and ($2::bigint is null or q.id = $2::bigint)
                     order by q.run_after, q.id limit 1 for update skip locked)
      returning ${JOB_COLUMNS}`,
    [workerId, onlyId ?? null],
  );
}

export interface Lease<C> {
  checkpoint: C | null;
  cancelRequested: boolean;
}

/**
 * The job's checkpoint, if this worker still holds it. Read without a row lock: a batch
 * takes the job row only in its last statement (`saveProgress`/`finishJob`, both
 * conditional on the lease), so a heartbeat never waits behind a batch in progress.
 */
export async function readLease<C>(sql: SqlExecutor, id: string, workerId: string): Promise<Lease<C> | undefined> {
  return sql.one<Lease<C>>(
    `select j.checkpoint, j.cancel_requested as "cancelRequested" from job j
      where j.id = $1::bigint and j.locked_by = $2 and j.state = 'RUNNING'`,
    [id, workerId],
  );
}

/** Thrown inside a batch's transaction when the lease moved to another worker: the
 * batch rolls back, so its work is done once, by the worker that holds the job. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

/** Advances a job in the transaction of the batch that did the work, if this worker
 * still holds it (else `LeaseLostError`, which rolls the batch back). */
export async function saveProgress(
  sql: SqlExecutor,
  id: string,
  workerId: string,
  step: { checkpoint: unknown; done: number; total?: number | null },
): Promise<{ done: number; total: number | null }> {
  const row = await sql.one<{ done: number; total: number | null }>(
    `update job set checkpoint = $3::jsonb, progress_done = progress_done + $4::bigint,
            progress_total = case when $5::boolean then $6::bigint else progress_total end, heartbeat_at = now()
      where id = $1::bigint and locked_by = $2 and state = 'RUNNING'
      returning progress_done::float8 as done, progress_total::float8 as total`,
    [id, workerId, JSON.stringify(step.checkpoint), step.done, step.total !== undefined, step.total ?? null],
  );
  if (!row) throw new LeaseLostError(`job ${id} is no longer held by ${workerId}`);
  return row;
}

/** Ends a job this worker holds, with its one terminal audit event (the run's summary). */
export async function finishJob(
  tx: RequestContext,
  job: Pick<JobRecord, 'id' | 'kind'>,
  state: 'SUCCEEDED' | 'CANCELLED' | 'FAILED',
  outcome: { result?: Record<string, unknown> | null; error?: string | null },
  workerId: string,
): Promise<boolean> {
  const row = await tx.sql.one<{ id: string }>(
    `update job set state = $3, result = $4::jsonb, error = $5, finished_at = now(), heartbeat_at = null,
            progress_total = greatest(coalesce(progress_total, progress_done), progress_done)
      where id = $1::bigint and locked_by = $2 and state = 'RUNNING' returning id::text`,
    [job.id, workerId, state, outcome.result ? JSON.stringify(outcome.result) : null, outcome.error ?? null],
  );
  if (!row) return false;
  await recordAudit(tx, {
    action: `JOB_${state}`,
    entityType: 'Job',
    entityId: job.id,
    changes: {
      kind: { to: job.kind },
      state: { from: 'RUNNING', to: state },
      ...(outcome.result ? { result: { to: outcome.result } } : {}),
      ...(outcome.error ? { error: { to: outcome.error } } : {}),
    },
  });
  return true;
}

/** Hands a job back to the queue (graceful shutdown): another worker resumes it. */
export async function releaseJob(sql: SqlExecutor, id: string, workerId: string): Promise<void> {
  await sql.query(
    `update job set state = 'QUEUED', locked_by = null, heartbeat_at = null where id = $1::bigint and locked_by = $2 and state = 'RUNNING'`,
    [id, workerId],
  );
}

/** The heartbeat statement (run on the worker's own connection, see job.heartbeat.ts). */
export const HEARTBEAT_SQL = `update job set heartbeat_at = now() where id = any($1::bigint[]) and locked_by = $2 and state = 'RUNNING'`;

/**
 * Re-queues RUNNING jobs whose worker stopped heartbeating (it crashed or was killed):
 * they resume from their checkpoint. A job that has lost its worker `maxAttempts` times
 * is failed instead, so a job that kills its worker cannot loop forever.
 */
export async function recoverStaleJobs(
  ctx: RequestContext,
  staleMs: number,
  maxAttempts: number,
): Promise<{ requeued: number; failed: number }> {
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.sql.query<{ id: string; kind: string; state: string }>(
      `update job j
          set state = case when j.attempts >= $2 then 'FAILED' else 'QUEUED' end,
              error = case when j.attempts >= $2 then 'stopped after ' || j.attempts || ' attempts: each time its worker died or a batch ran past JOB_STEP_TIMEOUT_MS (the server log has the details)' end,
              finished_at = case when j.attempts >= $2 then now() end,
              locked_by = null, heartbeat_at = null
        where j.id in (select s.id from job s where s.state = 'RUNNING' and s.heartbeat_at < now() - $1 * interval '1 millisecond'
                        order by s.id for update skip locked)
        returning j.id::text, j.kind, j.state`,
      [staleMs, maxAttempts],
    );
    const failed = rows.filter((r) => r.state === 'FAILED');
    await recordAuditMany(tx, {
      action: 'JOB_FAILED',
      entityType: 'Job',
      entityIds: failed.map((r) => r.id),
      changes: failed.map((r) => ({ kind: { to: r.kind }, state: { from: 'RUNNING', to: 'FAILED' }, error: { to: 'attempts exhausted' } })),
    });
    return { requeued: rows.length - failed.length, failed: failed.length };
  });
}
