import path from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../core/context.js';
import { SqlExecutor } from '../../db/sql.js';
import { AccessLogSpool, claimStaleSpools, sealEntry, type AccessLogEntry, type SealedEntry, type SpoolMark, type StaleSpool } from './access-log-spool.js';

export type { AccessLogEntry } from './access-log-spool.js';

/** Reads (a request's entity type and field) one INSERT carries at most; a larger backlog
 * goes in several rounds. */
const MAX_READS_PER_INSERT = 2_000;
/** Spooled requests not yet committed, at most: past it (the database refusing the log for
 * a long time) answers are withheld rather than the backlog growing without bound. */
const MAX_BACKLOG = 50_000;
/** With the spool, how long an INSERT waits for more requests to join it: their answers
 * have left, so a wait costs nothing, and fewer, larger INSERTs cost the machine less. */
const SPOOLED_LINGER_MS = 50;
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5_000;
/** A server shutting down stops retrying once the pause reaches this (~1.5 s of tries),
 * leaving the rest in its spool for the next start. */
const RETRY_ON_CLOSE_MS = 800;

/** Where the access log's rows go: PostgreSQL (below), or a test's stand-in. */
export interface AccessLogStore {
  /** Inserts the entries' rows; with a mark, only if the spool file's record moves from
   * `mark.from` (false: it did not, nothing was inserted). */
  insert(entries: readonly SealedEntry[], mark?: SpoolMark): Promise<boolean>;
  /** The last seq of a spool file the database has (0: none). */
  committedThrough(key: string): Promise<number>;
  /** Drops the records of spool files that are gone. */
  forget(keys: readonly string[]): Promise<void>;
}

interface Queued {
  entry: SealedEntry;
  /** Spooled: retried until committed; its answer has left. */
  seq?: number;
  /** Not spooled: its answer waits for the commit and is withheld when it fails. */
  resolve?: () => void;
  reject?: (error: unknown) => void;
}

export interface AccessLogLog {
  error(details: object, message: string): void;
  info?(details: object, message: string): void;
}

/**
 * Group commit for the access log. A request's full reads of personal data are appended
 * to the local spool (when the server has one) and its answer leaves once they are there
 * (at the end of the event loop's turn, with the others answered in it); without a
 * spool, or when it cannot be written, the answer waits for the commit. Either way the
 * rows of the requests that finish while one INSERT is in flight go together in the next,
 * so under load many requests share one statement and one commit. A failed INSERT is
 * retried for spooled requests until it succeeds; a waiting request's answer is withheld.
 */
export class AccessLogWriter {
  #queue: Queued[] = [];
  /** Entries waiting for this turn's write to the spool, with their answers. */
  #toSpool: { entry: SealedEntry; resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** Queued requests whose answers wait for the commit (not spooled): no linger for them. */
  #waiting = 0;
  #writing: Promise<void> | undefined;
  #retryMs = 0;
  #closing = false;

  constructor(
    private readonly store: AccessLogStore,
    private readonly spool?: AccessLogSpool,
    private readonly log?: AccessLogLog,
  ) {}

  /**
   * A promise that settles once the answer may leave: when the entry is in the spool, or
   * without a spool (or when it cannot be written) once its rows are committed; it rejects
   * when they cannot be. Undefined when there is nothing to log. `recordIds`: the entry's
   * distinct record ids, when the caller already has them (a request's own reads);
   * otherwise they are taken from its reads.
   */
  write(entry: AccessLogEntry, recordIds?: readonly string[]): Promise<void> | undefined {
    if (entry.reads.length === 0) return undefined;
    for (const [, , ids] of entry.reads) {
      // Checked before anything is kept: a bad row in the spool would be retried forever.
      if (!ID_LIST.test(ids)) return Promise.reject(new Error('access log: record ids must be database ids'));
    }
    const backlog = this.#queue.length + this.#toSpool.length;
    if (backlog >= MAX_BACKLOG) return Promise.reject(new Error(`access log: ${backlog} requests not yet written; answers are withheld until they are`));
    const sealed = sealEntry(entry, recordIds);
    if (!this.spool || this.#closing) return this.#waitForCommit(sealed);
    return new Promise<void>((resolve, reject) => {
      // The requests answered in one turn of the event loop share one write to the spool:
      // its cost is mostly per write, and it is paid on the thread every answer waits for.
      if (this.#toSpool.push({ entry: sealed, resolve, reject }) === 1) setImmediate(() => this.#spoolTurn());
    });
  }

  #waitForCommit(entry: SealedEntry): Promise<void> {
    this.#waiting += 1;
    return new Promise<void>((resolve, reject) => this.#enqueue({ entry, resolve, reject }));
  }

  /** Appends the turn's entries to the spool in one write and lets their answers leave;
   * when it cannot be written, their answers wait for the commit instead. */
  #spoolTurn(): void {
    const turn = this.#toSpool;
    if (turn.length === 0) return;
    this.#toSpool = [];
    let first: number;
    try {
      first = this.spool!.append(turn.map((t) => t.entry));
    } catch (error) {
      this.log?.error({ err: error }, 'access log: the spool cannot be written; answers wait for the database');
      for (const t of turn) this.#waitForCommit(t.entry).then(t.resolve, t.reject);
      return;
    }
    turn.forEach((t, i) => {
      this.#enqueue({ entry: t.entry, seq: first + i });
      t.resolve();
    });
  }

  /** Requests handed over and not yet committed. */
  get backlog(): number {
    return this.#queue.length + this.#toSpool.length;
  }

  /** Seconds since the oldest request not yet committed was answered (0: none). */
  get lagSeconds(): number {
    const oldest = this.#queue[0];
    return oldest ? Math.max(0, (Date.now() - oldest.entry.at) / 1000) : 0;
  }

  /** Settles once nothing is pending. */
  async idle(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Shutdown: writes what is pending (retrying a few times at most) and removes the spool
   * file when all of it is in the database; otherwise the file stays for the next start. */
  async close(): Promise<void> {
    // Answers still waiting for this turn's spool write get it now.
    this.#spoolTurn();
    this.#closing = true;
    await this.idle();
    if (this.spool?.close() === false) this.log?.error({ backlog: this.#queue.length }, 'access log: stopped before every spooled read was written; the next server started on this directory writes them');
  }

  #enqueue(queued: Queued): void {
    this.#queue.push(queued);
    this.#writing ??= this.#drain();
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length) {
        if (this.spool && !this.#closing && this.#retryMs === 0 && this.#waiting === 0) {
          await new Promise((resolve) => setTimeout(resolve, SPOOLED_LINGER_MS));
        }
        const batch = this.#queue.slice(0, wholeRequests(this.#queue, (q) => q.entry));
        const count = batch.length;
        const lastSpooled = batch.findLast((q) => q.seq !== undefined)?.seq;
        const mark = lastSpooled === undefined ? undefined : { key: this.spool!.key, from: this.spool!.committedThrough, to: lastSpooled };
        try {
          const inserted = await this.store.insert(
            batch.map((q) => q.entry),
            mark,
          );
          if (!inserted) throw new Error(`access log: the database's record of spool file ${mark!.key} is not at ${mark!.from}`);
          this.#queue.splice(0, count);
          if (mark) this.spool!.committed(mark.to);
          this.#retryMs = 0;
          for (const queued of batch) {
            if (!queued.resolve) continue;
            this.#waiting -= 1;
            queued.resolve();
          }
          if (this.spool?.retired.length) {
            // A record left behind only costs its row: the file it names is gone.
            await this.store.forget(this.spool.retired.splice(0)).catch((error: unknown) => this.log?.error({ err: error }, 'access log: records of removed spool files not dropped'));
          }
        } catch (error) {
          // Waiting requests are answered (withheld) now; spooled ones stay for the retry.
          this.#withhold(batch, error);
          if (mark) {
            this.#retryMs = Math.min(RETRY_MAX_MS, this.#retryMs ? this.#retryMs * 2 : RETRY_FIRST_MS);
            this.log?.error({ err: error, backlog: this.#queue.length, retryInMs: this.#retryMs }, 'access log: INSERT failed; the spooled reads are retried');
            if (this.#closing && this.#retryMs >= RETRY_ON_CLOSE_MS) {
              this.#withhold(this.#queue, error);
              return;
            }
            await new Promise((resolve) => setTimeout(resolve, this.#retryMs));
          }
        }
      }
    } finally {
      this.#writing = undefined;
    }
  }

  /** After a failed INSERT: the waiting requests among `failed` get the error (their
   * answers are withheld) and leave the queue; spooled ones stay for the retry. */
  #withhold(failed: readonly Queued[], error: unknown): void {
    const gone = new Set<Queued>();
    for (const queued of failed) {
      if (!queued.reject) continue;
      queued.reject(error);
      gone.add(queued);
    }
    if (gone.size === 0) return;
    this.#waiting -= gone.size;
    this.#queue = this.#queue.filter((q) => !gone.has(q));
  }
}

/** How many of the first requests go in one INSERT: whole requests only (a request's rows
 * are never split across two), at most MAX_READS_PER_INSERT reads unless one request alone
 * has more. */
function wholeRequests<T>(queue: readonly T[], entryOf: (item: T) => SealedEntry): number {
  let rows = 0;
  let count = 0;
  for (const item of queue) {
    const reads = entryOf(item).reads;
    if (count > 0 && rows + reads > MAX_READS_PER_INSERT) break;
    rows += reads;
    count += 1;
  }
  return count;
}

const ID_LIST = /^\d+(,\d+)*$/;

/** The access log in PostgreSQL: one `access_log_batch` row per INSERT (the view
 * `access_log` shows a row per request and field, as the table had). */
export function sqlAccessLogStore(sql: SqlExecutor): AccessLogStore {
  return {
    async insert(entries, mark) {
      const params = batchParams(entries);
      if (!mark) {
        await sql.prepared(`insert into access_log_batch (first_at, last_at, record_ids, requests) ${BATCH}`, params);
        return true;
      }
      // The spool file's record moves in the same statement as the rows: committed together
      // or not at all, and not at all when a replay already moved it past this batch.
      const [result] = await sql.prepared<{ moved: boolean }>(
        `with moved as (
           update access_log_spool set committed_through = $7, updated_at = now()
            where file_key = $5 and committed_through = $6 returning 1
         ), created as (
           insert into access_log_spool (file_key, committed_through) select $5, $7 where $6 = 0
           on conflict (file_key) do nothing returning 1
         ), mark as (select 1 from moved union all select 1 from created),
         logged as (
           insert into access_log_batch (first_at, last_at, record_ids, requests)
           ${BATCH} where exists (select 1 from mark)
         )
         select exists (select 1 from mark) as moved`,
        [...params, mark.key, mark.from, mark.to],
      );
      return result!.moved;
    },
    async committedThrough(key) {
      const [row] = await sql.query<{ through: string }>(`select committed_through as through from access_log_spool where file_key = $1`, [key]);
      return row ? Number(row.through) : 0;
    },
    async forget(keys) {
      await sql.query(`delete from access_log_spool where file_key = any($1::text[])`, [keys]);
    },
  };
}

// The requests travel as the JSON they were spooled as (`json`, stored as sent: no jsonb
// conversion on this hot path) and the ids as one array literal (`{1,2,3}`: ids are digits).
const BATCH = `select to_timestamp($1::float8 / 1000), to_timestamp($2::float8 / 1000), $3::bigint[], $4::json`;

function batchParams(entries: readonly SealedEntry[]): unknown[] {
  let first = Infinity;
  let last = -Infinity;
  const ids = new Set<string>();
  const json: string[] = [];
  for (const entry of entries) {
    if (entry.at < first) first = entry.at;
    if (entry.at > last) last = entry.at;
    for (const id of entry.recordIds) ids.add(id);
    json.push(entry.json);
  }
  return [first, last, `{${[...ids].join(',')}}`, `[${json.join(',')}]`];
}

/** One writer per database (the ORM's driver). */
const writers = new WeakMap<object, AccessLogWriter>();

function writerFor(em: EntityManager): AccessLogWriter {
  const driver = em.getDriver();
  let writer = writers.get(driver);
  if (!writer) {
    // Outside a server (the command line, a test's context) there is no spool: reads wait
    // for their commit.
    writer = new AccessLogWriter(sqlAccessLogStore(new SqlExecutor(em.fork({ clear: true }))));
    writers.set(driver, writer);
  }
  return writer;
}

/**
 * Logs the request's full reads of personal data. Undefined when there is nothing to wait
 * for: the request read nothing to log, or its reads are in the spool. Otherwise the
 * promise settles once they are committed (the answer must wait for it).
 */
export function flushAccessLog(ctx: RequestContext): Promise<void> | undefined {
  if (!ctx.actor) return undefined;
  const { reads, recordIds } = ctx.accessLog.drain();
  if (reads.length === 0) return undefined;
  const { userId, role } = ctx.actor;
  return writerFor(ctx.em).write({ at: Date.now(), actorId: userId, actorRole: role, requestId: ctx.requestId, reads }, recordIds);
}

/** The access log's backlog in this process, for the metrics. */
export function accessLogBacklog(em: EntityManager): { requests: number; lagSeconds: number } {
  const writer = writers.get(em.getDriver());
  return { requests: writer?.backlog ?? 0, lagSeconds: writer?.lagSeconds ?? 0 };
}

/** Waits until every access-log row handed over so far is written. */
export async function accessLogIdle(em: EntityManager): Promise<void> {
  await writers.get(em.getDriver())?.idle();
}

/**
 * The server's access log: a spool under ACCESS_LOG_SPOOL_DIR (one directory per
 * database), and the spools that processes gone before left there, written in the
 * background. `close` writes what is pending and removes the server's spool file.
 */
export async function startAccessLog(orm: MikroORM, config: Config, log: AccessLogLog): Promise<{ close(): Promise<void> }> {
  const sql = new SqlExecutor(orm.em.fork({ clear: true }));
  const store = sqlAccessLogStore(sql);
  const [{ database }] = (await sql.query<{ database: string }>(`select current_database() as database`)) as [{ database: string }];
  const dir = path.join(config.ACCESS_LOG_SPOOL_DIR ?? path.join(config.DATA_DIR, 'access-log'), database);
  // Without a spool of its own the server still writes what earlier ones left (a switch to
  // `off` after a crash loses nothing).
  const writer = new AccessLogWriter(store, config.ACCESS_LOG_SPOOL === 'on' ? new AccessLogSpool(dir) : undefined, log);
  writers.set(orm.em.getDriver(), writer);
  let stopping = false;
  const replaying = replayStale(claimStaleSpools(dir), store, log, () => stopping);
  return {
    async close() {
      stopping = true;
      await Promise.all([writer.close(), replaying]);
    },
  };
}

/** Writes what dead processes' spools hold and the database does not, then removes them;
 * retried until it succeeds or the server stops (the files stay for the next start). */
async function replayStale(spools: StaleSpool[], store: AccessLogStore, log: AccessLogLog, stopping: () => boolean): Promise<void> {
  for (const spool of spools) {
    let retryMs = RETRY_FIRST_MS;
    for (;;) {
      try {
        const written = await replayOne(spool, store);
        spool.remove();
        await store.forget([spool.key]);
        log.info?.({ spool: spool.key, written, unreadable: spool.unreadable }, 'access log: reads spooled by a stopped server written');
        break;
      } catch (error) {
        log.error({ err: error, spool: spool.key }, 'access log: a stopped server\'s spool could not be written; retrying');
        if (stopping()) return;
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
      }
    }
  }
}

async function replayOne(spool: StaleSpool, store: AccessLogStore): Promise<number> {
  let through = await store.committedThrough(spool.key);
  let pending = spool.entries
    .filter((e) => e.seq > through)
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({ seq: e.seq, sealed: sealEntry(e) }));
  let written = 0;
  while (pending.length) {
    const batch = pending.slice(0, wholeRequests(pending, (p) => p.sealed));
    const count = batch.length;
    const to = batch.at(-1)!.seq;
    if (!(await store.insert(batch.map((p) => p.sealed), { key: spool.key, from: through, to }))) {
      // Moved meanwhile (it should not be: the file was claimed by rename): start again from
      // where the database is.
      through = await store.committedThrough(spool.key);
      pending = pending.filter((e) => e.seq > through);
      continue;
    }
    written += count;
    through = to;
    pending = pending.slice(count);
  }
  return written;
}
