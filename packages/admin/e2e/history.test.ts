/**
 * A customer's History card in a real browser against the real server (issue 21): the
 * steps of an edited customer with before → after in words, revert of one field and of a
 * whole change through the confirm dialog with a reason, the Chinese card, and what a
 * role that reads a field masked (SUPPORT) sees in history.
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

interface Customer { id: string; version: number; name: string; email: string | null; tier: string }

const read = async (id: string) =>
  (await graphql<{ customer: Customer }>(base, 'query($id: ID!) { customer(id: $id) { id version name email tier } }', { id }, adminToken)).customer;

/** A fresh customer with one edit of three fields (name, email, tier). */
async function editedCustomer(label: string): Promise<Customer> {
  const created = await graphql<{ createCustomer: { customer: Customer } }>(
    base,
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id version name email tier } } }',
    { input: { name: `${label} 原名`, type: 'SMB', email: `${label.toLowerCase()}.old@example.com`, tier: 'STANDARD' } },
    adminToken,
  );
  const c = created.createCustomer.customer;
  await graphql(
    base,
    'mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } } }',
    { input: { id: c.id, version: c.version, name: `${label} 新名`, email: `${label.toLowerCase()}.new@example.com`, tier: 'KEY_ACCOUNT' } },
    adminToken,
  );
  return read(c.id);
}

async function openHistory(id: string) {
  await page.goto(`${base}/admin/customers/${id}/show`);
  const card = page.getByTestId('customer-history');
  await card.scrollIntoViewIfNeeded();
  await card.locator('[data-testid="history-entry"][data-action="CUSTOMER_UPDATED"]').waitFor();
  return card;
}

describe('History card', () => {
  it('shows the steps in words and reverts one field', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInAs(page, base, 'admin@example.com');
    const c = await editedCustomer('Hist');
    const card = await openHistory(c.id);
    const edit = card.locator('[data-testid="history-entry"][data-action="CUSTOMER_UPDATED"]');
    assert.match(await edit.innerText(), /Customer edited/);
    const email = edit.locator('[data-testid="history-change"][data-field="email"]');
    assert.equal(await email.getByTestId('history-from').innerText(), 'hist.old@example.com');
    assert.equal(await email.getByTestId('history-to').innerText(), 'hist.new@example.com');
    // Enum values as words, not codes.
    assert.equal(await edit.locator('[data-testid="history-change"][data-field="tier"]').getByTestId('history-to').innerText(), 'Key account');
    await screenshot(page, 'admin-customer-history');

    await email.getByTestId('history-revert-field').click();
    const dialog = page.getByTestId('revert-dialog');
    await dialog.locator('textarea[name="reason"]').fill('Email was typed into the wrong record');
    await dialog.getByTestId('action-confirm').click();
    await card.locator('[data-testid="history-entry"][data-action="CUSTOMER_REVERTED"]').waitFor();
    const after = await read(c.id);
    assert.equal(after.email, 'hist.old@example.com');
    assert.equal(after.name, 'Hist 新名');
    assert.equal(after.version, c.version + 1);
  });

  it('reverts a whole change', async () => {
    const c = await editedCustomer('Whole');
    const card = await openHistory(c.id);
    await card.locator('[data-testid="history-entry"][data-action="CUSTOMER_UPDATED"]').getByTestId('history-revert-all').click();
    const dialog = page.getByTestId('revert-dialog');
    assert.match(await dialog.innerText(), /Name, Tier, Email/);
    await dialog.locator('textarea[name="reason"]').fill('Edited the wrong customer');
    await dialog.getByTestId('action-confirm').click();
    await card.locator('[data-testid="history-entry"][data-action="CUSTOMER_REVERTED"]').waitFor();
    const after = await read(c.id);
    assert.deepEqual({ name: after.name, email: after.email, tier: after.tier }, { name: 'Whole 原名', email: 'whole.old@example.com', tier: 'STANDARD' });
  });

  it('shows the card in Chinese', async () => {
    const c = await editedCustomer('Zh');
    // The app bar hides while a page is scrolled down: switch from the top of a fresh page.
    await page.goto(`${base}/admin/customers`);
    await page.locator('header button', { hasText: /English/i }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    const card = await openHistory(c.id);
    await card.getByText('历史', { exact: true }).waitFor();
    const edit = card.locator('[data-testid="history-entry"][data-action="CUSTOMER_UPDATED"]');
    assert.match(await edit.innerText(), /编辑客户/);
    await edit.locator('[data-testid="history-change"][data-field="email"]').getByTestId('history-revert-field').click();
    const dialog = page.getByTestId('revert-dialog');
    await dialog.getByText('撤销更改').first().waitFor();
    await screenshot(page, 'admin-customer-history-zh');
    await dialog.locator('textarea[name="reason"]').fill('邮箱填错了客户');
    await dialog.getByTestId('action-confirm').click();
    await card.locator('[data-testid="history-entry"][data-action="CUSTOMER_REVERTED"]').waitFor();
    assert.equal((await read(c.id)).email, 'zh.old@example.com');
    await page.goto(`${base}/admin/customers`);
    await page.locator('header button', { hasText: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  });

  it('shows support masked values and no revert buttons', async () => {
    const c = await editedCustomer('Mask');
    await signInAs(page, base, 'support@example.com');
    const card = await openHistory(c.id);
    const email = card.locator('[data-testid="history-entry"][data-action="CUSTOMER_UPDATED"] [data-testid="history-change"][data-field="email"]');
    assert.equal(await email.getByTestId('history-to').innerText(), 'm***@example.com');
    assert.equal(await card.getByTestId('history-revert-field').count(), 0);
    assert.doesNotMatch(await card.innerText(), /mask\.new@example\.com/);
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
