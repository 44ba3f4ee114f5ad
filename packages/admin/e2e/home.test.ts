/**
 * The home page's charts in a real browser against the real server: ADMIN sees customers
 * by stage, type and region, a year of lifecycle activity, pending cleanup and voids by
 * reason, each with the numbers the API gives; sales1 sees the same tiles over its own
 * customers only; roles without reports get no charts (and do not download them).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { graphql, tokenFor } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready));
const consoleProblems = session.consoleProblems;

interface CleanupStats { duplicateGroupsPending: number; dataQualityCustomers: number; dataQualityCountedAt: string | null }

async function api(token: string) {
  return graphql<{ customers: { totalCount: number }; voided: { totalCount: number }; cleanupStats: CleanupStats }>(base, `{
    customers { totalCount }
    voided: customers(filter: { status: [VOID] }) { totalCount }
    cleanupStats { duplicateGroupsPending dataQualityCustomers dataQualityCountedAt }
  }`, {}, token);
}

/** The development server counts data quality once at its first job poll; wait for it. */
async function firstCount(token: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await api(token)).cleanupStats.dataQualityCountedAt) {
    assert.ok(Date.now() < deadline, 'no data-quality count 30 s after start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A chart card once loaded: its total, per-key counts, and whether a chart was drawn. */
async function tile(testId: string): Promise<{ total: number; counts: Map<string, number>; drawn: boolean }> {
  const card = page.locator(`[data-testid="${testId}"][data-ready="true"]`);
  await card.waitFor();
  const total = Number(await card.getAttribute('data-total'));
  const counts = new Map(await card.locator(`[data-testid="${testId}-values"] li`).evaluateAll(
    (lis) => lis.map((li) => [li.getAttribute('data-key') ?? '', Number(li.getAttribute('data-count'))] as const),
  ));
  const drawn = (await card.locator('svg path, svg rect').count()) > 0;
  return { total, counts, drawn };
}

describe('home charts', () => {
  it('admin: stage, type and region of every active customer, a year of activity, cleanup waiting, voids by reason', async () => {
    // Something happens this month: one void and one archive.
    const listed = await graphql<{ customers: { nodes: { id: string; version: number }[] } }>(base, '{ customers(first: 2) { nodes { id version } } }', {}, adminToken);
    const [voided, archived] = listed.customers.nodes;
    await graphql(base, 'mutation($input: VoidCustomerInput!) { voidCustomer(input: $input) { customer { id } } }', { input: { id: voided!.id, reason: 'DUPLICATE', version: voided!.version } }, adminToken);
    await graphql(base, 'mutation($input: ArchiveCustomersInput!) { archiveCustomers(input: $input) { customers { id } } }', { input: { ids: [archived!.id], reason: 'E2E home activity' } }, adminToken);
    await firstCount(adminToken);
    const expected = await api(adminToken);

    await signInAs(page, base, 'admin@example.com');
    for (const id of ['home-stage', 'home-type', 'home-region']) {
      const t = await tile(id);
      assert.equal(t.total, expected.customers.totalCount, `${id} counts every active customer`);
      assert.ok(t.drawn, `${id} drew a chart`);
    }
    assert.ok((await tile('home-stage')).counts.size > 1);
    const activity = await tile('home-activity');
    assert.ok(activity.drawn);
    assert.ok(activity.counts.get('voided')! >= 1 && activity.counts.get('archived')! >= 1, JSON.stringify([...activity.counts]));
    assert.deepEqual([...activity.counts.keys()], ['archived', 'restored', 'voided', 'merged']);
    const voids = await tile('home-void-reasons');
    assert.equal(voids.total, expected.voided.totalCount);
    assert.ok(voids.counts.get('DUPLICATE')! >= 1);
    await page.locator('[data-testid="home-cleanup"][data-ready="true"]').waitFor();
    assert.equal(Number(await page.getByTestId('cleanup-duplicate-groups').getAttribute('data-count')), expected.cleanupStats.duplicateGroupsPending);
    assert.equal(Number(await page.getByTestId('cleanup-quality-customers').getAttribute('data-count')), expected.cleanupStats.dataQualityCustomers);
    assert.ok(expected.cleanupStats.dataQualityCustomers > 0, 'the demo seed has data-quality problems');
    assert.ok((await page.getByTestId('cleanup-issue').count()) > 0);
    assert.equal(await page.getByTestId('cleanup-counted-at').getAttribute('data-counted'), 'yes');
    // Counting again runs as a job, followed on the card; the figures stay consistent.
    await page.getByTestId('count-data-quality').click();
    await page.getByTestId('home-cleanup').locator('[data-testid="job-follower"] [data-testid="job-state"][data-state="SUCCEEDED"]').waitFor({ timeout: 30_000 });
    // The new count no longer includes the customer voided and the one archived above.
    const recounted = (await api(adminToken)).cleanupStats.dataQualityCustomers;
    await page.locator(`[data-testid="cleanup-quality-customers"][data-count="${recounted}"]`).waitFor();
    await screenshot(page, 'admin-home-top');
    await page.getByTestId('home-activity').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-home-charts');
  });

  it('sales1: the same tiles over its own customers only', async () => {
    const token = await tokenFor(base, 'sales1@example.com');
    const own = await api(token);
    const all = await api(adminToken);
    assert.ok(own.customers.totalCount > 0 && own.customers.totalCount < all.customers.totalCount);
    await signInAs(page, base, 'sales1@example.com');
    for (const id of ['home-stage', 'home-type', 'home-region']) assert.equal((await tile(id)).total, own.customers.totalCount, id);
    assert.equal((await tile('home-void-reasons')).total, own.voided.totalCount);
    await page.locator('[data-testid="home-cleanup"][data-ready="true"]').waitFor();
    assert.equal(Number(await page.getByTestId('cleanup-quality-customers').getAttribute('data-count')), own.cleanupStats.dataQualityCustomers);
    // Sales may not review duplicates: no link to that screen, and no count of work it cannot do.
    assert.equal(await page.getByTestId('home-cleanup').getByRole('link', { name: 'Duplicates' }).count(), 0);
    assert.equal(await page.getByTestId('cleanup-duplicate-groups').count(), 0);
    // Nor start a count (cleanup roles do; sales reads the latest one).
    assert.equal(await page.getByTestId('count-data-quality').count(), 0);
    assert.ok(own.cleanupStats.dataQualityCustomers > 0 && own.cleanupStats.dataQualityCustomers < all.cleanupStats.dataQualityCustomers);
    await screenshot(page, 'sales-home');
  });

  it('support: counts but no charts, and the charts library is not downloaded', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(request.url()); });
    await signInAs(page, base, 'support@example.com');
    await page.getByTestId('count-active').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByTestId('home-charts').count(), 0);
    assert.ok(!scripts.some((url) => /home-charts/.test(url)), scripts.join('\n'));
  });

  it('shows the home charts in Chinese', async () => {
    await signInAs(page, base, 'admin@example.com');
    await page.locator('[data-testid="home-stage"][data-ready="true"]').waitFor();
    await page.locator('header button', { hasText: /English/i }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByText('按生命周期阶段统计客户').first().waitFor();
    await page.getByText('近 12 个月生命周期动态').first().waitFor();
    await screenshot(page, 'admin-home-zh');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('header button', { hasText: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Customers by lifecycle stage').first().waitFor();
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
