import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  normalizeEmail,
  normalizeIndustry,
  normalizeName,
  normalizePhone,
  normalizeRegion,
  normalizeTaxId,
} from '../src/modules/cleanup/normalize.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { open, taxIdLookupHashes } from '../src/crypto/sealed.js';
import { gid } from './helpers/global-ids.js';

describe('normalization rules (libphonenumber, NFKC, IDN)', () => {
  it.each([
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['138-0013-8000', 'CN', '+8613800138000'],
    ['+86 138 0013 8000', 'CN', '+8613800138000'],
    ['+86-13800138000', 'CN', '+8613800138000'],
    ['0086 138 0013 8000', 'CN', '+8613800138000'],
    ['１３８００１３８０００', 'CN', '+8613800138000'],
    ['＋８６ １３９ １２３４ ５６７８', 'CN', '+8613912345678'],
    ['021-6123 4567', 'CN', '+862161234567'],
    ['(010) 8888 6666', 'CN', '+861088886666'],
    ['0755-8765 4321', 'CN', '+8675587654321'],
    ['+86 21 6123 4567', 'CN', '+862161234567'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['+1 415 555 2671', 'CN', '+14155552671'],
    ['+852 2123 4567', 'CN', '+85221234567'],
  ])('phone %s (%s) → %s', (raw, country, expected) => {
    expect(normalizePhone(raw, country as never)).toEqual({ value: expected, valid: true });
  });

  it.each([['11111111111'], ['12345'], ['abc'], ['+86 138 0013 800'], ['000-0000-0000']])('refuses phone %s', (raw) => {
    expect(normalizePhone(raw, 'CN').valid).toBe(false);
  });

  it.each([
    ['  Zhang.Wei@EXAMPLE.com ', 'zhang.wei@example.com'],
    ['ＬＩ．ＮＡ＠ＥＸＡＭＰＬＥ．ＣＯＭ', 'li.na@example.com'],
    ['info@BÜCHER.de', 'info@bücher.de'],
    ['info@xn--bcher-kva.de', 'info@bücher.de'],
    ['王@例子.中国', '王@例子.中国'],
  ])('email %s → %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ value: expected, valid: true });
  });

  it.each([['test@test'], ['zhang at example.com'], ['@example.com'], ['a@b'], ['a..b@example.com'], ['a b@example.com']])('refuses email %s', (raw) => {
    expect(normalizeEmail(raw).valid).toBe(false);
  });

  it('folds names, tax ids, regions and industries', () => {
    expect(normalizeName('  上海　星辰   科技  ').value).toBe('上海 星辰 科技');
    expect(normalizeName('ＡＣＭＥ　Trading\tLtd').value).toBe('ACME Trading Ltd');
    expect(normalizeTaxId(' 9131 0000 ma1k4xy12b ').value).toBe('91310000MA1K4XY12B');
    expect(normalizeRegion('cn_sh')).toEqual({ value: 'CN-SH', valid: true });
    expect(normalizeRegion('ＣＮ－ＢＪ')).toEqual({ value: 'CN-BJ', valid: true });
    expect(normalizeRegion('Shanghai').valid).toBe(false);
    expect(normalizeIndustry('real estate')).toEqual({ value: 'RealEstate', valid: true });
    expect(normalizeIndustry('SOFTWARE')).toEqual({ value: 'Software', valid: true });
    expect(normalizeIndustry('Mining').valid).toBe(false);
  });
});

describe('normalizeCustomers over GraphQL', () => {
  let server: TestServer;
  let dirty: string;
  let merged: string;

  beforeAll(async () => {
    server = await startTestServer();
    dirty = await insertCustomer(server.db, { name: '  上海星辰　科技 ', email: ' INFO@XingChen.CN ', phone: '021-6123 4567', region: 'CN-SH', industry: 'Software' });
    await server.db.query(`update customer set tax_id = '9131 0000 ma1k4xy12b', industry = 'software' where id = $1`, [dirty]);
    await insertCustomer(server.db, { name: 'Clean Co', email: 'clean@example.com', phone: '+8613800138000', region: 'CN-BJ' });
    merged = await insertCustomer(server.db, { name: ' Merged  Co ', status: 'MERGED', phone: '138 0013 8000' });
  });
  afterAll(async () => {
    await server.close();
  });

  const preview = (as = server.gql, filter = '') =>
    as(`mutation { normalizeCustomers(input: { dryRun: true ${filter} }) { dryRun scanned changedCustomers changeCount job { id }
      changes { customer { id } field before after hidden } } }`);

  it('previews every change, before → after, and writes nothing', async () => {
    const before = await server.db.query(`select c::text from customer c order by id`);
    const res = await preview();
    expect(res.errors).toBeUndefined();
    const out = res.data.normalizeCustomers;
    expect(out).toMatchObject({ dryRun: true, scanned: 2, changedCustomers: 1, changeCount: 5, job: null });
    expect(out.changes).toEqual([
      { customer: { id: gid('Customer', dirty) }, field: 'NAME', before: '  上海星辰　科技 ', after: '上海星辰 科技', hidden: false },
      { customer: { id: gid('Customer', dirty) }, field: 'EMAIL', before: ' INFO@XingChen.CN ', after: 'info@xingchen.cn', hidden: false },
      { customer: { id: gid('Customer', dirty) }, field: 'PHONE', before: '021-6123 4567', after: '+862161234567', hidden: false },
      { customer: { id: gid('Customer', dirty) }, field: 'TAX_ID', before: '9131 0000 ma1k4xy12b', after: '91310000MA1K4XY12B', hidden: false },
      { customer: { id: gid('Customer', dirty) }, field: 'INDUSTRY', before: 'software', after: 'Software', hidden: false },
    ]);
    expect(await server.db.query(`select c::text from customer c order by id`)).toEqual(before);
  });

  it('keeps masked values masked in the preview', async () => {
    const res = await preview(server.as('manager'));
    const tax = res.data.normalizeCustomers.changes.find((c: any) => c.field === 'TAX_ID');
    expect(tax).toEqual({ customer: { id: gid('Customer', dirty) }, field: 'TAX_ID', before: '91**************y12b', after: '91************Y12B', hidden: false });
    for (const user of ['sales1', 'support', 'auditor', 'reporting'] as const) {
      expect((await preview(server.as(user))).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('refuses statuses that must not change, per field', async () => {
    const res = await preview(server.gql, ', filter: { status: [MERGED] }');
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.status' }] });
    const big = await server.gql(`mutation { normalizeCustomers(input: { first: 5000 }) { dryRun } }`);
    expect(big.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
  });

  it('applies as a job with progress, one audit event per changed customer, MERGED rows untouched', async () => {
    const mergedBefore = await server.db.query(`select c::text from customer c where id = $1`, [merged]);
    const res = await server.gql(`mutation { normalizeCustomers(input: { dryRun: false }) { dryRun job { id kind state } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.normalizeCustomers.job).toMatchObject({ kind: 'NORMALIZE_CUSTOMERS', state: 'QUEUED' });
    const worker = startWorker(server);
    try {
      const job = await waitForJob(server.db, res.data.normalizeCustomers.job.id);
      expect(job).toMatchObject({ state: 'SUCCEEDED', progress_done: '2', progress_total: '2' });
      expect(job.result).toEqual({ scanned: 2, changedCustomers: 1, changedValues: 5 });
    } finally {
      await worker.stop();
    }
    const [row] = await server.db.query<any>(`select name, email, phone, tax_id, tax_id_hash, industry, version from customer where id = $1`, [dirty]);
    // The normalized tax id is written encrypted, with its blind index.
    const { tax_id: taxId, tax_id_hash: taxIdHash, ...plain } = row;
    expect(plain).toEqual({ name: '上海星辰 科技', email: 'info@xingchen.cn', phone: '+862161234567', industry: 'Software', version: 2 });
    expect(taxId).toMatch(/^v1:test1:/);
    expect(open('customer.tax_id', taxId, 'test')).toBe('91310000MA1K4XY12B');
    expect(taxIdHash).toEqual(taxIdLookupHashes('91310000MA1K4XY12B')[0]);
    const events = await server.db.query<any>(`select entity_id, changes from audit_event where action = 'CUSTOMER_NORMALIZED'`);
    expect(events).toHaveLength(1);
    expect(events[0].entity_id).toBe(dirty);
    expect(events[0].changes.phone).toEqual({ from: '021-**** 4567', to: '+86216***4567' });
    expect(await server.db.query(`select c::text from customer c where id = $1`, [merged])).toEqual(mergedBefore);
    const again = await preview();
    expect(again.data.normalizeCustomers.changeCount).toBe(0);
  });
});
