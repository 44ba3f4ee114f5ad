import fs from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { PasswordHashProcess } from '../src/modules/identity/hash-process.js';
import { hashPassword } from '../src/modules/identity/passwords.js';
import { startTestServer } from './helpers/test-server.js';

/**
 * Password hashes are computed in a child process of lower CPU priority so that a
 * wrong-password flood uses idle CPU only (bench/sign-in-flood.mjs measures the effect).
 * Here: the child hashes and verifies like argon2 in process, runs niced in every thread
 * that hashes, is replaced when it dies, and never outlives the server.
 */

const hashers: PasswordHashProcess[] = [];
afterAll(() => {
  for (const hasher of hashers) hasher.close();
});

function hasher(nice: number): PasswordHashProcess {
  const made = new PasswordHashProcess(nice);
  hashers.push(made);
  return made;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`);

/** Name and nice value of each thread of a process (Linux /proc). */
function threads(pid: number): { name: string; nice: number }[] {
  return fs.readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name's closing parenthesis start at field 3 (state);
      // nice is field 19.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ name: fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim(), nice: Number(fields[16]) }];
    } catch {
      return []; // the thread ended between the listing and the read
    }
  });
}

describe('password hashing process', () => {
  it('hashes and verifies like argon2 in process, unknown users included', async () => {
    const passwords = hasher(10);
    const hash = await passwords.hash('right horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await passwords.verify(hash, 'right horse battery')).toBe(true);
    expect(await passwords.verify(hash, 'wrong')).toBe(false);
    // Hashes made in process (seed, console) verify in the child and the other way round.
    expect(await passwords.verify(await hashPassword('from the console'), 'from the console')).toBe(true);
    expect(await passwords.verify(null, 'anything')).toBe(false);
    expect(await passwords.verify('not a hash', 'anything')).toBe(false);
  }, 120_000);

  it('runs at the configured nice value in its main thread and its hashing threads', async () => {
    const passwords = hasher(7);
    await passwords.hash('warm');
    const pid = passwords.pid!;
    const seen = threads(pid);
    expect(seen.find((t) => t.name === 'node')?.nice).toBe(7);
    const pool = seen.filter((t) => t.name.startsWith('libuv-worker'));
    expect(pool.length).toBeGreaterThan(0);
    expect(pool.map((t) => t.nice)).toEqual(pool.map(() => 7));
  }, 120_000);

  it('replaces a child that died, also under a hash in flight', async () => {
    const passwords = hasher(10);
    const hash = await passwords.hash('survivor');
    const first = passwords.pid!;
    const inFlight = passwords.verify(hash, 'survivor');
    process.kill(first, 'SIGKILL');
    expect(await inFlight).toBe(true);
    await waitFor(() => !alive(first), 'the killed child to be gone');
    expect(await passwords.verify(hash, 'survivor')).toBe(true);
    expect(passwords.pid).not.toBe(first);
  }, 120_000);

  it('ends with the server that started it', async () => {
    const server = await startTestServer({ PASSWORD_HASH_NICE: '5' });
    let pid: number | undefined;
    try {
      const res = await server.anonymous(`mutation { login(input: { email: "nobody@example.com", password: "wrong" }) { token } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const children = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
      const ours = new Set(hashers.map((h) => h.pid));
      pid = children.find((child) => !ours.has(child) && alive(child) && fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('argon2'));
      expect(pid).toBeDefined();
      expect(threads(pid!).find((t) => t.name === 'node')?.nice).toBe(5);
    } finally {
      await server.close();
    }
    await waitFor(() => !alive(pid!), 'the hashing process to end with the server');
  }, 180_000);
});
