import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { JobWorker } from '../src/modules/job/job.worker.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer, type TestUser } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

/**
 * What the import wizard reads besides the import (issue 22): the upload limits and saved
 * templates, and the rows a dry run found matching existing customers with the matches
 * each role may see, so duplicates can be handled row by row.
 */

let server: TestServer;
let worker: JobWorker;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-import-review-'));
beforeAll(async () => {
  server = await startTestServer({ IMPORT_MAX_BYTES: '2097152', IMPORT_MAX_ROWS: '5000' });
  worker = startWorker(server);
});
afterAll(async () => {
  await worker.stop();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

async function upload(user: TestUser, text: string, fileName: string): Promise<string> {
  const res = await fetch(`${server.url}/imports/customers?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await server.tokenFor(user)}`, 'content-type': 'application/octet-stream' },
    body: text,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function dryRun(id: string, user: TestUser) {
  const res = await server.as(user)(`mutation($id: ID!) { checkCustomerImport(input: { id: $id }) { customerImport { progress { jobId } } } }`, { id });
  expect(res.errors).toBeUndefined();
  const done = await waitForJob(server.db, res.data.checkCustomerImport.customerImport.progress.jobId, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 120_000);
  expect(done.state).toBe('SUCCEEDED');
}

const ROWS = `query($id: ID!, $first: Int, $offset: Int) { customerImport(id: $id) {
  duplicateRows(first: $first, offset: $offset) { rowNo action matchCount values { field value } customers { id name } }
} }`;

describe('customerImportSetup', () => {
  it('gives the limits and the saved templates with their columns, to roles that import only', async () => {
    const id = await upload('admin', '客户名称,手机,备注列\nA 公司,13812345678,x\n', 'tpl.csv');
    const configured = await server.gql(
      `mutation($id: ID!) { configureCustomerImport(input: { id: $id, mapping: [{ index: 0, field: "name" }, { index: 1, field: "phone" }], templateName: "展会名单" }) { customerImport { templateId } } }`,
      { id },
    );
    expect(configured.errors).toBeUndefined();
    const res = await server.as('sales1')(`{ customerImportSetup { maxBytes maxRows templates { id name columns { index header field } } } }`);
    expect(res.errors).toBeUndefined();
    const setup = res.data.customerImportSetup;
    expect(setup).toMatchObject({ maxBytes: 2097152, maxRows: 5000 });
    expect(setup.templates).toEqual([
      {
        id: configured.data.configureCustomerImport.customerImport.templateId,
        name: '展会名单',
        columns: [{ index: 0, header: '客户名称', field: 'name' }, { index: 1, header: '手机', field: 'phone' }, { index: 2, header: '备注列', field: null }],
      },
    ]);
    const refused = await server.as('support')(`{ customerImportSetup { maxBytes } }`);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
  }, 60_000);
});

describe('duplicateRows', () => {
  it('lists the rows a dry run matched, in order and paged, with the matches the caller may see', async () => {
    const mine = await insertCustomer(server.db, { name: '宁波海港贸易', phone: '+8657487654321', region: 'CN-ZJ', ownerId: server.users.sales1 });
    const theirs = await insertCustomer(server.db, { name: 'Other Owner Ltd', email: 'buyer@other-owner.example', region: 'CN-SH', ownerId: server.users.sales2 });
    const csv = ['名称,电话,邮箱,地区', '全新客户一,13900000001,,CN-ZJ', '宁波海港贸易公司,0574-8765 4321,,CN-ZJ', 'Someone New,,BUYER@other-owner.example,CN-BJ', '全新客户二,13900000002,,CN-ZJ'].join('\n');
    const id = await upload('sales1', csv, 'dups.csv');
    // Before a dry run nothing is known to match.
    expect((await server.as('sales1')(ROWS, { id })).data.customerImport.duplicateRows).toEqual([]);
    await dryRun(id, 'sales1');
    await server.as('sales1')(`mutation($i: ChooseImportRowActionsInput!) { chooseImportRowActions(input: $i) { rows } }`, { i: { id, rows: [{ rowNo: 3, action: 'CREATE' }] } });

    const rows = (await server.as('sales1')(ROWS, { id })).data.customerImport.duplicateRows;
    expect(rows.map((r: { rowNo: number }) => r.rowNo)).toEqual([2, 3]);
    expect(rows[0]).toMatchObject({ action: null, matchCount: 1, customers: [{ id: gid('Customer', mine), name: '宁波海港贸易' }] });
    expect(rows[0].values).toEqual(expect.arrayContaining([{ field: 'phone', value: '+8657487654321' }]));
    // The other SALES user's customer is counted, never shown.
    expect(rows[1]).toMatchObject({ action: 'CREATE', matchCount: 1, customers: [] });
    expect(JSON.stringify(rows)).not.toContain(`"id":"${theirs}"`);
    expect(JSON.stringify(rows)).not.toContain('Other Owner');

    const page2 = (await server.as('sales1')(ROWS, { id, first: 1, offset: 1 })).data.customerImport.duplicateRows;
    expect(page2.map((r: { rowNo: number }) => r.rowNo)).toEqual([3]);
    // The file's values go only to whoever uploaded it.
    const admin = await server.gql(ROWS, { id });
    expect(admin.data?.customerImport?.duplicateRows ?? null).toBeNull();
    expect(admin.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);
});
