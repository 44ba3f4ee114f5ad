import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer, insertInteractions } from './helpers/fixtures.js';
import { dbId, gid } from './helpers/global-ids.js';
import { PURGED_EXPORTS, schedulePurge, sweepNow } from './helpers/purge.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server.js';
import { startWorker, testConfig } from './helpers/jobs.js';
import { until } from './helpers/until.js';
import { createRequestContext } from '../src/core/context.js';
import { TokenSigner } from '../src/core/tokens.js';
import { recycleBinSchedule } from '../src/modules/retention/retention.service.js';

/**
 * The recycle bin before purge: purgeCustomer schedules (PURGE_DELAY_DAYS ahead), the bin
 * lists and cancels, and the retention sweep carries out only what is past its date, with
 * its export, re-checking hold and status under the row lock.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ PURGE_DELAY_DAYS: '30', PURGE_EXPORT_KEEP_DAYS: '7' });
});
afterAll(() => server.close());

const BIN = `query($state: ScheduledPurgeState) { scheduledPurges(state: $state) {
  nodes { id customerId code reason state dueAt scheduledAt urgent scheduledBy { id } cancelledBy { id } cancelReason purgedAt export }
  scheduledCount cancelledCount purgedCount } }`;
const CANCEL = `mutation($id: ID!) { cancelScheduledPurge(input: { id: $id, reason: "the customer came back" }) { scheduledPurge { id state cancelReason } } }`;

const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on ScheduledPurge { customerId state } } }`;

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const n = async (sql: string, params: unknown[] = []) => (await server.db.query<{ n: number }>(sql, params))[0]!.n;

async function voided(name: string, interactions = 0): Promise<{ id: string; code: string }> {
  const id = await insertCustomer(server.db, { name, status: 'VOID', email: `${name.toLowerCase().replace(/\W/g, '')}@example.com` });
  if (interactions) await insertInteractions(server.db, id, Array.from({ length: interactions }, (_, i) => `2025-0${i + 1}-02T00:00:00Z`));
  const [row] = await server.db.query<{ code: string }>(`select code from customer where id = $1`, [id]);
  return { id, code: row!.code };
}

async function scheduled(c: { id: string; code: string }, reason = 'customer asked for deletion'): Promise<string> {
  const res = await schedulePurge(server, c.id, c.code, reason);
  expect(res.errors).toBeUndefined();
  return res.data.purgeCustomer.scheduledPurge.id;
}

// First in the file: it needs a bin with nothing due yet.
describe('RECYCLE_BIN_SCHEDULE (on by default outside tests)', () => {
  const sweeps = () => server.db.query<{ id: string; state: string; scope: string | null }>(
    `select j.id::text, j.state, j.params->>'scope' as scope from job j where j.kind = 'RETENTION_SWEEP' order by j.id`,
  );

  it('queues nothing while no countdown has ended', async () => {
    expect(await n(`select count(*)::int as n from purge_schedule where state = 'SCHEDULED' and due_at <= now()`)).toBe(0);
    const config = testConfig(server.db);
    const ctx = createRequestContext(server.db.orm, config, new TokenSigner(config.JWT_SECRET!, 60), 'bin-schedule-test');
    await recycleBinSchedule('* * * * *')(ctx);
    expect(await sweeps()).toEqual([]);
  });

  it('carries out a purge whose countdown ended without anyone running a sweep, and purges nothing past retention', async () => {
    const due = await voided('Bin On Its Own', 1);
    const dueId = await scheduled(due);
    await server.db.query(`update purge_schedule set due_at = now() - interval '1 second' where id = $1`, [dbId(dueId)]);
    const kept = await insertCustomer(server.db, { name: 'Archived Past Retention' });
    const archived = await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "dormant" }) { failures { id } } }`, { ids: [kept] });
    expect(archived.errors).toBeUndefined();
    await server.db.query(`update archive.customer set retain_until = now() - interval '1 day' where id = $1`, [kept]);

    const worker = startWorker(server, { RECYCLE_BIN_SCHEDULE: '* * * * *' });
    try {
      await until(async () => (await n(`select count(*)::int as n from purge_schedule where id = $1 and state = 'PURGED'`, [dbId(dueId)])) === 1, 'the due purge carried out by the scheduled sweep');
      await until(async () => (await sweeps()).every((j) => j.state === 'SUCCEEDED'), 'the sweep finished');
    } finally {
      await worker.stop();
    }
    expect((await sweeps()).map((j) => j.scope)).toEqual(['RECYCLE_BIN']);
    expect(await n(`select count(*)::int as n from customer where id = $1`, [due.id])).toBe(0);
    // Retention purges stay an operator's choice (RETENTION_SCHEDULE), not the bin's.
    expect(await n(`select count(*)::int as n from archive.customer where id = $1`, [kept])).toBe(1);
  });
});

describe('purge goes through the recycle bin', () => {
  it('schedules with a countdown of PURGE_DELAY_DAYS, leaves the customer as it is, and lists it', async () => {
    const c = await voided('Bin One', 2);
    const res = await schedulePurge(server, c.id, c.code, 'customer asked for deletion');
    expect(res.errors).toBeUndefined();
    const entry = res.data.purgeCustomer.scheduledPurge;
    expect(entry).toMatchObject({ customerId: gid('Customer', c.id), code: c.code, state: 'SCHEDULED' });
    const days = (Date.parse(entry.dueAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(await n(`select count(*)::int as n from customer where id = $1 and status = 'VOID'`, [c.id])).toBe(1);
    expect(await n(`select count(*)::int as n from interaction where customer_id = $1`, [c.id])).toBe(2);

    const bin = (await server.gql(BIN, { state: 'SCHEDULED' })).data.scheduledPurges;
    expect(bin.nodes.find((r: { id: string }) => r.id === entry.id)).toMatchObject({
      reason: 'customer asked for deletion', urgent: false, scheduledBy: { id: gid('User', server.users.admin) }, export: null,
    });
    expect(bin.scheduledCount).toBeGreaterThanOrEqual(1);
    // A Node: read again by its global id under the bin's own rule, and its customer by the id it names.
    const viaNode = await server.gql(NODE, { id: entry.id });
    expect(viaNode.errors).toBeUndefined();
    expect(viaNode.data.node).toEqual({ __typename: 'ScheduledPurge', id: entry.id, customerId: gid('Customer', c.id), state: 'SCHEDULED' });
    const live = await server.gql(`query($id: ID!) { customer(id: $id) { code status } }`, { id: entry.customerId });
    expect(live.data.customer).toEqual({ code: c.code, status: 'VOID' });

    // Once in the bin is enough; the checks of purge still apply; purge stays ADMIN's.
    expect(code(await schedulePurge(server, c.id, c.code))).toBe('INVALID_STATE');
    expect(code(await schedulePurge(server, c.id, 'WRONG'))).toBe('BAD_USER_INPUT');
    for (const user of ['manager', 'sales1', 'support', 'auditor', 'reporting'] as const) {
      expect(code(await server.as(user)(BIN))).toBe('FORBIDDEN');
      expect(code(await server.as(user)(CANCEL, { id: entry.id }))).toBe('FORBIDDEN');
      expect(code(await server.as(user)(NODE, { id: entry.id }))).toBe('FORBIDDEN');
    }
    const [audit] = await server.db.query<{ action: string; changes: any }>(
      `select action, changes from audit_event where entity_type = 'ScheduledPurge' and entity_id = $1`,
      [dbId(entry.id)],
    );
    expect(audit).toMatchObject({ action: 'CUSTOMER_PURGE_SCHEDULED', changes: { customerId: { to: c.id }, state: { to: 'SCHEDULED' } } });
  });

  it('a purge cancelled in the bin leaves the record intact, even past its date', async () => {
    const c = await voided('Bin Cancel', 3);
    const before = await server.db.query(`select * from customer where id = $1`, [c.id]);
    const id = await scheduled(c);
    const cancelled = await server.gql(CANCEL, { id });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelScheduledPurge.scheduledPurge).toEqual({ id, state: 'CANCELLED', cancelReason: 'the customer came back' });
    expect(code(await server.gql(CANCEL, { id }))).toBe('NOT_FOUND');
    expect(code(await server.gql(CANCEL, { id: 'x1' }))).toBe('NOT_FOUND');

    // Its date passes and a sweep runs: nothing happens to it.
    await server.db.query(`update purge_schedule set due_at = now() - interval '1 day' where id = $1`, [dbId(id)]);
    const job = await sweepNow(server, []);
    expect(job.state).toBe('SUCCEEDED');
    expect(await server.db.query(`select * from customer where id = $1`, [c.id])).toEqual(before);
    expect(await n(`select count(*)::int as n from interaction where customer_id = $1`, [c.id])).toBe(3);
    expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_PURGED' and entity_id = $1`, [c.id])).toBe(0);
    const [audit] = await server.db.query<{ actor_id: string; reason: string }>(
      `select actor_id::text, reason from audit_event where action = 'CUSTOMER_PURGE_CANCELLED' and entity_id = $1`,
      [dbId(id)],
    );
    expect(audit).toEqual({ actor_id: server.users.admin, reason: 'the customer came back' });
    // It can be put in the bin again.
    expect((await schedulePurge(server, c.id, c.code)).errors).toBeUndefined();
  });

  it('the sweep purges only those past their date, with their export; held ones wait, no-longer-purgeable ones are cancelled', async () => {
    const due = await voided('Bin Due', 2);
    const notYet = await voided('Bin Later', 1);
    const held = await voided('Bin Held');
    const revived = await voided('Bin Revived');
    const [dueId, notYetId, heldId, revivedId] = [await scheduled(due, 'contract ended'), await scheduled(notYet), await scheduled(held), await scheduled(revived)];
    const hold = await server.gql(`mutation($id: ID!) { setLegalHold(input: { id: $id, hold: true, reason: "litigation" }) { customer { id } } }`, { id: held.id });
    expect(hold.errors).toBeUndefined();
    const unvoid = await server.gql(`mutation($id: ID!) { unvoidCustomer(input: { id: $id, note: "came back" }) { customer { status } } }`, { id: revived.id });
    expect(unvoid.data.unvoidCustomer.customer.status).toBe('ACTIVE');

    const job = await sweepNow(server, [dueId, heldId, revivedId]);
    expect(job).toMatchObject({ state: 'SUCCEEDED', result: { scheduledPurges: { purged: 1, cancelled: 1, held: 1 } } });

    expect(await n(`select count(*)::int as n from customer where id = $1`, [due.id])).toBe(0);
    expect(await n(`select count(*)::int as n from interaction where customer_id = $1`, [due.id])).toBe(0);
    const [tombstone] = await server.db.query<{ reason: string; changes: any }>(
      `select reason, changes from audit_event where action = 'CUSTOMER_PURGED' and entity_id = $1`,
      [due.id],
    );
    expect(tombstone).toEqual({ reason: 'contract ended', changes: { code: { from: due.code, to: null }, status: { from: 'VOID', to: null }, interactions: { from: 2, to: 0 } } });

    const bin = (await server.gql(PURGED_EXPORTS)).data.scheduledPurges;
    const purged = bin.nodes.find((r: { id: string }) => r.id === dueId);
    expect(purged.export).toMatchObject({ store: 'LIVE', customer: { id: Number(due.id), email: 'bindue@example.com' } });
    expect(purged.export.interactions).toHaveLength(2);

    const states = await server.db.query<{ id: string; state: string; cancel_reason: string | null }>(
      `select s.id::text, s.state, s.cancel_reason from purge_schedule s where s.id = any($1::bigint[]) order by s.id`,
      [[notYetId, heldId, revivedId].map(dbId)],
    );
    expect(states).toEqual([
      { id: dbId(notYetId), state: 'SCHEDULED', cancel_reason: null },
      { id: dbId(heldId), state: 'SCHEDULED', cancel_reason: null },
      { id: dbId(revivedId), state: 'CANCELLED', cancel_reason: 'the customer is ACTIVE now' },
    ]);
    expect(await n(`select count(*)::int as n from customer where id = any($1::bigint[])`, [[notYet.id, held.id, revived.id]])).toBe(3);
  });

  it('keeps an export PURGE_EXPORT_KEEP_DAYS, then the sweep drops it (the tombstone stays)', async () => {
    const c = await voided('Bin Old', 1);
    const id = await scheduled(c);
    await sweepNow(server, [id]);
    expect(await n(`select count(*)::int as n from purge_schedule where id = $1 and export is not null`, [dbId(id)])).toBe(1);
    await server.db.query(`update purge_schedule set purged_at = now() - interval '8 days' where id = $1`, [dbId(id)]);
    await sweepNow(server, []);
    expect(await n(`select count(*)::int as n from purge_schedule where id = $1 and export is null and state = 'PURGED'`, [dbId(id)])).toBe(1);
    expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_PURGED' and entity_id = $1`, [c.id])).toBe(1);
  });
});
