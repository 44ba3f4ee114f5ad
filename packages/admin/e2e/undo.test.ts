/**
 * Undo (issue 18) in a real browser against a real server whose undo window is one
 * minute: a SALES user takes back their own void from its toast (unvoid is not theirs),
 * then, in Chinese, is refused once the window has passed; a MANAGER takes back a bulk
 * tag change from its toast and an archiving from the archived customer's page.
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
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready), { UNDO_WINDOW_MINUTES: '1' });

interface Row { id: string; code: string; name: string }

async function activeCustomers(count: number, offset: number, token = adminToken): Promise<Row[]> {
  const data = await graphql<{ customers: { nodes: Row[] } }>(
    base,
    'query($first: Int, $offset: Int) { customers(first: $first, offset: $offset, filter: { status: [ACTIVE] }, orderBy: [{ field: CODE, direction: ASC }]) { nodes { id code name } } }',
    { first: count, offset },
    token,
  );
  return data.customers.nodes;
}

async function customer(id: string): Promise<{ status: string; tags: string[]; voidReason: string | null } | null> {
  const data = await graphql<{ customer: { status: string; tags: string[]; voidReason: string | null } | null }>(
    base, 'query($id: ID!) { customer(id: $id) { status tags voidReason } }', { id }, adminToken,
  );
  return data.customer;
}

async function pick(scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function voidFromPage(id: string, reasonLabel: string, option: string, confirm: string) {
  await page.goto(`${base}/admin/customers/${id}/show`);
  await page.getByRole('button', { name: confirm }).click();
  const dialog = page.getByTestId('void-dialog');
  await pick(dialog, reasonLabel, option);
  await dialog.getByTestId('action-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('void-notice').waitFor();
}

/** The undo the browser keeps for this customer (react-admin's store), as the server named it. */
async function rememberedExpiry(customerId: string): Promise<number> {
  const expiresAt = await page.evaluate((id) => {
    const entries = JSON.parse(localStorage.getItem('RaStore.custos.undo') ?? '[]') as { operation: { expiresAt: string }; customerIds: string[] }[];
    return entries.find((e) => e.customerIds.includes(id))?.operation.expiresAt ?? null;
  }, customerId);
  assert.ok(expiresAt, 'the void is remembered for its window');
  return Date.parse(expiresAt);
}

async function switchLanguage(to: 'English' | '简体中文') {
  await page.locator('header button', { hasText: to === 'English' ? '简体中文' : /English/i }).click();
  await page.getByRole('menuitem', { name: to }).click();
  await page.locator('a[href="/admin/customers"]', { hasText: to === 'English' ? 'Customers' : '客户' }).waitFor();
}

describe('undo of a void by SALES', () => {
  it('takes back its own void from the toast, within the window', async () => {
    await signInAs(page, base, 'sales1@example.com');
    const [own] = await activeCustomers(1, 2, await tokenFor(base, 'sales1@example.com'));
    await voidFromPage(own!.id, 'Reason', 'Duplicate', 'Void');
    assert.equal((await customer(own!.id))!.status, 'VOID');
    // Unvoid is not a SALES action: no button for it.
    assert.equal(await page.getByRole('button', { name: 'Unvoid' }).count(), 0);
    const toast = page.getByTestId('undo-toast');
    await toast.waitFor();
    assert.match(await toast.innerText(), /Customer voided/);
    await screenshot(page, 'undo-void-toast');
    await toast.getByTestId('undo-toast-button').click();
    await page.getByText('Undone: 1 customer is as before').waitFor();
    await page.getByTestId('void-notice').waitFor({ state: 'detached' });
    assert.deepEqual(await customer(own!.id), { status: 'ACTIVE', tags: (await customer(own!.id))!.tags, voidReason: null });
  });

  it('is refused in Chinese once the window has passed, and the customer stays void', async () => {
    const [own] = await activeCustomers(1, 3, await tokenFor(base, 'sales1@example.com'));
    await switchLanguage('简体中文');
    await voidFromPage(own!.id, '原因', '测试记录', '作废');
    const expiry = await rememberedExpiry(own!.id);
    // Still offered on the customer's page after the toast has gone…
    const undo = page.getByTestId('void-notice').getByTestId('undo-button');
    await undo.waitFor();
    assert.equal(await undo.innerText(), '撤销');
    // …until the server's window has passed; a click then gets the server's refusal.
    await page.waitForFunction((at) => Date.now() > at + 1_000, expiry, { timeout: 90_000, polling: 500 });
    await undo.click();
    await page.getByText('此更改已无法撤销：撤销时限已过。').waitFor();
    await screenshot(page, 'undo-refused-zh');
    assert.equal((await customer(own!.id))!.status, 'VOID');
    // A refusal that is final takes the offer away.
    await undo.waitFor({ state: 'detached' });
    await switchLanguage('English');
  });
});

describe('undo of bulk tags and of an archiving by a MANAGER', () => {
  it('takes back a bulk tag change from its toast', async () => {
    await signInAs(page, base, 'manager@example.com');
    const picked = await activeCustomers(2, 20);
    const before = await Promise.all(picked.map(async (c) => (await customer(c.id))!.tags));
    await page.goto(`${base}/admin/customers?filter=${encodeURIComponent(JSON.stringify({ q: '' }))}&sort=code&order=ASC`);
    for (const c of picked) {
      const row = page.locator('.RaDatagrid-tbody tr', { hasText: c.code });
      await row.locator('input[type="checkbox"]').check();
    }
    await page.getByTestId('bulk-tag').click();
    const dialog = page.getByTestId('bulk-tag-dialog');
    await dialog.locator('input[name="add"]').fill('undo-e2e');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    for (const c of picked) assert.ok((await customer(c.id))!.tags.includes('undo-e2e'));
    const toast = page.getByTestId('undo-toast');
    await toast.getByTestId('undo-toast-button').click();
    await page.getByText('Undone: 2 customers are as before').waitFor();
    for (const [i, c] of picked.entries()) assert.deepEqual((await customer(c.id))!.tags, before[i]);
  });

  it('takes back an archiving from the archived customer\u2019s page', async () => {
    const [target] = await activeCustomers(1, 30);
    await page.goto(`${base}/admin/customers/${target!.id}/show`);
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    const dialog = page.getByTestId('archive-dialog');
    await dialog.locator('textarea[name="reason"]').fill('archived by mistake');
    await dialog.getByTestId('action-confirm').click();
    await page.waitForURL(new RegExp(`/archived-customers/${customerIdIn('ArchivedCustomer', target!.id)}/show$`));
    assert.equal(await customer(target!.id), null, 'no longer live');
    const undo = page.getByTestId('archive-banner').getByTestId('undo-button');
    await undo.click();
    await page.getByText('Undone: 1 customer is as before').waitFor();
    assert.equal((await customer(target!.id))!.status, 'ACTIVE');
    const events = await graphql<{ auditEvents: { nodes: { action: string }[] } }>(
      base, 'query($id: String) { auditEvents(first: 1, filter: { entityType: "Customer", entityId: $id }) { nodes { action } } }', { id: target!.id }, adminToken,
    );
    assert.equal(events.auditEvents.nodes[0]!.action, 'CUSTOMER_ARCHIVE_UNDONE');
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(session.consoleProblems, []);
  });
});
