/**
 * Clean at the gate (issue 22) in a real browser against the real server: the duplicate
 * warning on the customer form (links and reasons in words, "Save anyway" under a WARN
 * rule, no save under a BLOCK rule, what SALES sees of a customer it may not see).
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

const createCustomer = async (input: Record<string, unknown>) =>
  (await graphql<{ createCustomer: { customer: { id: string; code: string; name: string } } }>(
    base,
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id code name } } }',
    { input },
    adminToken,
  )).createCustomer.customer;

const setRule = (kind: string, action: string) =>
  graphql(base, 'mutation($input: SetDuplicateRuleInput!) { setDuplicateRule(input: $input) { rule { kind action } } }', { input: { kind, action } }, adminToken);

const countByName = async (name: string) =>
  (await graphql<{ customers: { totalCount: number } }>(base, 'query($q: String) { customers(filter: { search: $q }) { totalCount } }', { q: name }, adminToken)).customers.totalCount;

describe('duplicate warning on the customer form', () => {
  it('shows an existing customer with the same phone, formatted differently, and saves anyway', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const existing = await createCustomer({ name: 'Gate Existing 门前客户', type: 'SMB', region: 'CN-SH', phone: '+86 139-8877-6655' });
    await signInAs(page, base, 'admin@example.com');
    await page.goto(`${base}/admin/customers/create`);
    await page.locator('input[name="name"]').fill('Gate Newcomer 新客户');
    await page.locator('input[name="phone"]').fill('139 8877 6655');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    assert.equal(await warning.getAttribute('data-blocked'), 'false');
    const link = warning.getByTestId('duplicate-link');
    assert.equal(await link.innerText(), `${existing.code} ${existing.name}`);
    assert.match(await link.getAttribute('href') ?? '', new RegExp(`/admin/customers/${existing.id}/show$`));
    const text = await warning.innerText();
    assert.match(text, /Possible duplicate: 1 existing customer matches/);
    assert.match(text, /same phone number/);
    assert.match(text, /\d+% likely the same/);
    assert.doesNotMatch(text, /PHONE|WARN/, 'reasons in words, not codes');
    const save = page.getByTestId('customer-save');
    assert.equal((await save.textContent())?.trim(), 'Save anyway');
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-customer-duplicate-warning');
    await save.click();
    await page.waitForURL(/\/admin\/customers\/\d+\/show$/);
    assert.notEqual(/customers\/(\d+)\/show/.exec(page.url())![1], existing.id);
  });

  it('refuses the save while a BLOCK rule matches, in Chinese', async () => {
    await setRule('PHONE', 'BLOCK');
    try {
      await page.goto(`${base}/admin/customers/create`);
      await page.locator('header button', { hasText: /English/i }).click();
      await page.getByRole('menuitem', { name: '简体中文' }).click();
      await page.locator('input[name="name"]').fill('Gate Blocked 被拦截');
      await page.locator('input[name="phone"]').fill('13988776655');
      const warning = page.locator('[data-testid="duplicate-warning"][data-blocked="true"]');
      await warning.waitFor();
      const text = await warning.innerText();
      assert.match(text, /电话相同/);
      assert.match(text, /查重规则不允许保存/);
      assert.equal(await page.getByTestId('customer-save').isDisabled(), true);
      await screenshot(page, 'admin-customer-duplicate-blocked-zh');
      assert.equal(await countByName('Gate Blocked'), 0);
    } finally {
      await setRule('PHONE', 'WARN');
      await page.goto(`${base}/admin/customers`);
      await page.locator('header button', { hasText: '简体中文' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
    }
  });

  it('tells SALES a customer it may not see exists, without naming it', async () => {
    await createCustomer({ name: 'Gate Hidden 他人客户', type: 'SMB', region: 'CN-BJ', email: 'gate.hidden@example.com' });
    await signInAs(page, base, 'sales1@example.com');
    await page.goto(`${base}/admin/customers/create`);
    await page.locator('input[name="name"]').fill('Gate Sales 销售新客户');
    await page.locator('input[name="email"]').fill('Gate.Hidden@Example.com');
    const warning = page.getByTestId('duplicate-warning');
    await warning.getByTestId('duplicate-hidden').waitFor();
    const text = await warning.innerText();
    assert.match(text, /A customer you cannot see/);
    assert.match(text, /same email/);
    assert.doesNotMatch(text, /Gate Hidden/);
    assert.equal(await warning.getByTestId('duplicate-link').count(), 0);
  });

  it('left no console errors', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
