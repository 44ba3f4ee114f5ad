/**
 * Clean at the gate (issue 22) in a real browser against the real server: the duplicate
 * warning on the customer form (links and reasons in words, "Save anyway" under a WARN
 * rule, no save under a BLOCK rule, what SALES sees of a customer it may not see), and
 * the import wizard end to end in Chinese with a GB18030 CSV holding a bad row and a
 * duplicate, and a row repeating an earlier row's phone: mapping, preview, template, dry
 * run counts, the repeated row named by number, a per-row choice, the error file, the
 * import and its undo.
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
    await page.waitForURL(/\/admin\/customers\/[\w-]+\/show$/);
    assert.notEqual(/customers\/([\w-]+)\/show/.exec(page.url())![1], existing.id);
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

});

describe('customer import wizard', () => {
  it('runs end to end in Chinese: mapping, preview, dry run, a per-row choice, error file, import, undo', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const existing = await createCustomer({ name: '鹦鹉螺港务贸易', type: 'SMB', tier: 'STANDARD', region: 'CN-ZJ', phone: '+86 574 8765 4321' });
    await signInAs(page, base, 'admin@example.com');
    await page.goto(`${base}/admin/customers`);
    await page.locator('header button', { hasText: /English/i }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByTestId('menu-imports').click();
    const limits = page.getByTestId('import-limits');
    await limits.filter({ hasText: /最大 \d+(\.\d)? MB，最多 [\d,]+ 行/ }).waitFor();

    const csv = [
      '客户名称,手机,邮箱,地区,等级,备注',
      // Names far apart: rows are compared with the customers before them, so two similar
      // new names would make the second a duplicate of the first during the run.
      '琥珀溪茶叶合作社,13512340001,jia@nautilus-test.example,CN-ZJ,普通,展会名单',
      '鹦鹉螺港务贸易有限公司,0574-8765 4321,,CN-ZJ,重点客户,老客户', // the existing customer's phone, written differently
      '青松岭木器厂,12345,yi@nautilus-test.example,CN-ZJ,,电话写错', // planted error
      '银杏坡农场,13512340003,,CN-ZJ,长期客户,',
      '松鼠湾茶庄,135 1234 0001,,CN-ZJ,,同一电话', // row 1's phone, written differently: a duplicate within the file
    ].join('\r\n') + '\r\n';
    await page.getByTestId('import-file').setInputFiles({ name: '展会名单.csv', mimeType: 'text/csv', buffer: encodeGb18030(csv) });
    await page.waitForURL(/\/admin\/imports\/[\w-]+$/);
    const header = page.getByTestId('import-header');
    await header.filter({ hasText: 'GB18030' }).waitFor();
    assert.match(await header.innerText(), /5 行 · 已上传/);

    // Mapping suggested from the Chinese headers.
    const field = (i: number) => page.locator(`input[name="mapping-${i}"]`).inputValue();
    assert.deepEqual(await Promise.all([0, 1, 2, 3, 4, 5].map(field)), ['name', 'phone', 'email', 'region', 'tier', 'notes']);
    // Preview after normalization, problems in words.
    const preview = page.getByTestId('import-preview');
    const row2 = preview.locator('[data-testid="preview-row"][data-row="2"]');
    await row2.waitFor();
    assert.equal(await row2.locator('[data-field="phone"]').innerText(), '+8657487654321');
    assert.equal(await row2.locator('[data-field="tier"]').innerText(), '重点客户');
    const bad = preview.locator('[data-testid="preview-row"][data-row="3"]');
    assert.equal(await bad.getAttribute('data-problems'), 'true');
    assert.equal(await bad.getByTestId('preview-problems').innerText(), '电话：不是有效的电话号码（例如 +86 138 0013 8000）');
    await screenshot(page, 'admin-import-mapping-zh');

    // Remember the mapping as a template, then the dry run.
    await page.locator('input[name="templateName"]').fill('展会模板');
    await page.getByTestId('import-check').click();
    const dry = page.getByTestId('import-dry-run');
    await dry.waitFor({ timeout: 60_000 });
    const count = (where: string, key: string) => page.getByTestId(where).getByTestId(`count-${key}`).getAttribute('data-count');
    assert.deepEqual(await Promise.all(['created', 'updated', 'skipped', 'queued', 'errored'].map((k) => count('import-counts-dry', k))), ['2', '0', '2', '0', '1']);
    assert.match(await dry.innerText(), /将新建 2 个/);
    const duplicates = page.getByTestId('import-duplicates');
    assert.match(await duplicates.innerText(), /2 行与已有客户或本文件前面的行匹配/);
    // The row repeating an earlier row of the file: that row's number, in words.
    const repeat = duplicates.locator('[data-testid="duplicate-row"][data-row="5"]');
    assert.equal(await repeat.getByTestId('duplicate-row-earlier').getAttribute('data-rows'), '1');
    assert.equal(await repeat.getByTestId('duplicate-row-earlier').innerText(), '与本文件第 1 行重复');
    assert.equal(await repeat.getByTestId('duplicate-row-link').count(), 0);
    assert.match(await repeat.getByRole('combobox').innerText(), /^默认：跳过/, 'the default in words, not an empty box');

    // The duplicate row: a link to the existing customer, and update it instead of skipping.
    const dupRow = page.locator('[data-testid="duplicate-row"][data-row="2"]');
    assert.equal(await dupRow.getByTestId('duplicate-row-link').innerText(), `${existing.code} ${existing.name}`);
    await dupRow.getByRole('combobox').click();
    await page.getByRole('option', { name: '更新已有客户' }).click();
    await page.getByTestId('import-choices-changed').waitFor();
    await page.getByTestId('import-check-again').click();
    await page.getByTestId('import-counts-dry').getByTestId('count-updated').and(page.locator('[data-count="1"]')).waitFor({ timeout: 60_000 });
    assert.deepEqual(await Promise.all(['created', 'updated', 'skipped', 'errored'].map((k) => count('import-counts-dry', k))), ['2', '1', '1', '1']);
    await screenshot(page, 'admin-import-dry-run-zh');

    // The error file: the bad row with its reason in Chinese, the cells as they were.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-error-file').click()]);
    const errorFile = readFileSync(await download.path()).toString('utf8');
    assert.equal(download.suggestedFilename(), '展会名单-问题行.csv');
    assert.deepEqual(errorFile.replace(/^\uFEFF/, '').trim().split('\r\n'), [
      '行,字段,问题,客户名称,手机,邮箱,地区,等级,备注',
      '3,电话,不是有效的电话号码（例如 +86 138 0013 8000）,青松岭木器厂,12345,yi@nautilus-test.example,CN-ZJ,,电话写错',
    ]);

    // Run, confirmed with the counts.
    await page.getByTestId('import-run').click();
    const confirmRun = page.getByRole('dialog');
    assert.match(await confirmRun.innerText(), /新建 2 个，更新已有客户 1 个，跳过 1 行/);
    await confirmRun.getByRole('button', { name: '导入' }).click();
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    assert.deepEqual(await Promise.all(['created', 'updated', 'skipped', 'errored'].map((k) => count('import-counts-run', k))), ['2', '1', '1', '1']);
    const tierOf = async (id: string) => (await graphql<{ customer: { tier: string } | null }>(base, 'query($id: ID!) { customer(id: $id) { tier } }', { id }, adminToken)).customer?.tier;
    assert.equal(await tierOf(existing.id), 'KEY_ACCOUNT');
    assert.deepEqual([await countByName('琥珀溪茶叶'), await countByName('银杏坡农场'), await countByName('青松岭木器'), await countByName('松鼠湾茶庄')], [1, 1, 0, 0]);
    const setup = await graphql<{ customerImportSetup: { templates: { name: string }[] } }>(base, '{ customerImportSetup { templates { name } } }', {}, adminToken);
    assert.ok(setup.customerImportSetup.templates.some((t) => t.name === '展会模板'));
    await screenshot(page, 'admin-import-result-zh');

    // Undo, confirmed with the counts: the table as it was.
    await page.getByTestId('import-undo').click();
    const confirmUndo = page.getByRole('dialog');
    assert.match(await confirmUndo.innerText(), /新建的 2 个客户.*更新的 1 个客户/s);
    await confirmUndo.getByRole('button', { name: '撤销导入' }).click();
    await page.getByTestId('import-undone').waitFor({ timeout: 120_000 });
    assert.deepEqual(await Promise.all(['removed', 'voided', 'restored', 'kept'].map((k) => count('import-counts-undo', k))), ['2', '0', '1', '0']);
    assert.equal(await tierOf(existing.id), 'STANDARD');
    assert.deepEqual([await countByName('琥珀溪茶叶'), await countByName('银杏坡农场')], [0, 0]);
    await page.goto(`${base}/admin/customers`);
    await page.locator('header button', { hasText: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  });

  it('left no console errors', () => {
    assert.deepEqual(consoleProblems, []);
  });
});

/** GB18030 bytes of text (two-byte GBK codes; what Excel on Chinese Windows saves). */
function encodeGb18030(text: string): Buffer {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(pair[0], pair[1]);
    }
  }
  return Buffer.from(bytes);
}
