import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Password hashing in a child process of lower CPU priority. argon2id (64 MiB, t=3, p=4)
 * costs ~0.13 s of wall time and up to 0.45 s of CPU per hash across its four lane
 * threads: in the server's own process a wrong-password flood took both cores of a small
 * machine, and an authenticated `{ me { id } }` waited behind it (bench/sign-in-flood.mjs).
 * Niced, the hashes use whatever CPU is idle and yield it to requests at once; the pool
 * (hash-pool.ts) still bounds how many wait. The nice value is per thread on Linux: the
 * child sets its main thread's before argon2 starts any thread, and every thread it
 * starts inherits it.
 *
 * The child's code is passed inline so the same path works from the TypeScript sources
 * (tests) and the build, and it exits when the server's end of the channel closes, so it
 * never outlives the server, whatever way the server ends.
 */
const CHILD = `
const os = require('node:os');
const { nice, argon2Path } = JSON.parse(process.argv[1]);
try { os.setPriority(nice); } catch {}
const argon2 = require(argon2Path);
let dummy;
process.on('disconnect', () => process.exit(0));
process.on('message', async ({ id, op, password, hash }) => {
  try {
    let value;
    if (op === 'hash') value = await argon2.hash(password, { type: argon2.argon2id });
    else if (!hash) {
      dummy ??= argon2.hash('custos-dummy-password', { type: argon2.argon2id });
      await argon2.verify(await dummy, password).catch(() => false);
      value = false;
    } else value = await argon2.verify(hash, password).catch(() => false);
    process.send({ id, value });
  } catch (error) {
    process.send({ id, error: String(error && error.message || error) });
  }
});
`;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type Request = { op: 'hash'; password: string } | { op: 'verify'; password: string; hash: string | null };

export class PasswordHashProcess {
  #child: ChildProcess | undefined;
  #next = 1;
  readonly #pending = new Map<number, Pending>();
  #closed = false;

  constructor(readonly nice: number) {}

  hash(password: string): Promise<string> {
    return this.#ask({ op: 'hash', password }) as Promise<string>;
  }

  /** Unknown users (no hash) are checked against a dummy hash: the same time either way. */
  verify(hash: string | null | undefined, password: string): Promise<boolean> {
    return this.#ask({ op: 'verify', password, hash: hash ?? null }) as Promise<boolean>;
  }

  /** Ends the child; hashes still running are refused. */
  close(): void {
    this.#closed = true;
    this.#child?.kill();
    this.#child = undefined;
  }

  /** The child's process id, started on first use (for tests and the bench). */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  async #ask(request: Request): Promise<unknown> {
    try {
      return await this.#send(request);
    } catch (error) {
      // A child that died (killed, out of memory) is replaced once; hashing is idempotent.
      if (this.#closed || !(error instanceof HashProcessEnded)) throw error;
      return this.#send(request);
    }
  }

  #send(request: Request): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('password hashing has been shut down'));
    const child = this.#child ?? this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) channelOf(child)?.ref?.();
      this.#pending.set(id, { resolve, reject });
      child.send({ id, ...request }, (error) => {
        if (error && this.#pending.delete(id)) reject(new HashProcessEnded(error.message));
      });
    });
  }

  #start(): ChildProcess {
    const argon2Path = createRequire(import.meta.url).resolve('argon2');
    const child = spawn(process.execPath, ['-e', CHILD, JSON.stringify({ nice: this.nice, argon2Path })], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Test runners and the server pass loader flags meant for themselves.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    this.#child = child;
    child.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (this.#pending.size === 0) channelOf(child)?.unref?.();
      if (message.error !== undefined) pending.reject(new Error(`password hashing failed: ${message.error}`));
      else pending.resolve(message.value);
    });
    const ended = (reason: string) => {
      if (this.#child === child) this.#child = undefined;
      for (const [id, pending] of this.#pending) {
        this.#pending.delete(id);
        pending.reject(new HashProcessEnded(reason));
      }
    };
    child.on('exit', (code, signal) => ended(`exit ${signal ?? code}`));
    child.on('error', (error) => ended(error.message));
    // An idle child keeps nothing alive; a hash being waited for does (see #send).
    child.unref();
    channelOf(child)?.unref?.();
    return child;
  }
}

function channelOf(child: ChildProcess): { ref?: () => void; unref?: () => void } | undefined {
  return child.channel as { ref?: () => void; unref?: () => void } | undefined;
}

class HashProcessEnded extends Error {
  constructor(reason: string) {
    super(`the password hashing process ended (${reason})`);
  }
}
