import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer, insertInteractions } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

const LOG = `mutation Log($input: LogInteractionInput!) {
  logInteraction(input: $input) {
    interaction { id kind occurredAt channel subject body amount currency createdAt owner { id } customer { id lastInteractionAt interactionCount } }
  }
}`;

let server: TestServer;
let owner: string;
beforeAll(async () => {
  server = await startTestServer();
  owner = server.users.sales1;
});
afterAll(async () => {
  await server.close();
});

const lastAt = async (id: string) =>
  (await server.db.query<{ t: string | null }>(`select last_interaction_at::text as t from customer where id = $1`, [id]))[0]!.t;

describe('logInteraction', () => {
  it('logs an order with an exact amount, records the caller as owner, and keeps microseconds', async () => {
    const customerId = await insertCustomer(server.db, { name: '杭州云帆科技', ownerId: owner });
    const res = await server.gql(LOG, {
      input: {
        customerId,
        kind: 'ORDER',
        occurredAt: '2025-03-04T05:06:07.891234Z',
        channel: 'WECHAT',
        subject: '订单 #1001',
        body: '年度续费',
        amount: '1234567890.05',
        currency: 'CNY',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.logInteraction.interaction).toMatchObject({
      kind: 'ORDER',
      occurredAt: '2025-03-04T05:06:07.891234Z',
      channel: 'WECHAT',
      subject: '订单 #1001',
      amount: '1234567890.05',
      currency: 'CNY',
      owner: { id: gid('User', server.users.admin) },
      customer: { id: gid('Customer', customerId), lastInteractionAt: '2025-03-04T05:06:07.891234Z', interactionCount: 1 },
    });
  });

  it('requires amount and currency for orders, and both or neither otherwise', async () => {
    const customerId = await insertCustomer(server.db, { name: 'Amounts' });
    const cases = [
      [{ kind: 'ORDER' }, ['amount']],
      [{ kind: 'CALL', amount: '10.00' }, ['currency']],
      [{ kind: 'CALL', currency: 'CNY' }, ['amount']],
      [{ kind: 'ORDER', amount: '-1', currency: 'CNY' }, ['amount']],
      [{ kind: 'ORDER', amount: '1.234', currency: 'CNY' }, null],
      [{ kind: 'CALL', currency: 'cny', amount: '1' }, ['currency']],
    ] as const;
    for (const [extra, fields] of cases) {
      const res = await server.gql(LOG, { input: { customerId, subject: 's', ...extra } });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      if (fields) expect(res.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field)).toEqual(fields);
    }
    expect(await server.db.query(`select 1 from interaction where customer_id = $1`, [customerId])).toHaveLength(0);
  });

  it('answers NOT_FOUND for a missing customer and INVALID_STATE for a voided one', async () => {
    const missing = await server.gql(LOG, { input: { customerId: '99999999', kind: 'CALL', subject: 's' } });
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const voided = await insertCustomer(server.db, { name: 'Void', status: 'VOID' });
    const res = await server.gql(LOG, { input: { customerId: voided, kind: 'CALL', subject: 's' } });
    expect(res.errors![0]!.extensions!.code).toBe('INVALID_STATE');
  });
});

describe('lastInteractionAt', () => {
  it('only moves forward when older interactions are logged', async () => {
    const id = await insertCustomer(server.db, { name: 'Forward' });
    expect(await lastAt(id)).toBeNull();
    await server.gql(LOG, { input: { customerId: id, kind: 'CALL', subject: 'a', occurredAt: '2025-06-01T00:00:00Z' } });
    await server.gql(LOG, { input: { customerId: id, kind: 'CALL', subject: 'b', occurredAt: '2024-06-01T00:00:00Z' } });
    expect(await lastAt(id)).toBe('2025-06-01 00:00:00+00');
  });

  it('is recomputed when interactions are deleted, moved or re-dated in bulk', async () => {
    const a = await insertCustomer(server.db, { name: 'Bulk A' });
    const b = await insertCustomer(server.db, { name: 'Bulk B' });
    const ids = await insertInteractions(server.db, a, ['2023-01-01T00:00:00Z', '2023-02-01T00:00:00Z', '2023-03-01T00:00:00.000001Z']);
    expect(await lastAt(a)).toBe('2023-03-01 00:00:00.000001+00');
    await server.db.query(`delete from interaction where id = $1`, [ids[2]]);
    expect(await lastAt(a)).toBe('2023-02-01 00:00:00+00');
    await server.db.query(`update interaction set customer_id = $1 where id = $2`, [b, ids[1]]);
    expect(await lastAt(a)).toBe('2023-01-01 00:00:00+00');
    expect(await lastAt(b)).toBe('2023-02-01 00:00:00+00');
    await server.db.query(`update interaction set occurred_at = '2022-01-01Z' where id = $1`, [ids[1]]);
    expect(await lastAt(b)).toBe('2022-01-01 00:00:00+00');
    await server.db.query(`delete from interaction where customer_id = $1`, [a]);
    expect(await lastAt(a)).toBeNull();
  });
});

describe('interactions queries', () => {
  let customerId: string;
  beforeAll(async () => {
    customerId = await insertCustomer(server.db, { name: 'History' });
    const times = Array.from({ length: 25 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString());
    await insertInteractions(server.db, customerId, times.slice(0, 20), 'CALL');
    await insertInteractions(server.db, customerId, times.slice(20), 'ORDER');
  });

  it('pages a customer\'s history newest first and filters by kind', async () => {
    const res = await server.gql(
      `query($id: ID!) { customer(id: $id) {
        interactionCount
        all: interactions(first: 5) { totalCount nodes { occurredAt kind } pageInfo { hasNextPage endCursor } }
        orders: interactions(first: 10, filter: { kind: [ORDER] }, orderBy: [{ field: AMOUNT, direction: DESC }]) { totalCount nodes { amount } }
      } }`,
      { id: customerId },
    );
    expect(res.errors).toBeUndefined();
    const c = res.data.customer;
    expect(c.interactionCount).toBe(25);
    expect(c.all.totalCount).toBe(25);
    expect(c.all.nodes.map((n: { occurredAt: string }) => n.occurredAt.slice(0, 10))).toEqual([
      '2024-01-25', '2024-01-24', '2024-01-23', '2024-01-22', '2024-01-21',
    ]);
    expect(c.orders.totalCount).toBe(5);
    expect(c.orders.nodes.map((n: { amount: string }) => n.amount)).toEqual(['105.00', '104.00', '103.00', '102.00', '101.00']);
    const next = await server.gql(
      `query($id: ID!, $after: String) { customer(id: $id) { interactions(first: 30, after: $after) { nodes { occurredAt } } } }`,
      { id: customerId, after: c.all.pageInfo.endCursor },
    );
    expect(next.data.customer.interactions.nodes).toHaveLength(20);
    expect(next.data.customer.interactions.nodes[0].occurredAt.slice(0, 10)).toBe('2024-01-20');
  });

  it('lists interactions across customers with filters, and resolves each one\'s customer', async () => {
    const res = await server.gql(
      `query($id: ID!) { interactions(first: 3, filter: { customerId: [$id], kind: [CALL], occurredAfter: "2024-01-10T00:00:00Z", occurredBefore: "2024-01-15T00:00:00Z" }) {
        totalCount nodes { kind occurredAt customer { name } }
      } }`,
      { id: customerId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.interactions.totalCount).toBe(5);
    expect(res.data.interactions.nodes.map((n: { occurredAt: string }) => n.occurredAt.slice(0, 10))).toEqual([
      '2024-01-14', '2024-01-13', '2024-01-12',
    ]);
    expect(res.data.interactions.nodes.every((n: { customer: { name: string } }) => n.customer.name === 'History')).toBe(true);
  });
});
