/**
 * Data-subject requests in a real browser against the real server (issue 21): the register
 * with due dates and an overdue request standing out, a request recorded through the form,
 * its matches, the access export gathered by the server's job and its summary downloaded in
 * the subject's language, closing it; and in Chinese, an erasure request whose match is
 * erased only after its count is typed. At 1,366×768.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

async function customer(name: string, email: string, body: string): Promise<{ id: string; code: string }> {
  const created = await graphql<{ createCustomer: { customer: { id: string; code: string } } }>(
    base,
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id code } } }',
    { input: { name, type: 'INDIVIDUAL', email } },
    adminToken,
  );
  const c = created.createCustomer.customer;
  await graphql(base, 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { interaction { id } } }', {
    input: { customerId: c.id, kind: 'CALL', subject: 'call', body },
  }, adminToken);
  return c;
}

async function request(input: Record<string, unknown>): Promise<string> {
  const data = await graphql<{ createSubjectRequest: { subjectRequest: { id: string } } }>(
    base,
    'mutation($input: CreateSubjectRequestInput!) { createSubjectRequest(input: $input) { subjectRequest { id } } }',
    { input: { regime: 'GDPR', language: 'EN', receivedOn: '2026-01-05', ...input } },
    adminToken,
  );
  return data.createSubjectRequest.subjectRequest.id;
}

async function switchLanguage(from: RegExp | string, to: string) {
  await page.goto(`${base}/admin/subject-requests`);
  await page.locator('header button', { hasText: from }).click();
  await page.getByRole('menuitem', { name: to }).click();
}

describe('Subject requests', () => {
  it('lists requests by due date with the overdue one standing out, and records one through the form', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInAs(page, base, 'admin@example.com');
    const subject = await customer('Liu Yang', 'liu.yang@example.com', 'E2E-DSR-CALL');
    await customer('Liu Yang', 'liu.yang.other@example.com', 'E2E-OTHER-CALL');
    const overdue = await request({ kind: 'ACCESS', email: 'someone.late@example.com', reference: 'E2E-LATE' });
    await page.goto(`${base}/admin/subject-requests`);
    const late = page.locator('[data-testid="subject-due"][data-overdue="true"]').first();
    await late.waitFor();
    assert.match(await late.innerText(), /Overdue/);
    assert.ok(await page.getByText('E2E-LATE').isVisible());
    assert.ok(overdue);
    await screenshot(page, 'admin-subject-requests-list');

    await page.getByRole('link', { name: /Create/ }).click();
    await page.locator('input[name="reference"]').fill('E2E-ACCESS');
    await page.locator('input[name="email"]').fill('liu.yang@example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/subject-requests\/[\w-]+\/show/);
    const matches = page.getByTestId('subject-matches');
    await matches.locator(`[data-testid="subject-match"][data-customer="${subject.id}"]`).waitFor();
    assert.equal(await matches.getByTestId('subject-match').count(), 1);
    assert.match(await matches.innerText(), /Email/);
    assert.match(await page.locator('[data-testid="subject-step"][data-action="RECEIVED"]').innerText(), /Request recorded/);
    await screenshot(page, 'admin-subject-request-show');
  });

  it('gathers the subject\u2019s data, downloads the summary in the subject\u2019s language, and closes the request', async () => {
    await page.getByTestId('subject-run-export').click();
    // The page follows the job until the export is there.
    const card = page.getByTestId('subject-export');
    await card.waitFor({ timeout: 120_000 });
    assert.match(await card.innerText(), /1 record, 1 interaction/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('subject-download-html').click()]);
    assert.match(download.suggestedFilename(), /^custos-subject-access-\d+\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    // Recorded with the form's default language, Simplified Chinese.
    assert.match(html, /我们持有的您的个人信息/);
    assert.match(html, /E2E-DSR-CALL/);
    assert.doesNotMatch(html, /E2E-OTHER-CALL|liu\.yang\.other/);
    await page.locator('[data-testid="subject-step"][data-action="EXPORT_DOWNLOADED"]').waitFor();
    await page.getByTestId('subject-complete').click();
    const dialog = page.getByTestId('subject-complete-dialog');
    await dialog.locator('textarea[name="note"]').fill('Sent by email');
    await dialog.getByTestId('action-confirm').click();
    await page.locator('[data-testid="subject-step"][data-action="FULFILLED"]').waitFor();
    assert.match(await page.locator('main').innerText(), /Answered/);
    // Closed: the identifiers are kept masked only.
    assert.match(await page.locator('main').innerText(), /l\*\*\*@example\.com/);
    assert.equal(await page.getByTestId('subject-run-export').count(), 0);
  });

  it('erases a match of an erasure request in Chinese, after its count is typed', async () => {
    const subject = await customer('Zhao Min', 'zhao.min@example.com', 'E2E-ERASE-CALL');
    const id = await request({ kind: 'ERASURE', regime: 'PIPL', language: 'ZH_CN', receivedOn: '2026-12-01', email: 'zhao.min@example.com' });
    await switchLanguage(/English/i, '简体中文');
    await page.goto(`${base}/admin/subject-requests/${id}/show`);
    const matches = page.getByTestId('subject-matches');
    await matches.getByText('与该个人相关的记录').waitFor();
    await matches.locator(`[data-testid="subject-match"][data-customer="${subject.id}"]`).getByTestId('subject-match-pick').click();
    await matches.getByTestId('subject-erase').click();
    const dialog = page.getByTestId('subject-erase-dialog');
    await dialog.getByText(/将删除1条记录/).waitFor();
    assert.ok(await dialog.getByTestId('action-confirm').isDisabled());
    await dialog.locator('input[name="confirmCount"]').fill('1');
    await screenshot(page, 'admin-subject-request-erase-zh');
    await dialog.getByTestId('action-confirm').click();
    await page.locator('[data-testid="subject-step"][data-action="ERASED"]').waitFor();
    assert.match(await page.locator('[data-testid="subject-step"][data-action="ERASED"]').innerText(), /个人信息已删除/);
    assert.match(await page.locator('main').innerText(), /处理中/);
    const after = await graphql<{ customer: { email: string | null } }>(base, `query { customer(id: "${subject.id}") { email } }`, {}, adminToken);
    assert.equal(after.customer.email, null);
    await page.goto(`${base}/admin/subject-requests`);
    await page.getByText('答复期限').first().waitFor();
    await screenshot(page, 'admin-subject-requests-list-zh');
    await switchLanguage('简体中文', 'English');
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
