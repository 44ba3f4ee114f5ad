import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { buildAppSchema } from '../src/app/schema.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startTestServer, type GraphQLResponse, type TestServer, type TestUser } from './helpers/test-server.js';

/**
 * Every connection of the schema — found from the schema itself, root and nested, so a
 * new one is covered without an edit here — walked to its end under every role, in every
 * sort order it offers, a few items per page: no item twice, no cursor twice, an end that
 * comes, and as many items as `totalCount`. The data is full of ties (equal names, times,
 * scores and nulls), where keyset paging goes wrong. Then every cursor is taken apart:
 * valid base64 with a bad value inside must be BAD_USER_INPUT, never an internal error.
 */

const ROLES: TestUser[] = ['admin', 'manager', 'sales1', 'support', 'auditor', 'reporting'];
const PAGE = 4;

/** Arguments a connection requires besides first/after; a new one without an entry here fails the walk. */
const REQUIRED_ARGS: Record<string, string> = {};

interface Connection {
  /** `Query.customers`, `Customer.interactions`… */
  key: string;
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  hasTotal: boolean;
  nodeId: boolean;
  orders: { field: string; direction: string }[][];
}

let server: TestServer;
let schema: GraphQLSchema;
let connections: Connection[];

function connectionsOf(s: GraphQLSchema): Connection[] {
  const out: Connection[] = [];
  for (const type of Object.values(s.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || !target.name.endsWith('Connection')) continue;
      const args = new Set(field.args.map((a) => a.name));
      if (!args.has('first') || !args.has('after')) continue;
      const node = getNamedType(target.getFields()['nodes']?.type ?? target.getFields()['edges']!.type);
      const edgeNode = isObjectType(node) && node.getFields()['node'] ? getNamedType(node.getFields()['node']!.type) : node;
      out.push({
        key: `${type.name}.${field.name}`,
        parent: type,
        field,
        hasTotal: 'totalCount' in target.getFields(),
        nodeId: isObjectType(edgeNode) && 'id' in edgeNode.getFields(),
        orders: sortOrders(field),
      });
    }
  }
  return out;
}

/** The default order, and each sort field of an `orderBy: [XOrder!]` argument both ways. */
function sortOrders(field: GraphQLField<unknown, unknown>): { field: string; direction: string }[][] {
  const orders: { field: string; direction: string }[][] = [[]];
  const arg = field.args.find((a) => a.name === 'orderBy');
  if (!arg) return orders;
  const input = getNamedType(arg.type);
  if (!isInputObjectType(input)) return orders;
  const sortField = getNamedType(input.getFields()['field']!.type);
  if (!isEnumType(sortField)) return orders;
  for (const value of sortField.getValues()) for (const direction of ['ASC', 'DESC']) orders.push([{ field: value.name, direction }]);
  return orders;
}

/** How to reach one parent object of a nested connection: a root getter by id and a root list. */
function parentAccess(parent: GraphQLObjectType): { getter: string; list: string } {
  const fields = Object.values(schema.getQueryType()!.getFields());
  const getter = fields.find((f) => getNamedType(f.type) === parent && f.args.length === 1 && f.args[0]!.name === 'id');
  const list = fields.find((f) => getNamedType(f.type).name === `${parent.name}Connection`);
  if (!getter || !list) throw new Error(`no root getter and list for ${parent.name}: teach the paging walk how to reach it`);
  return { getter: getter.name, list: list.name };
}

function pageQuery(c: Connection, order: { field: string; direction: string }[]): string {
  const required = c.field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined && !['first', 'after'].includes(a.name));
  const extra = required.map((a) => {
    const fixture = REQUIRED_ARGS[`${c.key}.${a.name}`];
    if (!fixture) throw new Error(`${c.key} requires ${a.name}: add a value to REQUIRED_ARGS`);
    return `${a.name}: ${fixture}`;
  });
  if (order.length) extra.push(`orderBy: [${order.map((o) => `{ field: ${o.field}, direction: ${o.direction} }`).join(', ')}]`);
  const args = [`first: ${PAGE}`, 'after: $after', ...extra].join(', ');
  const body = `${c.field.name}(${args}) { ${c.hasTotal ? 'totalCount ' : ''}edges { cursor${c.nodeId ? ' node { id }' : ''} } pageInfo { hasNextPage endCursor } }`;
  if (c.parent === schema.getQueryType()) return `query($after: String) { page: ${body} }`;
  const { getter } = parentAccess(c.parent);
  return `query($after: String, $parent: ID!) { parent: ${getter}(id: $parent) { page: ${body} } }`;
}

/** Parents of a nested connection the user may read, those with the most children first. */
async function busiestParents(user: TestUser, c: Connection, n: number): Promise<string[] | undefined> {
  const { list } = parentAccess(c.parent);
  const size = c.hasTotal ? `size: ${c.field.name}(first: 1) { totalCount }` : '';
  const res = await server.as(user)(`{ ${list}(first: 50) { nodes { id ${size} } } }`);
  if (res.errors?.length) return undefined;
  const nodes = res.data[list].nodes as { id: string; size?: { totalCount: number } }[];
  return nodes.sort((a, b) => (b.size?.totalCount ?? 0) - (a.size?.totalCount ?? 0)).slice(0, n).map((node) => node.id);
}

interface Walk {
  refused: boolean;
  ids: string[];
  total: number | null;
  pages: number;
}

async function walk(user: TestUser, c: Connection, order: { field: string; direction: string }[], parent?: string): Promise<Walk> {
  const query = pageQuery(c, order);
  const ids: string[] = [];
  const cursors = new Set<string>();
  let after: string | null = null;
  let total: number | null = null;
  for (let pages = 1; ; pages++) {
    const res: GraphQLResponse = await server.as(user)(query, parent ? { after, parent } : { after });
    if (res.errors?.length) {
      // A role refused the list, its sort field, or the parent is not its to read.
      const codes = new Set(res.errors.map((e) => e.extensions?.code));
      expect({ key: c.key, user, order, codes: [...codes] }).toEqual({ key: c.key, user, order, codes: ['FORBIDDEN'] });
      expect(pages).toBe(1);
      return { refused: true, ids, total, pages };
    }
    const page = parent ? res.data.parent?.page : res.data.page;
    if (!page) return { refused: true, ids, total, pages };
    if (c.hasTotal) total = page.totalCount;
    for (const edge of page.edges) ids.push(c.nodeId ? edge.node.id : edge.cursor);
    expect(page.edges.length).toBeLessThanOrEqual(PAGE);
    if (!page.pageInfo.hasNextPage) return { refused: false, ids, total, pages };
    const cursor = page.pageInfo.endCursor as string;
    // A cursor seen before means the walk is going round in circles.
    expect({ key: c.key, user, order, repeatedCursor: cursors.has(cursor) }).toEqual({ key: c.key, user, order, repeatedCursor: false });
    cursors.add(cursor);
    after = cursor;
    expect(pages).toBeLessThan(500);
  }
}

async function arrange(): Promise<void> {
  const { users, db } = server;
  // Ties everywhere: equal names, creation times, empty last-interaction times.
  await db.query(
    `insert into customer (code, name, type, owner_id, created_at, email, phone, region)
     select 'PG-' || g, case when g % 3 = 0 then 'Tie Co' else 'Paging ' || (g % 5) end, 'SMB',
            case when g <= 20 then $1::bigint when g <= 32 then $2::bigint end,
            timestamptz '2025-01-01 00:00:00+00' + (g % 4) * interval '1 day',
            case when g % 7 = 0 then 'test@test' else 'pg' || g || '@example.com' end,
            case when g % 5 = 0 then '123' end, case when g % 2 = 0 then 'CN-SH' end
       from generate_series(1, 45) g`,
    [users.sales1, users.sales2],
  );
  await db.query(
    `insert into interaction (customer_id, kind, occurred_at, subject, amount, currency)
     select c.id, case when k % 2 = 0 then 'ORDER' else 'CALL' end, timestamptz '2024-06-01 00:00:00+00' + (k % 2) * interval '1 hour', 'pg ' || k,
            case when k % 2 = 0 then 100 end, case when k % 2 = 0 then 'CNY' end
       from customer c, generate_series(1, 6) k where c.code like 'PG-%'`,
  );
  const archive = await db.query<{ id: string }>(`select id::text from customer where code like 'PG-%' and owner_id = $1 order by customer.id limit 6`, [users.sales1]);
  const archiveMore = await db.query<{ id: string }>(`select id::text from customer where code like 'PG-%' and owner_id is null order by customer.id limit 4`);
  const archived = await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "paging" }) { customers { id } } }`, {
    ids: [...archive, ...archiveMore].map((r) => r.id),
  });
  expect(archived.errors).toBeUndefined();
  for (let i = 0; i < 7; i++) {
    const res = await server.gql(`mutation { createArchivePolicy(input: { name: "Paging ${i}", action: ARCHIVE_CUSTOMERS, criteria: { tags: ["none-${i}"] } }) { policy { id } } }`);
    expect(res.errors).toBeUndefined();
  }
  for (let i = 0; i < 6; i++) {
    const [a, b] = [await insertCustomer(db, { name: `Merge ${i}`, ownerId: users.sales1 }), await insertCustomer(db, { name: `Merge ${i}b` })];
    const res = await server.gql(`mutation { mergeCustomers(input: { survivorId: "${a}", mergedIds: ["${b}"], versions: [{ id: "${a}", version: 1 }, { id: "${b}", version: 1 }] }) { merge { id } } }`);
    expect(res.errors).toBeUndefined();
  }
  // Same received date for all: ties in the register's order.
  for (let i = 0; i < 9; i++) {
    const res = await server.gql(`mutation($input: CreateSubjectRequestInput!) { createSubjectRequest(input: $input) { subjectRequest { id } } }`, {
      input: { kind: i % 2 ? 'ACCESS' : 'ERASURE', regime: i % 3 ? 'GDPR' : 'PIPL', receivedOn: '2026-12-01', language: 'EN', email: `subject${i}@example.com` },
    });
    expect(res.errors).toBeUndefined();
  }
  await db.query(`insert into job (kind, params, state, created_at) select 'COUNT_DATA_QUALITY', '{}', 'SUCCEEDED', timestamptz '2025-03-01 00:00:00+00' from generate_series(1, 13)`);
  // Equal scores, as a detection run gives many groups: a real 0.9 read back as a double never equals itself.
  await db.query(
    `insert into duplicate_group (score, reasons, member_ids)
     select case when g <= 22 then 0.9 else 0.7 end,
            case when g % 6 = 0 then '[{"kind":"TAX_ID","score":0.95,"pairs":1}]'::jsonb
                 else '[{"kind":"EMAIL","score":0.9,"pairs":1},{"kind":"TAX_ID","score":0.95,"pairs":1}]'::jsonb end,
            array[a.id, b.id]
       from generate_series(1, 30) g
       join lateral (select id from customer where code like 'PG-%' and status = 'ACTIVE' order by id offset g % 20 limit 1) a on true
       join lateral (select id from customer where code like 'PG-%' and status = 'ACTIVE' order by id offset g % 20 + 1 limit 1) b on true`,
  );
}

beforeAll(async () => {
  server = await startTestServer();
  schema = await buildAppSchema();
  connections = connectionsOf(schema);
  await arrange();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('connection paging', () => {
  it('finds the connections of the schema', () => {
    const keys = connections.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['Query.customers', 'Query.duplicateCandidates', 'Query.jobs', 'Customer.interactions', 'ArchivedCustomer.interactions']));
    process.stdout.write(`connection paging: ${keys.join(', ')}\n`);
  });

  it('walks every connection to its end under every role and order: no repeats, no loops, totalCount items', async () => {
    let walks = 0;
    let nonEmpty = 0;
    for (const c of connections) {
      const root = c.parent === schema.getQueryType();
      for (const user of ROLES) {
        let parents: (string | undefined)[] = [undefined];
        if (!root) {
          const found = await busiestParents(user, c, 3);
          if (!found) continue;
          parents = found;
        }
        for (const parent of parents) {
          for (const order of c.orders) {
            const result = await walk(user, c, order, parent);
            walks += 1;
            if (result.refused) continue;
            const where = { key: c.key, user, order, parent };
            expect({ ...where, repeated: result.ids.length - new Set(result.ids).size }).toEqual({ ...where, repeated: 0 });
            if (c.hasTotal) expect({ ...where, count: result.ids.length }).toEqual({ ...where, count: result.total });
            if (result.pages > 1) nonEmpty += 1;
          }
        }
      }
    }
    process.stdout.write(`connection paging: ${walks} walks, ${nonEmpty} over several pages\n`);
    expect(nonEmpty).toBeGreaterThan(connections.length);
  }, 600_000);

  it('turns several pages of each connection for ADMIN (the data is big enough to test anything)', async () => {
    for (const c of connections) {
      const parent = c.parent === schema.getQueryType() ? undefined : (await busiestParents('admin', c, 1))![0];
      const result = await walk('admin', c, [], parent);
      expect({ key: c.key, severalPages: result.pages > 1 }).toEqual({ key: c.key, severalPages: true });
    }
  }, 120_000);
});

const BAD_VALUES: unknown[] = [
  'not a value', '', '99999999999999999999', '9223372036854775808', '-9223372036854775809', '2026-02-30 10:00:00+00', '0000-01-01 00:00:00+00',
  '1e999', 'NaN', 'Infinity', '\u0000', '12\u0000', null, 12, true, ['x'], { a: 1 },
];

/** Cursors made from a real one: every value replaced by each bad value, and the shape broken. */
function badCursors(cursor: string): string[] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const enc = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (`id:index`): the same idea on its parts.
    const parts = text.split(':');
    return parts.flatMap((_, i) =>
      ['x', '99999999999999999999', '9223372036854775808', '-1', '1.5', ''].map((bad) => enc(parts.map((p, j) => (j === i ? bad : p)).join(':'))),
    ).concat([enc(`${text}:1`), enc(text.split(':')[0]!)]);
  }
  if (!Array.isArray(parsed)) return [];
  const out: string[] = [];
  for (let i = 1; i < parsed.length; i++) for (const bad of BAD_VALUES) out.push(enc(JSON.stringify(parsed.map((v, j) => (j === i ? bad : v)))));
  out.push(enc(JSON.stringify([...parsed, '1'])), enc(JSON.stringify(parsed.slice(0, -1))), enc(JSON.stringify(['other', ...parsed.slice(1)])));
  out.push(enc(text.slice(0, -1)), enc('{}'), enc('null'), 'a'.repeat(5000), '%%%', enc('x'.repeat(10)));
  return out;
}

describe('bad cursors', () => {
  it('answer BAD_USER_INPUT (or a page), never an internal error, on every connection', async () => {
    let tried = 0;
    for (const c of connections) {
      const parent = c.parent === schema.getQueryType() ? undefined : (await busiestParents('admin', c, 1))![0];
      for (const order of c.orders) {
        const query = pageQuery(c, order);
        const first = await server.gql(query, parent ? { after: null, parent } : { after: null });
        expect(first.errors).toBeUndefined();
        const page = parent ? first.data.parent.page : first.data.page;
        const cursor = page.pageInfo.endCursor as string | null;
        expect({ key: c.key, order, cursor: typeof cursor }).toEqual({ key: c.key, order, cursor: 'string' });
        for (const bad of badCursors(cursor!)) {
          const res = await server.gql(query, parent ? { after: bad, parent } : { after: bad });
          tried += 1;
          const codes = (res.errors ?? []).map((e) => e.extensions?.code);
          expect({ key: c.key, order, cursor: Buffer.from(bad.slice(0, 200), 'base64url').toString('utf8'), codes: codes.filter((code) => code !== 'BAD_USER_INPUT') })
            .toEqual({ key: c.key, order, cursor: Buffer.from(bad.slice(0, 200), 'base64url').toString('utf8'), codes: [] });
        }
      }
    }
    process.stdout.write(`bad cursors: ${tried} tried\n`);
  }, 600_000);

  it('refuses an id past the 64-bit range in a cursor before any SQL', async () => {
    const res = await server.gql(`{ customers(first: 2) { pageInfo { endCursor } } }`);
    const values = JSON.parse(Buffer.from(res.data.customers.pageInfo.endCursor, 'base64url').toString('utf8')) as string[];
    const bad = Buffer.from(JSON.stringify([...values.slice(0, -1), '99999999999999999999']), 'utf8').toString('base64url');
    const refused = await server.gql(`query($after: String) { customers(first: 2, after: $after) { totalCount } }`, { after: bad });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after', message: 'invalid cursor' }] });
  });
});
