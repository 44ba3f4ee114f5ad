import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** Reports over GraphQL: counts match the rows, row rules apply, transitions come from the audit log. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const add = (name: string, extra: Record<string, unknown>) => insertCustomer(server.db, { name, type: 'SMB', ...extra });
  await add('R1', { region: 'CN-SH', industry: 'Retail', tags: ['vip', 'north'], ownerId: server.users.sales1, lifecycleStage: 'ACTIVE' });
  await add('R2', { region: 'CN-SH', industry: 'Retail', tags: ['vip'], ownerId: server.users.sales1, lifecycleStage: 'ACTIVE' });
  await add('R3', { region: 'CN-BJ', industry: 'Software', tags: [], ownerId: server.users.sales2, lifecycleStage: 'CHURNED' });
  await add('R4', { region: null, industry: 'Software', tags: ['north'], ownerId: null, type: 'ENTERPRISE', lifecycleStage: 'NEW' });
  await add('R5', { region: 'CN-BJ', industry: 'Retail', status: 'VOID', ownerId: server.users.sales2 });
});
afterAll(async () => {
  await server.close();
});

const STATS = `query($groupBy: [CustomerDimension!]!, $filter: CustomerFilter) { customerStats(groupBy: $groupBy, filter: $filter) { keys count } }`;
const sorted = (rows: { keys: (string | null)[]; count: number }[]) =>
  [...rows].sort((a, b) => JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys)));

describe('customerStats', () => {
  it('groups ACTIVE customers by one or more dimensions, nulls as their own group', async () => {
    const byRegion = await server.as('reporting')(STATS, { groupBy: ['REGION'] });
    expect(byRegion.errors).toBeUndefined();
    expect(sorted(byRegion.data.customerStats)).toEqual(sorted([
      { keys: ['CN-SH'], count: 2 },
      { keys: ['CN-BJ'], count: 1 },
      { keys: [null], count: 1 },
    ]));
    const two = await server.gql(STATS, { groupBy: ['INDUSTRY', 'TYPE'] });
    expect(sorted(two.data.customerStats)).toEqual(sorted([
      { keys: ['Retail', 'SMB'], count: 2 },
      { keys: ['Software', 'SMB'], count: 1 },
      { keys: ['Software', 'ENTERPRISE'], count: 1 },
    ]));
  });

  it('counts each tag, untagged customers under null, and includes voided records only when asked', async () => {
    const tags = await server.gql(STATS, { groupBy: ['TAG'] });
    expect(sorted(tags.data.customerStats)).toEqual(sorted([
      { keys: ['vip'], count: 2 },
      { keys: ['north'], count: 2 },
      { keys: [null], count: 1 },
    ]));
    const status = await server.gql(STATS, { groupBy: ['STATUS', 'VOID_REASON'], filter: { status: ['ACTIVE', 'VOID'] } });
    expect(sorted(status.data.customerStats)).toEqual(sorted([
      { keys: ['ACTIVE', null], count: 4 },
      { keys: ['VOID', 'TEST_RECORD'], count: 1 },
    ]));
  });

  it('applies row rules: SALES counts its own customers only', async () => {
    const res = await server.as('sales1')(STATS, { groupBy: ['OWNER'] });
    expect(res.data.customerStats).toEqual([{ keys: [server.users.sales1], count: 2 }]);
    const all = await server.as('manager')(STATS, { groupBy: ['OWNER'] });
    expect(all.data.customerStats.reduce((sum: number, r: { count: number }) => sum + r.count, 0)).toBe(4);
  });

  it('refuses roles without reports, bad dimension lists, and filters on fields the role cannot read', async () => {
    for (const user of ['support', 'auditor'] as const) {
      expect((await server.as(user)(STATS, { groupBy: ['TYPE'] })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const dup = await server.gql(STATS, { groupBy: ['TYPE', 'TYPE'] });
    expect(dup.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'groupBy' }] });
    expect((await server.gql(STATS, { groupBy: [] })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    // REPORTING sees phones masked, so a search cannot probe them digit by digit.
    await insertCustomer(server.db, { name: 'Phone probe', phone: '+8613912345678' });
    const probe = await server.as('reporting')(STATS, { groupBy: ['TYPE'], filter: { search: '13912345678' } });
    expect(probe.data.customerStats).toEqual([]);
    const admin = await server.gql(STATS, { groupBy: ['TYPE'], filter: { search: '13912345678' } });
    expect(admin.data.customerStats).toEqual([{ keys: ['SMB'], count: 1 }]);
  });
});

describe('lifecycleActivity and archiveStats', () => {
  it('counts transitions per bucket from the audit log, with empty buckets, under row rules', async () => {
    const [a, b] = await Promise.all(['Act A', 'Act B'].map((name) => insertCustomer(server.db, { name, ownerId: server.users.sales1 })));
    const c = await insertCustomer(server.db, { name: 'Act C', ownerId: server.users.sales2 });
    expect((await server.gql(`mutation { voidCustomers(input: { ids: ["${a}", "${c}"], reason: DUPLICATE }) { customers { id } } }`)).errors).toBeUndefined();
    expect((await server.gql(`mutation { unvoidCustomer(input: { id: "${a}", note: "valid after all" }) { customer { id } } }`)).errors).toBeUndefined();
    expect((await server.gql(`mutation { archiveCustomers(input: { ids: ["${b}"], reason: "quiet" }) { customers { id } } }`)).errors).toBeUndefined();
    expect((await server.gql(`mutation { restoreCustomers(input: { ids: ["${b}"], reason: "back" }) { customers { id } } }`)).errors).toBeUndefined();
    expect((await server.gql(`mutation { archiveCustomers(input: { ids: ["${b}"], reason: "quiet again" }) { customers { id } } }`)).errors).toBeUndefined();

    const today = new Date();
    const day = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)).toISOString();
    const QUERY = `query($from: DateTime!, $to: DateTime!) { lifecycleActivity(from: $from, to: $to, bucket: DAY) { bucket archived restored voided unvoided purged merged unmerged } }`;
    const res = await server.as('manager')(QUERY, { from: day(-2), to: day(1) });
    expect(res.errors).toBeUndefined();
    expect(res.data.lifecycleActivity).toHaveLength(3);
    expect(res.data.lifecycleActivity[0]).toEqual({ bucket: day(-2).replace('.000Z', '.000000Z'), archived: 0, restored: 0, voided: 0, unvoided: 0, purged: 0, merged: 0, unmerged: 0 });
    expect(res.data.lifecycleActivity[2]).toMatchObject({ archived: 2, restored: 1, voided: 2, unvoided: 1 });
    const own = await server.as('sales1')(QUERY, { from: day(-2), to: day(1) });
    expect(own.data.lifecycleActivity[2]).toMatchObject({ archived: 2, restored: 1, voided: 1, unvoided: 1 });
    const week = await server.gql(`query($from: DateTime!, $to: DateTime!) { lifecycleActivity(from: $from, to: $to, bucket: MONTH) { bucket voided } }`, { from: day(-40), to: day(1) });
    expect(week.data.lifecycleActivity.length).toBeGreaterThanOrEqual(2);
    expect(week.data.lifecycleActivity.at(-1).voided).toBe(2);
    const backwards = await server.gql(QUERY, { from: day(1), to: day(-1) });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
    const tooLong = await server.gql(QUERY, { from: '2000-01-01T00:00:00Z', to: day(1) });
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'bucket' }] });

    const stats = await server.as('reporting')(`{ archiveStats { customers interactions oldestArchivedAt legalHolds pastRetention byAge { age count } byPolicy { policyId policyName count } } }`);
    expect(stats.errors).toBeUndefined();
    expect(stats.data.archiveStats).toMatchObject({ customers: 1, legalHolds: 0, pastRetention: 0, byAge: [{ age: '<1y', count: 1 }], byPolicy: [{ policyId: null, policyName: null, count: 1 }] });
    const sales2 = await server.as('sales2')(`{ archiveStats { customers } }`);
    expect(sales2.data.archiveStats.customers).toBe(0);
    expect((await server.as('support')(`{ archiveStats { customers } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
