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
                 dataQualityIssues { field problem count } dataQualityCustomers dataQualityCountedAt } }`;

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

  it('counts open data-quality issues in a job, like the issue list does, per role', async () => {
    const before = (await server.gql(STATS)).data.cleanupStats;
    expect(before).toMatchObject({ dataQualityIssues: [], dataQualityCustomers: 0, dataQualityCountedAt: null });
    expect((await server.as('reporting')(`mutation { countDataQuality { job { id } } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    await countNow();

    const list = await server.gql(`{ dataQualityIssues(first: 200) { totalCount nodes { field problem customer { id } } } }`);
    expect(list.errors).toBeUndefined();
    const admin = (await server.gql(STATS)).data.cleanupStats;
    expect(Date.parse(admin.dataQualityCountedAt)).toBeGreaterThan(Date.now() - 60_000);
    const total = (stats: any) => stats.dataQualityIssues.reduce((n: number, c: { count: number }) => n + c.count, 0);
    expect(total(admin)).toBe(list.data.dataQualityIssues.totalCount);
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
    expect(total(sales1)).toBe(own.data.dataQualityIssues.totalCount);
    expect(sales1.dataQualityIssues.some((c: { field: string }) => c.field === 'PHONE')).toBe(false);
    expect(sales1.dataQualityIssues.some((c: { problem: string }) => c.problem === 'INVALID_EMAIL')).toBe(true);

    // A dismissed issue leaves the next count.
    const invalid = list.data.dataQualityIssues.nodes.find((n: { problem: string }) => n.problem === 'INVALID_EMAIL');
    const dismissed = await server.gql(`mutation($input: ResolveDataQualityIssuesInput!) { resolveDataQualityIssues(input: $input) { resolved } }`, {
      input: { action: 'DISMISS', issues: [{ customerId: invalid.customer.id, field: 'EMAIL', problem: 'INVALID_EMAIL' }] },
    });
    expect(dismissed.errors).toBeUndefined();
    await countNow();
    const after = (await server.gql(STATS)).data.cleanupStats;
    expect(total(after)).toBe(total(admin) - 1);
  });

  it('counts a database that was never counted at the first poll of a scheduled worker, once', async () => {
    await server.db.query(`delete from data_quality_rollup`);
    const workers = [startWorker(server, { DATA_QUALITY_SCHEDULE: '0 3 * * *' }), startWorker(server, { DATA_QUALITY_SCHEDULE: '0 3 * * *' })];
    try {
      const deadline = Date.now() + 20_000;
      while (!(await server.db.query(`select 1 from data_quality_rollup`)).length) {
        if (Date.now() > deadline) throw new Error('no count after 20 s');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const jobs = await server.db.query<{ key: string }>(`select dedupe_key as key from job where kind = 'COUNT_DATA_QUALITY' and dedupe_key is not null`);
    expect(jobs.map((j) => j.key).filter((k) => k === 'data-quality:first')).toHaveLength(1);
  });
});

async function countNow(): Promise<void> {
  const res = await server.gql(`mutation { countDataQuality { job { id kind state } } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.countDataQuality.job).toMatchObject({ kind: 'COUNT_DATA_QUALITY', state: 'QUEUED' });
  const worker = startWorker(server);
  try {
    expect((await waitForJob(server.db, res.data.countDataQuality.job.id)).state).toBe('SUCCEEDED');
  } finally {
    await worker.stop();
  }
}

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
