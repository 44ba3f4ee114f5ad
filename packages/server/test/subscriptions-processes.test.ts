import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { connectClient } from '../src/db/pg-client.js';
import { TokenSigner } from '../src/core/tokens.js';
import { insertCustomer, insertUsers } from './helpers/fixtures.js';
import { seedCustomers, waitForJob } from './helpers/jobs.js';
import { graphqlWsUrl, subscribe, type Subscriber } from './helpers/subscriptions.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { TEST_JWT_SECRET } from './helpers/test-server.js';
import { buildCli, spawnServer, stopServer, type ServerProcess } from './helpers/worker-process.js';
import { gid } from './helpers/global-ids.js';

/**
 * Two real server processes on one database: delivery goes through PostgreSQL
 * notifications, so a change made through one process (or by its job worker) reaches a
 * subscriber of the other, and row rules still hold there.
 */

describe('subscriptions across two server processes', () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let users: Record<string, string>;
  const tokens = new TokenSigner(TEST_JWT_SECRET, 3600);
  const open: Subscriber[] = [];
  const token = async (email: string) => (await tokens.sign({ userId: users[email]!, tokenVersion: 1 })).token;

  async function gql(server: ServerProcess, email: string, query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(email)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  async function watch(server: ServerProcess, email: string, query: string, variables: Record<string, unknown> = {}) {
    const sub = subscribe(graphqlWsUrl(server.url), await token(email), query, variables);
    open.push(sub);
    return sub;
  }

  beforeAll(async () => {
    const cli = buildCli('subscriptions-processes', { bundle: true });
    db = await createTestDatabase();
    users = await insertUsers(db, [
      { email: 'admin@example.com', role: 'ADMIN' },
      { email: 'sales1@example.com', role: 'SALES' },
      { email: 'sales2@example.com', role: 'SALES' },
    ]);
    // A runs the job worker; B only serves.
    [a, b] = await Promise.all([
      spawnServer(cli, db, { JOB_WORKER: 'on', ARCHIVE_BATCH_SIZE: '5', JOB_BATCH_PAUSE_MS: '200' }),
      spawnServer(cli, db, { JOB_WORKER: 'off' }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await Promise.all([stopServer(a), stopServer(b)]);
    await db?.close();
  });

  it('streams the progress of a job started through A to a subscriber on B', async () => {
    await seedCustomers(db, 40, { tag: 'two-processes' });
    const [first] = await db.query<{ id: string }>(`select min(id)::text as id from customer where 'two-processes' = any(tags)`);
    // The run's first batch waits on this row lock, so the subscription is in place
    // before any progress is made, however fast the worker is.
    let gate: pg.Client | undefined = await connectClient(db.url, 'test-gate');
    try {
      await gate.query('begin');
      await gate.query(`select 1 from customer where id = $1 for update`, [first!.id]);
      const policy = await gql(a, 'admin@example.com', `mutation($input: CreateArchivePolicyInput!) { createArchivePolicy(input: $input) { policy { id } } }`, {
        input: { name: 'two processes', action: 'ARCHIVE_CUSTOMERS', criteria: { tags: ['two-processes'] } },
      });
      const run = await gql(a, 'admin@example.com', `mutation($id: ID!) { runArchivePolicy(input: { id: $id }) { job { id } } }`, { id: policy.createArchivePolicy.policy.id });
      const jobId = run.runArchivePolicy.job.id as string;
      await waitForJob(db, jobId, ['RUNNING']);
      const sub = await watch(b, 'admin@example.com', `subscription($id: ID!) { jobUpdated(id: $id) { state progress { done total } } }`, { id: jobId });
      await sub.waitFor((e) => e.data?.jobUpdated?.state === 'RUNNING', 'the running job');
      expect(sub.events[0]!.data!.jobUpdated.progress).toEqual({ done: 0, total: 40 });
      await gate.query('commit');
      await gate.end();
      gate = undefined;
      expect(await sub.ended).toEqual({});
      const seen = sub.events.map((e) => `${e.data!.jobUpdated.state} ${e.data!.jobUpdated.progress.done}`);
      expect(seen.at(-1)).toBe('SUCCEEDED 40');
      // Batches of 5, 200 ms apart, arrived on B as A committed them: in order, with the
      // progress between (a subscriber that falls behind gets the latest state, so on a
      // stalled machine some steps may merge; none ever goes back).
      const done = seen.map((s) => Number(s.split(' ')[1]));
      expect(done).toEqual([...done].sort((x, y) => x - y));
      expect(new Set(seen).size).toBe(seen.length);
      expect(done.filter((d) => d > 0 && d < 40).length).toBeGreaterThanOrEqual(1);
      expect(done.every((d) => d % 5 === 0)).toBe(true);
    } finally {
      await gate?.end();
    }
  });

  it('never gives a SALES subscriber on B another owner\u2019s change made through A', async () => {
    const own = await insertCustomer(db, { name: 'Mine Ltd', ownerId: users['sales1@example.com'] });
    const theirs = await insertCustomer(db, { name: 'Theirs Ltd', ownerId: users['sales2@example.com'] });
    const query = `subscription { customerChanged { kind id customer { id name tier } } }`;
    const sales1 = await watch(b, 'sales1@example.com', query);
    const admin = await watch(b, 'admin@example.com', query);
    // Touch the subscriber's own customer until each subscription reports it: both listen.
    for (const sub of [sales1, admin]) {
      for (let i = 0; ; i++) {
        const from = sub.events.length;
        await db.query(`update customer set updated_at = now() where id = $1`, [own]);
        try {
          await sub.waitFor((e) => e.data?.customerChanged?.id === gid('Customer', own), 'probe', 300, from);
          break;
        } catch (error) {
          if (i > 60) throw error;
        }
      }
    }
    const update = (id: string, tier: string) =>
      gql(a, 'admin@example.com', `mutation($id: ID!, $v: Int!) { updateCustomer(input: { id: $id, version: $v, tier: ${tier} }) { customer { id } } }`, {
        id,
        v: 1,
      });
    await update(theirs, 'KEY_ACCOUNT');
    await update(own, 'KEY_ACCOUNT');
    await sales1.waitFor((e) => e.data?.customerChanged?.customer?.tier === 'KEY_ACCOUNT', 'own change through A');
    await admin.waitFor((e) => e.data?.customerChanged?.id === gid('Customer', own) && e.data.customerChanged.customer.tier === 'KEY_ACCOUNT', 'own change (admin)');
    expect(admin.events.some((e) => e.data?.customerChanged?.id === gid('Customer', theirs))).toBe(true);
    expect(sales1.events.filter((e) => e.data?.customerChanged?.id !== gid('Customer', own))).toEqual([]);
  });
});
