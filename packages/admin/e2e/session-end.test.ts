/**
 * Signing out for real, in a browser against the real server: the dashboard's Logout ends
 * the session on the server (the copied access and refresh tokens stop working at once),
 * and a sign-in locked after too many failures says how long to wait, in the user's
 * language.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { signInAs } from './browser.ts';
import { dashboardSession } from './session.ts';

let page: Page;
let base: string;
const session = dashboardSession((ready) => ({ page, base } = ready));

async function post(body: unknown, token?: string): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('signing out', () => {
  it('ends the session on the server: the tokens the browser held are refused at once', async () => {
    await signInAs(page, base, 'manager@example.com');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('custos.session') ?? 'null') as { token: string; refreshToken: string });
    assert.equal((await post({ query: '{ me { id } }' }, stored.token)).status, 200);

    await page.getByRole('button', { name: /profile|个人资料|用户/i }).click();
    await page.getByRole('menuitem', { name: /logout|log out|注销|退出/i }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/login'));
    assert.equal(await page.evaluate(() => localStorage.getItem('custos.session')), null);

    assert.equal((await post({ query: '{ me { id } }' }, stored.token)).status, 401);
    const refresh = await post({ query: 'mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { token } }', variables: { t: stored.refreshToken } });
    assert.equal(refresh.body.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    assert.deepEqual(session.consoleProblems.filter((p) => !/status of 401/.test(p)), []);
  });

  it('a locked sign-in says how long to wait', async () => {
    // Eleven wrong passwords through the API (the 6th to 10th are refused by the backoff
    // and still count): the email is locked for 15 minutes.
    for (let i = 0; i < 11; i++) {
      await post({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email: 'support@example.com', password: `wrong-${i}` } } });
    }
    await page.goto(`${base}/admin/login`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}/admin/login`);
    await page.locator('input[name="email"]').fill('support@example.com');
    await page.locator('input[name="password"]').fill('custos-demo');
    await page.locator('button[type="submit"]').click();
    await page.getByText(/sign-in is locked for 15 minutes/).waitFor();
    assert.ok(page.url().endsWith('/login'));
  });
});
