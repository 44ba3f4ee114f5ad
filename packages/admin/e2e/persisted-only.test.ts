/**
 * The dashboard against a server that runs registered operations only
 * (PERSISTED_OPERATIONS=only, issue 19): every screen of an administrator and of a
 * support user, and the changes they make (void and its undo, a bulk tag change, an
 * export, an edit, sign-out), work, and no answer says OPERATION_NOT_REGISTERED. The
 * dashboard's documents are fixed texts registered in packages/schema.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page, Response } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { graphql, registered } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => {
  ({ page, base, adminToken } = ready);
  page.on('response', watch);
  // Job screens follow jobs over WebSocket (jobUpdated): refused there, they would fall back to polling unseen.
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => {
    if (String(frame.payload).includes('OPERATION_NOT_REGISTERED')) refused.push(`WebSocket → ${String(frame.payload).slice(0, 200)}`);
  }));
}, { PERSISTED_OPERATIONS: 'only' });

/** Every GraphQL answer that refused a document, with what the page was doing. */
const refused: string[] = [];
function watch(response: Response): void {
  if (!response.url().endsWith('/graphql')) return;
  void response.text().then((body) => {
    if (body.includes('OPERATION_NOT_REGISTERED')) refused.push(`${response.request().postData()?.slice(0, 200)} → ${body.slice(0, 200)}`);
    if (process.env['E2E_DEBUG'] && body.includes('"errors"')) console.error(`${response.request().postData()?.slice(0, 300)}\n => ${body.slice(0, 400)}`);
  }, () => undefined);
}

async function rows(): Promise<Locator> {
  await page.locator('.RaDatagrid-tbody tr').first().waitFor();
  return page.locator('.RaDatagrid-tbody tr');
}

async function open(path: string, ready: string): Promise<void> {
  await page.goto(`${base}/admin/${path}`);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
}

describe('a server running registered operations only', () => {
  it('refuses a document it does not know, so the rest of this file means something', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
    });
    assert.match(await response.text(), /OPERATION_NOT_REGISTERED/);
    const stats = await graphql<{ customerStats: unknown[] }>(base, registered('CustomerStats'), { groupBy: ['TYPE'] }, adminToken);
    assert.ok(stats.customerStats.length > 0);
  });

  it('serves every screen an administrator opens', async () => {
    await signInAs(page, base, 'admin@example.com');
    await page.locator('[data-testid="home-stage"][data-ready="true"]').first().waitFor({ timeout: 60_000 });
    await open('customers', '.RaDatagrid-tbody tr');
    const first = (await rows()).first();
    await first.locator('td.column-name').click();
    await page.waitForURL(/\/customers\/[\w-]+\/show$/);
    await page.getByTestId('interaction-timeline-pages').waitFor();
    await page.goto(page.url().replace(/\/show$/, ''));
    await page.locator('input[name="name"]').waitFor();
    // The demo data has no archived customer yet: archive one, as a user would.
    await open('customers', '.RaDatagrid-tbody tr');
    await (await rows()).nth(5).locator('td.column-name').click();
    await page.waitForURL(/\/customers\/[\w-]+\/show$/);
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    const archive = page.getByTestId('archive-dialog');
    await archive.locator('textarea[name="reason"]').fill('registered operations only');
    await archive.getByTestId('action-confirm').click();
    await page.waitForURL(/\/archived-customers\/[\w-]+\/show$/);
    await page.getByTestId('archive-banner').waitFor();
    for (const [path, ready] of [
      ['voided-customers', '.RaDatagrid-tbody tr, .RaList-noResults, [class*="RaEmpty"]'],
      ['archived-customers', '.RaDatagrid-tbody tr'],
      ['interactions', '.RaDatagrid-tbody tr'],
      ['tags', '.RaDatagrid-tbody tr'],
      ['segments', '.RaDatagrid-tbody tr, [class*="RaEmpty"]'],
      ['archive-policies', '.RaDatagrid-tbody tr, [class*="RaEmpty"]'],
      ['jobs', '.RaDatagrid-tbody tr'],
      ['users', '.RaDatagrid-tbody tr'],
      ['audit-events', '.RaDatagrid-tbody tr'],
      ['reports', '[data-testid="report-owner"][data-ready="true"]'],
      ['backups', '[data-testid="backup-settings"]'],
      ['duplicates', '[data-testid="duplicates-page"]'],
      ['merges', '[data-testid="merges-page"]'],
      ['data-quality', '[data-testid="quality-row"]'],
      ['normalization', '[data-testid="normalize-page"]'],
      ['archive-search', '[data-testid="archive-search-page"]'],
      // A row (or the empty one) shows once the answer has come.
      ['approvals', '[data-testid="approvals-table"] tbody tr'],
      ['recycle-bin', '[data-testid="bin-table"] tbody tr'],
    ] as const) await open(path, ready);
    // Records one level down: an archived customer with its history, a job, an audit event.
    await open('archived-customers', '.RaDatagrid-tbody tr');
    await (await rows()).first().locator('td.column-name').click();
    await page.getByTestId('archive-banner').waitFor();
    await open('jobs', '.RaDatagrid-tbody tr');
    await (await rows()).first().click();
    await page.waitForURL(/\/jobs\/[\w-]+\/show$/);
    await open('audit-events', '.RaDatagrid-tbody tr');
    await (await rows()).first().locator('td.column-seq').click();
    await page.getByTestId('changes-diff').or(page.getByText(/No changes|—/)).first().waitFor();
    await open('normalization', '[data-testid="normalize-page"]');
    await page.getByTestId('normalize-preview').click();
    await page.getByTestId('normalize-summary').waitFor({ timeout: 60_000 });
    assert.deepEqual(refused, []);
  });

  it('runs an administrator\u2019s changes: edit, void and its undo, bulk tags, an export', async () => {
    await open('customers', '.RaDatagrid-tbody tr');
    const row = (await rows()).nth(2);
    await row.locator('td.column-name').click();
    await page.waitForURL(/\/customers\/[\w-]+\/show$/);
    await page.getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByTestId('void-dialog');
    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Duplicate', exact: true }).click();
    await dialog.getByTestId('action-confirm').click();
    await page.getByTestId('undo-toast').getByTestId('undo-toast-button').click();
    await page.getByText('Undone: 1 customer is as before').waitFor();
    await page.getByRole('link', { name: 'Edit' }).or(page.getByRole('button', { name: 'Edit' })).first().click();
    const notes = page.locator('textarea[name="notes"]');
    await notes.fill('Checked with the registered operations only');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/customers\/[\w-]+\/show$/);
    await page.getByText('Checked with the registered operations only').waitFor();
    await open('customers', '.RaDatagrid-tbody tr');
    await (await rows()).first().locator('input[type="checkbox"]').check();
    await page.getByTestId('bulk-tag').click();
    const tags = page.getByTestId('bulk-tag-dialog');
    await tags.locator('input[name="add"]').fill('registered-only');
    await tags.getByTestId('action-confirm').click();
    await page.getByTestId('undo-toast').waitFor();
    await page.getByTestId('export-button').click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-CSV-EN').click();
    await downloading;
    await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
    await screenshot(page, 'persisted-only-admin');
    assert.deepEqual(refused, []);
  });

  it('serves a support user\u2019s screens (the same documents, other field guards)', async () => {
    await signInAs(page, base, 'support@example.com');
    await open('customers', '.RaDatagrid-tbody tr');
    await (await rows()).first().locator('td.column-name').click();
    await page.waitForURL(/\/customers\/[\w-]+\/show$/);
    await open('archived-customers', '.RaDatagrid-tbody tr');
    await (await rows()).first().locator('td.column-name').click();
    await page.locator('[data-masked="true"]').first().waitFor();
    await open('interactions', '.RaDatagrid-tbody tr');
    // Signing out ends the session on the server through the registered SignOut.
    await page.getByRole('button', { name: /profile/i }).click();
    await page.getByRole('menuitem', { name: /logout|log out/i }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/login'));
    assert.deepEqual(refused, []);
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(session.consoleProblems, []);
  });
});
