/**
 * The record lifecycle in a real browser against the real server: void and unvoid,
 * archive → find in the archive → restore, purge (into the recycle bin) with the typed code, an archive policy built, previewed and run with its job followed to the
 * end, lifecycle classification, the Chinese screens, and what sales and support see.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { customerIdIn } from '../src/shared/global-id.ts';
import { graphql, tokenFor } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready));
const consoleProblems = session.consoleProblems;

interface Row { id: string; code: string; name: string }

async function activeCustomers(count: number, offset = 0, token = adminToken): Promise<Row[]> {
  const data = await graphql<{ customers: { nodes: Row[] } }>(
    base,
    'query($first: Int, $offset: Int) { customers(first: $first, offset: $offset, filter: { status: [ACTIVE] }, orderBy: [{ field: CODE, direction: ASC }]) { nodes { id code name } } }',
    { first: count, offset },
    token,
  );
  return data.customers.nodes;
}

async function statusOf(id: string): Promise<string | null> {
  const data = await graphql<{ customer: { status: string } | null }>(base, 'query($id: ID!) { customer(id: $id) { status } }', { id }, adminToken);
  return data.customer?.status ?? null;
}

async function rows(p: Page) {
  await p.locator('.RaDatagrid-tbody tr').first().waitFor();
  return p.locator('.RaDatagrid-tbody tr');
}

async function pick(scope: Locator | Page, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Picks options of a multiple select, then closes its menu. */
async function pickMany(label: string, options: string[]) {
  await page.getByRole('combobox', { name: label }).click();
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

async function switchLanguage(from: RegExp | string, to: string) {
  await page.locator('header button', { hasText: from }).click();
  await page.getByRole('menuitem', { name: to }).click();
}

describe('admin: void and unvoid', () => {
  it('voids a customer with a reason, sees it in the Voided view, and unvoids it', async () => {
    await signInAs(page, base, 'admin@example.com');
    const [customer] = await activeCustomers(1, 3);
    await page.goto(`${base}/admin/customers/${customer!.id}/show`);
    await page.getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByTestId('void-dialog');
    await pick(dialog, 'Reason', 'Other');
    // OTHER needs a note: the confirm button waits for it, and a click on it says why.
    assert.equal(await dialog.getByTestId('action-confirm').isDisabled(), true);
    await dialog.getByTestId('action-confirm-area').click();
    await dialog.getByText('A note is required when the reason is "Other"').waitFor();
    await pick(dialog, 'Reason', 'Duplicate');
    await dialog.locator('textarea[name="note"]').fill('Same company as C-0001, entered twice');
    await screenshot(page, 'admin-void-dialog');
    await dialog.getByTestId('action-confirm').click();
    await page.getByTestId('void-notice').waitFor();
    assert.match(await page.getByTestId('void-notice').innerText(), /Duplicate · Same company as C-0001/);
    assert.equal(await statusOf(customer!.id), 'VOID');

    await page.locator('a[href="/admin/voided-customers"]').first().click();
    const row = (await rows(page)).filter({ hasText: customer!.code });
    await row.waitFor();
    assert.match(await row.innerText(), /Duplicate/);
    await screenshot(page, 'admin-voided');
    await row.locator('td.column-name').click();
    await page.waitForURL(new RegExp(`/customers/${customer!.id}/show$`));
    await page.getByRole('button', { name: 'Unvoid' }).click();
    const unvoid = page.getByTestId('unvoid-dialog');
    await unvoid.locator('textarea[name="note"]').fill('Not a duplicate after all');
    await unvoid.getByTestId('action-confirm').click();
    await page.getByTestId('void-notice').waitFor({ state: 'detached' });
    assert.equal(await statusOf(customer!.id), 'ACTIVE');
  });

  it('voids two customers in bulk from the list and unvoids them in bulk from the Voided view', async () => {
    const picked = await activeCustomers(2, 10);
    await page.goto(`${base}/admin/customers?filter=${encodeURIComponent(JSON.stringify({ q: '' }))}&sort=code&order=ASC`);
    for (const c of picked) {
      await page.locator('a[href="/admin/customers"]').first().waitFor();
      const row = (await rows(page)).filter({ hasText: c.code });
      await row.locator('input[type="checkbox"]').check();
    }
    await page.getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByTestId('bulk-voidCustomers-dialog');
    await dialog.getByText('This will void 2 selected customers.').waitFor();
    await pick(dialog, 'Reason', 'Test record');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    for (const c of picked) assert.equal(await statusOf(c.id), 'VOID');

    await page.goto(`${base}/admin/voided-customers`);
    for (const c of picked) await (await rows(page)).filter({ hasText: c.code }).locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Unvoid' }).click();
    const unvoid = page.getByTestId('bulk-unvoidCustomers-dialog');
    await unvoid.getByText('This will make 2 selected customers active again.').waitFor();
    await unvoid.locator('textarea[name="note"]').fill('Bulk test done');
    await unvoid.getByTestId('action-confirm').click();
    await unvoid.waitFor({ state: 'detached' });
    for (const c of picked) assert.equal(await statusOf(c.id), 'ACTIVE');
  });
});

describe('admin: refusals', () => {
  it('reports per-record failures of a bulk void', async () => {
    const [active, alreadyVoid] = await activeCustomers(2, 50);
    await graphql(base, 'mutation($input: VoidCustomerInput!) { voidCustomer(input: $input) { customer { id } } }', {
      input: { id: alreadyVoid!.id, reason: 'DUPLICATE' },
    }, adminToken);
    const filter = { status: ['ACTIVE', 'VOID'], q: '' };
    await page.goto(`${base}/admin/customers?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=code&order=ASC&perPage=100`);
    for (const c of [active!, alreadyVoid!]) await (await rows(page)).filter({ hasText: c.code }).locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByTestId('bulk-voidCustomers-dialog');
    await pick(dialog, 'Reason', 'Invalid data');
    await dialog.getByTestId('action-confirm').click();
    const outcome = page.getByTestId('bulk-outcome');
    await outcome.waitFor();
    assert.match(await outcome.innerText(), /1 changed, 1 refused/);
    assert.match(await outcome.innerText(), new RegExp(`${alreadyVoid!.id}\\s+Not in a state that allows this`));
    await screenshot(page, 'admin-bulk-outcome');
    await outcome.getByRole('button', { name: 'Close' }).click();
    assert.equal(await statusOf(active!.id), 'VOID');
  });

  it('a legal hold blocks purge, and the dialog says why', async () => {
    const [customer] = await activeCustomers(1, 60);
    await graphql(base, 'mutation($input: ArchiveCustomersInput!) { archiveCustomers(input: $input) { customers { id } } }', {
      input: { ids: [customer!.id], reason: 'e2e legal hold' },
    }, adminToken);
    await page.goto(`${base}/admin/archived-customers/${customerIdIn('ArchivedCustomer', customer!.id)}/show`);
    await page.getByRole('button', { name: 'Set legal hold' }).click();
    const hold = page.getByTestId('legal-hold-dialog');
    await hold.locator('textarea[name="reason"]').fill('Case 2026-114');
    await hold.getByTestId('action-confirm').click();
    await page.getByRole('button', { name: 'Lift legal hold' }).waitFor();
    await page.getByRole('button', { name: 'Purge' }).click();
    const purge = page.getByTestId('purge-dialog');
    await purge.locator('textarea[name="reason"]').fill('Retention over');
    await purge.locator('input[name="confirm"]').fill(customer!.code);
    await purge.getByTestId('action-confirm').click();
    const error = purge.getByTestId('action-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), 'INVALID_STATE');
    assert.match(await error.innerText(), /Not possible in the record's current state/);
    assert.match(await error.innerText(), /hold/i);
    await screenshot(page, 'admin-purge-refused');
    await purge.getByRole('button', { name: 'Cancel' }).click();
    const still = await graphql<{ archivedCustomer: { legalHold: boolean } | null }>(base, 'query($id: ID!) { archivedCustomer(id: $id) { legalHold } }', { id: customer!.id }, adminToken);
    assert.equal(still.archivedCustomer?.legalHold, true);
  });
});

describe('admin: archive and restore', () => {
  it('archives a customer, finds it in the Archive list, opens it and restores it', async () => {
    const [customer] = await activeCustomers(1, 20);
    await page.goto(`${base}/admin/customers/${customer!.id}/show`);
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    const dialog = page.getByTestId('archive-dialog');
    await dialog.locator('textarea[name="reason"]').fill('No orders since 2023');
    await dialog.getByTestId('action-confirm').click();
    await page.waitForURL(new RegExp(`/archived-customers/${customerIdIn('ArchivedCustomer', customer!.id)}/show$`));
    await page.getByTestId('archive-banner').waitFor();
    assert.equal(await statusOf(customer!.id), null);

    await page.locator('a[href="/admin/archived-customers"]').first().click();
    await rows(page);
    await page.locator('input[name="q"]').fill(customer!.code);
    const row = page.locator('.RaDatagrid-tbody tr', { hasText: customer!.code });
    await row.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-tbody tr').length === 1);
    assert.match(await row.innerText(), /No orders since 2023/);
    await page.locator('input[name="q"]').fill('');
    await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-tbody tr').length >= 1);
    await screenshot(page, 'admin-archive-list');
    await page.locator('input[name="q"]').fill(customer!.code);
    await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-tbody tr').length === 1);
    await row.locator('td.column-name').click();
    await page.waitForURL(new RegExp(`/archived-customers/${customerIdIn('ArchivedCustomer', customer!.id)}/show$`));
    await page.getByText('No orders since 2023').first().waitFor();
    await page.getByText(/^[0-9a-f]{64}$/).waitFor();
    await screenshot(page, 'admin-archive-show');

    await page.getByRole('button', { name: 'Restore' }).click();
    const restore = page.getByTestId('restore-dialog');
    await restore.locator('textarea[name="reason"]').fill('Archived by mistake');
    await restore.getByTestId('action-confirm').click();
    await page.waitForURL(new RegExp(`/customers/${customer!.id}/show$`));
    assert.equal(await statusOf(customer!.id), 'ACTIVE');
  });
});

describe('admin: archive old interactions', () => {
  it('archives a live customer\'s interactions before a date; the customer stays', async () => {
    const [customer] = await activeCustomers(1, 70);
    const count = async () => (await graphql<{ customer: { interactionCount: number } }>(base, 'query($id: ID!) { customer(id: $id) { interactionCount } }', { id: customer!.id }, adminToken)).customer.interactionCount;
    const before = await count();
    assert.ok(before > 0);
    await page.goto(`${base}/admin/customers/${customer!.id}/show`);
    await page.getByRole('button', { name: 'Archive old interactions' }).click();
    const dialog = page.getByTestId('archive-interactions-dialog');
    // A date in the future is refused on that input before anything is sent (the
    // server refuses it too); the confirm button waits for a valid date.
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    await dialog.locator('input[name="olderThan"]').fill(tomorrow);
    await dialog.locator('textarea[name="reason"]').fill('Old history out of the working set');
    assert.equal(await dialog.getByTestId('action-confirm').isDisabled(), true);
    await dialog.getByTestId('action-confirm-area').click();
    await dialog.getByText('Must not be in the future').waitFor();
    await dialog.locator('input[name="olderThan"]').fill(new Date().toISOString().slice(0, 10));
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    const after = await count();
    assert.ok(after < before, `${after} < ${before}`);
    await page.getByText(new RegExp(`^${before - after} interactions? archived$`)).waitFor();
    assert.equal(await statusOf(customer!.id), 'ACTIVE');
  });
});

describe('admin: purge', () => {
  it('puts a voided customer in the recycle bin by typing its code; the customer stays until its countdown ends', async () => {
    const [customer] = await activeCustomers(1, 30);
    await graphql(base, 'mutation($input: VoidCustomerInput!) { voidCustomer(input: $input) { customer { id } } }', {
      input: { id: customer!.id, reason: 'TEST_RECORD' },
    }, adminToken);
    await page.goto(`${base}/admin/customers/${customer!.id}/show`);
    await page.getByRole('button', { name: 'Purge' }).click();
    const dialog = page.getByTestId('purge-dialog');
    await dialog.locator('textarea[name="reason"]').fill('Test record, never a real customer');
    const confirm = dialog.getByTestId('action-confirm');
    await dialog.locator('input[name="confirm"]').fill(`${customer!.code}x`);
    assert.equal(await confirm.isDisabled(), true);
    await dialog.locator('input[name="confirm"]').fill(customer!.code);
    await screenshot(page, 'admin-purge-dialog');
    await confirm.click();
    await page.waitForURL(/\/voided-customers$/);
    assert.equal(await statusOf(customer!.id), 'VOID');
    const bin = await graphql<{ scheduledPurges: { nodes: { customerId: string; code: string; state: string }[] } }>(
      base, '{ scheduledPurges { nodes { customerId code state } } }', {}, adminToken);
    assert.deepEqual(bin.scheduledPurges.nodes.find((n) => n.customerId === customer!.id), { customerId: customer!.id, code: customer!.code, state: 'SCHEDULED' });
  });
});

describe('admin: policies and jobs', () => {
  let tagged: Row[] = [];

  it('creates a policy with the criteria builder, previews it, runs it and watches the job succeed', async () => {
    tagged = await activeCustomers(2, 40);
    for (const c of tagged) {
      const { customer } = await graphql<{ customer: { version: number; tags: string[] } }>(base, 'query($id: ID!) { customer(id: $id) { version tags } }', { id: c.id }, adminToken);
      await graphql(base, 'mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } } }', {
        input: { id: c.id, version: customer.version, tags: [...customer.tags, 'e2e-sunset'] },
      }, adminToken);
    }
    await page.locator('a[href="/admin/archive-policies"]').first().click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('input[name="name"]').fill('Sunset e2e accounts');
    await page.locator('textarea[name="description"], input[name="description"]').first().fill('Customers tagged e2e-sunset');
    await pickMany('Record status', ['Active']);
    await page.locator('input[name="criteria.tags"]').fill('e2e-sunset');
    await page.locator('input[name="retentionDays"]').fill('730');
    await page.locator('input[name="schedule"]').fill('0 3 * * *');
    await page.getByTestId('cron-hint').filter({ hasText: 'Every day at 03:00 UTC' }).waitFor();
    await page.getByTestId('preview-button').click();
    await page.getByTestId('policy-preview').waitFor();
    assert.equal(await page.getByTestId('preview-customer-count').getAttribute('data-value'), '2');
    for (const c of tagged) await page.getByTestId('preview-sample').getByText(c.code).waitFor();
    await screenshot(page, 'admin-policy-form');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/archive-policies\/[\w-]+\/show$/);
    await page.getByTestId('criteria-summary').getByText(/e2e-sunset/).waitFor();
    await screenshot(page, 'admin-policy-show');

    await page.getByTestId('run-policy').first().click();
    const run = page.getByTestId('run-dialog');
    await run.getByTestId('policy-preview').waitFor();
    await run.getByTestId('action-confirm').click();
    await page.waitForURL(/\/jobs\/[\w-]+\/show$/);
    // The jobs list (other jobs succeeded too, e.g. the first data-quality count) may still be leaving.
    await page.locator('[data-testid="job-details"] [data-testid="job-state"][data-state="SUCCEEDED"]').waitFor({ timeout: 60_000 });
    const progress = page.getByTestId('job-progress');
    assert.equal(await progress.getAttribute('data-done'), '2');
    assert.equal(await progress.getAttribute('data-total'), '2');
    await screenshot(page, 'admin-job-show');
    for (const c of tagged) assert.equal(await statusOf(c.id), null);
  });

  it('says "someone else changed this record" when a policy was saved meanwhile', async () => {
    const { archivePolicies } = await graphql<{ archivePolicies: { nodes: { id: string; version: number }[] } }>(base, '{ archivePolicies { nodes { id version } } }', {}, adminToken);
    const policy = archivePolicies.nodes[0]!;
    await page.goto(`${base}/admin/archive-policies/${policy.id}/edit`);
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    await graphql(base, 'mutation($input: UpdateArchivePolicyInput!) { updateArchivePolicy(input: $input) { policy { version } } }', {
      input: { id: policy.id, version: policy.version, description: 'changed by someone else' },
    }, await tokenFor(base, 'admin@example.com'));
    await name.fill('Sunset e2e accounts (stale)');
    await page.locator('button[type="submit"]').click();
    const notice = page.getByTestId('conflict-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Someone else changed this record — reload/);
    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="conflict-notice"]'));
    await name.fill('Sunset e2e accounts v2');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/archive-policies\/[\w-]+\/show$/);
    await page.getByText('Sunset e2e accounts v2').first().waitFor();
  });

  it('shows the policy run in the jobs list and classifies lifecycle stages', async () => {
    await page.locator('a[href="/admin/jobs"]').first().click();
    await (await rows(page)).filter({ hasText: 'Archive policy run' }).first().waitFor();
    await page.getByRole('button', { name: 'Classify lifecycle stages' }).click();
    const dialog = page.getByTestId('classify-dialog');
    assert.equal(await dialog.locator('input[name="activeDays"]').inputValue(), '90');
    await dialog.getByTestId('action-confirm').click();
    await page.waitForURL(/\/jobs\/[\w-]+\/show$/);
    await page.locator('[data-testid="job-details"] [data-testid="job-state"][data-state="SUCCEEDED"]').waitFor({ timeout: 60_000 });
    await page.locator('a[href="/admin/jobs"]').first().click();
    await (await rows(page)).filter({ hasText: 'Lifecycle classification' }).first().waitFor();
    await screenshot(page, 'admin-jobs');
  });

  it('re-encrypts under the current key from the jobs list (ADMIN only)', async () => {
    await page.locator('a[href="/admin/jobs"]').first().click();
    await page.getByRole('button', { name: 'Rotate encryption keys' }).click();
    const dialog = page.getByTestId('rotate-keys-dialog');
    await dialog.locator('textarea[name="reason"]').fill('E2E key rotation');
    await dialog.getByTestId('action-confirm').click();
    await page.waitForURL(/\/jobs\/[\w-]+\/show$/);
    await page.locator('[data-testid="job-details"] [data-testid="job-state"][data-state="SUCCEEDED"]').waitFor({ timeout: 60_000 });
    // The result in words; the raw result only behind its toggle.
    assert.match(await page.getByTestId('job-result-summary').innerText(), /live and \d+ archived customers re-encrypted/);
    assert.equal(await page.getByTestId('job-raw').count(), 0);
    await page.getByTestId('job-raw-toggle').click();
    await page.getByTestId('job-raw').getByText('liveCustomers', { exact: false }).first().waitFor();
    // Back to the jobs list, where the next test switches language.
    await page.locator('a[href="/admin/jobs"]').first().click();
    await (await rows(page)).filter({ hasText: 'Encryption key rotation' }).first().waitFor();
  });

  it('shows the new screens in Chinese', async () => {
    await switchLanguage(/English/i, '简体中文');
    await page.locator('a[href="/admin/archived-customers"]', { hasText: '归档' }).waitFor();
    await page.locator('th', { hasText: '状态' }).first().waitFor();
    await screenshot(page, 'admin-jobs-zh');
    await page.locator('a[href="/admin/archived-customers"]', { hasText: '归档' }).waitFor();
    // An explicit empty filter: the list would otherwise come back with the last search.
    await page.goto(`${base}/admin/archived-customers?filter=%7B%7D`);
    await page.locator('th', { hasText: '归档时间' }).first().waitFor();
    await screenshot(page, 'admin-archive-list-zh');
    await page.goto(`${base}/admin/archived-customers/${customerIdIn('ArchivedCustomer', tagged[0]!.id)}/show`);
    await page.getByText('归档信息').waitFor();
    await screenshot(page, 'admin-archive-show-zh');
    await page.goto(`${base}/admin/archive-policies/create`);
    await page.locator('input[name="schedule"]').fill('30 2 * * 1-5');
    await page.getByTestId('cron-hint').filter({ hasText: '每' }).waitFor();
    await page.getByTestId('cron-hint').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-policy-form-zh');
    await page.goto(`${base}/admin/voided-customers`);
    await page.locator('th', { hasText: '作废原因' }).first().waitFor();
    await screenshot(page, 'admin-voided-zh');
    await switchLanguage('简体中文', 'English');
    await page.locator('a[href="/admin/customers"]', { hasText: 'Customers' }).waitFor();
  });
});

describe('other roles', () => {
  it('sales1 may void their own customer but not archive, and sees no policies or jobs', async () => {
    await signInAs(page, base, 'sales1@example.com');
    const [own] = await activeCustomers(1, 0, await tokenFor(base, 'sales1@example.com'));
    await page.goto(`${base}/admin/customers/${own!.id}/show`);
    await page.getByRole('button', { name: 'Void' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Archive', exact: true }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Purge' }).count(), 0);
    assert.equal(await page.locator('a[href="/admin/archive-policies"]').count(), 0);
    assert.equal(await page.locator('a[href="/admin/jobs"]').count(), 0);
    await screenshot(page, 'sales-customer-show');
  });

  it('support sees the archive with contact data masked and no lifecycle buttons', async () => {
    await signInAs(page, base, 'support@example.com');
    await page.locator('a[href="/admin/archived-customers"]').first().click();
    await rows(page);
    const emails = (await page.locator('td.column-email').allInnerTexts()).filter((v) => v && v !== '—');
    assert.ok(emails.length > 0);
    for (const value of emails) assert.match(value, /\*/, `masked: ${value}`);
    await screenshot(page, 'support-archive-masked');
    await (await rows(page)).first().locator('td.column-name').click();
    await page.waitForURL(/\/archived-customers\/[\w-]+\/show$/);
    await page.locator('[data-masked="true"]').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Restore' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Purge' }).count(), 0);
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
