import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser.ts';
import { startServer, tokenFor, type RunningServer } from './server.ts';

/** What a browser test file shares: the real server, one browser page, an admin token. */
export interface DashboardSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
  base: string;
  adminToken: string;
  /** Console errors and React/MUI warnings seen in the page: the dashboard should cause none. */
  consoleProblems: string[];
}

/**
 * Registers the file's before/after hooks: a fresh server on its own embedded
 * PostgreSQL and one Chromium page watched for console problems. The returned object is
 * filled in when the `before` hook has run, which then hands it to `onReady`.
 */
export function dashboardSession(onReady?: (session: DashboardSession) => void, env: Record<string, string> = {}): DashboardSession {
  const session = { consoleProblems: [] as string[] } as DashboardSession;
  before(async () => {
    session.server = await startServer(env);
    session.base = session.server.url;
    session.browser = await openBrowser();
    session.page = session.browser.page;
    session.page.on('console', (message) => {
      // A 401 is how the server ends a session; signInAs clears the session under the
      // running app, whose requests then answer 401 and sign it out: the designed path.
      if (/status of 401/.test(message.text())) return;
      if (message.type() === 'error' || (message.type() === 'warning' && /React|MUI/.test(message.text()))) {
        session.consoleProblems.push(`${message.text()} (${message.location().url})`);
      }
    });
    session.adminToken = await tokenFor(session.base, 'admin@example.com');
    onReady?.(session);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
