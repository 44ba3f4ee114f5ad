import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer } from './helpers/fixtures.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

const LIST = `query List($first: Int, $after: String, $last: Int, $before: String, $offset: Int, $filter: CustomerFilter, $orderBy: [CustomerOrder!]) {
  customers(first: $first, after: $after, last: $last, before: $before, offset: $offset, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id name } }
    nodes { id name code tier region industry status lastInteractionAt createdAt }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

let server: TestServer;
let users: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  users = { 'sales1@example.com': server.users.sales1, 'sales2@example.com': server.users.sales2 };
  const base = Date.parse('2024-01-01T00:00:00Z');
  const tiers = ['KEY_ACCOUNT', 'LONG_TERM', 'STANDARD'];
  const regions = ['CN-SH', 'CN-BJ', 'US-CA'];
  const stages = ['NEW', 'ACTIVE', 'INACTIVE', 'CHURNED'];
  for (let i = 0; i < 60; i += 1) {
    await insertCustomer(server.db, {
      // Duplicate names on purpose: ties must still page without loss or repetition.
      name: i % 3 === 0 ? '北京同名公司' : `Customer ${String(i).padStart(2, '0')}`,
      type: ['ENTERPRISE', 'SMB', 'INDIVIDUAL'][i % 3],
      tier: tiers[i % 3],
      region: regions[i % 3],
      industry: i % 2 ? 'Retail' : 'Software',
      lifecycleStage: stages[i % 4],
      ownerId: i % 2 ? users['sales1@example.com'] : users['sales2@example.com'],
      status: i % 10 === 9 ? 'VOID' : 'ACTIVE',
      email: `c${i}@example.com`,
      phone: `+86 138 0000 ${String(1000 + i)}`,
      tags: i % 4 === 0 ? ['vip', '华东'] : i % 4 === 1 ? ['vip'] : [],
      // Same timestamp for pairs, with microseconds: cursors must keep them apart exactly.
      createdAt: new Date(base + Math.floor(i / 2) * 86_400_000).toISOString().replace('Z', '123456Z').replace('.000', '.'),
    });
  }
  // Last interaction only for some customers: NULLs take part in sorting.
  await server.db.query(
    `update customer set last_interaction_at = created_at + interval '10 days' + (id % 7) * interval '1 microsecond' where id % 3 <> 0`,
  );
});
afterAll(async () => {
  await server.close();
});

async function pageThrough(variables: Record<string, unknown>, size: number, backward = false) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const res: GraphQLResponse = await server.gql(LIST, backward ? { ...variables, last: size, before: cursor } : { ...variables, first: size, after: cursor });
    expect(res.errors).toBeUndefined();
    const conn: any = res.data.customers;
    const ids = conn.nodes.map((n: { id: string }) => n.id);
    seen.push(...(backward ? [...ids].reverse() : ids));
    const more = backward ? conn.pageInfo.hasPreviousPage : conn.pageInfo.hasNextPage;
    if (!more) break;
    cursor = backward ? conn.pageInfo.startCursor : conn.pageInfo.endCursor;
  }
  return backward ? seen.reverse() : seen;
}

describe('customers list', () => {
  it('answers as UTF-8 bytes whose length is the Content-Length, names in Chinese intact', async () => {
    // The body is encoded once and sent as bytes (app/server.ts): the header must count
    // bytes, not UTF-16 characters, or a client would cut the JSON short.
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.tokenFor('admin')}` },
      body: JSON.stringify({ query: `{ customers(first: 60, orderBy: [{ field: NAME, direction: ASC }]) { nodes { name tags } } }` }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const body = JSON.parse(bytes.toString('utf8'));
    const names: string[] = body.data.customers.nodes.map((n: { name: string }) => n.name);
    expect(names.filter((name) => name === '北京同名公司')).toHaveLength(18);
    expect(body.data.customers.nodes.some((n: { tags: string[] }) => n.tags.includes('华东'))).toBe(true);
    expect(bytes.length).toBeGreaterThan(bytes.toString('utf8').length);
  });

  it('lists ACTIVE customers only by default, newest first, with totalCount', async () => {
    const res = await server.gql(LIST, { first: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data.customers.totalCount).toBe(54);
    const created = res.data.customers.nodes.map((n: { createdAt: string }) => n.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(res.data.customers.nodes.every((n: { status: string }) => n.status === 'ACTIVE')).toBe(true);
    expect(res.data.customers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      res.data.customers.nodes.map((n: { id: string }) => n.id),
    );
  });

  const orders = [
    [{ field: 'NAME', direction: 'ASC' }],
    [{ field: 'NAME', direction: 'DESC' }],
    [{ field: 'CODE', direction: 'ASC' }],
    [{ field: 'CREATED_AT', direction: 'ASC' }],
    [{ field: 'UPDATED_AT', direction: 'DESC' }],
    [{ field: 'LAST_INTERACTION_AT', direction: 'ASC' }],
    [{ field: 'LAST_INTERACTION_AT', direction: 'DESC' }],
    [{ field: 'NAME', direction: 'ASC' }, { field: 'CREATED_AT', direction: 'DESC' }],
    [{ field: 'LAST_INTERACTION_AT', direction: 'DESC' }, { field: 'NAME', direction: 'ASC' }],
  ];
  it.each(orders.map((o) => [JSON.stringify(o), o]))('pages by cursor without loss or repetition: %s', async (_label, orderBy) => {
    const all = await server.gql(LIST, { first: 200, orderBy });
    const expected = all.data.customers.nodes.map((n: { id: string }) => n.id);
    expect(expected).toHaveLength(54);
    expect(await pageThrough({ orderBy }, 7)).toEqual(expected);
    expect(await pageThrough({ orderBy }, 7, true)).toEqual(expected);
  });

  it('sorts by the requested order, NULLs as the smallest value', async () => {
    const res = await server.gql(LIST, { first: 200, orderBy: [{ field: 'LAST_INTERACTION_AT', direction: 'DESC' }] });
    const values = res.data.customers.nodes.map((n: { lastInteractionAt: string | null }) => n.lastInteractionAt);
    const firstNull = values.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(values.slice(firstNull).every((v: string | null) => v === null)).toBe(true);
    const nonNull = values.slice(0, firstNull) as string[];
    expect([...nonNull].sort().reverse()).toEqual(nonNull);
    const byName = await server.gql(LIST, { first: 200, orderBy: [{ field: 'NAME', direction: 'ASC' }] });
    const names = byName.data.customers.nodes.map((n: { name: string }) => n.name);
    expect(names[0]).toBe('Customer 01');
    expect(names[names.length - 1]).toBe('北京同名公司');
  });

  it('keeps microseconds in timestamps and cursors', async () => {
    const res = await server.gql(LIST, { first: 1, orderBy: [{ field: 'CREATED_AT', direction: 'ASC' }] });
    expect(res.data.customers.nodes[0].createdAt).toBe('2024-01-01T00:00:00.123456Z');
  });

  it('offset pages agree with cursor pages', async () => {
    const orderBy = [{ field: 'NAME', direction: 'ASC' }];
    const all = (await server.gql(LIST, { first: 200, orderBy })).data.customers.nodes.map((n: { id: string }) => n.id);
    for (const offset of [0, 10, 50]) {
      const res = await server.gql(LIST, { first: 10, offset, orderBy });
      expect(res.data.customers.nodes.map((n: { id: string }) => n.id)).toEqual(all.slice(offset, offset + 10));
      expect(res.data.customers.pageInfo.hasPreviousPage).toBe(offset > 0);
      expect(res.data.customers.pageInfo.hasNextPage).toBe(offset + 10 < all.length);
    }
  });

  it('loses and repeats no row while others are inserted concurrently', async () => {
    const orderBy = [{ field: 'NAME', direction: 'ASC' }];
    const before = (await server.gql(LIST, { first: 200, orderBy })).data.customers.nodes.map((n: { id: string }) => n.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    for (let guard = 0; guard < 100; guard += 1) {
      const res: GraphQLResponse = await server.gql(LIST, { first: 6, after: cursor, orderBy });
      seen.push(...res.data.customers.nodes.map((n: { id: string }) => n.id));
      // Between pages, rows land before, inside and after the window already read.
      for (const name of ['A inserted', 'Customer 30 inserted', 'zz inserted']) {
        await insertCustomer(server.db, { name: `${name} ${inserted}` });
        inserted += 1;
      }
      if (!res.data.customers.pageInfo.hasNextPage) break;
      cursor = res.data.customers.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    await server.db.query(`delete from customer where name like '% inserted %'`);
  });

  it('refuses a cursor made for another order, a malformed cursor, and oversized pages', async () => {
    const first = await server.gql(LIST, { first: 2, orderBy: [{ field: 'NAME', direction: 'ASC' }] });
    const cursor = first.data.customers.pageInfo.endCursor;
    for (const variables of [
      { first: 2, after: cursor, orderBy: [{ field: 'CODE', direction: 'ASC' }] },
      { first: 2, after: 'bm90IGEgY3Vyc29y' },
      { first: 201 },
      { first: 2, last: 2 },
      { first: -1 },
      { first: 2, offset: -3 },
    ]) {
      const res = await server.gql(LIST, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.data).toBeNull();
    }
  });
});

describe('customers filters', () => {
  const count = async (filter: Record<string, unknown>) => {
    const res = await server.gql(LIST, { first: 200, filter });
    expect(res.errors).toBeUndefined();
    expect(res.data.customers.nodes).toHaveLength(Math.min(200, res.data.customers.totalCount));
    return res.data.customers;
  };
  const expectSql = async (filter: Record<string, unknown>, where: string, params: unknown[] = []) => {
    const conn = await count(filter);
    const rows = await server.db.query<{ id: string }>(`select id from customer where ${where} order by id`, params);
    expect(conn.totalCount).toBe(rows.length);
    expect(conn.nodes.map((n: { id: string }) => n.id).sort()).toEqual(rows.map((r) => gid('Customer', r.id)).sort());
  };

  it('status', () => expectSql({ status: ['VOID'] }, `status = 'VOID'`));
  it('status, several', () => expectSql({ status: ['ACTIVE', 'VOID'] }, `status in ('ACTIVE','VOID')`));
  it('type', () => expectSql({ type: ['INDIVIDUAL'] }, `status = 'ACTIVE' and type = 'INDIVIDUAL'`));
  it('tier', () => expectSql({ tier: ['KEY_ACCOUNT', 'LONG_TERM'] }, `status = 'ACTIVE' and tier in ('KEY_ACCOUNT','LONG_TERM')`));
  it('industry', () => expectSql({ industry: ['Retail'] }, `status = 'ACTIVE' and industry = 'Retail'`));
  it('region', () => expectSql({ region: ['CN-SH'] }, `status = 'ACTIVE' and region = 'CN-SH'`));
  it('lifecycleStage', () => expectSql({ lifecycleStage: ['CHURNED'] }, `status = 'ACTIVE' and lifecycle_stage = 'CHURNED'`));
  it('ownerId', () =>
    expectSql({ ownerId: [users['sales1@example.com']] }, `status = 'ACTIVE' and owner_id = $1`, [users['sales1@example.com']]));
  it('tags (any)', () => expectSql({ tags: ['华东', 'nope'] }, `status = 'ACTIVE' and '华东' = any(tags)`));
  it('tagsAll', () => expectSql({ tagsAll: ['vip', '华东'] }, `status = 'ACTIVE' and tags @> array['vip','华东']`));
  it('ids', async () => {
    const [a, b] = await server.db.query<{ id: string }>(`select id from customer where status = 'ACTIVE' order by id limit 2`);
    await expectSql({ ids: [a!.id, b!.id] }, `id in ($1, $2)`, [a!.id, b!.id]);
  });
  it('createdAfter / createdBefore', () =>
    expectSql(
      { createdAfter: '2024-01-05T00:00:00Z', createdBefore: '2024-01-10T00:00:00.123456Z' },
      `status = 'ACTIVE' and created_at >= '2024-01-05T00:00:00Z' and created_at < '2024-01-10T00:00:00.123456Z'`,
    ));
  it('lastInteractionAfter', () =>
    expectSql({ lastInteractionAfter: '2024-01-20T00:00:00Z' }, `status = 'ACTIVE' and last_interaction_at >= '2024-01-20T00:00:00Z'`));
  it('lastInteractionBefore includes never-contacted customers', () =>
    expectSql(
      { lastInteractionBefore: '2024-01-20T00:00:00Z' },
      `status = 'ACTIVE' and (last_interaction_at < '2024-01-20T00:00:00Z' or last_interaction_at is null)`,
    ));
  it('search matches name, code, email and phone, case-insensitively and in Chinese', async () => {
    await expectSql({ search: '同名' }, `status = 'ACTIVE' and name like '%同名%'`);
    await expectSql({ search: 'customer 1' }, `status = 'ACTIVE' and name ilike '%customer 1%'`);
    await expectSql({ search: 'C17@EXAMPLE' }, `status = 'ACTIVE' and email = 'c17@example.com'`);
    await expectSql({ search: '0000 1005' }, `status = 'ACTIVE' and phone like '%0000 1005%'`);
  });
  it('search treats LIKE wildcards literally', () => expectSql({ search: '%_' }, `false`));
  it('combines filters with AND', () =>
    expectSql(
      { region: ['CN-SH'], industry: ['Software'], tags: ['vip'] },
      `status = 'ACTIVE' and region = 'CN-SH' and industry = 'Software' and 'vip' = any(tags)`,
    ));
  it('rejects malformed ids in filters', async () => {
    const res = await server.gql(LIST, { filter: { ownerId: ['1 or 1=1'] } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
