/**
 * The customers list's saved filters and the customer page's endless interaction
 * history, in a real browser against the real server: a filter set saved as "My VIP"
 * survives a reload, applies and is deleted; the timeline loads older pages (by cursor)
 * as the page is scrolled and ends with an "end of history" line.
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

/** The page size of the timeline (interaction-timeline.tsx TIMELINE_PAGE_SIZE). */
const PAGE_SIZE = 10;

async function customerCount(filter: Record<string, unknown>): Promise<number> {
  const data = await graphql<{ customers: { totalCount: number } }>(base, 'query($filter: CustomerFilter) { customers(filter: $filter) { totalCount } }', { filter }, adminToken);
  return data.customers.totalCount;
}

/** "1-25 of 87" → 87, once the list shows `expected` (the list updates after a debounce). */
/** The saved-filters panel, opened from its toolbar button (it costs no width on the list). */
async function savedFilters() {
  const panel = page.getByTestId('saved-filters');
  if (!(await panel.isVisible())) await page.getByTestId('saved-filters-button').click();
  await panel.waitFor();
  return panel;
}

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
    // Set a filter through the Filter button, as a user would.
    await page.locator('button.add-filter').click();
    await page.locator('li.new-filter-item[data-key="tags"]').click();
    await page.locator('input[name="tags"]').fill('vip');
    await waitListTotal(vip);

    let aside = await savedFilters();
    await aside.getByText('Saved queries').waitFor();
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
    aside = await savedFilters();
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
    aside = await savedFilters();
    await aside.getByText('Saved queries').waitFor();
    assert.equal(await aside.getByText('My VIP').count(), 0);
  });
});

describe('the interaction timeline on the customer page', () => {
  it('loads older interactions as the page scrolls down, until "end of history"', async () => {
    const listed = await graphql<{ customers: { nodes: { id: string; interactionCount: number }[] } }>(
      base, '{ customers(first: 200) { nodes { id interactionCount } } }', {}, adminToken,
    );
    const customer = [...listed.customers.nodes].sort((a, b) => b.interactionCount - a.interactionCount)[0]!;
    // At least three pages, whatever the seed gave this customer.
    for (let n = customer.interactionCount; n <= 2 * PAGE_SIZE + 3; n++) {
      await graphql(base, 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { interaction { id } } }', {
        input: { customerId: customer.id, kind: n % 2 ? 'ORDER' : 'CALL', subject: `E2E history ${n}`, occurredAt: new Date(Date.now() - n * 86_400_000).toISOString(), ...(n % 2 ? { amount: '1200.50', currency: 'CNY' } : {}) },
      }, adminToken);
    }
    const history = await graphql<{ interactions: { totalCount: number; nodes: { kind: string; amount: string | null }[] } }>(
      base, 'query($filter: InteractionFilter) { interactions(filter: $filter, first: 100) { totalCount nodes { kind amount } } }', { filter: { customerId: [customer.id] } }, adminToken,
    );
    const total = history.interactions.totalCount;
    assert.ok(total > 2 * PAGE_SIZE && total <= 100, `${total} interactions`);

    await page.goto(`${base}/admin/customers/${customer.id}/show`);
    const entries = page.locator('[data-testid="timeline-entry"]');
    await entries.first().waitFor();
    // Only the first page until the user scrolls.
    await page.waitForTimeout(500);
    assert.equal(await entries.count(), PAGE_SIZE);
    assert.equal(await page.getByTestId('timeline-end').count(), 0);
    await screenshot(page, 'admin-timeline-first-page');

    let shown = PAGE_SIZE;
    while (await page.getByTestId('timeline-end').count() === 0) {
      await page.mouse.wheel(0, 4000);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction(([before]) => {
        const n = document.querySelectorAll('[data-testid="timeline-entry"]').length;
        return n > before! || !!document.querySelector('[data-testid="timeline-end"]');
      }, [shown]);
      const now = await entries.count();
      assert.ok(now >= shown, 'entries are only added');
      shown = now;
    }
    assert.equal(await entries.count(), total);
    assert.match(await page.getByTestId('timeline-end').innerText(), new RegExp(`End of history · ${total} interactions`));
    // An icon per kind, and amounts on orders.
    const kinds = await entries.evaluateAll((items) => items.map((li) => [li.getAttribute('data-kind'), li.querySelector('svg[data-kind]')?.getAttribute('data-kind')]));
    for (const [kind, icon] of kinds) assert.equal(icon, kind);
    const withAmount = history.interactions.nodes.filter((n) => n.amount !== null).length;
    assert.equal(await page.getByTestId('timeline-amount').count(), withAmount);
    await page.getByTestId('timeline-end').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-timeline-end');
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
