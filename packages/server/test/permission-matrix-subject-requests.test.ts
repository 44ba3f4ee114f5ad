import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mask } from '../src/policy/masking.js';
import { Action, ACTIONS, FieldAccess, RowScope, SUBJECT_REQUEST_FIELDS, type SubjectRequestField } from '../src/policy/policy.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startTestServer, TEST_USERS, type TestServer, type TestUser } from './helpers/test-server.js';
import { dbId } from './helpers/global-ids.js';

/**
 * Generated from the policy: every role × every data-subject request operation (allowed
 * exactly when the policy's actions say so; refused with FORBIDDEN and nothing written
 * otherwise), and every role × every identifier field × every path it leaves by (FULL,
 * MASKED, or NONE: FORBIDDEN at the field and the value nowhere in the response), for an
 * open request and for a closed one (masks only, whatever the role).
 */

const ROLE_USERS: TestUser[] = ['admin', 'manager', 'sales1', 'support', 'auditor', 'reporting'];
const VALUES: Record<SubjectRequestField, string> = {
  'SubjectRequest.subjectName': 'Chen Jing',
  'SubjectRequest.email': 'chen.jing@example.com',
  'SubjectRequest.phone': '+86 138 2222 3333',
  'SubjectRequest.taxId': '91310000MA1K4CJ77Z',
};

let server: TestServer;
let openId: string;
let closedId: string;

async function request(kind = 'ACCESS', email = VALUES['SubjectRequest.email']): Promise<string> {
  const res = await server.gql(`mutation($input: CreateSubjectRequestInput!) { createSubjectRequest(input: $input) { subjectRequest { id } } }`, {
    input: {
      kind, regime: 'GDPR', receivedOn: '2026-12-01', language: 'EN', email,
      subjectName: VALUES['SubjectRequest.subjectName'], phone: VALUES['SubjectRequest.phone'], taxId: VALUES['SubjectRequest.taxId'],
    },
  });
  expect(res.errors).toBeUndefined();
  return res.data.createSubjectRequest.subjectRequest.id;
}

beforeAll(async () => {
  server = await startTestServer();
  openId = await request();
  closedId = await request();
  const closed = await server.gql(`mutation { rejectSubjectRequest(input: { id: "${closedId}", reason: "identity not verified" }) { subjectRequest { id } } }`);
  expect(closed.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

const allowed = (user: TestUser, ...actions: Action[]) => actions.every((a) => ACTIONS[a][TEST_USERS[user]] !== RowScope.NONE);

interface Operation {
  name: string;
  actions: Action[];
  /** Fresh data for the call, made as ADMIN (its own events come before the count). */
  prepare?(user: TestUser): Promise<Record<string, string>>;
  call(user: TestUser, p: Record<string, string>): Promise<{ data?: any; errors?: any[] }>;
}

const OPERATIONS: Operation[] = [
  { name: 'subjectRequests', actions: [Action.SUBJECT_REQUEST_READ], call: (u) => server.as(u)(`{ subjectRequests { totalCount nodes { id } } }`) },
  { name: 'subjectRequest', actions: [Action.SUBJECT_REQUEST_READ], call: (u) => server.as(u)(`{ subjectRequest(id: "${openId}") { id status steps { action } } }`) },
  { name: 'subjectMatches', actions: [Action.SUBJECT_REQUEST_MANAGE], call: (u) => server.as(u)(`{ subjectMatches(id: "${openId}") { customerId } }`) },
  {
    name: 'createSubjectRequest',
    actions: [Action.SUBJECT_REQUEST_MANAGE],
    call: (u) => server.as(u)(`mutation { createSubjectRequest(input: { kind: ACCESS, regime: PIPL, receivedOn: "2026-12-02", language: ZH_CN, email: "matrix.${u}@example.com" }) { subjectRequest { id } } }`),
  },
  {
    name: 'rejectSubjectRequest',
    actions: [Action.SUBJECT_REQUEST_MANAGE],
    prepare: async () => ({ id: await request() }),
    call: (u, p) => server.as(u)(`mutation { rejectSubjectRequest(input: { id: "${p.id}", reason: "not verified" }) { subjectRequest { id } } }`),
  },
  {
    name: 'completeSubjectRequest',
    actions: [Action.SUBJECT_REQUEST_MANAGE],
    prepare: async () => ({ id: await request() }),
    call: (u, p) => server.as(u)(`mutation { completeSubjectRequest(input: { id: "${p.id}" }) { subjectRequest { id } } }`),
  },
  {
    name: 'runSubjectAccessExport',
    actions: [Action.SUBJECT_REQUEST_EXPORT],
    prepare: async () => ({ id: await request() }),
    call: (u, p) => server.as(u)(`mutation { runSubjectAccessExport(input: { id: "${p.id}" }) { job { id } } }`),
  },
  {
    name: 'subjectAccessExportLink',
    actions: [Action.SUBJECT_REQUEST_EXPORT],
    prepare: async () => {
      const id = await request();
      await server.db.query(`insert into subject_request_bundle (request_id, expires_at, content, counts) values ($1, now() + interval '1 day', 'sealed', '{}')`, [dbId(id)]);
      return { id };
    },
    call: (u, p) => server.as(u)(`mutation { subjectAccessExportLink(input: { id: "${p.id}", format: HTML }) { url } }`),
  },
  {
    name: 'eraseSubjectData',
    actions: [Action.SUBJECT_REQUEST_MANAGE, Action.CUSTOMER_ERASE],
    prepare: async (u) => {
      const email = `erase.${u}@example.com`;
      return { customer: await insertCustomer(server.db, { name: 'Matrix Erase', email }), id: await request('ERASURE', email) };
    },
    call: (u, p) => server.as(u)(`mutation { eraseSubjectData(input: { id: "${p.id}", customerIds: ["${p.customer}"], confirmCount: 1 }) { subjectRequest { id } } }`),
  },
  {
    name: 'correctSubjectData',
    actions: [Action.SUBJECT_REQUEST_MANAGE, Action.CUSTOMER_UPDATE],
    prepare: async (u) => {
      const email = `correct.${u}@example.com`;
      return { customer: await insertCustomer(server.db, { name: 'Matrix Correct', email }), id: await request('CORRECTION', email) };
    },
    call: (u, p) => server.as(u)(`mutation { correctSubjectData(input: { id: "${p.id}", customer: { id: "${p.customer}", version: 1, tier: KEY_ACCOUNT } }) { subjectRequest { id } } }`),
  },
];

const operationCases: [string, TestUser, Operation][] = [];
for (const user of ROLE_USERS) for (const op of OPERATIONS) operationCases.push([`${TEST_USERS[user]} ${op.name}`, user, op]);

describe('data-subject request operations (generated from the policy)', () => {
  it('covers every subject-request action', () => {
    const covered = new Set(OPERATIONS.flatMap((o) => o.actions));
    for (const action of Object.values(Action).filter((a) => a.startsWith('subject-request:'))) expect(covered).toContain(action);
  });

  it.each(operationCases)('%s', async (_name, user, op) => {
    const prepared = (await op.prepare?.(user)) ?? {};
    const count = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;
    const before = await count();
    const res = await op.call(user, prepared);
    if (allowed(user, ...op.actions)) {
      expect(res.errors).toBeUndefined();
    } else {
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await count()).toBe(before);
    }
  });
});

const FIELDS = Object.keys(SUBJECT_REQUEST_FIELDS) as SubjectRequestField[];
const PATHS: { name: string; build(id: string, field: string): string; path: (string | number)[] }[] = [
  { name: 'subjectRequest', build: (id, f) => `{ subjectRequest(id: "${id}") { ${f} } }`, path: ['subjectRequest', 'FIELD'] },
  { name: 'alias + fragment', build: (id, f) => `query { r: subjectRequest(id: "${id}") { ...F } } fragment F on SubjectRequest { x: ${f} }`, path: ['r', 'x'] },
  { name: 'subjectRequests nodes', build: (id, f) => `{ subjectRequests(first: 100) { nodes { id ${f} } } }`, path: ['subjectRequests', 'nodes', 'ROW', 'FIELD'] },
];

const fieldCases: [string, TestUser, SubjectRequestField, (typeof PATHS)[number], boolean][] = [];
for (const user of ROLE_USERS) {
  for (const field of FIELDS) {
    for (const path of PATHS) for (const closed of [false, true]) fieldCases.push([`${TEST_USERS[user]} ${field} via ${path.name}${closed ? ' (closed)' : ''}`, user, field, path, closed]);
  }
}

describe('data-subject request identifiers (generated from the policy)', () => {
  it.each(fieldCases)('%s', async (_name, user, field, path, closed) => {
    const role = TEST_USERS[user];
    const id = closed ? closedId : openId;
    const key = field.split('.')[1]!;
    const res = await server.as(user)(path.build(id, key));
    const text = JSON.stringify(res);
    if (ACTIONS[Action.SUBJECT_REQUEST_READ][role] === RowScope.NONE) {
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(text).not.toContain(VALUES[field]);
      return;
    }
    let row = 0;
    if (path.path.includes('ROW')) row = (res.data.subjectRequests.nodes as { id: string }[]).findIndex((n) => n.id === id);
    const expectedPath = path.path.map((p) => (p === 'FIELD' ? (path.name.startsWith('alias') ? 'x' : key) : p === 'ROW' ? row : p));
    let value: unknown = res.data;
    for (const step of expectedPath) value = (value as Record<string | number, unknown> | null)?.[step];
    const rule = SUBJECT_REQUEST_FIELDS[field];
    const access = rule.access[role];
    if (access === FieldAccess.NONE) {
      expect(value ?? null).toBeNull();
      expect(res.errors?.find((e: { path?: unknown }) => JSON.stringify(e.path) === JSON.stringify(expectedPath))?.extensions?.code).toBe('FORBIDDEN');
      expect(text).not.toContain(VALUES[field]);
      return;
    }
    expect(res.errors).toBeUndefined();
    const masked = mask(rule.mask, VALUES[field]);
    expect(value).toBe(access === FieldAccess.FULL && !closed ? VALUES[field] : masked);
    if (access === FieldAccess.MASKED) expect(text).not.toContain(VALUES[field]);
    // A list holds open requests too: a closed one's own row shows the mask only.
    if (closed) expect(path.path.includes('ROW') ? JSON.stringify(res.data.subjectRequests.nodes[row]) : text).not.toContain(VALUES[field]);
  });
});
