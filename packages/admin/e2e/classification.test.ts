/**
 * Tag and segment management in a real browser against the real server: a tag is
 * created, put on two customers with the bulk tag action, counted, renamed and deleted
 * (the confirmation says how many customers lose it); a segment is built with the
 * customers list's filters, previewed, saved and used as the list's segment filter.
 * Only ADMIN and MANAGER get the screens.
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

async function tagsOf(id: string): Promise<string[]> {
  const data = await graphql<{ customer: { tags: string[] } }>(base, 'query($id: ID!) { customer(id: $id) { tags } }', { id }, adminToken);
  return data.customer.tags;
}

async function customerCount(filter: Record<string, unknown>): Promise<number> {
  const data = await graphql<{ customers: { totalCount: number } }>(base, 'query($filter: CustomerFilter) { customers(filter: $filter) { totalCount } }', { filter }, adminToken);
  return data.customers.totalCount;
}

const tagRow = (name: string) => page.locator('.RaDatagrid-tbody tr').filter({ has: page.locator('[data-testid="tag-chip"]', { hasText: new RegExp(`^${name}$`) }) });

async function waitListTotal(expected: number): Promise<void> {
  await page.waitForFunction((n) => {
    const text = document.querySelector('.MuiTablePagination-displayedRows')?.textContent ?? '';
    const match = /(?:of|共)\s*([\d,]+)/.exec(text);
    return !!match && Number(match[1]!.replace(/,/g, '')) === n;
  }, expected);
}

describe('tags', () => {
  let picked: { id: string; code: string }[] = [];

  it('creates a tag with a colour and a description', async () => {
    await signInAs(page, base, 'admin@example.com');
    await page.locator('a[href="/admin/tags"]').first().click();
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('input[name="name"]').fill('e2e-金牌');
    await page.locator('input[name="color"]').fill('#C62828');
    await page.locator('textarea[name="description"]').fill('Gold customers from the e2e test');
    await screenshot(page, 'admin-tag-create');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/tags(\?.*)?$/);
    const row = tagRow('e2e-金牌');
    await row.waitFor();
    assert.equal(await row.getByTestId('tag-count').getAttribute('data-count'), '0');
    assert.match(await row.innerText(), /Gold customers from the e2e test/);
    // Shown in its colour (#c62828, stored in lower case).
    const background = await row.getByTestId('tag-chip').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(background, 'rgb(198, 40, 40)');
  });

  it('is put on two customers with the bulk tag action and counted', async () => {
    const listed = await graphql<{ customers: { nodes: { id: string; code: string }[] } }>(
      base, '{ customers(first: 2, orderBy: [{ field: CODE, direction: ASC }]) { nodes { id code } } }', {}, adminToken,
    );
    picked = listed.customers.nodes;
    await page.goto(`${base}/admin/customers?filter=${encodeURIComponent('{}')}&sort=code&order=ASC`);
    for (const c of picked) await page.locator('.RaDatagrid-tbody tr').filter({ hasText: c.code }).locator('input[type="checkbox"]').check();
    await page.getByTestId('bulk-tag').click();
    const dialog = page.getByTestId('bulk-tag-dialog');
    await dialog.locator('input[name="add"]').fill('e2e-金牌');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    for (const c of picked) assert.ok((await tagsOf(c.id)).includes('e2e-金牌'));

    await page.goto(`${base}/admin/tags`);
    await tagRow('e2e-金牌').getByTestId('tag-count').and(page.locator('[data-count="2"]')).waitFor();
    await screenshot(page, 'admin-tags');
  });

  it('is renamed: the customers carrying it are re-tagged', async () => {
    await tagRow('e2e-金牌').locator('td').first().click();
    await page.waitForURL(/\/admin\/tags\/.+$/);
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    assert.equal(await name.inputValue(), 'e2e-金牌');
    await name.fill('e2e-gold');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/tags(\?.*)?$/);
    await tagRow('e2e-gold').getByTestId('tag-count').and(page.locator('[data-count="2"]')).waitFor();
    assert.equal(await tagRow('e2e-金牌').count(), 0);
    for (const c of picked) {
      const tags = await tagsOf(c.id);
      assert.ok(tags.includes('e2e-gold') && !tags.includes('e2e-金牌'), `${c.code}: ${tags.join(', ')}`);
    }
  });

  it('is deleted after a confirmation saying how many customers lose it', async () => {
    await tagRow('e2e-gold').getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Delete the tag "e2e-gold"?').waitFor();
    assert.match(await dialog.innerText(), /2 active customers carry it and will lose it/);
    await screenshot(page, 'admin-tag-delete');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="tag-chip"]')].some((c) => c.textContent === 'e2e-gold'));
    for (const c of picked) assert.ok(!(await tagsOf(c.id)).includes('e2e-gold'));
  });
});

describe('segments', () => {
  it('builds a segment with the customers filters, previews its count, saves it and filters the customers list by it', async () => {
    const expected = await customerCount({ tags: ['vip'], type: ['SMB'] });
    assert.ok(expected > 0, 'the seed has small businesses tagged vip');
    await page.goto(`${base}/admin/segments/create`);
    await page.locator('input[name="name"]').fill('E2E 中小企业 VIP');
    await page.locator('input[name="filter.tags"]').fill('vip');
    await page.getByRole('combobox', { name: /^Type/ }).click();
    await page.getByRole('option', { name: 'Small business' }).click();
    await page.keyboard.press('Escape');
    await page.locator(`[data-testid="segment-preview"][data-count="${expected}"]`).waitFor();
    await screenshot(page, 'admin-segment-create');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/segments(\?.*)?$/);
    const row = page.locator('.RaDatagrid-tbody tr').filter({ hasText: 'E2E 中小企业 VIP' });
    assert.equal(await row.getByTestId('segment-count').getAttribute('data-count'), String(expected));
    await screenshot(page, 'admin-segments');

    await page.goto(`${base}/admin/customers?filter=${encodeURIComponent('{}')}`);
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    await page.locator('button.add-filter').click();
    await page.locator('li.new-filter-item[data-key="segmentId"]').click();
    await page.getByRole('combobox', { name: /^Segment/ }).click();
    await page.getByRole('option', { name: 'E2E 中小企业 VIP' }).click();
    await waitListTotal(expected);
    await screenshot(page, 'admin-customers-by-segment');
  });

  it('shows the screens in Chinese', async () => {
    await page.goto(`${base}/admin/tags`);
    await page.locator('.RaDatagrid-tbody tr').first().waitFor();
    await page.locator('header button', { hasText: /English/i }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.locator('th', { hasText: '客户数' }).first().waitFor();
    await page.locator('a[href="/admin/segments"]', { hasText: '客户分群' }).waitFor();
    await screenshot(page, 'admin-tags-zh');
    await page.locator('header button', { hasText: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.locator('a[href="/admin/tags"]', { hasText: 'Tags' }).waitFor();
  });
});

describe('who manages tags and segments', () => {
  it('manager does; sales and support do not get the screens', async () => {
    await signInAs(page, base, 'manager@example.com');
    await page.locator('a[href="/admin/tags"]').first().waitFor();
    await page.locator('a[href="/admin/segments"]').first().waitFor();
    for (const email of ['sales1@example.com', 'support@example.com']) {
      await signInAs(page, base, email);
      await page.locator('a[href="/admin/customers"]').first().waitFor();
      assert.equal(await page.locator('a[href="/admin/tags"]').count(), 0, email);
      assert.equal(await page.locator('a[href="/admin/segments"]').count(), 0, email);
    }
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
