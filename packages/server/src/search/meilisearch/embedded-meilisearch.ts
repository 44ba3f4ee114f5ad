import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { meilisearchVersion } from './meilisearch-binary.js';

/**
 * A Meilisearch process owned by this one, like the embedded PostgreSQL: its data under
 * `dir`, a master key, a free port on 127.0.0.1, health-checked before use, restarted
 * when it dies (with `supervise`), and never left running once its owner is gone:
 *
 * - on Linux it is started through `setpriv --pdeathsig`, so the kernel signals it the
 *   moment the owner dies, SIGKILL included;
 * - the owner's `exit` (a crash, `process.exit` from anywhere) signals it too;
 * - a start finds one a killed owner left behind (through `instance.json`) and stops it.
 *
 * Another process on the same `dir` (a CLI command while the server runs) uses the
 * running one instead of starting a second: two Meilisearch processes on one database
 * would both run its task queue.
 */

export type EmbeddedSearchState = 'running' | 'restarting' | 'failed' | 'stopped';

export interface EmbeddedMeilisearchOptions {
  executable: string;
  dir: string;
  masterKey: string;
  /** 0 or unset: the port of the last start when it is free, else any free port. */
  port?: number;
  startTimeoutMs?: number;
  /** Passed as --max-indexing-memory (e.g. `1 GiB`); Meilisearch's own default is two
   * thirds of the machine's memory, too much for a process sharing a small machine. */
  maxIndexingMemory?: string;
  maxIndexingThreads?: number;
  log?: (message: string) => void;
  supervise?: { maxRestarts: number; backoffMs: number };
}

export interface EmbeddedMeilisearch {
  url: string;
  version: string;
  /** Started by another process; this one uses it and leaves stopping it to its owner. */
  shared: boolean;
  pid(): number | undefined;
  state(): EmbeddedSearchState;
  stop(): Promise<void>;
}

interface Instance {
  pid: number;
  port: number;
  version: string;
  dbPath: string;
}

const STATE_FILE = 'instance.json';
const STOP_MS = 10_000;
const STABLE_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));

/** The Meilisearch serving `dir` now, started by any process. */
export function runningEmbeddedMeilisearch(dir: string): { pid: number; port: number; url: string } | undefined {
  let instance: Instance;
  try {
    instance = JSON.parse(fs.readFileSync(path.join(dir, STATE_FILE), 'utf8')) as Instance;
  } catch {
    return undefined;
  }
  if (!isAlive(instance.pid) || !serves(instance.pid, instance.dbPath)) return undefined;
  return { pid: instance.pid, port: instance.port, url: `http://127.0.0.1:${instance.port}` };
}

export async function startEmbeddedMeilisearch(options: EmbeddedMeilisearchOptions): Promise<EmbeddedMeilisearch> {
  const log = options.log ?? (() => undefined);
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const dir = fs.realpathSync(options.dir);
  const version = meilisearchVersion(options.executable);
  const running = runningEmbeddedMeilisearch(dir);
  if (running && !ownerAlive(running.pid)) {
    log(`embedded Meilisearch (pid ${running.pid}) was left behind by a process that is gone; stopping it`);
    await stopPid(running.pid);
  } else if (running) {
    await waitHealthy(running.url, options.startTimeoutMs ?? 60_000, () => !isAlive(running.pid), () => 'it exited');
    return { url: running.url, version, shared: true, pid: () => running.pid, state: () => 'running', stop: async () => undefined };
  }
  const instance = new OwnedMeilisearch(options, dir, version, log);
  await instance.start(await choosePort(dir, options.port));
  return instance;
}

class OwnedMeilisearch implements EmbeddedMeilisearch {
  readonly shared = false;
  #child: ChildProcess | undefined;
  #state: EmbeddedSearchState = 'running';
  #port = 0;
  #tail: string[] = [];
  #stopping = false;
  #attempts = 0;
  #upSince = Date.now();
  #recovery: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  readonly #onExit = () => {
    if (this.#child && this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill('SIGTERM');
  };

  constructor(
    private readonly options: EmbeddedMeilisearchOptions,
    private readonly dir: string,
    readonly version: string,
    private readonly log: (m: string) => void,
  ) {
    process.on('exit', this.#onExit);
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  pid(): number | undefined {
    return this.#child?.pid;
  }

  state(): EmbeddedSearchState {
    return this.#state;
  }

  async start(port: number): Promise<void> {
    this.#port = port;
    const dbPath = path.join(this.dir, 'data.ms');
    this.#moveAsideOtherVersion(dbPath);
    const args = [
      '--db-path', dbPath, '--dump-dir', path.join(this.dir, 'dumps'), '--snapshot-dir', path.join(this.dir, 'snapshots'),
      '--http-addr', `127.0.0.1:${port}`, '--env', 'development', '--no-analytics', '--log-level', 'WARN',
      ...(this.options.maxIndexingMemory ? ['--max-indexing-memory', this.options.maxIndexingMemory] : []),
      ...(this.options.maxIndexingThreads ? ['--max-indexing-threads', String(this.options.maxIndexingThreads)] : []),
    ];
    const [command, argv] = SETPRIV
      ? [SETPRIV, ['--pdeathsig', 'SIGTERM', '--', this.options.executable, ...args]]
      : [this.options.executable, args];
    this.#tail = [];
    // A clean environment: Meilisearch reads every MEILI_* variable (and a config.toml in
    // its working directory), so a developer's own settings must not reach it. The key
    // goes through the environment, not argv, which every local user can read.
    const child = spawn(command, argv, {
      cwd: this.dir,
      env: { MEILI_MASTER_KEY: this.options.masterKey, MEILI_NO_ANALYTICS: 'true', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    child.on('error', (error) => this.#tail.push(`spawn failed: ${error.message}`));
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) {
          this.#tail.push(line);
          if (/\bERROR\b/.test(line)) this.log(`meilisearch: ${line}`);
        }
        this.#tail.splice(0, this.#tail.length - 20);
      });
    }
    const exited = () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
    try {
      await waitHealthy(this.url, this.options.startTimeoutMs ?? 60_000, exited, () => this.#tail.slice(-5).join(' / ') || 'no output');
    } catch (error) {
      await stopChild(child);
      throw error;
    }
    const instance: Instance = { pid: child.pid!, port, version: this.version, dbPath };
    fs.writeFileSync(path.join(this.dir, STATE_FILE), JSON.stringify(instance), { mode: 0o600 });
    child.once('exit', (code, signal) => {
      if (this.#child === child) this.#died(`exited (pid ${child.pid}, ${signal ?? `code ${code}`})`);
    });
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    const child = this.#child;
    if (child) await stopChild(child);
    await this.#recovery;
    if (this.#child && this.#child !== child) await stopChild(this.#child);
    fs.rmSync(path.join(this.dir, STATE_FILE), { force: true });
    process.off('exit', this.#onExit);
    if (this.#state !== 'failed') this.#state = 'stopped';
  }

  /** A database written by another Meilisearch version does not open: the index is derived
   * data (the archive is the source), so it is set aside and rebuilt from the archive. */
  #moveAsideOtherVersion(dbPath: string): void {
    let previous: string;
    try {
      previous = fs.readFileSync(path.join(dbPath, 'VERSION'), 'utf8').trim();
    } catch {
      return;
    }
    if (previous === this.version) return;
    const aside = `${dbPath}.v${previous}.${Date.now()}`;
    fs.renameSync(dbPath, aside);
    this.log(`embedded Meilisearch: the index was written by version ${previous}, this is ${this.version}; ` +
      `moved it to ${aside} (delete it when you like) and starting empty: the index is rebuilt from the archive`);
  }

  #died(how: string): void {
    if (this.#stopping || this.#recovery) return;
    this.#child = undefined;
    fs.rmSync(path.join(this.dir, STATE_FILE), { force: true });
    this.log(`embedded Meilisearch ${how}`);
    if (!this.options.supervise) {
      this.#state = 'failed';
      return;
    }
    this.#recovery = this.#recover().finally(() => {
      this.#recovery = undefined;
    });
  }

  async #recover(): Promise<void> {
    const { maxRestarts, backoffMs } = this.options.supervise!;
    this.#state = 'restarting';
    if (Date.now() - this.#upSince >= STABLE_MS) this.#attempts = 0;
    while (!this.#stopping) {
      if (this.#attempts >= maxRestarts) {
        this.#state = 'failed';
        this.log(`embedded Meilisearch not restarted (${maxRestarts} attempts in a row allowed); archive search answers SEARCH_UNAVAILABLE until the server restarts`);
        return;
      }
      const attempt = ++this.#attempts;
      const delay = Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
      this.log(`restarting embedded Meilisearch in ${delay} ms (attempt ${attempt} of ${maxRestarts})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.#stopping) return;
      try {
        await this.start(this.#port);
        this.#state = 'running';
        this.#upSince = Date.now();
        this.log(`embedded Meilisearch restarted on port ${this.#port} (pid ${this.#child?.pid}, attempt ${attempt})`);
        return;
      } catch (error) {
        this.log(`embedded Meilisearch restart attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

async function waitHealthy(url: string, timeoutMs: number, exited: () => boolean, why: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error(`Meilisearch exited while starting: ${why()}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      const body = (await res.json()) as { status?: string };
      if (res.ok && body.status === 'available') return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`Meilisearch not healthy after ${timeoutMs} ms: ${why()}`);
    await sleep(50);
  }
}

/** The port given, else the one of the last start (stable URLs across restarts) when it
 * is free, else any free one. */
async function choosePort(dir: string, configured: number | undefined): Promise<number> {
  if (configured) return configured;
  try {
    const last = (JSON.parse(fs.readFileSync(path.join(dir, 'last-port'), 'utf8')) as { port: number }).port;
    if (await isFree(last)) return last;
  } catch {
    // First start.
  }
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'last-port'), JSON.stringify({ port }));
  return port;
}

function freePort(): Promise<number> {
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

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** SIGTERM (Meilisearch finishes its write and exits), then SIGKILL. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (await within(exited, STOP_MS)) return;
  }
}

async function stopPid(pid: number): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + STOP_MS;
    while (isAlive(pid) && Date.now() < deadline) await sleep(50);
    if (!isAlive(pid)) return;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.state !== 'Z';
}

/** Whether `pid` is a Meilisearch on this database (a recycled pid is not). */
function serves(pid: number, dbPath: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dbPath);
  } catch (error) {
    // Without /proc the state file and a live pid are all there is to go on.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' || !fs.existsSync('/proc/self');
  }
}

/** Whether the process that started `pid` is still there (a Node process, as Custos is). */
function ownerAlive(pid: number): boolean {
  const ppid = procStat(pid)?.ppid;
  if (ppid === undefined) return true;
  try {
    return /^node/.test(path.basename(fs.readlinkSync(`/proc/${ppid}/exe`)));
  } catch {
    return ppid !== 1;
  }
}

function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** Whether `promise` settled within `ms` (the timer is cleared either way, so a stopped
 * process does not keep its owner's event loop waiting). */
async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
