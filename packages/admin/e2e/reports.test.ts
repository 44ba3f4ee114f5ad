/**
 * Reports, backups and exports in a real browser against the real server: the charts
 * show what `customerStats` says (and sales1 only its own share), a backup and a restore
 * drill run as jobs to SUCCEEDED, and exports download the filtered rows with support's
 * contact data masked. English and Chinese screenshots of the new screens.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { databaseIdOf, graphql, tokenFor } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
// Retention other than the defaults, so the Backups page can only be right by asking the
// server; a schedule that fires on 29 February only, so no scheduled backup meets the tests.
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready), {
  BACKUP_KEEP_DAILY: '5', BACKUP_KEEP_WEEKLY: '3', BACKUP_SCHEDULE: '0 3 29 2 *',
});
const consoleProblems = session.consoleProblems;

type Stat = { keys: (string | null)[]; count: number };

async function stats(groupBy: string[], filter: Record<string, unknown> | null, token = adminToken): Promise<Stat[]> {
  const data = await graphql<{ customerStats: Stat[] }>(base,
    'query($groupBy: [CustomerDimension!]!, $filter: CustomerFilter) { customerStats(groupBy: $groupBy, filter: $filter) { keys count } }',
    { groupBy, filter }, token);
  return data.customerStats;
}

async function customerCount(filter: Record<string, unknown>, token = adminToken): Promise<number> {
  const data = await graphql<{ customers: { totalCount: number } }>(base, 'query($filter: CustomerFilter) { customers(filter: $filter) { totalCount } }', { filter }, token);
  return data.customers.totalCount;
}

/** A report card once loaded: its total and its per-key counts. */
async function report(testId: string): Promise<{ total: number; counts: Map<string, number> }> {
  const card = page.locator(`[data-testid="${testId}"][data-ready="true"]`);
  await card.waitFor();
  const total = Number(await card.getAttribute('data-total'));
  const items = await card.locator(`[data-testid="${testId}-values"] li`).evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-key') ?? '', Number(li.getAttribute('data-count'))] as const));
  return { total, counts: new Map(items) };
}

async function switchLanguage(from: RegExp | string, to: string) {
  // The app bar hides while the page is scrolled down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('header button', { hasText: from }).click();
  await page.getByRole('menuitem', { name: to }).click();
}

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      record.push(field); records.push(record); record = []; field = '';
    } else field += c;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

/** Opens the Export menu, picks a format, and returns the downloaded file's text and the dialog's row count. */
async function exportList(choice: string): Promise<{ text: string; rows: number; fileName: string }> {
  await page.getByTestId('export-button').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(choice).click();
  const download = await downloading;
  const file = await download.path();
  const dialog = page.getByTestId('export-dialog');
  const rows = Number(await dialog.getByTestId('export-rows').getAttribute('data-count'));
  return { text: readFileSync(file, 'utf8'), rows, fileName: download.suggestedFilename() };
}

describe('reports', () => {
  it('admin: the charts show customerStats, the switch adds voided customers, voids by reason', async () => {
    // One voided customer at least, so the switch and the reasons chart have something to show.
    const { customers } = await graphql<{ customers: { nodes: { id: string }[] } }>(base, '{ customers(first: 2, offset: 5) { nodes { id } } }', {}, adminToken);
    for (const [i, c] of customers.nodes.entries()) {
      await graphql(base, 'mutation($input: VoidCustomerInput!) { voidCustomer(input: $input) { customer { id } } }',
        { input: { id: c.id, reason: i === 0 ? 'DUPLICATE' : 'TEST_RECORD' } }, adminToken);
    }
    // And one archived customer, so the archive block has a volume and an age.
    const { customers: more } = await graphql<{ customers: { nodes: { id: string }[] } }>(base, '{ customers(first: 1, offset: 30) { nodes { id } } }', {}, adminToken);
    await graphql(base, 'mutation($input: ArchiveCustomersInput!) { archiveCustomers(input: $input) { customers { id } } }',
      { input: { ids: [more.nodes[0]!.id], reason: 'e2e reports' } }, adminToken);
    await signInAs(page, base, 'admin@example.com');
    await page.getByTestId('open-reports').click();
    await page.waitForURL(/\/admin\/reports$/);

    const active = await customerCount({ status: ['ACTIVE'] });
    const stage = await report('report-stage');
    assert.equal(stage.total, active, 'stage chart total = ACTIVE customers');
    for (const row of await stats(['LIFECYCLE_STAGE'], null)) assert.equal(stage.counts.get(row.keys[0] ?? ''), row.count, `stage ${row.keys[0]}`);
    assert.equal((await report('report-type')).total, active);
    assert.equal((await report('report-region')).total, active);
    const owners = await report('report-owner');
    assert.equal(owners.total, active);
    const cross = await report('report-cross');
    assert.equal(cross.total, active);
    // Labels are translated, never raw values or keys.
    await page.getByTestId('report-stage').getByText('Active', { exact: true }).first().waitFor();
    assert.equal(await page.getByText(/custos\.|LIFECYCLE_STAGE/).count(), 0);
    const byReason = await report('report-void-reason');
    const voided = await customerCount({ status: ['VOID'] });
    assert.equal(byReason.total, voided);
    assert.equal(byReason.counts.get('DUPLICATE'), (await stats(['VOID_REASON'], { status: ['VOID'] })).find((r) => r.keys[0] === 'DUPLICATE')?.count);
    await page.locator('[data-testid="report-activity"][data-ready="true"]').waitFor();
    await page.locator('[data-testid="report-archive"][data-ready="true"]').waitFor();
    const archived = await graphql<{ archiveStats: { customers: number } }>(base, '{ archiveStats { customers } }', {}, adminToken);
    assert.equal(await page.getByTestId('archive-customers').innerText(), archived.archiveStats.customers.toLocaleString('en-US'));
    assert.ok(archived.archiveStats.customers >= 1);
    await page.getByTestId('report-owner').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-owners-voids-en');
    await page.getByTestId('report-archive').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-archive-en');
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await page.locator('[data-testid="report-stage"] svg path').count() > 0, 'the pie is drawn');
    await screenshot(page, 'reports-en');

    await page.getByTestId('include-voided').locator('input').check();
    await page.waitForFunction((expected) => document.querySelector('[data-testid="report-stage"]')?.getAttribute('data-total') === String(expected), active + voided);
    assert.equal((await report('report-stage')).total, active + voided);

    await page.getByTestId('bucket-DAY').click();
    await page.locator('[data-testid="report-activity"][data-ready="true"]').waitFor();
    await page.getByTestId('report-activity').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-activity-en');

    await switchLanguage(/English/i, '简体中文');
    await page.getByText('按生命周期阶段统计客户').waitFor();
    await page.getByTestId('report-stage').getByText('活跃', { exact: false }).first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'reports-zh');
    await switchLanguage('简体中文', 'English');
    await page.getByText('Customers by lifecycle stage').waitFor();
  });

  it('sales1: only its own customers count', async () => {
    await signInAs(page, base, 'sales1@example.com');
    const salesToken = await tokenFor(base, 'sales1@example.com');
    await page.getByTestId('menu-reports').click();
    const own = await customerCount({ status: ['ACTIVE'] }, salesToken);
    const all = await customerCount({ status: ['ACTIVE'] });
    assert.ok(own > 0 && own < all, `sales1 owns ${own} of ${all}`);
    const stage = await report('report-stage');
    assert.equal(stage.total, own);
    const owners = await report('report-owner');
    assert.equal(owners.total, own);
    const me = await graphql<{ me: { id: string } }>(base, '{ me { id } }', {}, salesToken);
    // OWNER keys are database ids (as in the reporting views), me.id a global id.
    assert.deepEqual([...owners.counts.keys()], [databaseIdOf(me.me.id)], 'only sales1 as owner');
    assert.match(await page.getByTestId('reports-page').innerText(), /Your own customers only/);
    await screenshot(page, 'reports-sales1');
  });
});

describe('who gets which screen', () => {
  it('reporting reads the reports (archive size included) but no backups; support gets neither', async () => {
    await signInAs(page, base, 'reporting@example.com');
    await page.getByTestId('menu-reports').click();
    assert.equal((await report('report-stage')).total, await customerCount({ status: ['ACTIVE'] }));
    await page.locator('[data-testid="report-archive"][data-ready="true"]').waitFor();
    assert.equal(await page.getByTestId('menu-backups').count(), 0);
    await page.goto(`${base}/admin/backups`);
    await page.getByText('You are not allowed to do this.').waitFor();

    await signInAs(page, base, 'support@example.com');
    // The menu is drawn (with the screens support has) before asserting what it lacks.
    await page.locator('a[href="/admin/customers"]').first().waitFor();
    assert.equal(await page.getByTestId('menu-reports').count(), 0);
    assert.equal(await page.getByTestId('open-reports').count(), 0);
    assert.equal(await page.getByTestId('menu-backups').count(), 0);
  });
});

describe('backups', () => {
  it('admin backs up now, watches the job succeed, sees the backup, drills it to SUCCEEDED', async () => {
    await signInAs(page, base, 'admin@example.com');
    await page.getByTestId('menu-backups').click();
    await page.getByTestId('backups-page').waitFor();
    // The server's own retention numbers and schedule, in words.
    const settings = page.getByTestId('backup-settings');
    await settings.waitFor();
    assert.match(await settings.getByTestId('backup-retention').innerText(), /last 5 days with backups and of each of the last 3 weeks/);
    assert.equal(await settings.getByTestId('backup-schedule').innerText(), 'Scheduled backups: Minute 0, hour 3, day 29, month 2, weekday * (UTC).');
    assert.match(await settings.getByTestId('backup-drill-schedule').innerText(), /No restore drills are scheduled/);
    assert.doesNotMatch(await page.getByTestId('backups-page').innerText(), /BACKUP_|defaults/);
    await page.getByTestId('back-up-now').click();
    const dialog = page.getByTestId('backup-dialog');
    await dialog.locator('textarea[name="reason"]').fill('e2e: before the reports release');
    await screenshot(page, 'backups-dialog-en');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    const jobs = page.getByTestId('backup-jobs');
    const firstJob = jobs.locator('.RaDatagrid-tbody tr').first();
    await firstJob.getByTestId('job-state').waitFor();
    await firstJob.locator('[data-testid="job-state"][data-state="SUCCEEDED"]').waitFor({ timeout: 120_000 });
    const row = page.getByTestId('backup-row').filter({ hasText: 'e2e: before the reports release' });
    await row.waitFor({ timeout: 30_000 });
    const listed = await graphql<{ backups: { id: string; totalRows: number; reason: string | null }[] }>(base, '{ backups { id totalRows reason } }', {}, adminToken);
    const backup = listed.backups.find((b) => b.reason === 'e2e: before the reports release');
    assert.ok(backup, 'the API lists the backup');
    assert.equal(await row.getAttribute('data-id'), backup.id);
    assert.equal(await row.getByTestId('backup-rows').innerText(), backup.totalRows.toLocaleString('en-US'));
    assert.match(await row.innerText(), /Admin|admin/);
    assert.equal(await row.getByTestId('drill-state').getAttribute('data-state'), '');

    await row.getByTestId('drill-button').click();
    await jobs.locator('.RaDatagrid-tbody tr').first().filter({ hasText: 'Restore drill' }).waitFor();
    await row.locator('[data-testid="drill-state"][data-state="SUCCEEDED"]').waitFor({ timeout: 180_000 });
    assert.equal(await row.getByTestId('drill-error').count(), 0);
    await screenshot(page, 'backups-en');

    await switchLanguage(/English/i, '简体中文');
    await page.getByText('保留与恢复').waitFor();
    assert.match(await page.getByTestId('backup-retention').innerText(), /最近有备份的 5 天中每天最新的一份，以及最近 3 周中/);
    await page.getByText('恢复演练').first().waitFor();
    await screenshot(page, 'backups-zh');
    await switchLanguage('简体中文', 'English');
    await page.getByText('Retention and restore').waitFor();
  });
});

describe('exports', () => {
  it('admin exports the filtered customers list as CSV with every row and full emails, and the audit log as Excel', async () => {
    await signInAs(page, base, 'admin@example.com');
    const filter = { tier: ['STANDARD'] };
    await page.goto(`${base}/admin/customers?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    const expected = await customerCount({ status: ['ACTIVE'], tier: ['STANDARD'] });
    assert.ok(expected > 25, 'more than one page, so the export is not just the page shown');
    const { text, rows, fileName } = await exportList('export-CSV-EN');
    assert.match(fileName, /^custos-customers-.*\.csv$/);
    const records = parseCsv(text).filter((r) => r.length > 1);
    const [header, ...data] = records;
    assert.equal(rows, expected);
    assert.equal(data.length, expected);
    const tier = header!.indexOf('Tier');
    const email = header!.indexOf('Email');
    assert.ok(tier >= 0 && email >= 0, `header: ${header!.join(',')}`);
    // Coded values in words, times local with their offset, rows in the list's order.
    assert.ok(data.every((r) => r[tier] === 'Standard'), 'tier in words');
    assert.ok(data.some((r) => /^[^*]+@/.test(r[email]!)), 'admin gets emails in full');
    const created = header!.indexOf('Created');
    assert.ok(data.every((r) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(r[created]!)), `local times: ${data[0]![created]}`);
    const shown = await page.locator('.RaDatagrid-tbody tr td.column-code').allInnerTexts();
    assert.deepEqual(data.slice(0, shown.length).map((r) => r[header!.indexOf('Code')]), shown, 'the file starts with the page shown, in its order');
    assert.equal(await page.getByTestId('export-masked').count(), 0);
    await screenshot(page, 'export-admin-en');
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();

    // The audit log, filtered by record type, as Excel (a zip: "PK" first).
    await page.goto(`${base}/admin/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'Customer' }))}`);
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    await page.getByTestId('export-button').click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-XLSX-EN').click();
    const xlsx = await downloading;
    assert.match(xlsx.suggestedFilename(), /^custos-audit-events-.*\.xlsx$/);
    assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString(), 'PK');
    const auditRows = Number(await page.getByTestId('export-rows').getAttribute('data-count'));
    const audit = await graphql<{ auditEvents: { totalCount: number } }>(base, '{ auditEvents(filter: { entityType: "Customer" }) { totalCount } }', {}, adminToken);
    assert.equal(auditRows, audit.auditEvents.totalCount);
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('support exports with emails masked, Chinese headers too; interactions and the archive (masked) export', async () => {
    await signInAs(page, base, 'support@example.com');
    await page.goto(`${base}/admin/customers`);
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    const { text, rows } = await exportList('export-CSV-EN');
    const [header, ...data] = parseCsv(text).filter((r) => r.length > 1);
    assert.equal(rows, await customerCount({ status: ['ACTIVE'] }));
    assert.equal(data.length, rows);
    const email = header!.indexOf('Email');
    const withEmail = data.map((r) => r[email]!).filter(Boolean);
    assert.ok(withEmail.length > 0);
    // `z***@example.com`; a value that is no email at all (seeded bad data) masks whole.
    for (const value of withEmail) assert.match(value, /^(.\*\*\*@[^*]+|\*+)$/, `masked: ${value}`);
    assert.ok(withEmail.filter((v) => v.includes('@')).length > withEmail.length / 2);
    assert.equal(header!.indexOf('Tax ID'), -1, 'support gets no tax id column');
    const masked = page.getByTestId('export-masked');
    await masked.waitFor();
    assert.match(await masked.innerText(), /Email/);
    await screenshot(page, 'export-support-en');
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();

    await switchLanguage(/English/i, '简体中文');
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    const zh = await exportList('export-CSV-ZH_CN');
    const [zhHeader, ...zhRows] = parseCsv(zh.text).filter((r) => r.length > 1);
    assert.ok(zhHeader!.includes('邮箱') && zhHeader!.includes('名称'), zhHeader!.join(','));
    // Values in Chinese too: no enum or region codes left.
    for (const column of ['类型', '等级', '生命周期阶段', '状态', '地区']) {
      const at = zhHeader!.indexOf(column);
      const values = zhRows.map((r) => r[at]!).filter(Boolean);
      assert.ok(values.length > 0, column);
      assert.deepEqual(values.filter((v) => /^[A-Z]{2}-[A-Z0-9]+$|^[A-Z_]+$/.test(v)), [], `${column} in words`);
    }
    await page.getByTestId('export-masked').waitFor();
    assert.doesNotMatch(await page.getByTestId('export-columns').innerText(), /[A-Za-z]{2,}/, 'column names in Chinese');
    await screenshot(page, 'export-support-zh');
    await page.getByTestId('export-dialog').getByRole('button', { name: '关闭' }).click();
    await switchLanguage('简体中文', 'English');

    await page.goto(`${base}/admin/interactions`);
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    const interactions = await exportList('export-CSV-EN');
    assert.ok(interactions.rows > 0);
    assert.equal(parseCsv(interactions.text).filter((r) => r.length > 1).length - 1, interactions.rows);
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();

    // The archive export keeps support's masks too.
    await page.goto(`${base}/admin/archived-customers`);
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    const archive = await exportList('export-CSV-EN');
    const [archiveHeader, ...archived] = parseCsv(archive.text).filter((r) => r.length > 1);
    assert.ok(archive.rows >= 1);
    assert.equal(archived.length, archive.rows);
    const archiveEmail = archiveHeader!.indexOf('Email');
    for (const r of archived) if (r[archiveEmail]) assert.match(r[archiveEmail]!, /\*\*\*/);
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
