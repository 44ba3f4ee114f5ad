import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AnonymousDoor } from '../src/modules/identity/anonymous-door.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * Requests without a token are rate-limited per client address before their body is read,
 * so a client that ignores Retry-After and loops sign-ins costs the server almost nothing
 * per try; requests with a token never wait there.
 */

describe('the bucket', () => {
  it('lets a burst through, then one per refill, and forgets the longest-unseen address', () => {
    const door = new AnonymousDoor(2, 3, 2);
    expect([0, 0, 0].map((t) => door.take('a', t))).toEqual([0, 0, 0]);
    expect(door.take('a', 0)).toBe(1);
    // Half a second at 2 per second gives one back.
    expect(door.take('a', 500)).toBe(0);
    expect(door.take('a', 500)).toBe(1);
    expect(door.take('b', 500)).toBe(0);
    // A third address pushes out 'a' (least recently seen): it starts with a full burst.
    expect(door.take('c', 600)).toBe(0);
    expect([0, 0, 0].map(() => door.take('a', 700))).toEqual([0, 0, 0]);
    expect(new AnonymousDoor(0, 1).take('a', 0)).toBe(0);
  });

  it('says how long to wait at a slow rate', () => {
    const door = new AnonymousDoor(0.2, 1);
    expect(door.take('a', 0)).toBe(0);
    expect(door.take('a', 0)).toBe(5);
  });
});

describe('the door on a server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ANONYMOUS_REQUESTS_PER_SECOND: '0.1', ANONYMOUS_REQUESTS_BURST: '3' });
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  const wrongLogin = (language = 'en') =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify({ query: 'mutation { login(input: { email: "door@example.com", password: "wrong" }) { token } }' }),
    });

  it('answers 429 with Retry-After past the burst, counts nothing, and keeps token holders served', async () => {
    const failuresBefore = await server.db.query<{ failures: number }>(`select coalesce(sum(t.failures), 0)::int as failures from sign_in_throttle t`);
    // Sent at once: all arrive well within the 10 s a token takes to come back.
    const answers = await Promise.all([0, 1, 2, 3, 4].map(() => wrongLogin('zh-CN')));
    const bodies = await Promise.all(answers.map((res) => res.json() as Promise<{ errors: { message: string; extensions: Record<string, unknown> }[] }>));
    const passed = answers.flatMap((res, i) => (res.status === 200 ? [bodies[i]!] : []));
    const refused = answers.flatMap((res, i) => (res.status === 429 ? [{ res, body: bodies[i]! }] : []));
    expect(passed.map((b) => b.errors[0]!.extensions.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(refused).toHaveLength(2);
    for (const { res, body } of refused) {
      const wait = Number(res.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(body.errors[0]!.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', reason: 'ANONYMOUS_RATE_LIMITED', retryAfter: wait });
      expect(body.errors[0]!.message).toBe(`来自您地址的未登录请求过多：请在 ${wait} 秒后再试`);
    }
    // The three sign-ins that reached the server were counted; the refused one was not.
    const failuresAfter = await server.db.query<{ failures: number }>(`select coalesce(sum(t.failures), 0)::int as failures from sign_in_throttle t`);
    expect(failuresAfter[0]!.failures - failuresBefore[0]!.failures).toBe(3 * 2); // per email and per address
    // A request with a token from the same address is not held at the door.
    expect(await server.as('sales1')('{ me { role } }')).toEqual({ data: { me: { role: 'SALES' } } });
  });

  it('lets the address in again once it has waited', async () => {
    let res = await wrongLogin();
    while (res.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after')) * 1000));
      res = await wrongLogin();
    }
    expect(res.status).toBe(200);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  }, 90_000);
});
