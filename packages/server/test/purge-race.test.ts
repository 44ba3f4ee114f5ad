import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { insertCustomer } from './helpers/fixtures.js';
import { PURGED_EXPORTS, sweepNow } from './helpers/purge.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

/**
 * purgeCustomer (scheduling into the recycle bin) / erasePersonalData racing
 * restoreCustomers over real GraphQL: the restore holds the archived row, the purge waits
 * for it and finds it gone. The customer still exists, so the answer is about the live row
 * (scheduled then purged from there, erased, or INVALID_STATE for its status), never NOT_FOUND.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ARCHIVE = `mutation($id: ID!) { archiveCustomers(input: { ids: [$id], reason: "race" }) { failures { id } } }`;
const RESTORE = `mutation($id: ID!) { restoreCustomers(input: { ids: [$id], reason: "race" }) { customers { id status } failures { id code } } }`;
const PURGE = `mutation($id: ID!, $code: String!) {
  purgeCustomer(input: { id: $id, reason: "race", confirm: $code }) { scheduledPurge { id customerId state } } }`;
const ERASE = `mutation($id: ID!, $code: String!) {
  erasePersonalData(input: { id: $id, reason: "race", confirm: $code }) { customer { id email } archivedCustomer { id } } }`;

async function archived(status: 'ACTIVE' | 'VOID'): Promise<{ id: string; code: string }> {
  const id = await insertCustomer(server.db, { name: `Race ${status}`, status, email: 'race@example.com' });
  expect((await server.gql(ARCHIVE, { id })).data.archiveCustomers.failures).toEqual([]);
  const [{ code }] = await server.db.query<{ code: string }>(`select code from archive.customer where id = $1`, [id]);
  return { id, code };
}

async function waiting(n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (row!.n >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${n} sessions waiting on a lock`);
}

/** The restore takes the archived row first and moves it; `other` waits on the same row
 * behind it and runs on when the restore has committed. */
async function raceWithRestore(id: string, other: () => Promise<GraphQLResponse>) {
  const holder = new pg.Client({ connectionString: server.db.url });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query(`select 1 from archive.customer where id = $1 for update`, [id]);
    const restore = server.gql(RESTORE, { id });
    await waiting(1);
    const second = other();
    await waiting(2);
    await holder.query('commit');
    return { restore: await restore, other: await second };
  } finally {
    await holder.end();
  }
}

describe('a purge or erasure that loses the race with a restore', () => {
  it('purges a VOID customer from the live store it went back to', async () => {
    const { id, code } = await archived('VOID');
    const { restore, other } = await raceWithRestore(id, () => server.gql(PURGE, { id, code }));
    expect(restore.data.restoreCustomers.customers).toEqual([{ id: gid('Customer', id), status: 'VOID' }]);
    expect(other.errors).toBeUndefined();
    const entry = other.data.purgeCustomer.scheduledPurge;
    expect(entry).toMatchObject({ customerId: gid('Customer', id), state: 'SCHEDULED' });
    // Carried out when due, from the live store the customer went back to.
    await sweepNow(server, [entry.id]);
    const bin = (await server.gql(PURGED_EXPORTS)).data.scheduledPurges.nodes;
    expect(bin.find((r: { id: string }) => r.id === entry.id)).toMatchObject({ customerId: gid('Customer', id), export: { store: 'LIVE' } });
    expect(await server.db.query(`select id from customer where id = $1 union all select id from archive.customer where id = $1`, [id])).toEqual([]);
  });

  it('answers INVALID_STATE, not NOT_FOUND, for an ACTIVE customer that is live again', async () => {
    const { id, code } = await archived('ACTIVE');
    const { restore, other } = await raceWithRestore(id, () => server.gql(PURGE, { id, code }));
    expect(restore.data.restoreCustomers.customers).toEqual([{ id: gid('Customer', id), status: 'ACTIVE' }]);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect(other.errors?.[0]?.message).toBe('Cannot purge a customer whose status is ACTIVE');
    expect(await server.db.query(`select status from customer where id = $1`, [id])).toEqual([{ status: 'ACTIVE' }]);
  });

  it('erases the personal data of the live row', async () => {
    const { id, code } = await archived('ACTIVE');
    const { other } = await raceWithRestore(id, () => server.gql(ERASE, { id, code }));
    expect(other.errors).toBeUndefined();
    expect(other.data.erasePersonalData).toEqual({ customer: { id: gid('Customer', id), email: null }, archivedCustomer: null });
    expect(await server.db.query(`select email from customer where id = $1`, [id])).toEqual([{ email: null }]);
  });

  it('still answers NOT_FOUND for a customer that is in neither store', async () => {
    const res = await server.gql(PURGE, { id: '987654321', code: 'NOPE' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
