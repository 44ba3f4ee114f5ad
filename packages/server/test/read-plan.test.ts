import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app/server.js';
import { setTaxId } from './helpers/fixtures.js';
import { gid } from './helpers/global-ids.js';
import { TEST_ENCRYPTION_KEY } from './helpers/test-database.js';
import { startTestServer, TEST_JWT_SECRET, type GraphQLResponse, type TestServer, type TestUser } from './helpers/test-server.js';
import { statementsByQueryDuring } from './helpers/sql-stats.js';

/**
 * The read plan (one statement built from the selection) and the loader path (READ_PLAN
 * off: a statement per list, DataLoaders below it) must answer every query alike: the
 * same data, the same errors (field denials included) and the same access-log rows. So
 * must graphql-js, whose field guards decide value by value, and graphql-jit, whose
 * queries are compiled per role with the guards decided once (src/graphql/role-guards.ts).
 * fast-check writes random selections over customers and archived customers (fields,
 * aliases, fragments, @include, nested interaction pages with paging, sorting and
 * filters, cursors, pageInfo, counts, owners), alone or beside `node`/`nodes` reading
 * records again under fragments on either type, for every role.
 */

let server: TestServer;
let loaderApp: FastifyInstance;
let loaderUrl: string;
let interpreterApp: FastifyInstance;
let interpreterUrl: string;
let customerId: string;
let archivedId: string;

beforeAll(async () => {
  // The session check shared for a minute: the statement count below must not depend on
  // how long a busy machine takes between two requests (2 s by default).
  server = await startTestServer({ SESSION_CHECK_CACHE_MS: '60000' });
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: server.db.url, PORT: '0', LOG_LEVEL: 'silent', JWT_SECRET: TEST_JWT_SECRET,
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, READ_PLAN: 'off',
  });
  loaderApp = await createApp(config, server.db.orm, { logger: false });
  loaderUrl = await loaderApp.listen({ host: '127.0.0.1', port: 0 });
  interpreterApp = await createApp({ ...config, READ_PLAN: 'on', GRAPHQL_EXECUTOR: 'graphql-js' }, server.db.orm, { logger: false });
  interpreterUrl = await interpreterApp.listen({ host: '127.0.0.1', port: 0 });
  const { sales1, sales2 } = server.users;
  // 40 customers: owners, nulls, tags, void and merged ones, tax ids (encrypted), and
  // 0–6 interactions each with bodies and amounts; then a third of them archived.
  await server.db.query(
    `insert into customer (code, name, type, tier, industry, region, status, owner_id, email, phone, address, notes, tags,
                           created_at, void_reason)
     select 'P' || lpad(g::text, 4, '0'), '客户 ' || g, (array['SMB','ENTERPRISE','INDIVIDUAL'])[1 + g % 3],
            (array['STANDARD','KEY_ACCOUNT','LONG_TERM'])[1 + g % 3], case when g % 4 = 0 then null else 'Retail' end,
            case when g % 5 = 0 then null else 'CN-SH' end, case when g % 9 = 0 then 'VOID' else 'ACTIVE' end,
            case g % 3 when 0 then $1::bigint when 1 then $2::bigint end,
            case when g % 6 = 0 then null else 'c' || g || '@example.com' end, '+86 138 0013 ' || lpad(g::text, 4, '0'),
            'Street ' || g, case when g % 2 = 0 then 'note ' || g end, case when g % 2 = 0 then array['vip','north'] else '{}' end,
            timestamptz '2026-01-01 00:00:00.123456+00' + (g % 7) * interval '1 hour' + g * interval '1 microsecond',
            case when g % 9 = 0 then 'TEST_RECORD' end
       from generate_series(1, 40) g`,
    [sales1, sales2],
  );
  await server.db.query(
    `insert into interaction (customer_id, kind, occurred_at, channel, subject, body, amount, currency, owner_id)
     select c.id, case when k % 2 = 0 then 'ORDER' else 'CALL' end, timestamptz '2026-02-01 08:00:00+00' + (k % 4) * interval '1 day',
            case when k % 3 = 0 then null else 'PHONE' end, 'subject ' || k, case when k % 2 = 1 then 'body ' || k end,
            case when k % 2 = 0 then 100.5 + k end, case when k % 2 = 0 then 'CNY' end, c.owner_id
       from customer c cross join lateral generate_series(1, c.id::int % 7) k`,
  );
  const ids = await server.db.query<{ id: string }>(`select c.id::text as id from customer c order by c.id`);
  for (const [i, row] of ids.entries()) if (i % 3 === 0) await setTaxId(server.db, row.id, `9131000${i}MA1K4XY12B`);
  const archive = ids.filter((_, i) => i % 3 === 1 && i % 9 !== 0).map((r) => r.id);
  // Read again by `node`: one with a tax id and email, one archived with an email.
  customerId = ids[3]!.id;
  archivedId = ids[1]!.id;
  const archived = await server.gql(
    `mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "read plan test" }) { failures { id } } }`,
    { ids: archive },
  );
  expect(archived.errors).toBeUndefined();
  expect(archived.data.archiveCustomers.failures).toEqual([]);
  await server.db.query('analyze');
}, 180_000);

afterAll(async () => {
  await loaderApp?.close();
  await interpreterApp?.close();
  await server?.close();
});

let requestNumber = 0;

/** Generated queries name a user by placeholder: the ids exist only once the server runs. */
function withIds(query: string): string {
  return query
    .replaceAll('@SALES1_GID', gid('User', server.users.sales1))
    .replaceAll('@SALES1_WRONG_TYPE', gid('Customer', server.users.sales1))
    .replaceAll('@SALES1_ID', String(server.users.sales1))
    .replaceAll('@CUSTOMER_GID', gid('Customer', customerId))
    .replaceAll('@ARCHIVED_GID', gid('ArchivedCustomer', archivedId));
}

async function ask(url: string, user: TestUser, query: string, variables: Record<string, unknown>) {
  const requestId = `plan-test-${process.pid}-${(requestNumber += 1)}`;
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.tokenFor(user)}`, 'x-request-id': requestId },
    body: JSON.stringify({ query: withIds(query), variables }),
  });
  const body = (await res.json()) as GraphQLResponse;
  await server.accessLogWritten();
  const log = await server.db.query<{ entry: string }>(
    `select entity_type || '.' || field || ':' || array_to_string(array(select unnest(entity_ids) order by 1), ',') as entry
       from access_log where request_id = $1 order by entry`,
    [requestId],
  );
  return { status: res.status, body, log: log.map((r) => r.entry) };
}

/** The nearest strict ancestor of `path` that is null in `data`, as text; undefined when none. */
function nulledAncestor(data: unknown, path: readonly (string | number)[]): string | undefined {
  if (data === null || data === undefined) return '';
  let node: unknown = data;
  for (let i = 0; i < path.length - 1; i++) {
    node = (node as Record<string | number, unknown>)[path[i]!];
    if (node === null || node === undefined) return path.slice(0, i + 1).join('.');
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null)?.[key], data);
}

/**
 * Errors in a canonical order (the two paths resolve nested values in a different order).
 * Where an error has nulled a subtree, which other errors inside it get reported depends
 * on timing in graphql-js (it answers once the null is known, and stops a synchronous
 * list at its first failed item): there only which subtrees are null, and that errors
 * explain them, must agree, and the access log (of reads whose resolvers ran) is not compared.
 */
function canonical(answer: Awaited<ReturnType<typeof ask>>) {
  const settled: string[] = [];
  const nulled = new Set<string>();
  for (const e of answer.body.errors ?? []) {
    const ancestor = e.path ? nulledAncestor(answer.body.data, e.path) : undefined;
    if (ancestor !== undefined) nulled.add(ancestor);
    else {
      // A denial names the first value withheld, and "first" is the order values resolved
      // in: document order on the plan path, the order loader batches answer in on the
      // other. So its path only has to lead to a withheld (null) value.
      const denial = e.extensions?.field !== undefined;
      if (denial) expect(valueAt(answer.body.data, e.path!)).toBeNull();
      settled.push(JSON.stringify({ message: e.message, path: denial ? undefined : e.path, code: e.extensions?.code, field: e.extensions?.field, count: e.extensions?.count }));
    }
  }
  // Reads inside a nulled subtree are logged when their resolvers ran, which is timing too.
  const log = nulled.size ? 'timing-dependent' : answer.log;
  return { status: answer.status, data: answer.body.data, errors: settled.sort(), nulled: [...nulled].sort(), log };
}

// ---- random selections ----------------------------------------------------------------

const CUSTOMER_FIELDS = [
  'id', 'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycleStage', 'status', 'email', 'phone', 'address', 'taxId',
  'tags', 'notes', 'lastInteractionAt', 'createdAt', 'updatedAt', 'version', 'voidReason', 'voidNote', 'voidedAt',
];
const ARCHIVED_FIELDS = [...CUSTOMER_FIELDS, 'previousStatus', 'legalHold', 'archivedAt', 'archiveReason', 'policyId', 'retainUntil', 'checksum'];
const INTERACTION_FIELDS = ['id', 'kind', 'occurredAt', 'channel', 'subject', 'body', 'amount', 'currency', 'createdAt'];
const ARCHIVED_INTERACTION_FIELDS = [...INTERACTION_FIELDS, 'archivedAt', 'archiveReason', 'archivedWithCustomer'];
// Other staff's role, state and creation time are ADMIN's (a FORBIDDEN error elsewhere): rarely asked.
const USER = fc.oneof(
  { weight: 3, arbitrary: fc.subarray(['id', 'displayName', 'email'], { minLength: 1 }) },
  { weight: 1, arbitrary: fc.subarray(['id', 'displayName', 'email', 'role', 'enabled', 'createdAt'], { minLength: 1 }) },
).map((f) => `{ ${f.join(' ')} }`);

const order = (fields: string[]) =>
  fc.option(fc.array(fc.record({ field: fc.constantFrom(...fields), direction: fc.constantFrom('ASC', 'DESC') }), { minLength: 1, maxLength: 2 }), { nil: undefined })
    .map((o) => (o ? `orderBy: [${o.map((t) => `{ field: ${t.field}, direction: ${t.direction} }`).join(', ')}]` : ''));

const paging = (max: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.record({ first: fc.option(fc.integer({ min: 0, max }), { nil: undefined }), offset: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }) },
    { weight: 4, arbitrary: fc.record({ last: fc.integer({ min: 0, max }) }) },
    // Refused by both paths alike (PAGE_TOO_LARGE, first and last together).
    { weight: 1, arbitrary: fc.constantFrom<Record<string, number>>({ first: 1000 }, { first: 1, last: 1 }) },
  ).map((p) => Object.entries(p).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join(', '));

/** Wraps some fields in an inline fragment or under @include/@skip on a variable. */
const scatter = (parts: string[], type: string) =>
  fc.tuple(fc.constantFrom('plain', 'inline', 'include', 'skip'), fc.integer({ min: 0, max: 3 })).map(([how, n]) => {
    if (parts.length === 0 || how === 'plain') return parts.join(' ');
    const [moved, kept] = [parts.slice(0, n + 1), parts.slice(n + 1)];
    if (how === 'inline') return `${kept.join(' ')} ... on ${type} { ${moved.join(' ')} }`;
    return `${kept.join(' ')} ... @${how}(if: $flag) { ${moved.join(' ')} }`;
  });

const connection = (node: fc.Arbitrary<string>) =>
  fc.record({
    nodes: fc.boolean(),
    edges: fc.constantFrom('', 'cursor', 'cursor node', 'node'),
    pageInfo: fc.subarray(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']),
    totalCount: fc.boolean(),
    node,
  }).map((c) => {
    const parts: string[] = [];
    if (c.nodes || (!c.edges.includes('node') && !c.pageInfo.length && !c.totalCount)) parts.push(`nodes ${c.node}`);
    if (c.edges) parts.push(`edges { ${c.edges.replace('node', `node ${c.node}`)} }`);
    if (c.pageInfo.length) parts.push(`pageInfo { ${c.pageInfo.join(' ')} }`);
    if (c.totalCount) parts.push('totalCount');
    return `{ ${parts.join(' ')} }`;
  });

function interactionsField(archived: boolean) {
  const fields = archived ? ARCHIVED_INTERACTION_FIELDS : INTERACTION_FIELDS;
  const node = fc
    .tuple(fc.subarray(fields, { minLength: 1 }), fc.option(USER, { nil: undefined }), fc.boolean())
    .chain(([picked, owner, customer]) =>
      scatter(
        [...picked, ...(owner ? [`owner ${owner}`] : []), ...(customer && !archived ? ['customer { id code }'] : [])],
        archived ? 'ArchivedInteraction' : 'Interaction',
      ),
    )
    .map((s) => `{ ${s} }`);
  // Arguments a plan leaves to the resolver's wrappers: a global id (decoded there), a raw
  // id, and (rarely, since a refusal nulls the page) a global id of the wrong type and a NUL.
  const filter = fc.option(fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('filter: { kind: [ORDER] }', 'filter: { channel: [PHONE] }', 'filter: { occurredAfter: "2026-02-02T00:00:00Z" }') },
    { weight: 6, arbitrary: fc.constantFrom('filter: { ownerId: ["@SALES1_GID"] }', 'filter: { ownerId: ["@SALES1_ID"] }') },
    { weight: 1, arbitrary: fc.constantFrom('filter: { ownerId: ["@SALES1_WRONG_TYPE"] }', 'after: "x\\u0000"') },
  ), { nil: '' });
  return fc
    .tuple(fc.option(fc.constantFrom('recent', 'more'), { nil: undefined }), paging(4), order(['OCCURRED_AT', 'CREATED_AT', 'OCCURRED_AT', 'CREATED_AT', 'AMOUNT']), filter, connection(node))
    .map(([alias, page, sort, f, body]) => {
      const args = [page, sort, f].filter(Boolean).join(', ');
      return `${alias ? `${alias}: ` : ''}interactions${args ? `(${args})` : ''} ${body}`;
    });
}

function customerNode(archived: boolean) {
  const fields = archived ? ARCHIVED_FIELDS : CUSTOMER_FIELDS;
  return fc
    .tuple(
      fc.subarray(fields, { minLength: 1 }),
      fc.option(USER, { nil: undefined }),
      fc.boolean(),
      fc.array(interactionsField(archived), { maxLength: 2 }),
      fc.boolean(),
      fc.option(USER, { nil: undefined }),
    )
    .chain(([picked, owner, count, histories, merged, archivedBy]) =>
      scatter(
        [
          ...picked,
          ...(owner ? [`owner ${owner}`] : []),
          ...(count ? ['interactionCount'] : []),
          // Two histories under one response key must have the same arguments: alias the second.
          ...histories.map((h, i) => (i === 1 && !/^\w+:/.test(h) ? `second: ${h}` : h)),
          ...(merged && !archived ? ['mergedInto { id code }'] : []),
          ...(archivedBy && archived ? [`archivedBy ${archivedBy}`] : []),
        ],
        archived ? 'ArchivedCustomer' : 'Customer',
      ),
    )
    .map((s) => `{ ${s} }`);
}

const listRoot = fc.constantFrom(false, true).chain((archived) =>
  fc
    .tuple(
      paging(8),
      order(archived ? ['ARCHIVED_AT', 'NAME', 'CODE'] : ['NAME', 'CODE', 'CREATED_AT', 'UPDATED_AT', 'LAST_INTERACTION_AT']),
      fc.constantFrom('', archived ? 'filter: { previousStatus: [ACTIVE, VOID] }' : 'filter: { status: [ACTIVE, VOID] }', 'filter: { search: "客户 1" }'),
      connection(customerNode(archived)),
    )
    .map(([page, sort, filter, body]) => {
      const args = [page, sort, filter].filter(Boolean).join(', ');
      return `${archived ? 'archivedCustomers' : 'customers'}${args ? `(${args})` : ''} ${body}`;
    }),
);

/** A customer or archived customer read again through the Node interface, under a fragment
 * on either type (the other type's fragment reads nothing). */
const nodeRoot = fc
  .tuple(fc.constantFrom('@CUSTOMER_GID', '@ARCHIVED_GID'), fc.boolean(), fc.boolean())
  .chain(([id, archived, plural]) =>
    customerNode(archived).map((selection) => {
      const type = archived ? 'ArchivedCustomer' : 'Customer';
      return plural
        ? `again: nodes(ids: ["${id}", "@CUSTOMER_GID"]) { id ... on ${type} ${selection} }`
        : `again: node(id: "${id}") { __typename ... on ${type} ${selection} }`;
    }),
  );

const listQuery = fc
  .oneof({ weight: 4, arbitrary: listRoot.map((root) => [root]) }, { weight: 1, arbitrary: fc.tuple(listRoot, nodeRoot) }, { weight: 1, arbitrary: nodeRoot.map((root) => [root]) })
  .chain((roots) => fc.boolean().map((flag) => ({ query: `query($flag: Boolean!) { ${roots.join(' ')} }`, variables: { flag } })));

const role = fc.constantFrom<TestUser>('admin', 'manager', 'sales1', 'support', 'auditor', 'reporting');

describe('read plan', () => {
  it('answers random selections exactly as the loader path and graphql-js do', async () => {
    let withData = 0;
    await fc.assert(
      fc.asyncProperty(role, listQuery, async (user, { query, variables }) => {
        const planned = canonical(await ask(server.url, user, query, variables));
        const loaded = canonical(await ask(loaderUrl, user, query, variables));
        expect(planned).toEqual(loaded);
        expect(canonical(await ask(interpreterUrl, user, query, variables))).toEqual(planned);
        if (planned.data && Object.values(planned.data).some((v) => v !== null)) withData += 1;
      }),
      { numRuns: 200 },
    );
    // Runs must read something: a generator that only produced refusals proves little.
    // About 30% of runs read data (refused paging, archives two roles may not read and
    // errors that null the root account for the rest): 55-74 of 200 in eight runs, so the
    // bound sits well below chance's reach.
    expect(withData).toBeGreaterThan(35);
  }, 300_000);

  it('reads a page with its histories, owners and counts in one statement', async () => {
    const query = `{ customers(first: 20, orderBy: [{ field: NAME, direction: ASC }]) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id name email taxId interactionCount owner { displayName }
        interactions(first: 3) { totalCount pageInfo { hasNextPage } nodes { subject amount owner { displayName } } } } } } }`;
    await server.gql(query); // the session check is then shared (SESSION_CHECK_CACHE_MS)
    await server.accessLogWritten();
    const byQuery = await statementsByQueryDuring(server.db, async () => {
      const res = await server.gql(query);
      expect(res.errors).toBeUndefined();
      expect(res.data.customers.edges).toHaveLength(20);
      await server.accessLogWritten();
    });
    // The page statement and the access log insert (email and taxId read in full), which
    // follows the answer.
    expect(byQuery.map((row) => `${row.calls} × ${row.query.slice(0, 60)}`)).toEqual([expect.stringMatching(/^1 × select/), expect.stringMatching(/^1 × with moved as/)]);
  });
});
