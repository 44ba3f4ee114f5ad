import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { JobWorker } from '../src/modules/job/job.worker.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer, type TestUser } from './helpers/test-server.js';
import { dbId } from './helpers/global-ids.js';

/**
 * Customer imports (issue 22): a 10,000-row XLSX with Chinese headers and a GB18030 CSV,
 * each with planted errors and duplicates, give exact created / updated / skipped /
 * errored counts; the error file lists every bad row with its reason; undo puts the
 * customer table back exactly (row digests).
 */

let server: TestServer;
let worker: JobWorker;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-import-test-'));
beforeAll(async () => {
  server = await startTestServer();
  worker = startWorker(server);
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const IMPORT = `query($id: ID!) { customerImport(id: $id) {
  id state rowCount format encoding duplicateAction
  columns { index header field }
  counts { rows created updated skipped errored queued duplicates dryRun removed voided restored kept }
  progress { state done total error }
} }`;

async function upload(user: TestUser, file: string, fileName: string) {
  const res = await fetch(`${server.url}/imports/customers?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await server.tokenFor(user)}`, 'content-type': 'application/octet-stream' },
    body: fs.readFileSync(file),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function readImport(id: string, user: TestUser = 'admin') {
  const res = await server.as(user)(IMPORT, { id });
  expect(res.errors).toBeUndefined();
  return res.data.customerImport;
}

async function runJob(mutation: string, id: string, user: TestUser = 'admin', timeoutMs = 600_000) {
  const res = await server.as(user)(`mutation($id: ID!) { ${mutation}(input: { id: $id }) { customerImport { id } } }`, { id });
  expect(res.errors).toBeUndefined();
  const [{ job }] = await server.db.query<{ job: string }>(
    `select (case when $2 = 'undoCustomerImport' then undo_job_id else job_id end)::text as job from customer_import where id = $1`,
    [dbId(id), mutation],
  );
  const done = await waitForJob(server.db, job!, ['SUCCEEDED', 'FAILED', 'CANCELLED'], timeoutMs);
  expect(done.error).toBeNull();
  expect(done.state).toBe('SUCCEEDED');
  return readImport(id, user);
}

/** Every customer row as stored, hashed in id order: equal digests, equal tables. */
async function customerDigest(): Promise<string> {
  const rows = await server.db.query<{ row: string }>(`select to_jsonb(c)::text as row from customer c order by c.id`);
  return crypto.createHash('sha256').update(rows.map((r) => r.row).join('\n')).digest('hex');
}

const uniqueName = (i: number) => `N${crypto.createHash('sha1').update(String(i)).digest('hex').slice(0, 12)}`;

describe('a 10,000-row XLSX with Chinese headers', () => {
  it('imports with exact counts, per-row duplicate choices, and lists every bad row', async () => {
    // 50 existing customers; the file repeats their phones in another format.
    const existing: string[] = [];
    for (let d = 0; d < 50; d++) {
      existing.push(await insertCustomer(server.db, { name: `Existing ${uniqueName(100_000 + d)}`, phone: `+86137${String(10_000_000 + d)}`, region: 'CN-SH' }));
    }
    const file = path.join(dir, 'customers.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户名称', '类型', '手机', '邮箱', '地区', '行业', '备注']).commit();
    const bad = new Map<number, string>();
    for (let i = 1; i <= 10_000; i++) {
      let name = uniqueName(i);
      let email = `c${i}@import.example`;
      let region = 'CN-BJ';
      let phone: string | number = Number(`139${String(10_000_000 + i)}`);
      if (i % 500 === 0) {
        email = `broken${i}.example`;
        bad.set(i, 'email');
      } else if (i % 997 === 0) {
        region = 'Beijing';
        bad.set(i, 'region');
      } else if (i % 1999 === 0) {
        name = '';
        bad.set(i, 'name');
      } else if (i > 9_000 && i <= 9_050) {
        // The existing customers' phones, written the way people type them.
        phone = `137 ${String(10_000_000 + i - 9_001).replace(/(\d{4})(\d{4})/, '$1 $2')}`;
        region = 'CN-SH';
      }
      sheet.addRow([name, i % 3 === 0 ? '企业' : '中小企业', phone, email, region, i % 2 ? '制造业' : 'Retail', `行 ${i}`]).commit();
    }
    sheet.commit();
    await workbook.commit();

    const uploaded = await upload('admin', file, '客户名单.xlsx');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ rowCount: 10_000, format: 'XLSX' });
    const id = uploaded.body.id as string;
    const staged = await readImport(id);
    // Chinese headers are mapped without help, except 行业 (industry) whose values use words the fixed list may not know.
    expect(staged.columns.map((c: { field: string | null }) => c.field)).toEqual(['name', 'type', 'phone', 'email', 'region', 'industry', 'notes']);

    // Industries that do not normalize would be errors too; keep the planted ones only.
    const configured = await server.gql(
      `mutation($id: ID!) { configureCustomerImport(input: { id: $id, mapping: [{ index: 0, field: "name" }, { index: 1, field: "type" }, { index: 2, field: "phone" }, { index: 3, field: "email" }, { index: 4, field: "region" }, { index: 6, field: "notes" }], duplicateAction: SKIP, templateName: "展会名单" }) { customerImport { duplicateAction templateId } } }`,
      { id },
    );
    expect(configured.errors).toBeUndefined();
    // Per row: the first 10 duplicates update, the next 5 are created anyway, the next 5 queued for merge; the rest skip.
    const rows = [
      ...Array.from({ length: 10 }, (_, k) => ({ rowNo: 9_001 + k, action: 'UPDATE' })),
      ...Array.from({ length: 5 }, (_, k) => ({ rowNo: 9_011 + k, action: 'CREATE' })),
      ...Array.from({ length: 5 }, (_, k) => ({ rowNo: 9_016 + k, action: 'QUEUE_MERGE' })),
    ];
    const chosen = await server.gql(`mutation($i: ChooseImportRowActionsInput!) { chooseImportRowActions(input: $i) { rows } }`, { i: { id, rows } });
    expect(chosen.data.chooseImportRowActions.rows).toBe(20);

    const before = await customerDigest();
    const imported = await runJob('runCustomerImport', id);
    const errored = bad.size;
    expect(imported.state).toBe('IMPORTED');
    expect(imported.counts).toMatchObject({ rows: 10_000, errored, updated: 10, skipped: 30, queued: 5, created: 10_000 - errored - 50 + 5, duplicates: 50 });
    expect(await server.db.query(`select count(*)::int as n from customer where notes like '行 %'`)).toEqual([{ n: 10_000 - errored - 50 + 5 + 5 + 10 }]);

    const errorFile = await server.gql(`query($id: ID!) { customerImport(id: $id) { errorFile } }`, { id });
    const lines = (errorFile.data.customerImport.errorFile as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('row,field,reason,客户名称,类型,手机,邮箱,地区,行业,备注');
    expect(lines.slice(1).map((l) => `${l.split(',')[0]}:${l.split(',')[1]}`)).toEqual([...bad].sort((a, b) => a[0] - b[0]).map(([row, field]) => `${row}:${field}`));

    // Every write is audited with the import's id.
    expect(await server.db.query(`select count(*)::int as n from audit_event where reason = $1 and action in ('CUSTOMER_CREATED', 'CUSTOMER_UPDATED')`, [`customer import ${dbId(id)}`])).toEqual([{ n: 10_000 - errored - 50 + 5 + 5 + 10 }]);

    const undone = await runJob('undoCustomerImport', id);
    expect(undone.counts).toMatchObject({ removed: 10_000 - errored - 50 + 5 + 5, restored: 10, voided: 0, kept: 0 });
    expect(await customerDigest()).toBe(before);
  }, 900_000);
});

describe('a GB18030 CSV', () => {
  it('dry run and run agree, bad rows are listed with their reasons, undo restores the table', async () => {
    const owner = await insertCustomer(server.db, { name: '苏州工业园区纳米科技有限公司', email: 'info@nano-sz.example', region: 'CN-JS' });
    const edited = await insertCustomer(server.db, { name: 'Blue Harbor Logistics', phone: '021-6123 4567', region: 'CN-SH' });
    const lines = ['名称,电话,邮箱,地区,等级'];
    lines.push('苏州纳米科技,,INFO@nano-sz.example,CN-JS,普通'); // duplicate by email (and similar name): skipped
    lines.push('"Blue Harbor Logistics, Ltd.",+86 21 6123 4567,,CN-SH,重点客户'); // duplicate: updated (row choice)
    lines.push('杭州新客户甲,13512345678,a@new-hz.example,CN-ZJ,'); // created
    lines.push('杭州新客户乙,12345,b@new-hz.example,CN-ZJ,'); // bad phone
    lines.push(',13512345679,c@new-hz.example,CN-ZJ,'); // no name
    lines.push('宁波港口乙公司,13512345680,d@new-hz.example,浙江,'); // bad region
    lines.push('温州鞋业丙,13512345681,e@new-hz.example,CN-ZJ,最高级'); // bad tier
    lines.push('"带""引号""的客户",13512345682,f@new-hz.example,CN-ZJ,长期客户'); // created, quotes kept
    const file = path.join(dir, 'gb.csv');
    fs.writeFileSync(file, encodeGb18030(lines.join('\r\n') + '\r\n'));

    const uploaded = await upload('admin', file, 'gb.csv');
    expect(uploaded.body).toMatchObject({ rowCount: 8, format: 'CSV', encoding: 'gb18030' });
    const id = uploaded.body.id as string;
    const staged = await readImport(id);
    expect(staged.columns.map((c: { field: string | null }) => c.field)).toEqual(['name', 'phone', 'email', 'region', 'tier']);
    const preview = await server.gql(`query($id: ID!) { customerImport(id: $id) { preview(first: 3) { rowNo values { field value } problems { field } } } }`, { id });
    expect(preview.data.customerImport.preview[1].values).toEqual(
      expect.arrayContaining([{ field: 'phone', value: '+862161234567' }, { field: 'tier', value: 'KEY_ACCOUNT' }, { field: 'name', value: 'Blue Harbor Logistics, Ltd.' }]),
    );
    await server.gql(`mutation($i: ChooseImportRowActionsInput!) { chooseImportRowActions(input: $i) { rows } }`, { i: { id, rows: [{ rowNo: 2, action: 'UPDATE' }] } });

    const before = await customerDigest();
    const checked = await runJob('checkCustomerImport', id);
    expect(checked.state).toBe('CHECKED');
    const expected = { rows: 8, created: 2, updated: 1, skipped: 1, errored: 4, queued: 0, duplicates: 2 };
    expect(checked.counts).toMatchObject({ ...expected, dryRun: true });
    expect(await customerDigest()).toBe(before);

    const errorFile = (await server.gql(`query($id: ID!) { customerImport(id: $id) { errorFile } }`, { id })).data.customerImport.errorFile as string;
    expect(errorFile.replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      'row,field,reason,名称,电话,邮箱,地区,等级',
      '4,phone,is not a valid phone number,杭州新客户乙,12345,b@new-hz.example,CN-ZJ,',
      '5,name,is required,,13512345679,c@new-hz.example,CN-ZJ,',
      '6,region,must be an ISO 3166-2 code such as CN-SH or US-CA,宁波港口乙公司,13512345680,d@new-hz.example,浙江,',
      '7,tier,"unknown tier ""最高级"" (KEY_ACCOUNT, LONG_TERM or STANDARD)",温州鞋业丙,13512345681,e@new-hz.example,CN-ZJ,最高级',
    ]);

    const imported = await runJob('runCustomerImport', id);
    expect(imported.counts).toMatchObject({ ...expected, dryRun: false });
    expect(await server.db.query(`select tier, version from customer where id = $1`, [edited])).toEqual([{ tier: 'KEY_ACCOUNT', version: 2 }]);
    expect(await server.db.query(`select name from customer where name like '%引号%'`)).toEqual([{ name: '带"引号"的客户' }]);
    expect(await server.db.query(`select version from customer where id = $1`, [owner])).toEqual([{ version: 1 }]);

    const undone = await runJob('undoCustomerImport', id);
    expect(undone.state).toBe('UNDONE');
    expect(undone.counts).toMatchObject({ removed: 2, restored: 1, voided: 0, kept: 0 });
    expect(await customerDigest()).toBe(before);
  }, 300_000);
});

/** A UTF-8 CSV of `rows` lines (name, phone, email, region, notes) and its upload's id. */
async function uploadCsv(fileName: string, rows: string[][]): Promise<string> {
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, ['Name,Phone,Email,Region,Notes', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  const uploaded = await upload('admin', file, fileName);
  expect(uploaded.status).toBe(201);
  return uploaded.body.id as string;
}

const filler = (i: number, tag: string) => [uniqueName(300_000 + i), `139${String(10_000_000 + i)}`, `f${i}@${tag}.example`, 'CN-BJ', `${tag} ${i}`];
const COUNTS = ['rows', 'created', 'updated', 'skipped', 'errored', 'queued', 'duplicates'] as const;
const countsOf = (c: Record<string, unknown>) => Object.fromEntries(COUNTS.map((k) => [k, c[k]]));

describe('the same person twice in one file', () => {
  it('later rows see earlier ones, within a batch and across batches, and the dry run and the run agree', async () => {
    // 1,500 rows: two batches. Row 1's person comes back in rows 2-4 (same phone typed
    // otherwise, same email in capitals) and in row 1,500 (the next batch).
    const rows = Array.from({ length: 1_500 }, (_, k) => filler(k + 1, 'twice'));
    rows[0] = ['Zhang Wei Trading', '13900000001', 'zw@twice.example', 'CN-BJ', 'twice 1'];
    rows[1] = ['Someone Else', '+86 139 0000 0001', 'else@twice.example', 'CN-BJ', 'twice 2'];
    rows[2] = ['Zhang Wei Trading (Shanghai)', '13800000003', 'ZW@Twice.Example', 'CN-SH', 'twice 3'];
    rows[3] = ['Zhang Wei Trading', '139-0000-0001', 'zw4@twice.example', 'CN-BJ', 'twice 4'];
    rows[1_499] = ['Zhang Wei Trading Co', '0086 139 0000 0001', 'zw1500@twice.example', 'CN-BJ', 'twice 1500'];
    const id = await uploadCsv('twice.csv', rows);
    // Row 3 is created anyway; rows 4 and 1,500 update the customer row 1 creates (row 4
    // in the same batch, so after row 1 is written); row 2 is skipped (the import's choice).
    const chosen = await server.gql(`mutation($i: ChooseImportRowActionsInput!) { chooseImportRowActions(input: $i) { rows } }`, {
      i: { id, rows: [{ rowNo: 3, action: 'CREATE' }, { rowNo: 4, action: 'UPDATE' }, { rowNo: 1_500, action: 'UPDATE' }] },
    });
    expect(chosen.errors).toBeUndefined();
    const before = await customerDigest();

    const checked = await runJob('checkCustomerImport', id);
    const expected = { rows: 1_500, created: 1_497, updated: 2, skipped: 1, errored: 0, queued: 0, duplicates: 4 };
    expect(countsOf(checked.counts)).toEqual(expected);
    expect(await customerDigest()).toBe(before);
    const review = await server.gql(`query($id: ID!) { customerImport(id: $id) { duplicateRows(first: 10) { rowNo matchCount earlierRows } } }`, { id });
    expect(review.errors).toBeUndefined();
    expect(review.data.customerImport.duplicateRows).toEqual([
      { rowNo: 2, matchCount: 0, earlierRows: [1] },
      { rowNo: 3, matchCount: 0, earlierRows: [1] },
      { rowNo: 4, matchCount: 0, earlierRows: [1] },
      { rowNo: 1_500, matchCount: 0, earlierRows: [1] },
    ]);

    const imported = await runJob('runCustomerImport', id);
    expect(countsOf(imported.counts)).toEqual(expected);
    // One customer for row 1's person, written three times; row 3's a second one.
    expect(await server.db.query(`select c.name, c.version, c.email from customer c where c.phone = '+8613900000001' order by c.id`)).toEqual([
      { name: 'Zhang Wei Trading Co', version: 3, email: 'zw1500@twice.example' },
    ]);
    expect(await server.db.query(`select count(*)::int as n from customer c where c.notes like 'twice %'`)).toEqual([{ n: 1_497 }]);
    const matched = (await server.gql(`query($id: ID!) { customerImport(id: $id) { duplicateRows(first: 10) { rowNo matchCount earlierRows customers { phone } } } }`, { id })).data.customerImport.duplicateRows;
    expect(matched.map((r: { rowNo: number; matchCount: number; earlierRows: number[] }) => [r.rowNo, r.matchCount, r.earlierRows])).toEqual([[2, 1, []], [3, 1, []], [4, 1, []], [1_500, 1, []]]);
    expect(matched[3].customers).toEqual([{ phone: '+8613900000001' }]);

    const undone = await runJob('undoCustomerImport', id);
    expect(undone.counts).toMatchObject({ removed: 1_497, restored: 0, voided: 0, kept: 0 });
    expect(await customerDigest()).toBe(before);
  }, 600_000);
});

describe('a batch refused half-way', () => {
  afterAll(async () => {
    await server.db.query(`drop trigger if exists test_refuse on customer`);
    await server.db.query(`drop function if exists test_refuse_planted()`);
  });

  it('leaves nothing of the batch written, resumes at the batch, and a refused row errs alone', async () => {
    const existing = await insertCustomer(server.db, { name: 'Refusal Existing', phone: '+8613700009999', region: 'CN-BJ' });
    // A planted refusal (a check violation) of the update the second batch makes after
    // it has inserted its new customers.
    await server.db.query(`create function test_refuse_planted() returns trigger language plpgsql as $$
      begin
        if new.name = 'Poison Update' then raise exception 'planted refusal' using errcode = '23514'; end if;
        return new;
      end $$`);
    await server.db.query(`create trigger test_refuse before insert or update on customer for each row execute function test_refuse_planted()`);
    const rows = Array.from({ length: 1_500 }, (_, k) => filler(k + 1, 'refused'));
    rows[1_199] = ['Poison Update', '137 0000 9999', 'poison@refused.example', 'CN-BJ', 'refused 1200'];
    rows[1_299] = ['Taken Code Row', '13600001300', 'taken@refused.example', 'CN-BJ', 'refused 1300'];
    const id = await uploadCsv('refused.csv', rows);
    await server.gql(`mutation($i: ChooseImportRowActionsInput!) { chooseImportRowActions(input: $i) { rows } }`, { i: { id, rows: [{ rowNo: 1_200, action: 'UPDATE' }] } });
    const audited = async () =>
      (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event where reason = $1 and entity_type = 'Customer'`, [`customer import ${dbId(id)}`]))[0]!.n;
    const imported = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from customer c where c.notes like 'refused %'`))[0]!.n;

    const res = await server.gql(`mutation($id: ID!) { runCustomerImport(input: { id: $id }) { customerImport { id } } }`, { id });
    expect(res.errors).toBeUndefined();
    const [{ job }] = await server.db.query<{ job: string }>(`select job_id::text as job from customer_import where id = $1`, [dbId(id)]);
    const failed = await waitForJob(server.db, job!, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 300_000);
    expect(failed.state).toBe('FAILED');
    // The first batch is in; of the second, nothing: no customer, event, history or row outcome.
    expect(await imported()).toBe(1_000);
    expect(await audited()).toBe(1_000);
    expect(await server.db.query(`select count(*)::int as n from customer_history h join customer c on c.id = h.customer_id where c.notes like 'refused %'`)).toEqual([{ n: 1_000 }]);
    expect(await server.db.query(`select count(*)::int as n from customer_import_row where import_id = $1 and outcome is not null`, [dbId(id)])).toEqual([{ n: 1_000 }]);
    expect(await server.db.query(`select version from customer where id = $1`, [existing])).toEqual([{ version: 1 }]);

    // Without that refusal the run resumes at row 1,001; a row whose code turns out taken
    // (a planted unique violation) is refused alone (the batch written again row by row).
    await server.db.query(`create or replace function test_refuse_planted() returns trigger language plpgsql as $$
      begin
        if new.name = 'Taken Code Row' then raise exception 'planted code taken' using errcode = '23505'; end if;
        return new;
      end $$`);
    const resumed = await runJob('runCustomerImport', id);
    expect(countsOf(resumed.counts)).toEqual({ rows: 1_500, created: 1_498, updated: 1, skipped: 0, errored: 1, queued: 0, duplicates: 1 });
    expect(await imported()).toBe(1_499);
    expect(await audited()).toBe(1_499);
    expect(await server.db.query(`select name, version from customer where id = $1`, [existing])).toEqual([{ name: 'Poison Update', version: 2 }]);
    const errorFile = (await server.gql(`query($id: ID!) { customerImport(id: $id) { errorFile } }`, { id })).data.customerImport.errorFile as string;
    expect(errorFile.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1300,code,already in use']);
  }, 600_000);
});

describe('permissions', () => {
  it('SALES imports customers it owns, and a field it may not write is refused by name', async () => {
    const file = path.join(dir, 'sales.csv');
    fs.writeFileSync(file, 'Company,Phone,Tax ID\nSales Import One,13612345678,91310000MA1K4XY12B\n');
    const uploaded = await upload('sales1', file, 'sales.csv');
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id as string;
    const refused = await server.as('sales1')(`mutation($id: ID!) { runCustomerImport(input: { id: $id }) { customerImport { id } } }`, { id });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.errors![0]!.message).toContain('taxId');
    // Another SALES user does not see it at all.
    expect((await server.as('sales2')(IMPORT, { id })).data.customerImport).toBeNull();
    await server.as('sales1')(`mutation($id: ID!) { configureCustomerImport(input: { id: $id, mapping: [{ index: 0, field: "name" }, { index: 1, field: "phone" }] }) { customerImport { id } } }`, { id });
    const imported = await runJob('runCustomerImport', id, 'sales1');
    expect(imported.counts).toMatchObject({ created: 1 });
    expect(await server.db.query(`select owner_id::text as owner from customer where name = 'Sales Import One'`)).toEqual([{ owner: server.users.sales1 }]);
  }, 120_000);

  it('refuses an upload without a token', async () => {
    const res = await fetch(`${server.url}/imports/customers`, { method: 'POST', body: 'a,b\n1,2\n' });
    expect(res.status).toBe(401);
  });
});

/** GB18030 bytes of `text` (Node decodes GB18030 but has no encoder; the Chinese here is
 * in GBK's two-byte range, found by decoding every two-byte code once). */
function encodeGb18030(text: string): Buffer {
  const table = gbTable();
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(pair[0], pair[1]);
    }
  }
  return Buffer.from(bytes);
}

let cachedTable: Map<string, [number, number]> | undefined;
function gbTable(): Map<string, [number, number]> {
  if (cachedTable) return cachedTable;
  cachedTable = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !cachedTable.has(ch)) cachedTable.set(ch, [hi, lo]);
    }
  }
  return cachedTable;
}
