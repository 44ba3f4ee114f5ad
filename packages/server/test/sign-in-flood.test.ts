import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashPassword } from '../src/modules/identity/passwords.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

/**
 * 40 parallel wrong-password sign-ins once held every libuv thread with argon2 and pushed
 * an authenticated `{ me { id } }` from ~20 ms to 4–50 s. The sign-in limits are opened
 * up here (as for an attacker with many addresses) so that every attempt reaches the
 * bounded hashing pool: the pool alone must keep the authenticated request answering,
 * and refuse what it cannot queue with 429 and Retry-After. bench/sign-in-flood.mjs
 * measures the same thing with a sustained flood.
 */

let server: TestServer;
let headers: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({
    LOGIN_ACCOUNT_FREE_FAILURES: '1000',
    LOGIN_ACCOUNT_LOCK_FAILURES: '10000',
    LOGIN_ADDRESS_FREE_FAILURES: '100000',
    LOGIN_ADDRESS_LOCK_FAILURES: '1000000',
    PASSWORD_HASH_CONCURRENCY: '1',
    PASSWORD_HASH_QUEUE_MAX: '4',
  });
  await server.db.query(`update app_user set password_hash = $1 where id = $2`, [await hashPassword('flood-password-1'), server.users.manager]);
  const res = await server.anonymous(`mutation { login(input: { email: "manager@example.com", password: "flood-password-1" }) { token } }`);
  headers = { authorization: `Bearer ${res.data.login.token}` };
});
afterAll(async () => {
  await server.close();
});

async function me(): Promise<number> {
  const started = performance.now();
  const res = await server.post({ query: '{ me { id } }' }, headers);
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({ me: { id: gid('User', server.users.manager) } });
  return performance.now() - started;
}

interface LoginAnswer {
  status: number;
  retryAfter: string | null;
  body: GraphQLResponse;
}

async function wrongLogin(i: number): Promise<LoginAnswer> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($i: LoginInput!) { login(input: $i) { token } }`, variables: { i: { email: `flood.${i}@example.com`, password: 'wrong-password' } } }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as GraphQLResponse };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

describe('a flood of wrong-password sign-ins', () => {
  // Forty argon2 hashes one at a time take a while on a busy machine.
  it('leaves an authenticated request answering, and answers what it cannot queue with 429 + Retry-After', async () => {
    for (let i = 0; i < 5; i++) await me();
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await me());

    let done = false;
    const flood = Promise.all(Array.from({ length: 40 }, (_, i) => wrongLogin(i))).finally(() => {
      done = true;
    });
    const during: number[] = [];
    // Sample for as long as the flood runs (at least 10 times), then check the flood.
    while (!done || during.length < 10) during.push(await me());
    const answers = await flood;

    process.stdout.write(`me idle p95 ${p95(idle).toFixed(0)} ms, during the flood p95 ${p95(during).toFixed(0)} ms (max ${Math.max(...during).toFixed(0)} ms, ${during.length} samples)\n`);
    // Latency is printed, not asserted: how long is a benchmark's question
    // (bench/sign-in-flood.mjs), and a bound that holds on a quiet machine failed here at
    // load average 34 (12 s). What this test asserts is the mechanism: every authenticated
    // request answered correctly while the flood ran (me() checks each), and the bounded
    // pool refused what it could not queue (without the pool, nothing is ever SIGN_IN_BUSY).

    const failed = answers.filter((a) => a.body.errors?.[0]?.extensions?.reason === 'LOGIN_FAILED');
    const busy = answers.filter((a) => a.body.errors?.[0]?.extensions?.reason === 'SIGN_IN_BUSY');
    expect(failed.length + busy.length).toBe(40);
    // One hashing plus four queued at least; later arrivals may find freed places.
    expect(failed.length).toBeGreaterThanOrEqual(5);
    expect(busy.length).toBeGreaterThan(0);
    for (const answer of failed) expect(answer.status).toBe(200);
    for (const answer of busy) {
      expect(answer.status).toBe(429);
      const error = answer.body.errors![0]!;
      expect(error.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'SIGN_IN_BUSY' });
      expect(error.message).toMatch(/^The server is busy signing others in: try again in \d+ seconds$/);
      expect(Number(answer.retryAfter)).toBe(error.extensions!.retryAfter);
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // Nothing was left waiting: the right password works at once afterwards.
    const ok = await server.anonymous(`mutation { login(input: { email: "manager@example.com", password: "flood-password-1" }) { token } }`);
    expect(ok.errors).toBeUndefined();
  }, 300_000);
});
