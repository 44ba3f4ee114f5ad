/**
 * The customers list's saved filters in a real browser against the real server: a
 * filter set saved as "My VIP" survives a reload, applies and is deleted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { graphql } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready));
const consoleProblems = session.consoleProblems;

async function customerCount(filter: Record<string, unknown>): Promise<number> {
  const data = await graphql<{ customers: { totalCount: number } }>(base, 'query($filter: CustomerFilter) { customers(filter: $filter) { totalCount } }', { filter }, adminToken);
  return data.customers.totalCount;
}

/** "1-25 of 87" → 87, once the list shows `expected` (the list updates after a debounce). */
async function waitListTotal(expected: number): Promise<void> {
  await page.waitForFunction((n) => {
    const text = document.querySelector('.MuiTablePagination-displayedRows')?.textContent ?? '';
    const match = /(?:of|共)\s*([\d,]+)/.exec(text);
    return !!match && Number(match[1]!.replace(/,/g, '')) === n;
  }, expected);
}

describe('saved filters on the customers list', () => {
  it('saves the current filters as "My VIP", keeps them over a reload, applies and deletes them', async () => {
    await signInAs(page, base, 'admin@example.com');
    const all = await customerCount({});
    const vip = await customerCount({ tags: ['vip'] });
    assert.ok(vip > 0 && vip < all, `some but not all customers are tagged vip (${vip} of ${all})`);

    await page.goto(`${base}/admin/customers?filter=${encodeURIComponent('{}')}`);
    await waitListTotal(all);
    const aside = page.getByTestId('saved-filters');
    await aside.getByText('Saved queries').waitFor();
    // Set a filter through the Filter button, as a user would.
    await page.locator('button.add-filter').click();
    await page.locator('li.new-filter-item[data-key="tags"]').click();
    await page.locator('input[name="tags"]').fill('vip');
    await waitListTotal(vip);

    await aside.getByRole('button', { name: 'Save current query...' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Query name').fill('My VIP');
    await screenshot(page, 'admin-saved-filter-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await aside.getByText('My VIP').waitFor();

    // Filters cleared, page reloaded: the saved set is still offered.
    await page.goto(`${base}/admin/customers?filter=${encodeURIComponent('{}')}`);
    await page.reload();
    await waitListTotal(all);
    await aside.getByText('My VIP').waitFor();
    await aside.getByText('My VIP').click();
    await waitListTotal(vip);
    assert.deepEqual(JSON.parse(new URL(page.url()).searchParams.get('filter') ?? '{}'), { tags: ['vip'] });
    assert.equal(await page.locator('input[name="tags"]').inputValue(), 'vip');
    await screenshot(page, 'admin-saved-filter-applied');

    // Applied, it can be removed; the removal outlives a reload too.
    await aside.getByRole('button', { name: 'Remove saved query' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('Remove saved query?').waitFor();
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.reload();
    await waitListTotal(vip);
    await aside.getByText('Saved queries').waitFor();
    assert.equal(await aside.getByText('My VIP').count(), 0);
  });
});

describe('console', () => {
  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
