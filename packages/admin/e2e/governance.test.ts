/**
 * The approvals inbox and the recycle bin in a real browser against the real server
 * (issue 21): a PURGE_NOW request by a second administrator is offered to the signed-in
 * one with its counts, approved through the confirmation (and the customer is purged by
 * the job); the requester sees no buttons on their own request; a purge waits in the
 * recycle bin with its countdown in words and is taken out again, in English and Chinese.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { DEMO_PASSWORD, graphql, tokenFor } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready));
const consoleProblems = session.consoleProblems;

/** A VOID customer with a code, for purge requests. */
async function voidedCustomer(label: string): Promise<{ id: string; code: string }> {
  const created = await graphql<{ createCustomer: { customer: { id: string; code: string; version: number } } }>(
    base, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id code version } } }',
    { input: { name: `${label} 待删`, type: 'SMB' } }, adminToken);
  const c = created.createCustomer.customer;
  await graphql(base, 'mutation($input: VoidCustomerInput!) { voidCustomer(input: $input) { customer { id } } }', { input: { id: c.id, reason: 'TEST_RECORD' } }, adminToken);
  return { id: c.id, code: c.code };
}

let secondAdmin = '';
async function secondAdminToken(): Promise<string> {
  if (!secondAdmin) {
    await graphql(base, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
      input: { email: 'admin2.e2e@example.com', displayName: 'Second admin', role: 'ADMIN', password: DEMO_PASSWORD },
    }, adminToken);
    secondAdmin = await tokenFor(base, 'admin2.e2e@example.com');
  }
  return secondAdmin;
}

async function switchTo(from: RegExp | string, to: string) {
  await page.goto(`${base}/admin/customers`);
  await page.locator('header button', { hasText: from }).click();
  await page.getByRole('menuitem', { name: to }).click();
}

describe('approvals inbox', () => {
  it('offers someone else\u2019s request with its counts, approves it after confirming, and the job purges the customer', async () => {
    const c = await voidedCustomer('Approve');
    const token = await secondAdminToken();
    const asked = await graphql<{ requestApproval: { request: { id: string } } }>(base,
      'mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { request { id } } }',
      { input: { operation: 'PURGE_NOW', reason: 'Court order, urgent', customerIds: [c.id], confirm: c.code } }, token);
    const id = asked.requestApproval.request.id;
    await page.goto(`${base}/admin/approvals`);
    const row = page.getByTestId(`approval-${id}`);
    await row.getByText('Delete a customer at once').waitFor();
    assert.match(await row.innerText(), /1 customers, 0 interactions, 0 under legal hold/);
    await page.getByTestId('awaiting-you').getByText(/wait/).waitFor();
    await screenshot(page, 'admin-approvals-inbox');
    await row.getByTestId(`approve-${id}`).click();
    const dialog = page.getByTestId('decide-dialog');
    await dialog.getByText('Approve this request?').waitFor();
    await dialog.getByTestId('action-confirm').click();
    await page.getByText('Approved: it runs in the background now').waitFor();
    for (let i = 0; i < 200; i++) {
      const data = await graphql<{ customer: unknown }>(base, 'query($id: ID!) { customer(id: $id) { id } }', { id: c.id }, adminToken);
      if (data.customer === null) break;
      await page.waitForTimeout(100);
    }
    const left = await graphql<{ customer: unknown }>(base, 'query($id: ID!) { customer(id: $id) { id } }', { id: c.id }, adminToken);
    assert.equal(left.customer, null);
  });

  it('offers no buttons on one\u2019s own request, and shows the inbox in Chinese', async () => {
    const c = await voidedCustomer('Own');
    const asked = await graphql<{ requestApproval: { request: { id: string } } }>(base,
      'mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { request { id } } }',
      { input: { operation: 'PURGE_NOW', reason: 'Mine', customerIds: [c.id], confirm: c.code } }, adminToken);
    const id = asked.requestApproval.request.id;
    await switchTo(/English/i, '简体中文');
    await page.goto(`${base}/admin/approvals`);
    const row = page.getByTestId(`approval-${id}`);
    await row.getByText('立即彻底删除客户').waitFor();
    assert.equal(await row.getByTestId(`approve-${id}`).count(), 0);
    assert.equal(await row.getByTestId(`reject-${id}`).count(), 0);
    await page.getByTestId('approval-state-PENDING').getByText(/待审批/).waitFor();
    await screenshot(page, 'admin-approvals-inbox-zh');
    await switchTo('简体中文', 'English');
  });
});

describe('recycle bin', () => {
  it('lists a waiting purge with its countdown in words, and takes it out after confirming (English)', async () => {
    const c = await voidedCustomer('Bin');
    await graphql(base, 'mutation($id: ID!, $code: String!) { purgeCustomer(input: { id: $id, reason: "Asked to be deleted", confirm: $code }) { scheduledPurge { id } } }', { id: c.id, code: c.code }, adminToken);
    await page.goto(`${base}/admin/recycle-bin`);
    const row = page.getByTestId(`bin-${c.code}`);
    await row.getByText('Asked to be deleted').waitFor();
    assert.match(await row.getByTestId('bin-countdown').innerText(), /in 30 days/);
    await screenshot(page, 'admin-recycle-bin');
    await row.getByRole('button', { name: 'Keep the customer' }).click();
    const dialog = page.getByTestId('cancel-purge-dialog');
    await dialog.locator('textarea[name="reason"]').fill('The customer came back');
    await dialog.getByTestId('action-confirm').click();
    await page.getByText(`${c.code} was taken out of the recycle bin`).waitFor();
    const status = await graphql<{ customer: { status: string } }>(base, 'query($id: ID!) { customer(id: $id) { status } }', { id: c.id }, adminToken);
    assert.equal(status.customer.status, 'VOID');
  });

  it('shows the countdown and takes a purge out in Chinese', async () => {
    const c = await voidedCustomer('BinZh');
    await graphql(base, 'mutation($id: ID!, $code: String!) { purgeCustomer(input: { id: $id, reason: "客户要求删除", confirm: $code }) { scheduledPurge { id } } }', { id: c.id, code: c.code }, adminToken);
    await switchTo(/English/i, '简体中文');
    await page.goto(`${base}/admin/recycle-bin`);
    const row = page.getByTestId(`bin-${c.code}`);
    await row.getByText('客户要求删除').waitFor();
    assert.match(await row.getByTestId('bin-countdown').innerText(), /30\s*天后/);
    await screenshot(page, 'admin-recycle-bin-zh');
    await row.getByRole('button', { name: '保留客户' }).click();
    const dialog = page.getByTestId('cancel-purge-dialog');
    await dialog.locator('textarea[name="reason"]').fill('客户回来了');
    await dialog.getByTestId('action-confirm').click();
    await page.getByText(`已从回收站取回 ${c.code}`).waitFor();
    await switchTo('简体中文', 'English');
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
