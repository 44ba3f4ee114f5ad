import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { dbId } from './helpers/global-ids.js';

const CREATE = `mutation Create($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id code name type tier region industry status version tags email createdAt owner { id } } }
}`;
const UPDATE = `mutation Update($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) { customer { id name version tier email notes updatedAt } }
}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('createCustomer', () => {
  it('creates with required fields only and generates a unique code', async () => {
    const a = await server.gql(CREATE, { input: { name: '上海星辰贸易有限公司', type: 'ENTERPRISE' } });
    const b = await server.gql(CREATE, { input: { name: 'Northwind Traders', type: 'SMB' } });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const ca = a.data.createCustomer.customer;
    expect(ca).toMatchObject({ name: '上海星辰贸易有限公司', type: 'ENTERPRISE', tier: 'STANDARD', status: 'ACTIVE', version: 1, tags: [] });
    expect(ca.code).toMatch(/^C\d{7}$/);
    expect(b.data.createCustomer.customer.code).not.toBe(ca.code);
    expect(ca.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    const rows = await server.db.query('select name, code from customer where id = $1', [dbId(ca.id)]);
    expect(rows).toEqual([{ name: '上海星辰贸易有限公司', code: ca.code }]);
  });

  it('skips generated codes already taken by hand-entered ones', async () => {
    const [{ next }] = await server.db.query<{ next: string }>(
      `select 'C' || lpad((last_value + 1)::text, 7, '0') as next from customer_code_seq`,
    );
    const taken = await server.gql(CREATE, { input: { name: 'Hand coded', type: 'SMB', code: next } });
    expect(taken.errors).toBeUndefined();
    const generated = await server.gql(CREATE, { input: { name: 'Generated', type: 'SMB' } });
    expect(generated.errors).toBeUndefined();
    expect(generated.data.createCustomer.customer.code).not.toBe(next);
  });

  it('rejects invalid fields with per-field BAD_USER_INPUT details and writes nothing', async () => {
    const before = await server.db.query<{ n: number }>('select count(*)::int as n from customer');
    const res = await server.gql(CREATE, {
      input: { name: '  ', type: 'SMB', email: 'not-an-email', region: 'Shanghai', industry: 'Mining', tags: [' padded'] },
    });
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    const error = res.errors![0]!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    const fields = new Set(error.extensions!.fields.map((f: { field: string }) => f.field));
    expect(fields).toEqual(new Set(['name', 'email', 'region', 'industry', 'tags']));
    const after = await server.db.query<{ n: number }>('select count(*)::int as n from customer');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('rejects a duplicate code as BAD_USER_INPUT on field code', async () => {
    await server.gql(CREATE, { input: { name: 'First', type: 'SMB', code: 'DUP-1' } });
    const res = await server.gql(CREATE, { input: { name: 'Second', type: 'SMB', code: 'DUP-1' } });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'code', message: 'already in use' }] });
    const rows = await server.db.query(`select name from customer where code = 'DUP-1'`);
    expect(rows).toEqual([{ name: 'First' }]);
  });

  it('rejects an unknown owner', async () => {
    const res = await server.gql(CREATE, { input: { name: 'Ownerless', type: 'SMB', ownerId: '999999' } });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'ownerId' }] });
  });

  it('rejects an enum value that does not exist before any resolver runs', async () => {
    const res = await server.gql(CREATE, { input: { name: 'X', type: 'GIANT' } });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('updateCustomer', () => {
  it('changes only the given fields, bumps the version, clears with null', async () => {
    const created = await server.gql(CREATE, { input: { name: 'Acme', type: 'SMB', email: 'a@acme.test', notes: 'n' } });
    const { id } = created.data.createCustomer.customer;
    const res = await server.gql(UPDATE, { input: { id, version: 1, tier: 'KEY_ACCOUNT', notes: null } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateCustomer.customer).toMatchObject({ name: 'Acme', version: 2, tier: 'KEY_ACCOUNT', email: 'a@acme.test', notes: null });
  });

  it('fails with CONFLICT on a stale version and changes nothing', async () => {
    const created = await server.gql(CREATE, { input: { name: 'Stale Co', type: 'SMB' } });
    const { id } = created.data.createCustomer.customer;
    const first = await server.gql(UPDATE, { input: { id, version: 1, name: 'Stale Co 1' } });
    expect(first.errors).toBeUndefined();
    const second = await server.gql(UPDATE, { input: { id, version: 1, name: 'Stale Co 2' } });
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    const rows = await server.db.query('select name, version from customer where id = $1', [dbId(id)]);
    expect(rows).toEqual([{ name: 'Stale Co 1', version: 2 }]);
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const created = await server.gql(CREATE, { input: { name: 'Race', type: 'SMB' } });
    const { id } = created.data.createCustomer.customer;
    const results = await Promise.all(
      ['Race A', 'Race B', 'Race C'].map((name) => server.gql(UPDATE, { input: { id, version: 1, name } })),
    );
    const ok = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(2);
    const rows = await server.db.query<{ name: string; version: number }>('select name, version from customer where id = $1', [dbId(id)]);
    expect(rows[0]).toEqual({ name: ok[0]!.data.updateCustomer.customer.name, version: 2 });
  });

  it('answers NOT_FOUND for a missing customer and for a malformed id', async () => {
    for (const id of ['987654321', 'abc']) {
      const res = await server.gql(UPDATE, { input: { id, version: 1, name: 'x' } });
      expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    }
  });

  it('refuses null for required fields', async () => {
    const created = await server.gql(CREATE, { input: { name: 'Nulls', type: 'SMB' } });
    const { id } = created.data.createCustomer.customer;
    const res = await server.gql(UPDATE, { input: { id, version: 1, type: null, tier: null } });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field).sort()).toEqual(['tier', 'type']);
  });

  it('refuses to edit a customer that is not ACTIVE with INVALID_STATE', async () => {
    const created = await server.gql(CREATE, { input: { name: 'Voided', type: 'SMB' } });
    const { id } = created.data.createCustomer.customer;
    await server.db.query(`update customer set status = 'VOID', void_reason = 'TEST_RECORD' where id = $1`, [dbId(id)]);
    const res = await server.gql(UPDATE, { input: { id, version: 1, name: 'Edited' } });
    expect(res.errors![0]!.extensions!.code).toBe('INVALID_STATE');
  });
});

describe('customer query', () => {
  it('returns null for missing and malformed ids', async () => {
    const res = await server.gql(`{ a: customer(id: "123456789") { id } b: customer(id: "x'; drop table customer") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });
});
