/**
 * Staff by name for every role: owner pickers, the audit actor filter and owner labels
 * read `staff` (names only, every signed-in role), since `users` is ADMIN's. Tried as a
 * MANAGER (owner filter on the customers list), an AUDITOR (actor filter and a user
 * named in the audit log, without a link to the ADMIN-only user screen) and a REPORTING
 * user (owners named in the reports), in a real browser against the real server.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { graphql, tokenFor } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready));

/** GraphQL answers carrying a FORBIDDEN error, from now on. */
function watchForbidden(): { seen: () => string[]; stop: () => void } {
  const seen: string[] = [];
  const listener = (response: Response) => {
    if (!response.url().endsWith('/graphql')) return;
    void response.text().then((body) => { if (body.includes('"FORBIDDEN"')) seen.push(body.slice(0, 300)); }, () => undefined);
  };
  page.on('response', listener);
  return { seen: () => seen, stop: () => page.off('response', listener) };
}

async function staffId(email: string): Promise<string> {
  const data = await graphql<{ users: { id: string; email: string }[] }>(base, '{ users { id email } }', {}, adminToken);
  return data.users.find((u) => u.email === email)!.id;
}

async function waitListTotal(expected: number): Promise<void> {
  await page.waitForFunction((n) => {
    const text = document.querySelector('.MuiTablePagination-displayedRows')?.textContent ?? '';
    const match = /(?:of|共)\s*([\d,]+)/.exec(text);
    return !!match && Number(match[1]!.replace(/,/g, '')) === n;
  }, expected);
}

describe('staff names for every role', () => {
  it('MANAGER filters customers by an owner picked by name', async () => {
    await signInAs(page, base, 'manager@example.com');
    const owner = await staffId('sales2@example.com');
    const token = await tokenFor(base, 'manager@example.com');
    const expected = (await graphql<{ customers: { totalCount: number } }>(base,
      'query($filter: CustomerFilter) { customers(filter: $filter) { totalCount } }', { filter: { ownerId: [owner] } }, token)).customers.totalCount;
    assert.ok(expected > 0, 'sales2 owns customers');
    const forbidden = watchForbidden();
    try {
      await page.goto(`${base}/admin/customers?filter=${encodeURIComponent('{}')}`);
      await page.locator('button.add-filter').click();
      await page.locator('li.new-filter-item[data-key="ownerId"]').click();
      const input = page.getByRole('combobox', { name: 'Owner' });
      await input.fill('Zhang');
      await page.getByRole('option', { name: 'Zhang Wei 张伟' }).click();
      await waitListTotal(expected);
      await screenshot(page, 'staff-owner-filter-manager');
      assert.deepEqual(forbidden.seen(), []);
    } finally {
      forbidden.stop();
    }
  });

  it('AUDITOR picks an actor by name and reads a user event by name, without a link to the user screen', async () => {
    // An event about a user: the admin renames the support user (and back, for other files' sake).
    const support = await staffId('support@example.com');
    const rename = 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { id } } }';
    await graphql(base, rename, { input: { id: support, displayName: 'Liu Yang 刘洋 (support)' } }, adminToken);
    await signInAs(page, base, 'auditor@example.com');
    const forbidden = watchForbidden();
    try {
      await page.goto(`${base}/admin/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'User' }))}`);
      await page.locator('button.add-filter').click();
      await page.locator('li.new-filter-item[data-key="actorId"]').click();
      await page.getByRole('combobox', { name: 'Who' }).fill('Admin');
      await page.getByRole('option', { name: 'Admin 管理员' }).click();
      const row = page.locator('.RaDatagrid-tbody tr', { hasText: 'Liu Yang 刘洋 (support)' }).first();
      await row.waitFor();
      const link = row.getByTestId('record-link');
      assert.equal(await link.evaluate((el) => el.tagName), 'SPAN', 'a name, not a link to the ADMIN-only user screen');
      assert.doesNotMatch(await row.innerText(), /#\d+/);
      await screenshot(page, 'staff-audit-actor-auditor');
      assert.deepEqual(forbidden.seen(), []);
    } finally {
      forbidden.stop();
    }
  });

  it('REPORTING sees owners by name in the reports', async () => {
    await signInAs(page, base, 'reporting@example.com');
    const forbidden = watchForbidden();
    try {
      await page.goto(`${base}/admin/reports`);
      const card = page.locator('[data-testid="report-owner"][data-ready="true"]');
      await card.waitFor();
      await card.locator('[data-testid="report-owner-values"] li', { hasText: 'Li Na 李娜' }).first().waitFor({ state: 'attached' });
      const labels = await card.locator('[data-testid="report-owner-values"] li').allTextContents();
      assert.ok(labels.length > 1);
      assert.deepEqual(labels.filter((l) => /^#\d+/.test(l)), [], 'no owner shown by id');
      assert.deepEqual(forbidden.seen(), []);
    } finally {
      forbidden.stop();
    }
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(session.consoleProblems, []);
  });
});
