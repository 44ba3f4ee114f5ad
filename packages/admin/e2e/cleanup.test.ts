import { globalId } from '../src/shared/global-id.ts';
/**
 * Cleanup and archive search in a real browser against the real server: detect
 * duplicates → merge wizard → preview → merge → Merges → unmerge; a data-quality fix
 * applied inline; a normalization preview and its job; an archived customer found by a
 * two-character Chinese query and narrowed by a facet; the Chinese screens; and that
 * sales is not offered duplicates or merges.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, WebSocket } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { graphql, tokenFor } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready));
const consoleProblems = session.consoleProblems;
/** The two Chinese characters the archive search test found its customer by. */
let searchTerm = '科技';

async function statusOf(id: string): Promise<string | null> {
  const data = await graphql<{ customer: { status: string } | null }>(base, 'query($id: ID!) { customer(id: $id) { status } }', { id }, adminToken);
  return data.customer?.status ?? null;
}

/** Frames the page received over WebSockets (the jobUpdated subscription's). */
const pushed: string[] = [];
const recordFrames = (socket: WebSocket) => socket.on('framereceived', (frame) => pushed.push(String(frame.payload)));
const pushedJobStates = (from: number) =>
  pushed.slice(from).flatMap((p) => [...p.matchAll(/"jobUpdated":\{"id":"[\w-]+","state":"(\w+)"/g)].map((m) => m[1]));

async function waitJob(state = 'SUCCEEDED') {
  await page.locator(`[data-testid="job-follower"] [data-testid="job-state"][data-state="${state}"]`).waitFor({ timeout: 120_000 });
}

describe('admin: duplicates and merges', () => {
  it('detects duplicates, merges a group with the wizard, and unmerges it from Merges', async () => {
    page.on('websocket', recordFrames);
    await signInAs(page, base, 'admin@example.com');
    await page.getByTestId('menu-duplicates').click();
    await page.getByTestId('duplicates-page').waitFor();
    const framesBefore = pushed.length;
    await page.getByTestId('detect-duplicates').click();
    await waitJob();
    // The follower was told by the server (the subscription), not only by polling.
    assert.ok(pushedJobStates(framesBefore).includes('SUCCEEDED'), `jobUpdated pushed the end: ${pushed.slice(framesBefore).join(' ')}`);
    const group = page.getByTestId('duplicate-group').first();
    await group.waitFor();
    await screenshot(page, 'admin-duplicates');
    const codes = (await group.locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim());
    assert.ok(codes.length >= 2, 'a group has at least two members');
    await group.getByTestId('open-merge').click();
    const wizard = page.getByTestId('merge-wizard');
    await wizard.waitFor();
    // The second member's email goes to the survivor (the first member).
    await wizard.getByTestId(`pick-EMAIL-${codes[1]}`).check();
    await wizard.getByTestId('merge-preview-button').click();
    await wizard.getByTestId('merge-preview').waitFor();
    const pickedEmail = (await wizard.getByTestId(`pick-EMAIL-${codes[1]}`).locator('xpath=ancestor::label').innerText()).trim();
    assert.equal((await wizard.getByTestId('result-EMAIL').innerText()).trim(), pickedEmail);
    await screenshot(page, 'admin-merge-wizard');
    await wizard.getByTestId('merge-confirm').click();
    await wizard.waitFor({ state: 'detached' });

    const merges = await graphql<{ merges: { nodes: { id: string; survivor: { id: string }; mergedIds: string[] }[] } }>(
      base, 'query { merges(first: 1) { nodes { id survivor { id } mergedIds } } }', {}, adminToken,
    );
    const latest = merges.merges.nodes[0]!;
    assert.equal(await statusOf(latest.mergedIds[0]!), 'MERGED');

    // The merged customer's page points at the survivor.
    await page.goto(`${base}/admin/customers/${latest.mergedIds[0]}/show`);
    await page.getByTestId('merged-notice').waitFor();
    assert.match(await page.getByTestId('merged-into-link').getAttribute('href') ?? '', new RegExp(`/customers/${latest.survivor.id}/show$`));

    await page.getByTestId('menu-merges').click();
    const row = page.locator(`[data-testid="merge-row"][data-id="${latest.id}"]`);
    await row.waitFor();
    await screenshot(page, 'admin-merges');
    await row.getByTestId('unmerge').click();
    const dialog = page.getByTestId('unmerge-dialog');
    await dialog.locator('textarea[name="reason"]').fill('Not the same company after all');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await row.locator('[data-testid="merge-state"][data-state="UNDONE"]').waitFor();
    assert.equal(await statusOf(latest.survivor.id), 'ACTIVE');
    for (const id of latest.mergedIds) assert.equal(await statusOf(id), 'ACTIVE');
  });
});

describe('admin: a stale merge', () => {
  it('says someone else changed a record when a member was edited after the wizard read it, and reloads', async () => {
    await page.getByTestId('menu-duplicates').click();
    const group = page.getByTestId('duplicate-group').first();
    await group.waitFor();
    const code = (await group.locator('tbody tr td:first-child').first().innerText()).trim();
    await group.getByTestId('open-merge').click();
    const wizard = page.getByTestId('merge-wizard');
    await wizard.getByTestId('merge-preview-button').click();
    await wizard.getByTestId('merge-preview').waitFor();
    // Someone else edits the first member meanwhile.
    const found = await graphql<{ customers: { nodes: { id: string; version: number; notes: string | null }[] } }>(
      base, 'query($q: String) { customers(first: 1, filter: { search: $q }) { nodes { id version notes } } }', { q: code }, adminToken,
    );
    const member = found.customers.nodes[0]!;
    await graphql(base, 'mutation($id: ID!, $version: Int!) { updateCustomer(input: { id: $id, version: $version, notes: "edited elsewhere" }) { customer { id } } }', { id: member.id, version: member.version }, adminToken);
    await wizard.getByTestId('merge-confirm').click();
    await wizard.locator('[data-testid="action-error"][data-code="CONFLICT"]').waitFor();
    assert.match(await wizard.getByTestId('action-error').innerText(), /Someone else changed this record/);
    await screenshot(page, 'admin-merge-conflict');
    await wizard.getByTestId('merge-reload').click();
    await wizard.waitFor({ state: 'detached' });
    assert.equal(await statusOf(member.id), 'ACTIVE');
  });
});

describe('admin: an unmerge that cannot be undone', () => {
  it('shows the blockers when the survivor was archived after the merge', async () => {
    const groups = await graphql<{ duplicateCandidates: { nodes: { customers: { id: string; version: number }[] }[] } }>(
      base, 'query { duplicateCandidates(first: 5) { nodes { customers { id version } } } }', {}, adminToken,
    );
    const [survivor, ...merged] = groups.duplicateCandidates.nodes.at(-1)!.customers;
    const made = await graphql<{ mergeCustomers: { merge: { id: string } } }>(
      base, 'mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { merge { id } } }',
      { input: { survivorId: survivor!.id, mergedIds: merged.map((c) => c.id), versions: [survivor!, ...merged].map((c) => ({ id: c.id, version: c.version })), dryRun: false } },
      adminToken,
    );
    await graphql(base, 'mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "archived after merge" }) { failures { id } } }', { ids: [survivor!.id] }, adminToken);
    await page.getByTestId('menu-merges').click();
    const row = page.locator(`[data-testid="merge-row"][data-id="${made.mergeCustomers.merge.id}"]`);
    await row.getByTestId('unmerge').click();
    const dialog = page.getByTestId('unmerge-dialog');
    await dialog.locator('textarea[name="reason"]').fill('Try to undo');
    await dialog.getByTestId('action-confirm').click();
    const error = dialog.locator('[data-testid="action-error"]');
    await error.waitFor();
    await screenshot(page, 'admin-unmerge-blocked');
    assert.equal(await error.getAttribute('data-code'), 'INVALID_STATE');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    for (const c of merged) assert.equal(await statusOf(c.id), 'MERGED');
  });
});

describe('admin: data quality and normalization', () => {
  it('applies a suggested fix inline', async () => {
    await page.getByTestId('menu-data-quality').click();
    const fixable = page.locator('[data-testid="quality-row"]', { has: page.getByTestId('apply-fix') }).first();
    await fixable.waitFor({ timeout: 60_000 });
    await screenshot(page, 'admin-data-quality');
    const id = await fixable.getAttribute('data-id');
    await fixable.getByTestId('apply-fix').click();
    await page.locator(`[data-testid="quality-row"][data-id="${id}"]`).waitFor({ state: 'detached', timeout: 60_000 });
  });

  it('previews normalization as before → after and applies it as a job', async () => {
    await page.getByTestId('menu-normalization').click();
    await page.getByTestId('normalize-preview').click();
    await page.getByTestId('normalize-summary').waitFor({ timeout: 60_000 });
    const change = page.getByTestId('normalize-change').first();
    await change.waitFor();
    const before = await change.getByTestId('change-before').innerText();
    const afterValue = await change.getByTestId('change-after').innerText();
    assert.notEqual(before, afterValue);
    await screenshot(page, 'admin-normalization');
    await page.getByTestId('normalize-apply').click();
    // Apply rewrites customers: it asks first, with the dry run's counts.
    const confirm = page.getByTestId('normalize-confirm');
    await confirm.getByText(/Apply [\d,]+ changes? to [\d,]+ customers?\?/).waitFor();
    await confirm.getByRole('button', { name: 'Apply' }).click();
    await waitJob();
  });
});

describe('admin: tags and segments', () => {
  it('tags two ticked customers in bulk, and a saved segment filters the list', async () => {
    const listed = await graphql<{ customers: { nodes: { id: string; code: string }[] } }>(
      base, 'query { customers(first: 2, filter: { status: [ACTIVE] }, orderBy: [{ field: CODE, direction: ASC }]) { nodes { id code } } }', {}, adminToken,
    );
    const picked = listed.customers.nodes;
    await page.goto(`${base}/admin/customers?sort=code&order=ASC`);
    for (const c of picked) {
      const row = page.locator('.RaDatagrid-tbody tr').filter({ hasText: c.code });
      await row.locator('input[type="checkbox"]').check();
    }
    await page.getByTestId('bulk-tag').click();
    const dialog = page.getByTestId('bulk-tag-dialog');
    await dialog.locator('input[name="add"]').fill('e2e-批量, e2e-bulk');
    await screenshot(page, 'admin-bulk-tag');
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    for (const c of picked) {
      const data = await graphql<{ customer: { tags: string[] } }>(base, 'query($id: ID!) { customer(id: $id) { tags } }', { id: c.id }, adminToken);
      assert.ok(data.customer.tags.includes('e2e-批量') && data.customer.tags.includes('e2e-bulk'), `${c.code} tagged`);
    }

    const saved = await graphql<{ saveSegment: { segment: { id: string } } }>(
      base, 'mutation { saveSegment(input: { name: "E2E 批量", filter: { tags: ["e2e-bulk"] } }) { segment { id } } }', {}, adminToken,
    );
    const filter = encodeURIComponent(JSON.stringify({ segmentId: saved.saveSegment.segment.id }));
    await page.goto(`${base}/admin/customers?filter=${filter}&sort=code&order=ASC`);
    await page.locator('.RaDatagrid-tbody tr').filter({ hasText: picked[0]!.code }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-tbody tr').length === 2);
    await screenshot(page, 'admin-segment-filter');
  });
});

describe('admin: archive search', () => {
  it('finds an archived customer by two Chinese characters and narrows the hits with a facet', async () => {
    const live = await graphql<{ customers: { nodes: { id: string; code: string; name: string; type: string }[] } }>(
      base, 'query { customers(first: 200, filter: { status: [ACTIVE] }) { nodes { id code name type } } }', {}, adminToken,
    );
    const target = live.customers.nodes.find((c) => /[\u4e00-\u9fff]{4,}/.test(c.name))!;
    assert.ok(target, 'the seed has Chinese names');
    // Two more of another type, so that the type facet has something to leave out.
    const others = live.customers.nodes.filter((c) => c.type !== target.type).slice(0, 2);
    await graphql(base, 'mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "e2e search" }) { failures { id } } }', { ids: [target.id, ...others.map((c) => c.id)] }, adminToken);
    // Archived, the customer keeps its database id under another type: its id in the archive.
    const archivedId = globalId('ArchivedCustomer', atob(target.id.replaceAll('-', '+').replaceAll('_', '/')).split(':')[1]!);
    const archivedOthers = others.map((c) => ({ ...c, id: globalId('ArchivedCustomer', atob(c.id.replaceAll('-', '+').replaceAll('_', '/')).split(':')[1]!) }));
    const term = target.name.match(/[\u4e00-\u9fff]{2}/)![0];
    searchTerm = term;
    // The search index follows the archive through an outbox: wait until it has caught up.
    for (let i = 0; i < 60; i++) {
      const found = await graphql<{ searchArchive: { hits: { customer: { id: string } }[] } }>(
        base, 'query($q: String!) { searchArchive(query: $q, first: 50) { hits { customer { id } } } }', { q: term }, adminToken,
      );
      const all = await graphql<{ searchArchive: { hits: { customer: { id: string } }[] } }>(
        base, 'query { searchArchive(query: "", first: 100) { hits { customer { id } } } }', {}, adminToken,
      );
      const ids = new Set(all.searchArchive.hits.map((h) => h.customer.id));
      if (found.searchArchive.hits.some((h) => h.customer.id === archivedId) && archivedOthers.every((c) => ids.has(c.id))) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    await page.getByTestId('menu-archive-search').click();
    await page.getByTestId('archive-search-input').fill(term);
    const hit = page.locator(`[data-testid="search-hit"][data-id="${archivedId}"]`);
    // The empty box lists the whole archive first: wait for the answer to the query,
    // where the match is highlighted.
    await hit.locator('mark').first().waitFor({ timeout: 30_000 });
    assert.equal(await hit.locator('mark').first().innerText(), term);
    // The engine by its name, not its enum code.
    assert.match(await page.getByTestId('search-engine').getAttribute('data-engine') ?? '', /POSTGRES|MEILISEARCH/);
    assert.match(await page.getByTestId('search-engine').innerText(), /PostgreSQL|Meilisearch/);
    await screenshot(page, 'admin-archive-search');

    // With the box cleared the whole archive is listed; the target's type facet keeps
    // the target and drops the others.
    await page.getByTestId('archive-search-input').fill('');
    for (const c of archivedOthers) await page.locator(`[data-testid="search-hit"][data-id="${c.id}"]`).waitFor();
    const totalBefore = Number(await page.getByTestId('search-total').getAttribute('data-total'));
    await page.locator(`[data-testid="facet-type"] [data-testid="facet-value"][data-value="${target.type}"] input`).check();
    await page.waitForFunction((t) => Number(document.querySelector('[data-testid="search-total"]')?.getAttribute('data-total')) < t, totalBefore);
    for (const c of archivedOthers) assert.equal(await page.locator(`[data-testid="search-hit"][data-id="${c.id}"]`).count(), 0);
    await hit.waitFor();
    await screenshot(page, 'admin-archive-search-facet');
    await hit.click();
    await page.waitForURL(new RegExp(`/archived-customers/${archivedId}/show$`));
  });
});

describe('Chinese screens and other roles', () => {
  it('shows the cleanup screens in Chinese', async () => {
    await page.locator('header button', { hasText: /English/i }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByTestId('menu-duplicates').click();
    await page.getByText('检测重复').waitFor();
    await screenshot(page, 'admin-duplicates-zh');
    await page.getByTestId('menu-archive-search').click();
    await page.getByTestId('archive-search-input').fill(searchTerm);
    await page.locator('[data-testid="search-hit"] mark').first().waitFor();
    await screenshot(page, 'admin-archive-search-zh');
    await page.getByTestId('menu-data-quality').click();
    await page.getByTestId('quality-page').waitFor();
    await screenshot(page, 'admin-data-quality-zh');
    await page.locator('header button', { hasText: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  });

  it('offers sales no duplicates or merges', async () => {
    await signInAs(page, base, 'sales1@example.com');
    assert.equal(await page.getByTestId('menu-duplicates').count(), 0);
    assert.equal(await page.getByTestId('menu-merges').count(), 0);
    assert.equal(await page.getByTestId('menu-normalization').count(), 0);
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
