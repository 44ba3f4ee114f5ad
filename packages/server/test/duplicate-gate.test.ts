import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { insertCustomer, setTaxId } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

/**
 * Write-time duplicate alerts (issue 22): createCustomer and updateCustomer compare the
 * new values with the ACTIVE customers by detection's rules, warn or block per kind, and
 * tell each role only what it may see.
 */

const CREATE = `mutation Create($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer { id name }
    possibleDuplicates { visible score customer { id name phone owner { id } } reasons { kind score action } }
  }
}`;
const UPDATE = `mutation Update($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) {
    customer { id version }
    possibleDuplicates { visible customer { id } reasons { kind } }
  }
}`;
const SET_RULE = `mutation Rule($input: SetDuplicateRuleInput!) { setDuplicateRule(input: $input) { rule { kind action } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await server.db.query(`update duplicate_rule set action = 'WARN'`);
});

const count = async (sql: string, params: unknown[] = []) => (await server.db.query<{ n: number }>(sql, params))[0]!.n;

describe('createCustomer duplicate alerts', () => {
  it('returns an existing customer whose phone is formatted differently', async () => {
    const existing = await insertCustomer(server.db, { name: '杭州云帆科技有限公司', region: 'CN-ZJ', phone: '138 0013 8000' });
    const res = await server.gql(CREATE, { input: { name: 'Lin Qiao', type: 'INDIVIDUAL', region: 'CN-SH', phone: '+86 138-0013-8000' } });
    expect(res.errors).toBeUndefined();
    const found = res.data.createCustomer.possibleDuplicates;
    expect(found).toEqual([
      { visible: true, score: 0.85, customer: { id: gid('Customer', existing), name: '杭州云帆科技有限公司', phone: '138 0013 8000', owner: null }, reasons: [{ kind: 'PHONE', score: 0.85, action: 'WARN' }] },
    ]);
  });

  it('matches email after normalization, the tax id through its blind index and names in the region', async () => {
    const a = await insertCustomer(server.db, { name: 'Blue River Trading Co., Ltd.', region: 'US-CA', email: 'Sales@BlueRiver.example' });
    await setTaxId(server.db, a, '91310000MA1K4XY12B');
    const elsewhere = await insertCustomer(server.db, { name: 'Blue River Trading', region: 'US-NY' });
    const res = await server.gql(CREATE, {
      input: { name: 'blue river trading', type: 'SMB', region: 'US-CA', email: 'SALES@blueriver.example', taxId: '91 3100 00ma1k4xy12b' },
    });
    expect(res.errors).toBeUndefined();
    const found = res.data.createCustomer.possibleDuplicates;
    expect(found.map((d: { customer: { id: string } }) => d.customer.id)).toEqual([gid('Customer', a)]);
    expect(found[0].reasons.map((r: { kind: string }) => r.kind)).toEqual(['TAX_ID', 'EMAIL', 'NAME']);
    expect(found[0].score).toBeGreaterThan(0.99);
    expect(found.some((d: { customer: { id: string } }) => d.customer.id === gid('Customer', elsewhere))).toBe(false);
  });

  it('finds a similar name in the same region and ignores retired customers', async () => {
    const similar = await insertCustomer(server.db, { name: '深圳前海微众银行股份有限公司', region: 'CN-GD' });
    await insertCustomer(server.db, { name: '深圳前海微众银行', region: 'CN-GD', status: 'VOID' });
    const res = await server.gql(CREATE, { input: { name: '深圳前海微众银', type: 'ENTERPRISE', region: 'CN-GD' } });
    const found = res.data.createCustomer.possibleDuplicates;
    expect(found.map((d: { customer: { id: string } }) => d.customer.id)).toEqual([gid('Customer', similar)]);
    expect(found[0].reasons[0].kind).toBe('SIMILAR_NAME');
  });

  it('with the rule set to block, refuses with INTAKE_DUPLICATE_BLOCKED and writes and audits nothing', async () => {
    await insertCustomer(server.db, { name: 'Existing Phone Owner', phone: '021-6123 4567', region: 'CN-SH' });
    const rule = await server.gql(SET_RULE, { input: { kind: 'PHONE', action: 'BLOCK' } });
    expect(rule.data.setDuplicateRule.rule).toEqual({ kind: 'PHONE', action: 'BLOCK' });
    const customers = await count(`select count(*)::int as n from customer`);
    const audits = await count(`select count(*)::int as n from audit_event where action = 'CUSTOMER_CREATED'`);
    const res = await server.gql(CREATE, { input: { name: 'Someone Else', type: 'SMB', region: 'CN-SH', phone: '+86 21 6123 4567' } });
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INTAKE_DUPLICATE_BLOCKED',
      fields: [{ field: 'phone', message: 'PHONE: matches 1 existing customer(s), and the duplicate rule blocks it' }],
    });
    expect(await count(`select count(*)::int as n from customer`)).toBe(customers);
    expect(await count(`select count(*)::int as n from audit_event where action = 'CUSTOMER_CREATED'`)).toBe(audits);
    // A kind that only warns still lets the write through.
    const warned = await server.gql(CREATE, { input: { name: 'Existing Phone Owner', type: 'SMB', region: 'CN-SH' } });
    expect(warned.errors).toBeUndefined();
    expect(warned.data.createCustomer.possibleDuplicates[0].reasons).toEqual([{ kind: 'NAME', score: 0.7, action: 'WARN' }]);
    const changed = await server.db.query(`select changes from audit_event where action = 'DUPLICATE_RULE_CHANGED' order by seq desc limit 1`);
    expect(changed).toEqual([{ changes: { action: { from: 'WARN', to: 'BLOCK' } } }]);
  });

  it('OFF skips the kind', async () => {
    await insertCustomer(server.db, { name: 'Off Rule Holder', email: 'off@rule.example' });
    await server.gql(SET_RULE, { input: { kind: 'EMAIL', action: 'OFF' } });
    const res = await server.gql(CREATE, { input: { name: 'Quite Different', type: 'SMB', email: 'OFF@rule.example' } });
    expect(res.data.createCustomer.possibleDuplicates).toEqual([]);
  });

  it('only ADMIN sets the rules', async () => {
    const res = await server.as('manager')(SET_RULE, { input: { kind: 'EMAIL', action: 'BLOCK' } });
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await count(`select count(*)::int as n from duplicate_rule where action = 'BLOCK'`)).toBe(0);
  });
});

describe('what SALES learns', () => {
  it('sees its own matching customer, and of another owner’s only that it exists and why', async () => {
    const own = await insertCustomer(server.db, { name: 'Sales Own Match', email: 'shared@sales.example', ownerId: server.users.sales1 });
    await insertCustomer(server.db, { name: 'Someone Elses Match', phone: '13900139000', ownerId: server.users.sales2, region: 'CN-BJ' });
    const res = await server.as('sales1')(CREATE, {
      input: { name: 'New Lead', type: 'SMB', region: 'CN-BJ', email: 'SHARED@sales.example', phone: '139 0013 9000' },
    });
    expect(res.errors).toBeUndefined();
    const found = res.data.createCustomer.possibleDuplicates;
    expect(found).toEqual([
      { visible: true, score: 0.9, customer: { id: gid('Customer', own), name: 'Sales Own Match', phone: null, owner: { id: gid('User', server.users.sales1) } }, reasons: [{ kind: 'EMAIL', score: 0.9, action: 'WARN' }] },
      { visible: false, score: 0.85, customer: null, reasons: [{ kind: 'PHONE', score: 0.85, action: 'WARN' }] },
    ]);
    expect(JSON.stringify(res)).not.toContain('Someone Elses Match');
  });

  it('a blocked write names kinds and counts, never the customer', async () => {
    await insertCustomer(server.db, { name: 'Hidden Blocker Ltd', email: 'blocker@hidden.example', ownerId: server.users.sales2 });
    await server.gql(SET_RULE, { input: { kind: 'EMAIL', action: 'BLOCK' } });
    const res = await server.as('sales1')(CREATE, { input: { name: 'Mine', type: 'SMB', email: 'blocker@hidden.example' } });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INTAKE_DUPLICATE_BLOCKED' });
    expect(JSON.stringify(res)).not.toContain('Hidden Blocker');
  });

  it('may not probe tax ids it cannot write', async () => {
    const res = await server.as('sales1')(`query($i: CustomerDuplicateCheckInput!) { customerDuplicates(input: $i) { visible } }`, { i: { taxId: '91310000MA1K4XY12B' } });
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('updateCustomer and the check before saving', () => {
  it('checks only the kinds the change touches, never the customer itself', async () => {
    const a = await insertCustomer(server.db, { name: 'Update Alpha', email: 'alpha@update.example', phone: '13700137000' });
    const b = await insertCustomer(server.db, { name: 'Update Beta', phone: '13700137000' });
    const tiers = await server.gql(UPDATE, { input: { id: b, version: 1, tier: 'KEY_ACCOUNT' } });
    expect(tiers.data.updateCustomer.possibleDuplicates).toEqual([]);
    const email = await server.gql(UPDATE, { input: { id: b, version: 2, email: 'ALPHA@update.example' } });
    expect(email.data.updateCustomer.possibleDuplicates).toEqual([{ visible: true, customer: { id: gid('Customer', a) }, reasons: [{ kind: 'EMAIL' }] }]);
  });

  it('a blocked update leaves the customer as it was', async () => {
    await insertCustomer(server.db, { name: 'Keeper', email: 'keeper@update.example' });
    const c = await insertCustomer(server.db, { name: 'Changer', email: 'changer@update.example' });
    await server.gql(SET_RULE, { input: { kind: 'EMAIL', action: 'BLOCK' } });
    const res = await server.gql(UPDATE, { input: { id: c, version: 1, email: 'keeper@update.example' } });
    expect(res.errors![0]!.extensions!.reason).toBe('INTAKE_DUPLICATE_BLOCKED');
    expect(await server.db.query(`select email, version from customer where id = $1`, [c])).toEqual([{ email: 'changer@update.example', version: 1 }]);
    expect(await count(`select count(*)::int as n from audit_event where action = 'CUSTOMER_UPDATED' and entity_id = $1`, [c])).toBe(0);
  });

  it('customerDuplicates answers before saving with the rule each match meets', async () => {
    const a = await insertCustomer(server.db, { name: 'Preview Target', phone: '+1 415 555 0100', region: 'US-CA' });
    await server.gql(SET_RULE, { input: { kind: 'PHONE', action: 'BLOCK' } });
    const res = await server.gql(`query($i: CustomerDuplicateCheckInput!) { customerDuplicates(input: $i) { customer { id } reasons { kind action } } }`, {
      i: { phone: '(415) 555-0100', region: 'US-CA' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.customerDuplicates).toEqual([{ customer: { id: gid('Customer', a) }, reasons: [{ kind: 'PHONE', action: 'BLOCK' }] }]);
  });
});
