import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { DomainError } from '../../common/domain-error.js';
import { SqlExecutor } from '../../db/sql.js';
import { createRequestContext, inTransaction, type RequestContext } from '../../graphql/context.js';
import type { Role } from '../identity/role.js';
import type { TokenSigner } from '../identity/tokens.js';
import { JobError, type JobHandler, type JobHandlers } from './job.handler.js';
import type { JobRecord } from './job.record.js';
import { claimJob, finishJob, heartbeat, lockLease, recoverStaleJobs, releaseJob, saveProgress } from './job.queue.js';

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

/**
 * Runs queued jobs, one at a time, in this process. Any number of workers (in any number
 * of processes) can share one database: claims skip rows other workers hold, a heartbeat
 * keeps this worker's lease fresh, and jobs whose worker died are re-queued by whichever
 * worker notices first and resume from their checkpoint.
 */
export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #running = new Set<string>();
  #stopping = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: Config,
    private readonly tokens: TokenSigner,
    private readonly options: JobWorkerOptions,
  ) {}

  start(): void {
    if (this.#loop) return;
    this.#heartbeat = setInterval(() => void this.#beat(), this.config.JOB_HEARTBEAT_MS);
    this.#heartbeat.unref();
    this.#loop = this.#poll();
  }

  /** Finishes the batch in progress, hands the job back to the queue and stops polling. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#loop;
    clearInterval(this.#heartbeat);
  }

  /** Claims and runs one specific queued job in the foreground (the `archive:run` CLI). */
  async runNow(jobId: string): Promise<JobRecord | undefined> {
    const ctx = this.#systemContext(`worker:${this.id}`);
    const job = await claimJob(ctx.sql, this.id, jobId);
    if (!job) return undefined;
    const beat = setInterval(() => void this.#beat(), this.config.JOB_HEARTBEAT_MS);
    try {
      await this.#run(job);
    } finally {
      clearInterval(beat);
    }
    return job;
  }

  async #poll(): Promise<void> {
    while (!this.#stopping) {
      let claimed = false;
      try {
        const ctx = this.#systemContext(`worker:${this.id}`);
        await recoverStaleJobs(ctx, this.config.JOB_STALE_MS, this.config.JOB_MAX_ATTEMPTS);
        for (const task of this.options.pollTasks ?? []) await task(ctx);
        const job = await claimJob(ctx.sql, this.id);
        if (job) {
          claimed = true;
          await this.#run(job);
        }
      } catch (error) {
        this.#log(`poll failed: ${describe(error)}`, { failed: true });
      }
      // Right after a job, look for the next one at once.
      if (!claimed) await this.#sleep(this.config.JOB_POLL_MS);
    }
  }

  async #run(job: JobRecord): Promise<void> {
    this.#running.add(job.id);
    const fields = { jobId: job.id, kind: job.kind };
    this.#log(`job ${job.id} ${job.kind} claimed (attempt ${job.attempts})`, fields);
    let ctx = this.#systemContext(`job:${job.id}`);
    try {
      const handler = this.options.handlers.get(job.kind);
      if (!handler) throw new JobError(`this server has no handler for job kind ${job.kind}`);
      ctx = await this.#actorContext(job);
      for (;;) {
        if (this.#stopping) {
          await handler.abandon?.(job);
          await releaseJob(ctx.sql, job.id, this.id);
          this.#log(`job ${job.id} handed back to the queue (worker stopping)`, fields);
          return;
        }
        const outcome = await inTransaction(ctx, (tx) => this.#batch(tx, handler, job));
        if (outcome !== 'more') {
          this.#log(outcome === 'lost' ? `job ${job.id} lease lost; another worker has it` : `job ${job.id} finished`, fields);
          return;
        }
        if (this.config.JOB_BATCH_PAUSE_MS > 0) await this.#sleep(this.config.JOB_BATCH_PAUSE_MS);
      }
    } catch (error) {
      this.#log(`job ${job.id} failed: ${describe(error)}`, { ...fields, failed: true });
      await this.options.handlers.get(job.kind)?.abandon?.(job).catch(() => undefined);
      await inTransaction(ctx, (tx) => finishJob(tx, job, 'FAILED', { error: publicMessage(error) }, this.id)).catch((e) =>
        this.#log(`job ${job.id} could not be marked failed: ${describe(e)}`, { ...fields, failed: true }),
      );
    } finally {
      this.#running.delete(job.id);
    }
  }

  /** One transaction: lease check, one step of the handler, its checkpoint and progress. */
  async #batch(tx: RequestContext, handler: JobHandler<any, any>, job: JobRecord): Promise<Outcome> {
    const lease = await lockLease<unknown>(tx.sql, job.id, this.id);
    if (!lease) return 'lost';
    if (lease.cancelRequested) {
      const result = lease.checkpoint === null ? null : handler.result(job, lease.checkpoint);
      await finishJob(tx, job, 'CANCELLED', { result }, this.id);
      await handler.abandon?.(job);
      return 'done';
    }
    if (lease.checkpoint === null) {
      const first = await handler.begin(tx, job);
      await saveProgress(tx.sql, job.id, { checkpoint: first.checkpoint, done: 0, total: first.total });
      this.options.onProgress?.(job, { done: 0, total: first.total });
      return 'more';
    }
    const step = await handler.step(tx, job, lease.checkpoint);
    const progress = await saveProgress(tx.sql, job.id, { checkpoint: step.checkpoint, done: step.done });
    this.options.onProgress?.(job, progress);
    if (!step.finished) return 'more';
    await finishJob(tx, job, 'SUCCEEDED', { result: handler.result(job, step.checkpoint) }, this.id);
    return 'done';
  }

  /** Jobs run as the user who started them (their audit events name that user);
   * scheduled jobs run as the system. */
  async #actorContext(job: JobRecord): Promise<RequestContext> {
    const ctx = this.#systemContext(`job:${job.id}`);
    if (!job.createdBy) return ctx;
    const user = await ctx.sql.one<{ id: string; role: Role; email: string; enabled: boolean }>(
      `select id::text, role, email, enabled from app_user where id = $1::bigint`,
      [job.createdBy],
    );
    if (!user?.enabled) throw new JobError('the user who started this job is disabled or no longer exists');
    ctx.actor = { userId: user.id, role: user.role, email: user.email };
    return ctx;
  }

  #systemContext(requestId: string): RequestContext {
    return createRequestContext(this.orm, this.config, this.tokens, requestId);
  }

  async #beat(): Promise<void> {
    try {
      await heartbeat(new SqlExecutor(this.orm.em.fork()), [...this.#running], this.id);
    } catch (error) {
      this.#log(`heartbeat failed: ${describe(error)}`, { failed: true });
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
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
