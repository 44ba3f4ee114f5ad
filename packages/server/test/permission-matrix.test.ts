import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isObjectType } from 'graphql';
import { buildAppSchema } from '../src/app/schema.js';
import { mask } from '../src/policy/masking.js';
import {
  ACTIONS,
  CUSTOMER_ROWS,
  CUSTOMER_WRITABLE,
  FieldAccess,
  GUARDED_FIELDS,
  INTERACTION_WRITABLE,
  PUBLIC_FIELDS,
  RowScope,
  STAFF_FIELDS,
  type GuardedField,
  type StaffField,
} from '../src/policy/policy.js';
import { permissionsFor } from '../src/policy/permissions.js';
import { FOUR_EYES_ACTION, FourEyesOperation } from '../src/policy/four-eyes.js';
import { Role } from '../src/policy/role.js';
import { insertCustomer, setTaxId } from './helpers/fixtures.js';
import { SearchEngine } from '../src/search/search-index.js';
import { testConfig } from './helpers/jobs.js';
import { searchEngines, syncIndex } from './helpers/search.js';
import { startTestServer, TEST_USERS, type TestServer, type TestUser } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

/**
 * Generated from the policy: every role × every guarded field × every path a value can
 * leave by must give exactly FULL (the value), MASKED (the masked value) or NONE (null
 * and a FORBIDDEN error at that path). Paths through archive search run on every search
 * engine (PostgreSQL and the run's real Meilisearch): the hit is found through the
 * engine's own row filter, and the field guards decide the rest.
 */

const VALUES: Record<GuardedField, string> = {
  'Customer.email': 'li.na@example.com',
  'Customer.phone': '+86 138 0013 5678',
  'Customer.taxId': '91310000MA1K4XY12B',
  'Customer.address': '上海市浦东新区世纪大道 100 号',
  'Customer.notes': 'Prefers calls after 3 pm',
  'Interaction.body': '客户要求下周回电',
  'Interaction.amount': '12500.50',
  'Interaction.currency': 'CNY',
  'ArchivedCustomer.email': 'wang.fang@example.com',
  'ArchivedCustomer.phone': '+86 139 0021 4321',
  'ArchivedCustomer.taxId': '91110000MA2B7QR34C',
  'ArchivedCustomer.address': '北京市朝阳区建国路 88 号',
  'ArchivedCustomer.notes': 'Archived after the 2019 contract ended',
  'ArchivedInteraction.body': '归档的通话记录',
  'ArchivedInteraction.amount': '98765.43',
  'ArchivedInteraction.currency': 'USD',
};

// Each role is represented by one user; SALES by sales1, who owns the customer.
const ROLE_USERS: TestUser[] = ['admin', 'manager', 'sales1', 'support', 'auditor', 'reporting'];

interface PathCase {
  name: string;
  build(field: string, ids: { customer: string; interaction: string; version: number }): string;
  /** Path from data to the field, for the error's path. */
  errorPath: (string | number)[];
  mutation?: 'update' | 'log' | 'hold';
  /** Goes through the archive search engine: run on each engine. */
  search?: boolean;
}

const CUSTOMER_PATHS: PathCase[] = [
  { name: 'direct', build: (f, ids) => `{ customer(id: "${ids.customer}") { ${f} } }`, errorPath: ['customer', 'FIELD'] },
  { name: 'alias', build: (f, ids) => `{ c: customer(id: "${ids.customer}") { x: ${f} } }`, errorPath: ['c', 'x'] },
  {
    name: 'fragment',
    build: (f, ids) => `query { customer(id: "${ids.customer}") { ...F } } fragment F on Customer { ${f} }`,
    errorPath: ['customer', 'FIELD'],
  },
  {
    name: 'inline fragment',
    build: (f, ids) => `{ customer(id: "${ids.customer}") { ... on Customer { ${f} } } }`,
    errorPath: ['customer', 'FIELD'],
  },
  {
    name: 'connection nodes',
    build: (f, ids) => `{ customers(filter: { ids: ["${ids.customer}"] }) { nodes { ${f} } } }`,
    errorPath: ['customers', 'nodes', 0, 'FIELD'],
  },
  {
    name: 'connection edges',
    build: (f, ids) => `{ customers(filter: { ids: ["${ids.customer}"] }) { edges { node { ${f} } } } }`,
    errorPath: ['customers', 'edges', 0, 'node', 'FIELD'],
  },
  {
    name: 'nested (interaction.customer)',
    build: (f, ids) => `{ interactions(filter: { customerId: ["${ids.customer}"] }) { nodes { customer { ${f} } } } }`,
    errorPath: ['interactions', 'nodes', 0, 'customer', 'FIELD'],
  },
  {
    name: 'customerAsOf (time travel)',
    build: (f, ids) => `{ customerAsOf(id: "${ids.customer}", at: "9999-01-01T00:00:00Z") { ${f} } }`,
    errorPath: ['customerAsOf', 'FIELD'],
  },
  {
    name: 'node(id) (Relay)',
    build: (f, ids) => `{ node(id: "${gid('Customer', ids.customer)}") { ... on Customer { ${f} } } }`,
    errorPath: ['node', 'FIELD'],
  },
  {
    name: 'nodes(ids) + fragment (Relay)',
    build: (f, ids) => `query { nodes(ids: ["${gid('Customer', ids.customer)}"]) { ...F } } fragment F on Customer { ${f} }`,
    errorPath: ['nodes', 0, 'FIELD'],
  },
  {
    name: 'mutation payload',
    build: (f, ids) =>
      `mutation { updateCustomer(input: { id: "${ids.customer}", version: ${ids.version}, tags: ["matrix"] }) { customer { ${f} } } }`,
    errorPath: ['updateCustomer', 'customer', 'FIELD'],
    mutation: 'update',
  },
];

const INTERACTION_PATHS: PathCase[] = [
  {
    name: 'connection nodes',
    build: (f, ids) => `{ interactions(filter: { customerId: ["${ids.customer}"] }) { nodes { ${f} } } }`,
    errorPath: ['interactions', 'nodes', 0, 'FIELD'],
  },
  {
    name: 'connection edges + alias',
    build: (f, ids) => `{ interactions(filter: { customerId: ["${ids.customer}"] }) { edges { node { v: ${f} } } } }`,
    errorPath: ['interactions', 'edges', 0, 'node', 'v'],
  },
  {
    name: 'nested (customer.interactions) + fragment',
    build: (f, ids) =>
      `query { customer(id: "${ids.customer}") { interactions { nodes { ...I } } } } fragment I on Interaction { ${f} }`,
    errorPath: ['customer', 'interactions', 'nodes', 0, 'FIELD'],
  },
  {
    name: 'node(id) (Relay)',
    build: (f, ids) => `{ node(id: "${gid('Interaction', ids.interaction)}") { ... on Interaction { ${f} } } }`,
    errorPath: ['node', 'FIELD'],
  },
  {
    name: 'nodes(ids) (Relay)',
    build: (f, ids) => `{ nodes(ids: ["${gid('Interaction', ids.interaction)}"]) { ... on Interaction { ${f} } } }`,
    errorPath: ['nodes', 0, 'FIELD'],
  },
  {
    name: 'mutation payload',
    build: (f, ids) =>
      `mutation { logInteraction(input: { customerId: "${ids.customer}", kind: ORDER, subject: "m", amount: "12500.50", currency: "CNY", body: "客户要求下周回电" }) { interaction { ${f} } } }`,
    errorPath: ['logInteraction', 'interaction', 'FIELD'],
    mutation: 'log',
  },
];

const ARCHIVED_CUSTOMER_PATHS: PathCase[] = [
  { name: 'direct', build: (f, ids) => `{ archivedCustomer(id: "${ids.customer}") { ${f} } }`, errorPath: ['archivedCustomer', 'FIELD'] },
  { name: 'alias', build: (f, ids) => `{ a: archivedCustomer(id: "${ids.customer}") { x: ${f} } }`, errorPath: ['a', 'x'] },
  {
    name: 'fragment',
    build: (f, ids) => `query { archivedCustomer(id: "${ids.customer}") { ...F } } fragment F on ArchivedCustomer { ${f} }`,
    errorPath: ['archivedCustomer', 'FIELD'],
  },
  {
    name: 'connection nodes',
    build: (f, ids) => `{ archivedCustomers(filter: { ids: ["${ids.customer}"] }) { nodes { ${f} } } }`,
    errorPath: ['archivedCustomers', 'nodes', 0, 'FIELD'],
  },
  {
    name: 'connection edges',
    build: (f, ids) => `{ archivedCustomers(filter: { ids: ["${ids.customer}"] }) { edges { node { ${f} } } } }`,
    errorPath: ['archivedCustomers', 'edges', 0, 'node', 'FIELD'],
  },
  {
    name: 'node(id) (Relay)',
    build: (f, ids) => `{ node(id: "${gid('ArchivedCustomer', ids.customer)}") { ... on ArchivedCustomer { ${f} } } }`,
    errorPath: ['node', 'FIELD'],
  },
  {
    name: 'nodes(ids) (Relay)',
    build: (f, ids) => `{ nodes(ids: ["${gid('ArchivedCustomer', ids.customer)}"]) { ... on ArchivedCustomer { ${f} } } }`,
    errorPath: ['nodes', 0, 'FIELD'],
  },
  {
    name: 'archivedCustomerAsOf (time travel)',
    build: (f, ids) => `{ archivedCustomerAsOf(id: "${ids.customer}", at: "9999-01-01T00:00:00Z") { ${f} } }`,
    errorPath: ['archivedCustomerAsOf', 'FIELD'],
  },
  {
    name: 'mutation payload',
    build: (f, ids) =>
      `mutation { setLegalHold(input: { id: "${ids.customer}", hold: false, reason: "matrix check" }) { archivedCustomer { ${f} } } }`,
    errorPath: ['setLegalHold', 'archivedCustomer', 'FIELD'],
    mutation: 'hold',
  },
  {
    name: 'searchArchive hit',
    build: (f) => `{ searchArchive(query: "归档矩阵") { hits { customer { ${f} } } } }`,
    errorPath: ['searchArchive', 'hits', 0, 'customer', 'FIELD'],
    search: true,
  },
  {
    name: 'search (ARCHIVED) hit + fragment',
    build: (f) => `query { search(query: "归档矩阵", scope: ARCHIVED) { hits { archivedCustomer { ...F } } } } fragment F on ArchivedCustomer { ${f} }`,
    errorPath: ['search', 'hits', 0, 'archivedCustomer', 'FIELD'],
    search: true,
  },
];

const ARCHIVED_INTERACTION_PATHS: PathCase[] = [
  {
    name: 'nested (archivedCustomer.interactions)',
    build: (f, ids) => `{ archivedCustomer(id: "${ids.customer}") { interactions { nodes { ${f} } } } }`,
    errorPath: ['archivedCustomer', 'interactions', 'nodes', 0, 'FIELD'],
  },
  {
    name: 'connection edges + alias',
    build: (f, ids) => `{ archivedCustomers(filter: { ids: ["${ids.customer}"] }) { nodes { interactions { edges { node { v: ${f} } } } } } }`,
    errorPath: ['archivedCustomers', 'nodes', 0, 'interactions', 'edges', 0, 'node', 'v'],
  },
  {
    name: 'fragment',
    build: (f, ids) =>
      `query { archivedCustomer(id: "${ids.customer}") { interactions { nodes { ...I } } } } fragment I on ArchivedInteraction { ${f} }`,
    errorPath: ['archivedCustomer', 'interactions', 'nodes', 0, 'FIELD'],
  },
  {
    name: 'node(id) (Relay)',
    build: (f, ids) => `{ node(id: "${gid('ArchivedInteraction', ids.interaction)}") { ... on ArchivedInteraction { ${f} } } }`,
    errorPath: ['node', 'FIELD'],
  },
  {
    name: 'nodes(ids) (Relay)',
    build: (f, ids) => `{ nodes(ids: ["${gid('ArchivedInteraction', ids.interaction)}"]) { ... on ArchivedInteraction { ${f} } } }`,
    errorPath: ['nodes', 0, 'FIELD'],
  },
];

/** Every guarded type needs its paths here: a new guarded type without them fails loudly. */
const PATHS_BY_TYPE: Record<string, PathCase[]> = {
  Customer: CUSTOMER_PATHS,
  Interaction: INTERACTION_PATHS,
  ArchivedCustomer: ARCHIVED_CUSTOMER_PATHS,
  ArchivedInteraction: ARCHIVED_INTERACTION_PATHS,
};

interface Fixture {
  server: TestServer;
  customerId: string;
  archivedId: string;
  interactionId: string;
  archivedInteractionId: string;
}

const ENGINES = searchEngines('matrix');
const fixtures = new Map<SearchEngine, Fixture>();

async function setUp(env: Record<string, string>): Promise<Fixture> {
  const server = await startTestServer(env);
  const customerId = await insertCustomer(server.db, { name: '矩阵客户', ownerId: server.users.sales1 });
  await server.db.query(
    `update customer set email = $2, phone = $3, tax_id = $4, address = $5, notes = $6 where id = $1`,
    [customerId, VALUES['Customer.email'], VALUES['Customer.phone'], VALUES['Customer.taxId'], VALUES['Customer.address'], VALUES['Customer.notes']],
  );
  const [interaction] = await server.db.query<{ id: string }>(
    `insert into interaction (customer_id, kind, occurred_at, subject, body, amount, currency) values ($1, 'ORDER', now(), 's', $2, $3, $4) returning id::text`,
    [customerId, VALUES['Interaction.body'], VALUES['Interaction.amount'], VALUES['Interaction.currency']],
  );
  // Sensitive fields are stored as the application stores them (encrypted): every guard
  // below then sees the value only after the record layer decrypted it.
  await setTaxId(server.db, customerId, VALUES['Customer.taxId']);
  const archivedId = await insertCustomer(server.db, { name: '归档矩阵客户', ownerId: server.users.sales1 });
  await server.db.query(
    `update customer set email = $2, phone = $3, tax_id = $4, address = $5, notes = $6 where id = $1`,
    [archivedId, VALUES['ArchivedCustomer.email'], VALUES['ArchivedCustomer.phone'], VALUES['ArchivedCustomer.taxId'],
      VALUES['ArchivedCustomer.address'], VALUES['ArchivedCustomer.notes']],
  );
  await server.db.query(
    `insert into interaction (customer_id, kind, occurred_at, subject, body, amount, currency) values ($1, 'ORDER', now(), 's', $2, $3, $4)`,
    [archivedId, VALUES['ArchivedInteraction.body'], VALUES['ArchivedInteraction.amount'], VALUES['ArchivedInteraction.currency']],
  );
  await setTaxId(server.db, archivedId, VALUES['ArchivedCustomer.taxId']);
  const archived = await server.gql(`mutation($id: ID!) { archiveCustomers(input: { ids: [$id], reason: "matrix fixture" }) { customers { id } } }`, {
    id: archivedId,
  });
  expect(archived.data.archiveCustomers.customers).toEqual([{ id: gid('ArchivedCustomer', archivedId) }]);
  expect(await syncIndex(server.db, testConfig(server.db, env))).toEqual({ applied: 1, failed: 0 });
  const [archivedInteraction] = await server.db.query<{ id: string }>(`select id::text from archive.interaction where customer_id = $1`, [archivedId]);
  return { server, customerId, archivedId, interactionId: interaction!.id, archivedInteractionId: archivedInteraction!.id };
}

beforeAll(async () => {
  for (const { engine, env } of ENGINES) fixtures.set(engine, await setUp(env()));
});
afterAll(async () => {
  for (const fixture of fixtures.values()) await fixture.server.close();
});

const cases: [string, TestUser, GuardedField, PathCase, SearchEngine][] = [];
for (const user of ROLE_USERS) {
  for (const field of Object.keys(GUARDED_FIELDS) as GuardedField[]) {
    const paths = PATHS_BY_TYPE[field.split('.')[0]!];
    if (!paths) throw new Error(`no access paths for guarded field ${field}: add them to PATHS_BY_TYPE`);
    for (const path of paths) {
      const role = TEST_USERS[user];
      if (path.mutation === 'update' && ACTIONS['customer:update' as keyof typeof ACTIONS][role] === RowScope.NONE) continue;
      if (path.mutation === 'log' && !INTERACTION_WRITABLE[role].includes('amount')) continue;
      if (path.mutation === 'hold' && ACTIONS['customer:legal-hold' as keyof typeof ACTIONS][role] === RowScope.NONE) continue;
      // Paths that do not search answer the same whatever the engine: run once.
      for (const { engine } of path.search ? ENGINES : ENGINES.slice(0, 1)) {
        cases.push([`${role} ${field} via ${path.name}${path.search ? ` on ${engine}` : ''}`, user, field, path, engine]);
      }
    }
  }
}

describe('permission matrix (generated from the policy)', () => {
  it('has a case for every role, field and path', () => {
    process.stdout.write(`permission matrix: ${cases.length} cases\n`);
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases)('%s', async (_name, user, field, path, engine) => {
    const { server, customerId, archivedId, interactionId, archivedInteractionId } = fixtures.get(engine)!;
    const role = TEST_USERS[user];
    const fieldName = field.split('.')[1]!;
    const [{ version }] = await server.db.query<{ version: number }>('select version from customer where id = $1', [customerId]);
    const target = field.startsWith('Archived') ? archivedId : customerId;
    const query = path.build(fieldName, { customer: target, interaction: field.startsWith('Archived') ? archivedInteractionId : interactionId, version: version! });
    const res = await server.as(user)(query);
    const expectedPath = path.errorPath.map((p) => (p === 'FIELD' ? fieldName : p));
    const access = GUARDED_FIELDS[field].access[role];
    let value: unknown = res.data;
    for (const key of expectedPath) value = (value as Record<string | number, unknown> | null)?.[key];
    if (access === FieldAccess.NONE) {
      expect(value ?? null).toBeNull();
      // Refused at the field, or (for a role that may not read the archive at all) at the
      // query above it: either way FORBIDDEN, and the value is nowhere in the response.
      const error = res.errors?.find((e) => e.path && JSON.stringify(expectedPath.slice(0, e.path.length)) === JSON.stringify(e.path));
      expect(error?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res)).not.toContain(VALUES[field]);
    } else {
      expect(res.errors).toBeUndefined();
      const expected = access === FieldAccess.FULL ? VALUES[field] : mask(GUARDED_FIELDS[field].mask, VALUES[field]);
      expect(value).toBe(expected);
      if (access === FieldAccess.MASKED) expect(JSON.stringify(res)).not.toContain(VALUES[field]);
    }
  });
});

/**
 * Staff records: every role × every staff field × every path a User takes, for another
 * user's record (the STAFF_FIELDS rule) and for one's own (always in full). The other
 * user owns an interaction on a customer of sales1, so every role that reads customers
 * meets them as an owner.
 */
const STAFF_CREATED_AT = '2020-01-02T03:04:05.123456Z';
const STAFF_VALUES: Record<StaffField, unknown> = {
  'User.email': 'staff.other@example.com',
  'User.role': 'MANAGER',
  'User.enabled': true,
  'User.createdAt': STAFF_CREATED_AT,
  'User.permissions': permissionsFor(Role.MANAGER),
};

interface StaffPath {
  name: string;
  build(field: string, ids: { customer: string; user: string }): string;
  errorPath: (string | number)[];
}

const OTHER_STAFF_PATHS: StaffPath[] = [
  {
    name: 'interaction owner',
    build: (f, ids) => `{ interactions(filter: { customerId: ["${ids.customer}"] }) { nodes { owner { id ${f} } } } }`,
    errorPath: ['interactions', 'nodes', 0, 'owner', 'FIELD'],
  },
  {
    name: 'nested owner + fragment',
    build: (f, ids) => `query { customer(id: "${ids.customer}") { interactions { nodes { owner { ...U } } } } } fragment U on User { x: ${f} }`,
    errorPath: ['customer', 'interactions', 'nodes', 0, 'owner', 'x'],
  },
  {
    name: 'node(id) (Relay)',
    build: (f, ids) => `{ node(id: "${gid('User', ids.user)}") { ... on User { ${f} } } }`,
    errorPath: ['node', 'FIELD'],
  },
  {
    name: 'nodes(ids) (Relay)',
    build: (f, ids) => `{ nodes(ids: ["${gid('User', ids.user)}"]) { ... on User { ${f} } } }`,
    errorPath: ['nodes', 0, 'FIELD'],
  },
];

let staffCustomerId: string;
let otherStaffId: string;
// Staff paths do not search: one engine's server is enough.
const staff = () => fixtures.get(ENGINES[0]!.engine)!.server;

beforeAll(async () => {
  const server = staff();
  const [row] = await server.db.query<{ id: string }>(
    `insert into app_user (email, display_name, role, created_at) values ($1, '其他员工', 'MANAGER', $2) returning id::text`,
    [STAFF_VALUES['User.email'], STAFF_CREATED_AT],
  );
  otherStaffId = row!.id;
  staffCustomerId = await insertCustomer(server.db, { name: '员工矩阵客户', ownerId: server.users.sales1 });
  await server.db.query(`insert into interaction (customer_id, kind, occurred_at, subject, owner_id) values ($1, 'CALL', now(), 's', $2)`, [
    staffCustomerId,
    otherStaffId,
  ]);
});

const staffCases: [string, TestUser, StaffField, StaffPath][] = [];
for (const user of ROLE_USERS) {
  for (const field of Object.keys(STAFF_FIELDS) as StaffField[]) {
    for (const path of OTHER_STAFF_PATHS) staffCases.push([`${TEST_USERS[user]} ${field} of another user via ${path.name}`, user, field, path]);
  }
}

const fieldValue = (res: { data?: unknown }, path: (string | number)[]) => {
  let value: unknown = res.data;
  for (const key of path) value = (value as Record<string | number, unknown> | null)?.[key];
  return value;
};

describe('staff records (generated from the policy)', () => {
  it.each(staffCases)('%s', async (_name, user, field, path) => {
    const fieldName = field.split('.')[1]!;
    const res = await staff().as(user)(path.build(fieldName, { customer: staffCustomerId, user: otherStaffId }));
    const expectedPath = path.errorPath.map((p) => (p === 'FIELD' ? fieldName : p));
    const value = fieldValue(res, expectedPath);
    const access = STAFF_FIELDS[field].access[TEST_USERS[user]];
    const raw = STAFF_VALUES[field];
    if (access === FieldAccess.NONE) {
      expect(value ?? null).toBeNull();
      const error = res.errors?.find((e: { path?: unknown }) => JSON.stringify(e.path) === JSON.stringify(expectedPath));
      expect(error?.extensions?.code).toBe('FORBIDDEN');
      if (typeof raw === 'string') expect(JSON.stringify(res)).not.toContain(raw);
    } else {
      expect(res.errors).toBeUndefined();
      expect(value).toEqual(access === FieldAccess.FULL ? raw : mask(STAFF_FIELDS[field].mask, raw));
      if (access === FieldAccess.MASKED) expect(JSON.stringify(res)).not.toContain(String(raw));
    }
  });

  it.each(ROLE_USERS)('%s reads its own record in full through me', async (user) => {
    const res = await staff().as(user)('{ me { id displayName email role enabled createdAt permissions } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toMatchObject({ id: gid('User', staff().users[user]), email: `${user}@example.com`, role: TEST_USERS[user], enabled: true });
    expect(res.data.me.permissions).toEqual(permissionsFor(TEST_USERS[user]));
  });

  it.each(ROLE_USERS)('users: %s', async (user) => {
    const res = await staff().as(user)('{ users { id displayName email role enabled createdAt } }');
    if (ACTIONS['user:manage' as keyof typeof ACTIONS][TEST_USERS[user]] === RowScope.NONE) {
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0]).toMatchObject({ path: ['users'], extensions: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(res)).not.toContain('staff.other');
    } else {
      expect(res.errors).toBeUndefined();
      expect(res.data.users.find((u: { id: string }) => u.id === gid('User', otherStaffId))).toEqual({
        id: gid('User', otherStaffId), displayName: '其他员工', email: STAFF_VALUES['User.email'], role: 'MANAGER', enabled: true, createdAt: STAFF_CREATED_AT,
      });
    }
  });
});

describe('staff names (generated from the policy)', () => {
  it.each(ROLE_USERS)('staff: %s', async (user) => {
    const res = await staff().as(user)('{ staff { id displayName } }');
    if (ACTIONS['staff:read' as keyof typeof ACTIONS][TEST_USERS[user]] === RowScope.NONE) {
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0]).toMatchObject({ path: ['staff'], extensions: { code: 'FORBIDDEN' } });
    } else {
      expect(res.errors).toBeUndefined();
      expect(res.data.staff).toContainEqual({ id: gid('User', otherStaffId), displayName: '其他员工' });
      expect(res.data.staff).toContainEqual({ id: gid('User', staff().users[user]), displayName: expect.any(String) });
    }
    // Names only: nothing else of a staff record is on offer here, whatever the role.
    const more = await staff().as(user)('{ staff { id email } }');
    expect(more.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(more)).not.toContain('staff.other');
  });

  it('is refused without a sign-in', async () => {
    const res = await staff().anonymous('{ staff { id displayName } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('undo of one\u2019s own operations (generated from the policy)', () => {
  it.each(ROLE_USERS)('undoOperation: %s', async (user) => {
    // An operation of someone else: refused for roles without the action, and for the
    // others indistinguishable from a missing one (test/undo.test.ts covers the rest).
    const other = user === 'admin' ? 'manager' : 'admin';
    const id = await insertCustomer(staff().db, { name: `撤销矩阵 ${user}` });
    const voided = await staff().as(other)(`mutation($id: ID!) { voidCustomers(input: { ids: [$id], reason: TEST_RECORD }) { undo { id } } }`, { id });
    const res = await staff().as(user)(`mutation($id: ID!) { undoOperation(input: { id: $id }) { operation { id } } }`, { id: voided.data.voidCustomers.undo.id });
    const scope = ACTIONS['operation:undo' as keyof typeof ACTIONS][TEST_USERS[user]];
    expect(res.errors?.[0]?.extensions?.code).toBe(scope === RowScope.NONE ? 'FORBIDDEN' : 'NOT_FOUND');
    expect(scope).not.toBe(RowScope.ALL);
  });
});

describe('four-eyes approvals and the recycle bin (generated from the policy)', () => {
  const scope = (action: string, user: TestUser) => ACTIONS[action as keyof typeof ACTIONS][TEST_USERS[user]];
  const refused = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

  it.each(ROLE_USERS)('approvalRequests, scheduledPurges, requestApproval: %s', async (user) => {
    const inbox = await staff().as(user)('{ approvalRequests { pendingCount nodes { id } } }');
    if (scope('approval:read', user) === RowScope.NONE) expect(refused(inbox)).toBe('FORBIDDEN');
    else expect(inbox.errors).toBeUndefined();
    const bin = await staff().as(user)('{ scheduledPurges { scheduledCount nodes { id export } } }');
    if (scope(FOUR_EYES_ACTION[FourEyesOperation.PURGE_NOW], user) === RowScope.NONE) expect(refused(bin)).toBe('FORBIDDEN');
    else expect(bin.errors).toBeUndefined();

    const id = await insertCustomer(staff().db, { name: `四眼矩阵 ${user}`, status: 'VOID', code: `FE-${user}` });
    const request = await staff().as(user)(
      `mutation($id: ID!) { requestApproval(input: { operation: PURGE_NOW, reason: "matrix", customerIds: [$id], confirm: "FE-${user}" }) { request { id canDecide } } }`,
      { id },
    );
    if (scope(FOUR_EYES_ACTION[FourEyesOperation.PURGE_NOW], user) === RowScope.NONE) expect(refused(request)).toBe('FORBIDDEN');
    else expect(request.data.requestApproval.request.canDecide).toBe(false);
  });

  it.each(ROLE_USERS)('approveRequest and rejectRequest of another person\u2019s request: %s', async (user) => {
    // Requested by another staff member, so that every test user is "another person".
    const id = await insertCustomer(staff().db, { name: `四眼审批 ${user}`, status: 'VOID', code: `FA-${user}` });
    const [row] = await staff().db.query<{ id: string }>(
      `insert into approval_request (operation, params, preview, reason, requested_by, expires_at)
       values ('PURGE_NOW', jsonb_build_object('customerIds', jsonb_build_array($1::text), 'confirm', $2::text), '{"customers":1,"interactions":0,"held":0}', 'matrix', $3::bigint, now() + interval '1 hour')
       returning id::text`,
      [id, `FA-${user}`, otherStaffId],
    );
    const mayDecide = scope('approval:decide', user) !== RowScope.NONE && scope(FOUR_EYES_ACTION[FourEyesOperation.PURGE_NOW], user) !== RowScope.NONE;
    const rejected = await staff().as(user)(`mutation($id: ID!) { rejectRequest(input: { id: $id }) { request { state } } }`, { id: row!.id });
    if (mayDecide) expect(rejected.data.rejectRequest.request.state).toBe('REJECTED');
    else expect(refused(rejected)).toBe('FORBIDDEN');
  });
});

describe('cancelling jobs (generated from the policy)', () => {
  const JOB_CANCEL = 'job:cancel' as keyof typeof ACTIONS;
  const queue = async (kind: string, by: TestUser) => {
    const [row] = await staff().db.query<{ id: string }>(
      `insert into job (kind, params, created_by) values ($1, '{"importId": "0", "dryRun": true}'::jsonb, $2::bigint) returning id::text as id`,
      [kind, staff().users[by]],
    );
    return row!.id;
  };
  const cancel = (user: TestUser, id: string) => staff().as(user)(`mutation($id: ID!) { cancelJob(input: { id: $id }) { job { id state } } }`, { id });
  const stateOf = async (id: string) => (await staff().db.query<{ state: string }>(`select state from job where id = $1::bigint`, [id]))[0]!.state;

  it.each(ROLE_USERS)('cancelJob: %s', async (user) => {
    // Its own import run, someone else's, and a job of another kind it started itself.
    const other = user === 'sales1' ? 'sales2' : user === 'admin' ? 'manager' : 'admin';
    const ownImport = await queue('IMPORT_CUSTOMERS', user);
    const othersImport = await queue('IMPORT_CUSTOMERS', other);
    const ownOther = await queue('DETECT_DUPLICATES', user);
    const scope = ACTIONS[JOB_CANCEL][TEST_USERS[user]];
    const results = { own: await cancel(user, ownImport), others: await cancel(user, othersImport), kind: await cancel(user, ownOther) };
    const outcome = (res: { data?: any; errors?: { extensions?: { code?: unknown } }[] }) => res.errors?.[0]?.extensions?.code ?? res.data.cancelJob.job.state;
    const expected = {
      [RowScope.ALL]: { own: 'CANCELLED', others: 'CANCELLED', kind: 'CANCELLED' },
      [RowScope.OWN]: { own: 'CANCELLED', others: 'NOT_FOUND', kind: 'NOT_FOUND' },
      [RowScope.NONE]: { own: 'FORBIDDEN', others: 'FORBIDDEN', kind: 'FORBIDDEN' },
    }[scope];
    expect({ own: outcome(results.own), others: outcome(results.others), kind: outcome(results.kind) }).toEqual(expected);
    // A refusal changed nothing.
    expect({ own: await stateOf(ownImport), others: await stateOf(othersImport), kind: await stateOf(ownOther) }).toEqual(
      Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v === 'CANCELLED' ? 'CANCELLED' : 'QUEUED'])),
    );
  });
});

describe('policy coverage', () => {
  it('classifies every field of every guarded type as public or guarded', async () => {
    const schema = await buildAppSchema();
    for (const typeName of Object.keys(PUBLIC_FIELDS)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} missing`);
      const unclassified = Object.keys(type.getFields()).filter(
        (f) => !PUBLIC_FIELDS[typeName]!.includes(f) && !(`${typeName}.${f}` in GUARDED_FIELDS) && !(`${typeName}.${f}` in STAFF_FIELDS),
      );
      expect(unclassified).toEqual([]);
    }
  });

  it('matches the reviewed snapshot (change it only on purpose)', () => {
    expect({ GUARDED_FIELDS, PUBLIC_FIELDS, STAFF_FIELDS, CUSTOMER_ROWS, ACTIONS, CUSTOMER_WRITABLE, INTERACTION_WRITABLE }).toMatchSnapshot();
  });

  it('masks keep the shape of the value', () => {
    expect(mask('email', 'zhang.wei@example.com')).toBe('z***@example.com');
    expect(mask('phone', '13800135678')).toBe('138****5678');
    expect(mask('phone', '+86 138 0013 5678')).toBe('+86 138 **** 5678');
    expect(mask('identifier', '91310000MA1K4XY12B')).toBe('91************Y12B');
  });
});
