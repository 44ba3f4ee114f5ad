/**
 * The dashboard in a real browser against the real server: sign-in per role, what each
 * role sees, create and edit with reload, logging an interaction, optimistic-locking
 * conflicts, the audit log and the Chinese UI. One server and one browser for all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, signInAs, type Browser } from './browser.ts';
import { graphql, startServer, tokenFor, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let base: string;

before(async () => {
  server = await startServer();
  base = server.url;
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** "1-25 of 87" → 87 */
async function listTotal(p: Page): Promise<number> {
  const text = await p.locator('.MuiTablePagination-displayedRows').first().innerText();
  const match = /(?:of|共)\s*([\d,]+)/.exec(text) ?? /([\d,]+)\s*$/.exec(text);
  assert.ok(match?.[1], `pagination text "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

async function rows(p: Page) {
  await p.locator('.RaDatagrid-tbody tr').first().waitFor();
  return p.locator('.RaDatagrid-tbody tr');
}

describe('admin', () => {
  let createdId = '';

  it('signs in and sees the customers list with data', async () => {
    await signInAs(page, base, 'admin@example.com');
    await page.locator('a[href="/admin/customers"]').first().click();
    const list = await rows(page);
    assert.ok((await list.count()) > 0);
    const token = await tokenFor(base, 'admin@example.com');
    const api = await graphql<{ customers: { totalCount: number } }>(base, '{ customers { totalCount } }', {}, token);
    assert.equal(await listTotal(page), api.customers.totalCount);
    await screenshot(page, 'admin-customers');
  });

  it('creates a customer and shows it', async () => {
    await page.goto(`${base}/admin/customers/create`);
    await page.locator('input[name="name"]').fill('E2E Test Trading 测试贸易');
    await page.locator('input[name="email"]').fill('buyer@e2e.example.com');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/customers\/[\w-]+\/show$/);
    createdId = /customers\/([\w-]+)\/show/.exec(page.url())![1]!;
    await page.getByText('E2E Test Trading 测试贸易').first().waitFor();
    await page.getByText('buyer@e2e.example.com').first().waitFor();
  });

  it('edits the customer and still shows the saved value after a reload', async () => {
    await page.goto(`${base}/admin/customers/${createdId}/edit`);
    const notes = page.locator('textarea[name="notes"]');
    await notes.waitFor();
    await notes.fill('Prefers WeChat; call after 10:00');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/show$/);
    await page.reload();
    // The notes field; the History card, once loaded, shows the new value too.
    await page.getByText('Prefers WeChat; call after 10:00').first().waitFor();
  });

  it('logs an interaction from the customer page and shows it in the timeline', async () => {
    await page.goto(`${base}/admin/customers/${createdId}/show`);
    await page.getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="subject"]').fill('Intro call from the e2e test');
    await dialog.locator('button[type="submit"]').click();
    await page.locator('[data-testid="timeline-entry"]', { hasText: 'Intro call from the e2e test' }).waitFor();
    assert.equal(await page.locator('[data-testid="timeline-entry"]').first().getAttribute('data-kind'), 'CALL');
    await screenshot(page, 'admin-customer-show');
  });

  it('shows "someone else changed this record" for a stale edit, and saves after reload', async () => {
    await page.goto(`${base}/admin/customers/${createdId}/edit`);
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    assert.equal(await name.inputValue(), 'E2E Test Trading 测试贸易');
    // Someone else saves the same customer meanwhile.
    const token = await tokenFor(base, 'manager@example.com');
    const current = await graphql<{ customer: { version: number } }>(base, 'query($id: ID!) { customer(id: $id) { version } }', { id: createdId }, token);
    await graphql(base, 'mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { version } } }', {
      input: { id: createdId, version: current.customer.version, tier: 'KEY_ACCOUNT' },
    }, token);
    await name.fill('E2E Test Trading (stale)');
    await page.locator('button[type="submit"]').click();
    const notice = page.locator('[data-testid="conflict-notice"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Someone else changed this record — reload/);
    await screenshot(page, 'admin-conflict');
    // Reload brings the current version; the edit then goes through.
    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="conflict-notice"]'));
    await name.fill('E2E Test Trading (second try)');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/show$/);
    await page.getByText('E2E Test Trading (second try)').first().waitFor();
    await page.getByText('Key account').first().waitFor();
  });

  it('lists staff users', async () => {
    await page.goto(`${base}/admin/users`);
    const list = await rows(page);
    assert.ok((await list.count()) >= 7);
    await page.getByText('auditor@example.com').waitFor();
  });

  it('switches the UI to Chinese', async () => {
    await page.goto(`${base}/admin/customers`);
    await rows(page);
    // react-admin's language button has an empty aria-label: find it by the current language.
    await page.locator('header button', { hasText: /English/i }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.locator('a[href="/admin/customers"]', { hasText: '客户' }).waitFor();
    await page.locator('th', { hasText: '名称' }).first().waitFor();
    await page.locator('th', { hasText: '生命周期阶段' }).first().waitFor();
    await screenshot(page, 'admin-customers-zh');
    // Back to English for the tests that follow (the choice is remembered).
    await page.locator('header button', { hasText: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.locator('a[href="/admin/customers"]', { hasText: 'Customers' }).waitFor();
  });
});

describe('other roles', () => {
  it('sales1 sees only their own customers', async () => {
    await signInAs(page, base, 'sales1@example.com');
    const token = await tokenFor(base, 'sales1@example.com');
    const api = await graphql<{ me: { displayName: string }; customers: { totalCount: number } }>(
      base, '{ me { displayName } customers { totalCount } }', {}, token,
    );
    const all = await graphql<{ customers: { totalCount: number } }>(base, '{ customers { totalCount } }', {}, await tokenFor(base, 'admin@example.com'));
    assert.ok(api.customers.totalCount > 0 && api.customers.totalCount < all.customers.totalCount);
    await page.goto(`${base}/admin/customers`);
    await rows(page);
    assert.equal(await listTotal(page), api.customers.totalCount);
    const owners = await page.locator('td[class*="column-owner"]').allInnerTexts();
    assert.ok(owners.length > 0);
    assert.deepEqual([...new Set(owners)], [api.me.displayName]);
    // No user administration for sales.
    assert.equal(await page.locator('a[href="/admin/users"]').count(), 0);
  });

  it('support sees masked email and phone', async () => {
    await signInAs(page, base, 'support@example.com');
    await page.goto(`${base}/admin/customers`);
    await rows(page);
    // Email and phone are not in the default column set (it fits 1,366 px): shown on demand.
    await page.getByRole('button', { name: 'Columns' }).click();
    for (const name of ['Email', 'Phone']) await page.locator('.MuiPopover-paper').getByLabel(name, { exact: true }).check();
    await page.keyboard.press('Escape');
    await page.locator('td.column-phone').first().waitFor();
    const emails = (await page.locator('td.column-email').allInnerTexts()).filter((v) => v && v !== '—');
    const phones = (await page.locator('td.column-phone').allInnerTexts()).filter((v) => v && v !== '—');
    assert.ok(emails.length > 0 && phones.length > 0);
    for (const value of [...emails, ...phones]) assert.match(value, /\*/, `masked: ${value}`);
    assert.ok((await page.locator('td.column-email [data-masked="true"]').count()) > 0);
    // Support may not edit or create customers.
    assert.equal(await page.getByRole('link', { name: 'Create' }).count(), 0);
    await screenshot(page, 'support-customers-masked');
  });

  it('auditor sees the audit log but no customers menu, and can verify the chain', async () => {
    await signInAs(page, base, 'auditor@example.com');
    assert.equal(await page.locator('a[href="/admin/customers"]').count(), 0);
    await page.locator('a[href="/admin/audit-events"]').first().click();
    const list = await rows(page);
    assert.ok((await list.count()) > 0);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const result = page.locator('[data-testid="chain-result"]');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'true');
    assert.match(await result.innerText(), /Audit chain intact: \d+ events checked/);
    await screenshot(page, 'auditor-audit-log');
    // An event with field changes shows its diff.
    await page.goto(`${base}/admin/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'Customer' }))}`);
    // The row opens the event (its record column links to the record itself).
    await (await rows(page)).first().locator('td.column-seq').click();
    await page.waitForURL(/\/audit-events\/[\w-]+\/show$/);
    await page.getByText(/Hash/).first().waitFor();
  });
});
