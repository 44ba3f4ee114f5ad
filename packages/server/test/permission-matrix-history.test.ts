import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mask } from '../src/policy/masking.js';
import { ACTIONS, FieldAccess, GUARDED_FIELDS, RowScope, type GuardedField } from '../src/policy/policy.js';
import { startTestServer, TEST_USERS, type TestServer, type TestUser } from './helpers/test-server.js';

/**
 * Generated from the policy: every role × every guarded customer field, read through a
 * customer's history (customerHistory). A role sees in history exactly what it sees in the
 * record: the value (FULL), its mask (MASKED), or nothing (NONE: `hidden`, and the values
 * nowhere in the response) — under Customer's rules while live, ArchivedCustomer's once
 * archived; a role that may not read the archive gets FORBIDDEN for an archived customer.
 * Both the before and the after value of an edit are checked.
 */

const OLD: Record<string, string> = {
  email: 'old.person@example.com',
  phone: '+86 137 1111 2222',
  taxId: '91310000MA1K4OLD1X',
  address: '旧地址 上海市 1 号',
  notes: 'Old note about the person',
};
const NEW: Record<string, string> = {
  email: 'new.person@example.com',
  phone: '+86 138 3333 4444',
  taxId: '91310000MA1K4NEW2Y',
  address: '新地址 北京市 2 号',
  notes: 'New note about the person',
};

const ROLE_USERS: TestUser[] = ['admin', 'manager', 'sales1', 'support', 'auditor', 'reporting'];
const FIELDS = Object.keys(GUARDED_FIELDS).filter((f) => /^(Archived)?Customer\./.test(f)) as GuardedField[];

let server: TestServer;
let liveId: string;
let archivedId: string;

async function customerWithEdit(name: string): Promise<string> {
  const created = await server.gql(
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id version } } }`,
    { input: { name, type: 'INDIVIDUAL', ownerId: server.users.sales1, ...OLD } },
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data.createCustomer.customer;
  const updated = await server.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } } }`, {
    input: { id, version, ...NEW },
  });
  expect(updated.errors).toBeUndefined();
  return id;
}

beforeAll(async () => {
  server = await startTestServer();
  liveId = await customerWithEdit('历史矩阵客户');
  archivedId = await customerWithEdit('归档历史矩阵客户');
  const archived = await server.gql(`mutation { archiveCustomers(input: { ids: ["${archivedId}"], reason: "history matrix" }) { customers { id } } }`);
  expect(archived.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

const cases: [string, TestUser, GuardedField][] = [];
for (const user of ROLE_USERS) for (const field of FIELDS) cases.push([`${TEST_USERS[user]} ${field} via customerHistory`, user, field]);

describe('history permission matrix (generated from the policy)', () => {
  it('covers every guarded customer field for every role', () => {
    expect(FIELDS.length).toBe(10);
    expect(cases.length).toBe(ROLE_USERS.length * FIELDS.length);
  });

  it.each(cases)('%s', async (_name, user, field) => {
    const role = TEST_USERS[user];
    const [typeName, key] = field.split('.') as [string, string];
    const id = typeName === 'Customer' ? liveId : archivedId;
    const res = await server.as(user)(`{ customerHistory(id: "${id}") { action changes { field from to hidden } } }`);
    const text = JSON.stringify(res);
    if (typeName === 'ArchivedCustomer' && ACTIONS['archive:read' as keyof typeof ACTIONS][role] === RowScope.NONE) {
      expect(res.errors?.[0]).toMatchObject({ path: ['customerHistory'], extensions: { code: 'FORBIDDEN' } });
      expect(text).not.toContain(OLD[key]!);
      expect(text).not.toContain(NEW[key]!);
      return;
    }
    expect(res.errors).toBeUndefined();
    const entries = res.data.customerHistory as { action: string; changes: { field: string; from: unknown; to: unknown; hidden: boolean }[] }[];
    const created = entries.find((e) => e.action === 'CUSTOMER_CREATED')!.changes.find((c) => c.field === key);
    const edited = entries.find((e) => e.action === 'CUSTOMER_UPDATED')!.changes.find((c) => c.field === key);
    const rule = GUARDED_FIELDS[field];
    const access = rule.access[role];
    if (access === FieldAccess.NONE) {
      expect(created).toEqual({ field: key, from: null, to: null, hidden: true });
      expect(edited).toEqual({ field: key, from: null, to: null, hidden: true });
      expect(text).not.toContain(OLD[key]!);
      expect(text).not.toContain(NEW[key]!);
    } else {
      const shown = (v: string) => (access === FieldAccess.FULL ? v : mask(rule.mask, v));
      expect(created).toEqual({ field: key, from: null, to: shown(OLD[key]!), hidden: false });
      expect(edited).toEqual({ field: key, from: shown(OLD[key]!), to: shown(NEW[key]!), hidden: false });
      if (access === FieldAccess.MASKED) {
        expect(text).not.toContain(OLD[key]!);
        expect(text).not.toContain(NEW[key]!);
      }
    }
  });

  it('shows nothing of a customer another SALES user owns', async () => {
    const res = await server.as('sales2')(`{ customerHistory(id: "${liveId}") { action } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.customerHistory).toBeNull();
  });
});
