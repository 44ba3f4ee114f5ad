/**
 * Forms that guide and big changes that confirm (issue 18), in a real browser against
 * the real server: a void without a reason is stopped inline with no request sent; a
 * server refusal arrives translated on its field; normalization and bulk data-quality
 * fixes ask first with the server's counts; leaving an edited form asks first; an audit
 * event reads in Chinese and links to its record.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { graphql } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready));

interface Row { id: string; code: string; name: string; version: number }

async function activeCustomers(count: number, offset: number): Promise<Row[]> {
  const data = await graphql<{ customers: { nodes: Row[] } }>(
    base, 'query($first: Int, $offset: Int) { customers(first: $first, offset: $offset, filter: { status: [ACTIVE] }, orderBy: [{ field: CODE, direction: ASC }]) { nodes { id code name version } } }',
    { first: count, offset }, adminToken,
  );
  return data.customers.nodes;
}

/** GraphQL requests whose body names `operation`, from now on. */
function watchRequests(operation: string): { seen: () => number; stop: () => void } {
  let count = 0;
  const listener = (request: Request) => {
    if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes(operation)) count++;
  };
  page.on('request', listener);
  return { seen: () => count, stop: () => page.off('request', listener) };
}

async function switchLanguage(to: 'English' | '简体中文') {
  await page.locator('header button', { hasText: to === 'English' ? '简体中文' : /English/i }).click();
  await page.getByRole('menuitem', { name: to }).click();
  await page.locator('a[href="/admin/customers"]', { hasText: to === 'English' ? 'Customers' : '客户' }).waitFor();
}

describe('forms check before sending', () => {
  it('stops a void without a reason inline and sends nothing', async () => {
    await signInAs(page, base, 'admin@example.com');
    const [customer] = await activeCustomers(1, 5);
    await page.goto(`${base}/admin/customers/${customer!.id}/show`);
    await page.getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByTestId('void-dialog');
    const voids = watchRequests('VoidCustomer');
    try {
      const confirm = dialog.getByTestId('action-confirm');
      assert.equal(await confirm.isDisabled(), true, 'the confirm button waits for a reason');
      await dialog.locator('textarea[name="note"]').fill('Looks like a test entry');
      await dialog.getByTestId('action-confirm-area').click();
      await dialog.getByText('Pick a reason').waitFor();
      assert.equal(await confirm.isDisabled(), true);
      await dialog.getByTestId('counter-note').getByText('23 / 1000').waitFor();
      await screenshot(page, 'guidance-void-no-reason');
      assert.equal(voids.seen(), 0, 'no void request was sent');
      // Closing with typed input by accident (Escape) asks first; keeping it leaves the dialog as it was.
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Discard your input?' }).getByRole('button', { name: 'Keep editing' }).click();
      assert.equal(await dialog.locator('textarea[name="note"]').inputValue(), 'Looks like a test entry');
      await dialog.getByRole('combobox', { name: 'Reason' }).click();
      await page.getByRole('option', { name: 'Test record', exact: true }).click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="void-dialog"] [data-testid="action-confirm"]')?.hasAttribute('disabled'));
      await confirm.click();
      await page.getByTestId('void-notice').waitFor();
      assert.equal(voids.seen(), 1);
    } finally {
      voids.stop();
    }
  });

  it('shows a server refusal translated on its field (a customer code already in use), in Chinese', async () => {
    const [a, b] = await activeCustomers(2, 20);
    await switchLanguage('简体中文');
    await page.goto(`${base}/admin/customers/${a!.id}/edit`);
    const code = page.locator('input[name="code"]');
    await code.waitFor();
    const updates = watchRequests('UpdateCustomer');
    try {
      await code.fill(b!.code);
      await page.locator('button[type="submit"]').click();
      // The server's "already in use" arrives as the catalogue's words, on the code input.
      const field = page.locator('.MuiFormControl-root', { has: code });
      await field.getByText('已被使用').waitFor();
      assert.equal(await field.getByText('already in use').count(), 0);
      assert.equal(updates.seen(), 1, 'the server was asked once (the client cannot know the code is taken)');
      await screenshot(page, 'guidance-code-taken-zh');
    } finally {
      updates.stop();
    }
    // Leaving the edited form asks first (react-admin's prompt).
    // The prompt is answered from its event: the click itself cannot finish while the
    // browser's dialog holds the navigation.
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }));
    await page.locator('a[href="/admin/customers"]').first().click({ noWaitAfter: true });
    assert.ok((await asked).length > 0, 'leaving with unsaved changes asked first');
    assert.match(page.url(), new RegExp(`/customers/${a!.id}(/edit)?$`), 'still on the edit page');
    await switchLanguage('English');
  });
});

describe('large changes confirm with counts', () => {
  it('normalization: "Apply N changes to M customers?" with the dry run\'s counts', async () => {
    const dry = await graphql<{ normalizeCustomers: { changedCustomers: number; changeCount: number } }>(
      base, 'mutation { normalizeCustomers(input: { dryRun: true, first: 1 }) { changedCustomers changeCount } }', {}, adminToken,
    );
    const { changedCustomers, changeCount } = dry.normalizeCustomers;
    assert.ok(changeCount > 0);
    await page.goto(`${base}/admin/normalization`);
    await page.getByTestId('normalize-preview').click();
    await page.getByTestId('normalize-summary').waitFor({ timeout: 60_000 });
    const jobs = watchRequests('NormalizeCustomers');
    try {
      await page.getByTestId('normalize-apply').click();
      const confirm = page.getByTestId('normalize-confirm');
      const expected = `Apply ${changeCount.toLocaleString('en')} change${changeCount === 1 ? '' : 's'} to ${changedCustomers.toLocaleString('en')} customer${changedCustomers === 1 ? '' : 's'}?`;
      await confirm.getByText(expected).waitFor();
      await screenshot(page, 'guidance-normalize-confirm');
      // Cancelled: nothing is applied.
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'detached' });
      assert.equal(jobs.seen(), 0);
    } finally {
      jobs.stop();
    }
  });

  it('data quality: pages through every issue and confirms a bulk apply across pages with its counts', async () => {
    const all = await graphql<{ dataQualityIssues: { totalCount: number } }>(base, '{ dataQualityIssues(first: 0) { totalCount } }', {}, adminToken);
    const total = all.dataQualityIssues.totalCount;
    assert.ok(total > 25, `more issues than one page (${total})`);
    await page.goto(`${base}/admin/data-quality`);
    await page.getByTestId('quality-row').first().waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('quality-count').getAttribute('data-total'), String(total));
    const fixable = page.locator('[data-testid="quality-row"]', { has: page.getByTestId('apply-fix') });
    const picked: string[] = [];
    const tick = async () => {
      const row = fixable.first();
      picked.push((await row.getAttribute('data-id'))!);
      await row.locator('input[type="checkbox"]').check();
    };
    await tick();
    // A tick on the next page joins the first one.
    await page.getByTestId('quality-pagination').getByRole('button', { name: /next page/i }).click();
    await page.getByTestId('quality-pagination').getByText(`26-50 of ${total.toLocaleString('en')}`).waitFor();
    await page.waitForFunction((first) => !document.querySelector(`[data-testid="quality-row"][data-id="${first}"]`), picked[0]);
    await tick();
    const customers = new Set(picked.map((id) => id.split(':')[0])).size;
    await page.getByTestId('bulk-apply').click();
    const confirm = page.getByTestId('quality-confirm');
    await confirm.getByText(`Apply 2 fixes to ${customers} customer${customers === 1 ? '' : 's'}?`).waitFor();
    await screenshot(page, 'guidance-quality-confirm');
    await confirm.getByRole('button', { name: 'Apply' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText(/2 issues resolved, 0 failed/).waitFor();
    const after = await graphql<{ dataQualityIssues: { totalCount: number } }>(base, '{ dataQualityIssues(first: 0) { totalCount } }', {}, adminToken);
    assert.ok(after.dataQualityIssues.totalCount <= total - 2, `${after.dataQualityIssues.totalCount} <= ${total} - 2`);
    // Paging on to the end reaches the last issue: the last page ends at the total.
    const left = after.dataQualityIssues.totalCount;
    const next = page.getByTestId('quality-pagination').getByRole('button', { name: /next page/i });
    const range = page.getByTestId('quality-pagination').locator('.MuiTablePagination-displayedRows');
    await range.getByText(`of ${left.toLocaleString('en')}`).waitFor();
    while (await next.isEnabled()) {
      const before = await range.innerText();
      await next.click();
      await page.waitForFunction((text) => document.querySelector('[data-testid="quality-pagination"] .MuiTablePagination-displayedRows')?.textContent !== text, before);
    }
    assert.equal(await range.innerText(), `${Math.floor((left - 1) / 25) * 25 + 1}-${left.toLocaleString('en')} of ${left.toLocaleString('en')}`);
    await page.locator('[data-testid="quality-row"]').first().waitFor();
  });
});

describe('all of one problem', () => {
  it('data quality: applies every fix of one problem as a job with progress, after a confirm with the count', async () => {
    /** Every issue of a problem, page by page (MAX_PAGE_SIZE 200). */
    const count = async (problem: string) => {
      const nodes: { hasSuggestion: boolean }[] = [];
      let totalCount = 0;
      for (let after: string | null = null; ;) {
        const page: { dataQualityIssues: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { hasSuggestion: boolean }[] } } = await graphql(
          base, 'query($p: [DataQualityProblem!], $after: String) { dataQualityIssues(first: 200, after: $after, filter: { problem: $p }) { totalCount pageInfo { hasNextPage endCursor } nodes { hasSuggestion } } }',
          { p: [problem], after }, adminToken,
        );
        nodes.push(...page.dataQualityIssues.nodes);
        totalCount = page.dataQualityIssues.totalCount;
        if (!page.dataQualityIssues.pageInfo.hasNextPage) break;
        after = page.dataQualityIssues.pageInfo.endCursor;
      }
      return { totalCount, nodes };
    };
    const names: Record<string, string> = { INVALID_EMAIL: 'Invalid email', NOT_NORMALIZED: 'Not normalized', PLACEHOLDER: 'Placeholder value' };
    let problem = '';
    for (const candidate of Object.keys(names)) {
      const found = await count(candidate);
      if (found.nodes.some((n) => n.hasSuggestion)) { problem = candidate; break; }
    }
    assert.ok(problem, 'the demo data has an issue with a suggestion');
    const before = await count(problem);
    assert.equal(before.nodes.length, before.totalCount);
    await page.goto(`${base}/admin/data-quality`);
    await page.getByTestId('quality-row').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('quality-problem').click();
    await page.getByRole('option', { name: names[problem]!, exact: true }).click();
    await page.locator(`[data-testid="quality-count"][data-total="${before.totalCount}"]`).waitFor();
    await page.getByTestId('apply-all').click();
    const confirm = page.getByTestId('quality-confirm-all');
    const n = before.totalCount;
    await confirm.getByText(`Apply the suggested fixes of all ${n.toLocaleString('en')} issue${n === 1 ? '' : 's'} of “${names[problem]}”?`, { exact: false }).waitFor();
    await screenshot(page, 'guidance-quality-apply-all');
    await confirm.getByRole('button', { name: 'Apply all' }).click();
    await page.getByTestId('apply-all-job').getByTestId('job-follower').waitFor();
    await page.getByText('All issues of this problem are worked through').waitFor({ timeout: 120_000 });
    const after = await count(problem);
    assert.equal(after.nodes.filter((x) => x.hasSuggestion).length, 0, 'no fixable issue of the problem is left');
    assert.equal(after.totalCount, before.nodes.filter((x) => !x.hasSuggestion).length);
    // The job says in words what it did.
    await page.getByTestId('apply-all-job-link').click();
    await page.waitForURL(/\/jobs\/[\w-]+\/show$/);
    const fixed = before.nodes.filter((x) => x.hasSuggestion).length;
    const left = before.nodes.length - fixed;
    assert.match(await page.getByTestId('job-result-summary').innerText(), new RegExp(`^${fixed.toLocaleString('en')} data-quality issues resolved on [\\d,]+ customers; ${left.toLocaleString('en')} left as they are`));
  });
});

describe('records people can read', () => {
  it('reads a void in the audit log in Chinese, and its link opens the customer', async () => {
    const [customer] = await activeCustomers(1, 40);
    await graphql(base, 'mutation($input: VoidCustomerInput!) { voidCustomer(input: $input) { customer { id } } }', {
      input: { id: customer!.id, reason: 'DUPLICATE', note: 'Entered twice' },
    }, adminToken);
    await switchLanguage('简体中文');
    await page.goto(`${base}/admin/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'Customer', entityId: customer!.id }))}`);
    const row = page.locator('.RaDatagrid-tbody tr').first();
    await row.getByText('作废客户').waitFor();
    await row.getByText(`${customer!.code} ${customer!.name}`).waitFor();
    assert.doesNotMatch(await row.innerText(), /CUSTOMER_VOIDED|DUPLICATE/);
    await row.locator('td.column-seq').click();
    await page.waitForURL(/\/audit-events\/[\w-]+\/show$/);
    const diff = page.getByTestId('changes-diff');
    await diff.waitFor();
    const status = diff.locator('[data-testid="change-row"][data-field="status"]');
    assert.equal(await status.locator('td').first().innerText(), '状态');
    assert.equal(await status.getByTestId('change-from').innerText(), '正常');
    assert.equal(await status.getByTestId('change-to').innerText(), '已作废');
    assert.equal(await diff.locator('[data-field="voidReason"]').getByTestId('change-to').innerText(), '重复记录');
    await page.getByText('重复记录：Entered twice').waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /CUSTOMER_VOIDED|voidReason|ACTIVE|VOID\b/);
    await screenshot(page, 'guidance-audit-event-zh');
    const link = page.getByTestId('record-link');
    assert.equal(await link.innerText(), `${customer!.code} ${customer!.name}`);
    await link.click();
    await page.waitForURL(new RegExp(`/customers/${customer!.id}/show$`));
    await page.getByTestId('void-notice').waitFor();
    await switchLanguage('English');
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(session.consoleProblems, []);
  });
});
