import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openPool } from '../../db/orm.js';
import { isTransientDatabaseError } from '../../db/transient-error.js';
import type { Config } from '../../config.js';
import { DomainError } from '../../common/domain-error.js';
import { createRequestContext, inTransaction, type RequestContext } from '../../core/context.js';
import type { Role } from '../../policy/role.js';
import type { TokenSigner } from '../../core/tokens.js';
import { JobError, type JobHandler, type JobHandlers } from './job.handler.js';
import type { JobRecord } from './job.record.js';
import { LeaseHeartbeat } from './job.heartbeat.js';
import { claimJob, finishJob, LeaseLostError, readLease, recoverStaleJobs, releaseJob, saveProgress } from './job.queue.js';
import { Pause } from '../../common/pause.js';
import { SpanKind, trace } from '@opentelemetry/api';
import { extractTraceContext, inSpan, markFailed } from '../../telemetry/tracing.js';

/** Something the worker does besides running jobs on each poll, e.g. enqueueing due
 * scheduled runs. Runs as the system (no actor). */
export type PollTask = (ctx: RequestContext) => Promise<void>;

export interface JobWorkerOptions {
  handlers: JobHandlers;
  pollTasks?: PollTask[];
  /** `fields` names the job (`jobId`, `kind`) so structured logs can be filtered by it;
   * `failed` marks lines about a failure. */
  log?: (message: string, fields?: JobLogFields) => void;
  /** Called after every committed batch. */
  onProgress?: (job: JobRecord, progress: { done: number; total: number | null }) => void;
}

export interface JobLogFields {
  jobId?: string;
  kind?: string;
  failed?: boolean;
}

type Outcome = 'more' | 'done' | 'lost';

/** Consecutive failed tries of one batch on transient database errors before the job fails. */
const TRANSIENT_RETRIES = 6;

/**
 * Runs queued jobs, one at a time, in this process. Any number of workers (in any number
 * of processes) can share one database: claims skip rows other workers hold, a heartbeat
 * keeps this worker's lease fresh, and jobs whose worker died are re-queued by whichever
 * worker notices first and resume from their checkpoint.
 *
 * A started worker works on a pool of its own (JOB_POOL_MAX connections), so jobs and
 * API requests never take each other's connections, and beats on a connection of its
 * own, so a heartbeat never waits for a pooled connection or behind a batch.
 */
export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** Running jobs and when their current batch started (for JOB_STEP_TIMEOUT_MS). */
  readonly #running = new Map<string, number>();
  #stopping = false;
  #loop: Promise<void> | undefined;
  readonly #pause = new Pause();
  /** Kinds whose warmUp ran in this process. */
  readonly #warmed = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #pool: MikroORM | undefined;
  readonly #heartbeat: LeaseHeartbeat;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    private readonly tokens: TokenSigner,
    private readonly options: JobWorkerOptions,
  ) {
    this.#heartbeat = new LeaseHeartbeat(
      orm.config.get('clientUrl') as string,
      this.id,
      Math.max(100, Math.floor(config.JOB_HEARTBEAT_MS / 2)),
      (error, consecutive) => {
        if (consecutive === 1 || consecutive % 20 === 0) this.#log(`heartbeat failed (${consecutive} in a row): ${describe(error)}`, { failed: true });
      },
    );
  }

  start(): void {
    if (this.#loop) return;
    this.#timer = setInterval(() => void this.#beat(), this.config.JOB_HEARTBEAT_MS);
    this.#timer.unref();
    this.#loop = this.#poll();
  }

  /**
   * Finishes the batch in progress, hands the job back to the queue and stops polling.
   * A batch still running after `waitMs` (a restore drill is one long step) is handed
   * back as it is: its commit then fails on the lease and another worker redoes it.
   */
  async stop(waitMs = 10_000): Promise<void> {
    this.#stopping = true;
    this.#pause.wake();
    clearInterval(this.#timer);
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      (this.#loop ?? Promise.resolve()).then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), waitMs))),
    ]);
    clearTimeout(timer);
    if (gaveUp && this.#running.size > 0) {
      const ctx = this.#systemContext(`worker:${this.id}`, this.orm);
      for (const id of this.#running.keys()) {
        await releaseJob(ctx.sql, id, this.id).catch((e) => this.#log(`job ${id} could not be handed back: ${describe(e)}`, { failed: true }));
        this.#log(`job ${id} handed back to the queue mid-batch (worker stopping)`, { jobId: id });
      }
    }
    await this.#heartbeat.close();
    await this.#pool?.close(true).catch(() => undefined);
    this.#pool = undefined;
  }

  /** Claims and runs one specific queued job in the foreground (the CLIs), on the
   * caller's pool. */
  async runNow(jobId: string): Promise<JobRecord | undefined> {
    const ctx = this.#systemContext(`worker:${this.id}`);
    const job = await claimJob(ctx.sql, this.id, jobId);
    if (!job) return undefined;
    const beat = setInterval(() => void this.#beat(), this.config.JOB_HEARTBEAT_MS);
    try {
      await this.#run(job);
    } finally {
      clearInterval(beat);
      await this.#heartbeat.close();
    }
    return job;
  }

  async #poll(): Promise<void> {
    let failures = 0;
    while (!this.#stopping) {
      let claimed = false;
      try {
        const pool = await this.#ownPool();
        const ctx = this.#systemContext(`worker:${this.id}`, pool);
        await recoverStaleJobs(ctx, this.config.JOB_STALE_MS, this.config.JOB_MAX_ATTEMPTS);
        for (const task of this.options.pollTasks ?? []) await task(ctx);
        const job = await claimJob(ctx.sql, this.id);
        if (failures > 0) this.#log(`polling works again after ${failures} failed ${failures === 1 ? 'poll' : 'polls'}`);
        failures = 0;
        if (job) {
          claimed = true;
          await this.#run(job, pool);
        }
      } catch (error) {
        // A database that is down: back off instead of spinning, with one full report
        // and then a short line per try, not a stack trace every second.
        failures += 1;
        const delay = Math.min(30_000, Math.max(this.config.JOB_POLL_MS, 1_000) * 2 ** Math.min(failures - 1, 5));
        const what = failures === 1 ? describe(error) : `${failures} in a row, ${error instanceof Error ? error.message : String(error)}`;
        this.#log(`poll failed (next try in ${delay} ms): ${what}`, { failed: true });
        if (!this.#stopping) await this.#pause.for(delay);
        continue;
      }
      // Right after a job, look for the next one at once.
      if (!claimed) await this.#pause.for(this.config.JOB_POLL_MS);
    }
  }

  async #ownPool(): Promise<MikroORM> {
    this.#pool ??= await openPool(this.orm.config.get('clientUrl') as string, this.config.JOB_POOL_MAX, {
      acquireTimeoutMs: this.config.DB_ACQUIRE_TIMEOUT_MS,
      // No batch transaction waits on anything for long; one that does is ended by
      // PostgreSQL before its lease goes stale, and the step fails and is retried.
      idleInTransactionMs: this.config.JOB_STALE_MS,
      applicationName: 'custos-jobs',
    });
    return this.#pool;
  }

  /** Runs a claimed job in its span, a child of the request that queued it (its
   * traceparent), so its statements and log lines continue that trace. */
  #run(job: JobRecord, pool: MikroORM = this.orm): Promise<void> {
    const attributes = { 'custos.job.id': job.id, 'custos.job.kind': job.kind, 'custos.job.attempt': job.attempts };
    return inSpan(`job ${job.kind}`, { kind: SpanKind.CONSUMER, attributes }, () => this.#execute(job, pool), extractTraceContext({ traceparent: job.traceParent ?? undefined }));
  }

  async #execute(job: JobRecord, pool: MikroORM): Promise<void> {
    this.#running.set(job.id, Date.now());
    const fields = { jobId: job.id, kind: job.kind };
    this.#log(`job ${job.id} ${job.kind} claimed (attempt ${job.attempts})`, fields);
    let ctx = this.#systemContext(`job:${job.id}`, pool);
    try {
      const handler = this.options.handlers.get(job.kind);
      if (!handler) throw new JobError(`this server has no handler for job kind ${job.kind}`);
      ctx = await this.#actorContext(job, pool);
      let retries = 0;
      for (;;) {
        if (this.#stopping) {
          await handler.abandon?.(job);
          await releaseJob(ctx.sql, job.id, this.id);
          this.#log(`job ${job.id} handed back to the queue (worker stopping)`, fields);
          return;
        }
        this.#running.set(job.id, Date.now());
        let outcome: Outcome;
        try {
          outcome = await this.#batch(ctx, handler, job);
          retries = 0;
        } catch (error) {
          // A dropped session or a deadlock victim fails the step, not the job: the
          // handler lets go of what it held and the step runs again from the checkpoint.
          if (!isTransientDatabaseError(error) || retries >= TRANSIENT_RETRIES) throw error;
          retries += 1;
          const delay = Math.min(30_000, Math.max(200, this.config.JOB_POLL_MS) * 2 ** (retries - 1));
          this.#log(`job ${job.id}: batch failed on a database error, retry ${retries} of ${TRANSIENT_RETRIES} in ${delay} ms: ${describe(error)}`, { ...fields, failed: true });
          await handler.abandon?.(job);
          await this.#pause.for(delay);
          continue;
        }
        if (outcome !== 'more') {
          if (outcome === 'lost') await handler.abandon?.(job);
          this.#log(outcome === 'lost' ? `job ${job.id} lease lost; another worker has it` : `job ${job.id} finished`, fields);
          return;
        }
        if (this.config.JOB_BATCH_PAUSE_MS > 0) await this.#pause.for(this.config.JOB_BATCH_PAUSE_MS);
      }
    } catch (error) {
      const span = trace.getActiveSpan();
      if (span) markFailed(span, error);
      this.#log(`job ${job.id} failed: ${describe(error)}`, { ...fields, failed: true });
      await this.options.handlers.get(job.kind)?.abandon?.(job).catch(() => undefined);
      await inTransaction(ctx, (tx) => finishJob(tx, job, 'FAILED', { error: publicMessage(error) }, this.id)).catch((e) =>
        this.#log(`job ${job.id} could not be marked failed: ${describe(e)}`, { ...fields, failed: true }),
      );
    } finally {
      this.#running.delete(job.id);
    }
  }

  /**
   * One batch: the lease is read, one unit of the handler's work is done, and its
   * checkpoint and progress are saved under the lease. For ordinary handlers all of it
   * is one transaction, so work and bookkeeping commit together; for handlers that own
   * their connections only the bookkeeping is. The job row is locked only by the final,
   * lease-conditional update: a lost lease rolls the batch back.
   */
  async #batch(ctx: RequestContext, handler: JobHandler<any, any>, job: JobRecord): Promise<Outcome> {
    if (handler.warmUp && !this.#warmed.has(handler.kind)) {
      await handler.warmUp();
      this.#warmed.add(handler.kind);
    }
    try {
      if (handler.ownsConnections) return await this.#advance(ctx, handler, job, (record) => inTransaction(ctx, record));
      return await inTransaction(ctx, (tx) => this.#advance(tx, handler, job, (record) => record(tx)));
    } catch (error) {
      if (error instanceof LeaseLostError) return 'lost';
      throw error;
    }
  }

  async #advance(
    work: RequestContext,
    handler: JobHandler<any, any>,
    job: JobRecord,
    record: <T>(bookkeeping: (tx: RequestContext) => Promise<T>) => Promise<T>,
  ): Promise<Outcome> {
    const lease = await readLease<unknown>(work.sql, job.id, this.id);
    if (!lease) return 'lost';
    if (lease.cancelRequested) {
      const result = lease.checkpoint === null ? null : handler.result(job, lease.checkpoint);
      await record((tx) => this.#finish(tx, job, 'CANCELLED', { result }));
      await handler.abandon?.(job);
      return 'done';
    }
    if (lease.checkpoint === null) {
      const first = await handler.begin(work, job);
      const progress = await record((tx) => saveProgress(tx.sql, job.id, this.id, { checkpoint: first.checkpoint, done: 0, total: first.total }));
      this.options.onProgress?.(job, progress);
      return 'more';
    }
    const step = await handler.step(work, job, lease.checkpoint);
    const progress = await record(async (tx) => {
      const saved = await saveProgress(tx.sql, job.id, this.id, { checkpoint: step.checkpoint, done: step.done });
      if (step.finished) await this.#finish(tx, job, 'SUCCEEDED', { result: handler.result(job, step.checkpoint) });
      return saved;
    });
    this.options.onProgress?.(job, progress);
    return step.finished ? 'done' : 'more';
  }

  async #finish(tx: RequestContext, job: JobRecord, state: 'SUCCEEDED' | 'CANCELLED', outcome: { result: Record<string, unknown> | null }) {
    if (!(await finishJob(tx, job, state, outcome, this.id))) throw new LeaseLostError(`job ${job.id} is no longer held by ${this.id}`);
  }

  /** Jobs run as the user who started them (their audit events name that user);
   * scheduled jobs run as the system. */
  async #actorContext(job: JobRecord, pool: MikroORM): Promise<RequestContext> {
    const ctx = this.#systemContext(`job:${job.id}`, pool);
    if (!job.createdBy) return ctx;
    const user = await ctx.sql.one<{ id: string; role: Role; email: string; enabled: boolean }>(
      `select id::text, role, email, enabled from app_user where id = $1::bigint`,
      [job.createdBy],
    );
    if (!user?.enabled) throw new JobError('the user who started this job is disabled or no longer exists');
    ctx.actor = { userId: user.id, role: user.role, email: user.email };
    return ctx;
  }

  #systemContext(requestId: string, pool: MikroORM = this.orm): RequestContext {
    return createRequestContext(pool, this.config, this.tokens, requestId);
  }

  /** Beats for every running job except one whose batch has run past
   * JOB_STEP_TIMEOUT_MS: that lease goes stale and the job is re-queued or failed. */
  async #beat(): Promise<void> {
    const now = Date.now();
    const live: string[] = [];
    for (const [id, since] of this.#running) {
      if (now - since <= this.config.JOB_STEP_TIMEOUT_MS) live.push(id);
      else this.#log(`job ${id}: a batch has run for ${Math.round((now - since) / 1000)} s; its lease is left to expire`, { jobId: id, failed: true });
    }
    await this.#heartbeat.beat(live);
  }


  #log(message: string, fields?: JobLogFields): void {
    this.options.log?.(message, fields);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** What the job's `error` field shows: our own messages, never SQL or stack traces. */
function publicMessage(error: unknown): string {
  if (error instanceof DomainError || error instanceof JobError) return error.message;
  return 'the job failed with an internal error; the server log has the details';
}
