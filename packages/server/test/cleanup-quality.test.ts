import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer, setTaxId } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

let server: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  const own = server.users.sales1;
  ids.placeholder = await insertCustomer(server.db, { name: 'Placeholder Inc', email: 'test@test', phone: '11111111111', region: 'CN-SH', ownerId: own });
  ids.at = await insertCustomer(server.db, { name: 'Zhang Wei', type: 'INDIVIDUAL', email: 'zhang at example.com', phone: '+8613800138000', region: 'CN-BJ', ownerId: own });
  ids.format = await insertCustomer(server.db, { name: '深圳  宏达', email: 'hd@hongda.cn', phone: '138 0013 8001', region: 'CN-GD' });
  ids.tax = await insertCustomer(server.db, { name: 'Tax Co', email: 'tax@taxco.cn', phone: '+8613800138002', region: 'CN-SH' });
  // Encrypted as the application stores it: the shape check runs on the decrypted value.
  await setTaxId(server.db, ids.tax!, 'ABC123');
  ids.old = await insertCustomer(server.db, { name: 'Old Co', email: 'old@oldco.com', phone: '+14155552671', region: 'US-CA', createdAt: '2015-01-01T00:00:00Z' });
  await server.db.query(`update customer set updated_at = '2016-01-01' where id = $1`, [ids.old]);
  ids.conflict = await insertCustomer(server.db, { name: 'Conflict Co', email: 'c@conflict.com', phone: '+8613800138003', region: 'US-NY' });
  ids.clean = await insertCustomer(server.db, { name: 'Clean Co', email: 'clean@clean.com', phone: '+8613800138004', region: 'CN-SH' });
});
afterAll(async () => {
  await server.close();
});

const list = async (as = server.gql, args = 'first: 100') => {
  const res = await as(`{ dataQualityIssues(${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { id customer { id } field problem value hasSuggestion suggestion message } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.dataQualityIssues;
};
const of = (nodes: any[], id: string) => nodes.filter((n) => n.customer.id === gid('Customer', id)).map((n) => `${n.field}:${n.problem}:${n.hasSuggestion ? n.suggestion : '-'}`);

describe('dataQualityIssues', () => {
  it('lists each problem with a suggestion where one exists', async () => {
    const { nodes, totalCount } = await list();
    expect(totalCount).toBe(nodes.length);
    expect(of(nodes, ids.placeholder!)).toEqual(['EMAIL:PLACEHOLDER:null', 'PHONE:PLACEHOLDER:null', 'CONTACT:MISSING_CONTACT:-']);
    expect(of(nodes, ids.at!)).toEqual(['EMAIL:INVALID_EMAIL:zhang@example.com']);
    expect(of(nodes, ids.format!)).toEqual(['NAME:NOT_NORMALIZED:深圳 宏达', 'PHONE:NOT_NORMALIZED:+8613800138001']);
    expect(of(nodes, ids.tax!)).toEqual(['TAX_ID:INVALID_TAX_ID:-']);
    expect(of(nodes, ids.old!)).toEqual(['ACTIVITY:OUTDATED:-']);
    expect(of(nodes, ids.conflict!)).toEqual(['PHONE:CONFLICTING:-']);
    expect(of(nodes, ids.clean!)).toEqual([]);
    const messages = JSON.stringify(nodes.map((n: any) => n.message));
    expect(messages).not.toMatch(/ABC123|zhang at|11111111111/);
  });

  it('pages forward without gaps or repeats and filters by problem', async () => {
    const all = (await list()).nodes.map((n: any) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await list(server.gql, `first: 2${after ? `, after: "${after}"` : ''}`);
      seen.push(...page.nodes.map((n: any) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const placeholders = await list(server.gql, 'first: 50, filter: { problem: [PLACEHOLDER] }');
    expect(placeholders.nodes.every((n: any) => n.problem === 'PLACEHOLDER')).toBe(true);
    expect(placeholders.totalCount).toBe(2);
  });

  it('follows row rules and field guards: no tax id issues for SALES, masked for MANAGER', async () => {
    const sales = await list(server.as('sales1'));
    expect([...new Set(sales.nodes.map((n: any) => n.customer.id))].sort()).toEqual([ids.placeholder, ids.at].map((id) => gid('Customer', id)).sort());
    const manager = await list(server.as('manager'));
    const tax = manager.nodes.find((n: any) => n.field === 'TAX_ID');
    expect(tax.value).toBe('******');
    expect(JSON.stringify(manager)).not.toContain('ABC123');
    await server.db.query(`update customer set owner_id = $2 where id = $1`, [ids.tax, server.users.sales1]);
    const salesTax = await list(server.as('sales1'));
    expect(salesTax.nodes.some((n: any) => n.field === 'TAX_ID')).toBe(false);
    expect(JSON.stringify(salesTax)).not.toContain('ABC123');
    await server.db.query(`update customer set owner_id = null where id = $1`, [ids.tax]);
    for (const user of ['support', 'auditor', 'reporting'] as const) {
      const res = await server.as(user)(`{ dataQualityIssues { totalCount } }`);
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });
});

describe('resolveDataQualityIssues', () => {
  const resolve = (issues: string, action: string, as = server.gql) =>
    as(`mutation { resolveDataQualityIssues(input: { action: ${action}, issues: [${issues}] }) { resolved customers { id email phone name version } failures { id code message } } }`);
  const auditCount = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;

  it('applies suggestions in bulk, one audit event per customer, and then the issues are gone', async () => {
    const before = await auditCount();
    const res = await resolve(
      `{ customerId: "${ids.format}", field: NAME, problem: NOT_NORMALIZED }, { customerId: "${ids.format}", field: PHONE, problem: NOT_NORMALIZED }, { customerId: "${ids.at}", field: EMAIL, problem: INVALID_EMAIL }`,
      'APPLY_SUGGESTION',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveDataQualityIssues.resolved).toBe(3);
    expect(res.data.resolveDataQualityIssues.customers).toEqual([
      { id: gid('Customer', ids.at!), email: 'zhang@example.com', phone: '+8613800138000', name: 'Zhang Wei', version: 2 },
      { id: gid('Customer', ids.format!), email: 'hd@hongda.cn', phone: '+8613800138001', name: '深圳 宏达', version: 2 },
    ]);
    expect(await auditCount()).toBe(before + 2);
    const again = await resolve(`{ customerId: "${ids.at}", field: EMAIL, problem: INVALID_EMAIL }`, 'APPLY_SUGGESTION');
    expect(again.data.resolveDataQualityIssues).toMatchObject({ resolved: 0, failures: [{ id: gid('Customer', ids.at), code: 'INVALID_STATE' }] });
    expect(await auditCount()).toBe(before + 2);
  });

  it('stores an applied tax id suggestion encrypted, with its blind index, like any tax id write', async () => {
    const id = await insertCustomer(server.db, { name: 'Spaced Tax Co', email: 'st@spaced.com', phone: '+14155552672', region: 'US-CA' });
    await setTaxId(server.db, id, 'us 12-3456789');
    const res = await resolve(`{ customerId: "${id}", field: TAX_ID, problem: NOT_NORMALIZED }`, 'APPLY_SUGGESTION');
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveDataQualityIssues.resolved).toBe(1);
    const [row] = await server.db.query<{ tax_id: string; hash: Buffer | null }>(`select tax_id, tax_id_hash as hash from customer where id = $1`, [id]);
    expect(row!.tax_id.startsWith('v1:')).toBe(true);
    const lookup = await server.gql(`{ customers(filter: { taxId: "US12-3456789" }) { nodes { id taxId } } }`);
    expect(lookup.data.customers.nodes).toEqual([{ id: gid('Customer', id), taxId: 'US12-3456789' }]);
  });

  it('clears placeholders, dismisses what is fine, and remembers it', async () => {
    const cleared = await resolve(`{ customerId: "${ids.placeholder}", field: EMAIL, problem: PLACEHOLDER }`, 'APPLY_SUGGESTION');
    expect(cleared.data.resolveDataQualityIssues.customers[0].email).toBeNull();
    const dismissed = await resolve(`{ customerId: "${ids.old}", field: ACTIVITY, problem: OUTDATED }, { customerId: "${ids.conflict}", field: PHONE, problem: CONFLICTING }`, 'DISMISS', server.as('manager'));
    expect(dismissed.data.resolveDataQualityIssues.resolved).toBe(2);
    const { nodes } = await list();
    expect(of(nodes, ids.old!)).toEqual([]);
    expect(of(nodes, ids.conflict!)).toEqual([]);
    // A changed value brings its issue back.
    await server.db.query(`update customer set phone = '+8613800138005' where id = $1`, [ids.conflict]);
    expect(of((await list()).nodes, ids.conflict!)).toEqual(['PHONE:CONFLICTING:-']);
  });

  it('refuses what cannot be applied, per field, and changes nothing', async () => {
    const rows = async () => server.db.query(`select c::text from customer c order by id`);
    const before = await rows();
    const audits = await auditCount();
    const none = await resolve(`{ customerId: "${ids.format}", field: EMAIL, problem: NOT_NORMALIZED }, { customerId: "${ids.tax}", field: TAX_ID, problem: INVALID_TAX_ID }`, 'APPLY_SUGGESTION');
    expect(none.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'issues.1' }] });
    const contact = await resolve(`{ customerId: "${ids.placeholder}", field: CONTACT, problem: MISSING_CONTACT }`, 'APPLY_SUGGESTION');
    expect(contact.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'issues.0' }] });
    const tax = await resolve(`{ customerId: "${ids.tax}", field: TAX_ID, problem: INVALID_TAX_ID }`, 'DISMISS');
    expect(tax.errors).toBeUndefined();
    await server.db.query(`delete from data_quality_dismissal where customer_id = $1`, [ids.tax]);
    const managerTax = await resolve(`{ customerId: "${ids.tax}", field: TAX_ID, problem: INVALID_TAX_ID }`, 'APPLY_SUGGESTION', server.as('manager'));
    expect(managerTax.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const notOwn = await resolve(`{ customerId: "${ids.format}", field: PHONE, problem: NOT_NORMALIZED }`, 'DISMISS', server.as('sales2'));
    expect(notOwn.data.resolveDataQualityIssues.failures).toEqual([{ id: gid('Customer', ids.format), code: 'NOT_FOUND', message: `Customer ${gid('Customer', ids.format)} was not found` }]);
    const empty = await server.gql(`mutation { resolveDataQualityIssues(input: { action: DISMISS, issues: [] }) { resolved } }`);
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'issues' }] });
    for (const user of ['support', 'auditor', 'reporting'] as const) {
      expect((await resolve(`{ customerId: "${ids.format}", field: PHONE, problem: NOT_NORMALIZED }`, 'DISMISS', server.as(user))).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect(await auditCount()).toBe(audits + 1);
    expect((await rows()).length).toBe(before.length);
  });
});
