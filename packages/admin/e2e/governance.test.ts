/**
 * The approvals inbox and the recycle bin in a real browser against the real server
 * (issue 21), at 1,366×768. Approvals: a PURGE_NOW request by a second administrator is
 * shown to its requester without approve/reject (who may withdraw another), offered to the first administrator with its
 * counts and the counts per state, approved through the confirmation (the job purges the
 * customer); in Chinese another is rejected with a reason, which the Rejected tab shows.
 * Their audit events name the requester and the job in words (the job linked), not by id.
 * Recycle bin: a purge waits with its countdown in words and is taken out again, the
 * customer left as it was, in English and Chinese. A sweep the server gave its reason
 * shows that reason in the reader's words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signInAs } from './browser.ts';
import { DEMO_PASSWORD, graphql, tokenFor } from './server.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
let adminToken: string;
const session = dashboardSession((ready) => ({ page, base, adminToken } = ready));
const consoleProblems = session.consoleProblems;

const REQUESTER = 'admin2.e2e@example.com';

interface Customer { id: string; code: string; name: string; status: string }

/** A VOID customer, for purge requests and the recycle bin. */
async function voidedCustomer(label: string): Promise<Customer> {
  const created = await graphql<{ createCustomer: { customer: { id: string; code: string } } }>(
    base, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id code } } }',
    { input: { name: `${label} 待删`, type: 'SMB' } }, adminToken);
  const c = created.createCustomer.customer;
  await graphql(base, 'mutation($input: VoidCustomerInput!) { voidCustomer(input: $input) { customer { id } } }', { input: { id: c.id, reason: 'TEST_RECORD' } }, adminToken);
  return customer(c.id) as Promise<Customer>;
}

async function customer(id: string): Promise<Customer | null> {
  const data = await graphql<{ customer: Customer | null }>(base, 'query($id: ID!) { customer(id: $id) { id code name status } }', { id }, adminToken);
  return data.customer;
}

let requesterToken = '';
/** The second administrator, who asks; the first one decides. */
async function requester(): Promise<string> {
  if (!requesterToken) {
    await graphql(base, 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
      input: { email: REQUESTER, displayName: 'Second admin', role: 'ADMIN', password: DEMO_PASSWORD },
    }, adminToken);
    requesterToken = await tokenFor(base, REQUESTER);
  }
  return requesterToken;
}

/** A PURGE_NOW request by the second administrator; its id as the API gives it. */
async function purgeRequest(c: Customer, reason: string): Promise<string> {
  const asked = await graphql<{ requestApproval: { request: { id: string } } }>(base,
    'mutation($input: RequestApprovalInput!) { requestApproval(input: $input) { request { id } } }',
    { input: { operation: 'PURGE_NOW', reason, customerIds: [c.id], confirm: c.code } }, await requester());
  return asked.requestApproval.request.id;
}

async function requestState(id: string): Promise<{ state: string; decisionNote: string | null } | undefined> {
  const data = await graphql<{ approvalRequests: { nodes: { id: string; state: string; decisionNote: string | null }[] } }>(
    base, 'query { approvalRequests(first: 200) { nodes { id state decisionNote } } }', {}, adminToken);
  const found = data.approvalRequests.nodes.find((n) => n.id === id);
  return found && { state: found.state, decisionNote: found.decisionNote };
}

/** Polls the server (not the screen) until `check` holds. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function switchTo(from: RegExp | string, to: string) {
  await page.goto(`${base}/admin/customers`);
  await page.locator('header button', { hasText: from }).click();
  await page.getByRole('menuitem', { name: to }).click();
  await page.locator('header button', { hasText: to }).waitFor();
}

describe('approvals inbox', () => {
  it('shows a request to its requester without approve/reject (a withdrawal is theirs), offers it to another administrator with its counts, and the approved job purges the customer', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const c = await voidedCustomer('Approve');
    const id = await purgeRequest(c, 'Court order, urgent');

    // The requester sees their request waiting, and nothing to decide.
    await signInAs(page, base, REQUESTER);
    await page.goto(`${base}/admin/approvals`);
    const own = page.getByTestId(`approval-${id}`);
    await own.getByText('Delete a customer at once').waitFor();
    await own.getByTestId(`own-${id}`).getByText('Your request: another person decides').waitFor();
    assert.equal(await own.getByTestId(`approve-${id}`).count(), 0);
    assert.equal(await own.getByTestId(`reject-${id}`).count(), 0);
    assert.equal(await page.getByTestId('awaiting-you').innerText(), 'Nothing waits for your decision');
    // and may withdraw one: it will not run, and the Withdrawn tab keeps it with the note.
    const other = await voidedCustomer('Withdraw');
    const withdrawn = await purgeRequest(other, 'Asked by mistake');
    await page.reload();
    await page.getByTestId(`withdraw-${withdrawn}`).click();
    const withdraw = page.getByTestId('withdraw-dialog');
    await withdraw.locator('textarea[name="note"]').fill('No longer needed');
    await withdraw.getByTestId('action-confirm').click();
    await page.getByText('Withdrawn: it will not run').waitFor();
    await page.getByTestId(`approval-${withdrawn}`).waitFor({ state: 'detached' });
    await page.getByTestId('approval-state-CANCELLED').click();
    await page.getByTestId(`approval-${withdrawn}`).getByTestId('approval-decision').getByText('No longer needed').waitFor();
    assert.equal(await page.getByTestId('approval-state-CANCELLED').innerText(), 'Withdrawn 1');
    assert.deepEqual(await requestState(withdrawn), { state: 'CANCELLED', decisionNote: 'No longer needed' });
    assert.equal((await customer(other.id))?.status, 'VOID');

    // Another administrator is offered it, with what it touches and the counts per state.
    await signInAs(page, base, 'admin@example.com');
    await page.goto(`${base}/admin/approvals`);
    const row = page.getByTestId(`approval-${id}`);
    await row.getByText('Delete a customer at once').waitFor();
    const text = await row.innerText();
    assert.match(text, /Court order, urgent/);
    assert.match(text, /1 customer, 0 interactions, none under legal hold/);
    assert.match(text, /Second admin/);
    assert.match(text, /in (3 days|\d+ hours)/);
    assert.equal(await page.getByTestId('awaiting-you').innerText(), '1 request waits for your decision');
    assert.equal(await page.getByTestId('approval-state-PENDING').innerText(), 'Waiting 1');
    assert.equal(await page.getByTestId('approval-state-EXECUTED').innerText(), 'Done 0');
    await screenshot(page, 'admin-approvals-inbox');

    await row.getByTestId(`approve-${id}`).click();
    const dialog = page.getByTestId('decide-dialog');
    await dialog.getByText('Approve this request?').waitFor();
    assert.match(await dialog.innerText(), /Delete a customer at once: 1 customer, 0 interactions, none under legal hold/);
    await dialog.getByTestId('action-confirm').click();
    await page.getByText('Approved: it runs in the background now').waitFor();
    await page.getByTestId('approval-state-PENDING').getByText('Waiting 0').waitFor();
    await until('the approved purge ran', async () => (await requestState(id))?.state === 'EXECUTED');
    assert.equal(await customer(c.id), null);

    // Done: with who approved it.
    await page.getByTestId('approval-state-EXECUTED').click();
    const done = page.getByTestId(`approval-${id}`);
    await done.getByTestId('approval-decision').getByText('Admin 管理员').waitFor();
    assert.equal(await page.getByTestId('approval-state-EXECUTED').innerText(), 'Done 1');
    assert.equal(await done.getByTestId(`approve-${id}`).count(), 0);

    // The job that ran it says what it did in words, and leads back to the inbox.
    await page.goto(`${base}/admin/jobs?filter=${encodeURIComponent(JSON.stringify({ kind: ['APPROVED_OPERATION'] }))}`);
    await page.locator('.RaDatagrid-tbody tr').first().click();
    const summary = page.getByTestId('job-result-summary');
    await summary.getByText('Four-eyes request carried out: Delete a customer at once').waitFor();
    await summary.getByTestId('job-result-link').click();
    await page.getByTestId('approvals-table').waitFor();

    // The audit event of the approval names the requester and the job in words, not by
    // database id, and the job is a link to its screen.
    await page.goto(`${base}/admin/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: ['APPROVAL_APPROVED'] }))}`);
    await page.locator('.RaDatagrid-tbody tr').first().locator('td.column-seq').click();
    const diff = page.getByTestId('changes-diff');
    const asker = diff.locator('[data-testid="change-row"][data-field="requestedBy"]').getByTestId('change-to');
    await asker.getByText('Second admin').waitFor();
    const job = diff.locator('[data-testid="change-row"][data-field="jobId"]').getByTestId('change-to');
    await job.getByText(/^Approved four-eyes operation \(.+\)$/).waitFor();
    assert.doesNotMatch(await diff.innerText(), /#\d|(^|\s)\d+(\s|$)/, 'no user or job shown by its number');
    await screenshot(page, 'admin-approval-audit-references');
    await job.getByTestId('record-link').click();
    await page.getByTestId('job-result-summary').getByText('Four-eyes request carried out: Delete a customer at once').waitFor();
  });

  it('rejects a request with a reason in Chinese; the rejected tab shows it and the customer stays', async () => {
    const c = await voidedCustomer('Reject');
    const id = await purgeRequest(c, '客户要求删除');
    await switchTo(/English/i, '简体中文');
    await page.goto(`${base}/admin/approvals`);
    const row = page.getByTestId(`approval-${id}`);
    await row.getByText('立即彻底删除客户').waitFor();
    assert.match(await row.innerText(), /1 个客户，0 条互动，无法律保留/);
    assert.equal(await page.getByTestId('awaiting-you').innerText(), '有 1 个申请等待您决定');
    assert.equal(await page.getByTestId('approval-state-PENDING').innerText(), '待审批 1');
    await screenshot(page, 'admin-approvals-inbox-zh');

    await row.getByTestId(`reject-${id}`).click();
    const dialog = page.getByTestId('decide-dialog');
    await dialog.getByText('驳回此申请？').waitFor();
    // A rejection says why: the button stays off until a reason is typed.
    assert.equal(await dialog.getByTestId('action-confirm').isDisabled(), true);
    await dialog.locator('textarea[name="reason"]').fill('合同仍在履行');
    await dialog.getByTestId('action-confirm').click();
    await page.getByText('已驳回：操作不会执行').waitFor();

    await page.getByTestId('approval-state-REJECTED').click();
    const rejected = page.getByTestId(`approval-${id}`);
    await rejected.getByTestId('approval-decision').getByText('Admin 管理员：合同仍在履行').waitFor();
    assert.equal(await page.getByTestId('approval-state-REJECTED').innerText(), '已驳回 1');
    assert.deepEqual(await requestState(id), { state: 'REJECTED', decisionNote: '合同仍在履行' });
    assert.equal((await customer(c.id))?.status, 'VOID');

    // The audit log tells it in words too: the action, the record type, the states and the operation.
    await page.goto(`${base}/admin/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: ['APPROVAL_REJECTED'] }))}`);
    const event = page.locator('.RaDatagrid-tbody tr').first();
    await event.getByText('申请已驳回').waitFor();
    await event.locator('td.column-seq').click();
    const diff = page.getByTestId('changes-diff');
    await diff.waitFor();
    const state = diff.locator('[data-testid="change-row"][data-field="state"]');
    assert.equal(await state.getByTestId('change-from').innerText(), '待审批');
    assert.equal(await state.getByTestId('change-to').innerText(), '已驳回');
    assert.equal(await diff.locator('[data-testid="change-row"][data-field="operation"]').getByTestId('change-to').innerText(), '立即彻底删除客户');
    assert.doesNotMatch(await page.locator('main').innerText(), /APPROVAL_|ApprovalRequest|PENDING|REJECTED|PURGE_NOW|requestedBy/);
    await diff.locator('[data-testid="change-row"][data-field="requestedBy"]').getByTestId('change-to').getByText('Second admin').waitFor();
    await screenshot(page, 'admin-approval-audit-zh');
    // The approval's job in Chinese words (the approval is the first test's).
    await page.goto(`${base}/admin/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: ['APPROVAL_APPROVED'] }))}`);
    await page.locator('.RaDatagrid-tbody tr').first().locator('td.column-seq').click();
    const approvedJob = page.getByTestId('changes-diff').locator('[data-testid="change-row"][data-field="jobId"]').getByTestId('change-to');
    await approvedJob.getByText(/^已批准的四眼操作（.+）$/).waitFor();
    await switchTo('简体中文', 'English');
  });
});

describe('recycle bin', () => {
  async function binned(label: string, reason: string): Promise<Customer> {
    const c = await voidedCustomer(label);
    await graphql(base, 'mutation($input: PurgeCustomerInput!) { purgeCustomer(input: $input) { scheduledPurge { id } } }', { input: { id: c.id, reason, confirm: c.code } }, adminToken);
    return c;
  }

  it('lists a waiting purge with its countdown in words, and takes it out after confirming; the customer stays as it was (English)', async () => {
    const c = await binned('Bin', 'Asked to be deleted');
    await page.goto(`${base}/admin/recycle-bin`);
    const row = page.getByTestId(`bin-${c.code}`);
    await row.getByText('Asked to be deleted').waitFor();
    assert.equal(await row.getByTestId('bin-countdown').innerText(), 'in 30 days');
    assert.match(await page.getByTestId('bin-state-SCHEDULED').innerText(), /^Waiting \d+$/);
    await screenshot(page, 'admin-recycle-bin');
    await row.getByRole('button', { name: 'Keep the customer' }).click();
    const dialog = page.getByTestId('cancel-purge-dialog');
    await dialog.locator('textarea[name="reason"]').fill('The customer came back');
    await dialog.getByTestId('action-confirm').click();
    await page.getByText(`${c.code} was taken out of the recycle bin`).waitFor();
    await row.waitFor({ state: 'detached' });
    assert.deepEqual(await customer(c.id), c);

    await page.getByTestId('bin-state-CANCELLED').click();
    await page.getByTestId(`bin-${c.code}`).getByText('Kept because: The customer came back').waitFor();
  });

  it('shows the countdown and takes a purge out in Chinese', async () => {
    const c = await binned('BinZh', '客户要求删除');
    await switchTo(/English/i, '简体中文');
    await page.goto(`${base}/admin/recycle-bin`);
    const row = page.getByTestId(`bin-${c.code}`);
    await row.getByText('客户要求删除').waitFor();
    assert.match(await row.getByTestId('bin-countdown').innerText(), /^30\s*天后$/);
    assert.match(await page.getByTestId('bin-state-SCHEDULED').innerText(), /^等待删除 \d+$/);
    await screenshot(page, 'admin-recycle-bin-zh');
    await row.getByRole('button', { name: '保留客户' }).click();
    const dialog = page.getByTestId('cancel-purge-dialog');
    await dialog.locator('textarea[name="reason"]').fill('客户回来了');
    await dialog.getByTestId('action-confirm').click();
    await page.getByText(`已从回收站取回 ${c.code}`).waitFor();
    assert.deepEqual(await customer(c.id), c);
    await page.getByTestId('bin-state-CANCELLED').click();
    await page.getByTestId(`bin-${c.code}`).getByText('保留原因：客户回来了').waitFor();
    await switchTo('简体中文', 'English');
  });

  it('says why the server queued a sweep in the reader\u2019s words, not the server\u2019s English', async () => {
    // Started without a reason: the server writes one (a code, and English text for API clients).
    const run = await graphql<{ runRetentionSweep: { job: { id: string; reasonCode: string } } }>(
      base, 'mutation { runRetentionSweep { job { id reasonCode } } }', {}, adminToken);
    assert.equal(run.runRetentionSweep.job.reasonCode, 'RETENTION_PERIOD_ENDED');
    await switchTo(/English/i, '简体中文');
    await page.goto(`${base}/admin/jobs/${run.runRetentionSweep.job.id}/show`);
    const reason = page.getByTestId('job-params').locator('[data-param="reason"]');
    await reason.getByText('保留期已满', { exact: true }).waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /retention period ended/i);
    // The title names the job by what it did and when, not by its (opaque) id.
    const title = await page.getByTestId('job-title').innerText();
    assert.match(title, /^保留期清理（.*2\d{3}.*）$/);
    assert.ok(!title.includes('#') && !title.includes(run.runRetentionSweep.job.id), title);
    await screenshot(page, 'admin-job-reason-zh');
    await switchTo('简体中文', 'English');
    await page.goto(`${base}/admin/jobs/${run.runRetentionSweep.job.id}/show`);
    await reason.getByText('Retention period ended', { exact: true }).waitFor();
  });

  it('caused no console errors or React warnings', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
