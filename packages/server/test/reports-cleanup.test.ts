import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * cleanupStats over GraphQL: pending duplicate groups and open data-quality issues, with
 * the same row rules as the lists, and evidence on fields a role may not read in full
 * left out of its counts.
 */

let server: TestServer;
const STATS = `{ cleanupStats { duplicateGroupsPending duplicateCustomersPending duplicatesByReason { kind groups } lastDuplicateDetectionAt
                 dataQualityIssues { field problem count } dataQualityCustomers } }`;

async function setTaxId(id: string, taxId: string): Promise<void> {
  const res = await server.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } } }`, {
    input: { id, version: 1, taxId },
  });
  expect(res.errors).toBeUndefined();
}

beforeAll(async () => {
  server = await startTestServer();
  const { sales1, sales2 } = server.users;
  // Same email: both sales1's. Same tax id only: sales1 and sales2. Same name in one region: sales2's.
  await insertCustomer(server.db, { name: 'Harbor Foods Ltd', region: 'CN-SH', email: 'buy@harbor.example', ownerId: sales1 });
  await insertCustomer(server.db, { name: 'Harbour Provisions', region: 'CN-BJ', email: 'BUY@harbor.example', ownerId: sales1 });
  const t1 = await insertCustomer(server.db, { name: 'Qilin Robotics', region: 'CN-GD', ownerId: sales1 });
  const t2 = await insertCustomer(server.db, { name: 'Northern Pharma', region: 'US-CA', ownerId: sales2 });
  await setTaxId(t1, '91310000MA1FL0XY2K');
  await setTaxId(t2, '91310000 MA1FL0XY2K');
  await insertCustomer(server.db, { name: '上海星辰科技', region: 'CN-SH', ownerId: sales2 });
  await insertCustomer(server.db, { name: '上海星辰科技', region: 'CN-SH', ownerId: sales2 });
  // Data-quality: an invalid email (sales1) and a placeholder phone (sales2).
  await insertCustomer(server.db, { name: 'Broken Mail Co', region: 'CN-SH', email: 'not-an-email', ownerId: sales1 });
  await insertCustomer(server.db, { name: 'Placeholder Phone Co', region: 'CN-SH', phone: '00000000000', ownerId: sales2 });
});
afterAll(async () => {
  await server.close();
});

describe('cleanupStats', () => {
  it('is empty of duplicates before any detection run, and refuses roles without reports', async () => {
    const res = await server.gql(`{ cleanupStats { duplicateGroupsPending duplicateCustomersPending duplicatesByReason { kind } lastDuplicateDetectionAt } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.cleanupStats).toEqual({ duplicateGroupsPending: 0, duplicateCustomersPending: 0, duplicatesByReason: [], lastDuplicateDetectionAt: null });
    for (const user of ['support', 'auditor'] as const) {
      expect((await server.as(user)(`{ cleanupStats { duplicateGroupsPending } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('counts pending groups by evidence, under row rules and only on fields read in full', async () => {
    const run = await server.gql(`mutation { detectDuplicates { job { id } } }`);
    const worker = startWorker(server);
    try {
      expect((await waitForJob(server.db, run.data.detectDuplicates.job.id)).state).toBe('SUCCEEDED');
    } finally {
      await worker.stop();
    }
    const groups = await server.gql(`{ duplicateCandidates(first: 50) { totalCount nodes { reasons { kind } } } }`);
    expect(groups.errors).toBeUndefined();
    expect(groups.data.duplicateCandidates.totalCount).toBe(3);

    const admin = (await server.gql(STATS)).data.cleanupStats;
    expect(admin).toMatchObject({ duplicateGroupsPending: 3, duplicateCustomersPending: 6 });
    expect(admin.duplicatesByReason.map((r: { kind: string }) => r.kind).sort()).toEqual(['EMAIL', 'NAME', 'TAX_ID']);
    expect(Date.parse(admin.lastDuplicateDetectionAt)).toBeGreaterThan(Date.now() - 60_000);

    // MANAGER reads tax ids masked: that two customers share one is not its to count.
    const manager = (await server.as('manager')(STATS)).data.cleanupStats;
    expect(manager).toMatchObject({ duplicateGroupsPending: 2, duplicateCustomersPending: 4 });
    expect(manager.duplicatesByReason.map((r: { kind: string }) => r.kind).sort()).toEqual(['EMAIL', 'NAME']);

    // REPORTING reads emails masked too; names are public.
    const reporting = (await server.as('reporting')(STATS)).data.cleanupStats;
    expect(reporting).toMatchObject({ duplicateGroupsPending: 1, duplicatesByReason: [{ kind: 'NAME', groups: 1 }] });

    // SALES: only groups with two of its own customers (the tax-id pair spans two owners).
    const sales1 = (await server.as('sales1')(STATS)).data.cleanupStats;
    expect(sales1).toMatchObject({ duplicateGroupsPending: 1, duplicateCustomersPending: 2, duplicatesByReason: [{ kind: 'EMAIL', groups: 1 }] });
    const sales2 = (await server.as('sales2')(STATS)).data.cleanupStats;
    expect(sales2).toMatchObject({ duplicateGroupsPending: 1, duplicatesByReason: [{ kind: 'NAME', groups: 1 }] });
  });

  it('counts open data-quality issues like the issue list does, per role', async () => {
    const list = await server.gql(`{ dataQualityIssues(first: 200) { totalCount nodes { field problem customer { id } } } }`);
    expect(list.errors).toBeUndefined();
    const admin = (await server.gql(STATS)).data.cleanupStats;
    const total = admin.dataQualityIssues.reduce((n: number, c: { count: number }) => n + c.count, 0);
    expect(total).toBe(list.data.dataQualityIssues.totalCount);
    expect(admin.dataQualityCustomers).toBe(new Set(list.data.dataQualityIssues.nodes.map((n: { customer: { id: string } }) => n.customer.id)).size);
    expect(admin.dataQualityIssues).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'EMAIL', problem: 'INVALID_EMAIL' }),
      expect.objectContaining({ field: 'PHONE' }),
    ]));
    const counts = admin.dataQualityIssues.map((c: { count: number }) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    // sales1 counts only its own customers: the placeholder phone is sales2's.
    const sales1 = (await server.as('sales1')(STATS)).data.cleanupStats;
    const own = await server.as('sales1')(`{ dataQualityIssues(first: 200) { totalCount } }`);
    expect(sales1.dataQualityIssues.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(own.data.dataQualityIssues.totalCount);
    expect(sales1.dataQualityIssues.some((c: { field: string }) => c.field === 'PHONE')).toBe(false);
    expect(sales1.dataQualityIssues.some((c: { problem: string }) => c.problem === 'INVALID_EMAIL')).toBe(true);
  });
});

describe('lifecycleActivity in a time zone', () => {
  it('starts buckets at local midnight of the zone and refuses unknown zones', async () => {
    const id = await insertCustomer(server.db, { name: 'Zone Void Co' });
    expect((await server.gql(`mutation { voidCustomers(input: { ids: ["${id}"], reason: DUPLICATE }) { customers { id } } }`)).errors).toBeUndefined();
    const now = Date.now();
    const from = new Date(now - 3 * 86_400_000).toISOString();
    const to = new Date(now + 86_400_000).toISOString();
    const QUERY = `query($from: DateTime!, $to: DateTime!, $tz: String!) { lifecycleActivity(from: $from, to: $to, bucket: DAY, timeZone: $tz) { bucket voided } }`;
    const shanghai = await server.as('reporting')(QUERY, { from, to, tz: 'Asia/Shanghai' });
    expect(shanghai.errors).toBeUndefined();
    const rows: { bucket: string; voided: number }[] = shanghai.data.lifecycleActivity;
    // Shanghai is UTC+8 all year: its midnight is 16:00 UTC the day before.
    for (const row of rows) expect(row.bucket).toMatch(/T16:00:00\.000000Z$/);
    const current = rows.find((r, i) => Date.parse(r.bucket) <= now && (rows[i + 1] ? now < Date.parse(rows[i + 1]!.bucket) : true))!;
    expect(current.voided).toBe(1);
    expect(rows.reduce((n, r) => n + r.voided, 0)).toBe(1);

    const utc = await server.as('reporting')(QUERY, { from, to, tz: 'UTC' });
    for (const row of utc.data.lifecycleActivity) expect(row.bucket).toMatch(/T00:00:00\.000000Z$/);

    for (const tz of ['Mars/Olympus', '+08:00', "UTC'; select 1; --"]) {
      const bad = await server.gql(QUERY, { from, to, tz });
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone' }] });
    }
  });
});
