import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { freePort } from '../src/db/embedded-postgres.js';
import { TokenSigner } from '../src/core/tokens.js';
import { runningEmbeddedMeilisearch } from '../src/search/meilisearch/embedded-meilisearch.js';
import { insertCustomer } from './helpers/fixtures.js';
import { archiveDirectly, NO_MEILISEARCH } from './helpers/search.js';
import { createTestDatabase, TEST_ENCRYPTION_KEY, type TestDatabase } from './helpers/test-database.js';
import { TEST_JWT_SECRET } from './helpers/test-server.js';
import { buildCli } from './helpers/worker-process.js';

/**
 * The server as a real process (`node main.js`) with the embedded Meilisearch, as
 * `./scripts/start.sh` runs it: it starts Meilisearch under DATA_DIR, rebuilds an index
 * found empty beside a non-empty archive, answers archive search, stops Meilisearch with
 * itself on SIGTERM, restarts quickly on the same data, and never leaves it behind, even
 * when the server is killed with SIGKILL.
 */

let main: string;
let db: TestDatabase;
let dataDir: string;
const servers: ChildProcess[] = [];

interface Server {
  child: ChildProcess;
  url: string;
  lines: string[];
  exited: Promise<number | null>;
  readyMs: number;
}

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: string, lines: string[] = []): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${lines.slice(-30).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function status(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH, NODE_ENV: 'test', PORT: String(port), SEED_DEMO: 'never', PERSISTED_OPERATIONS: 'off',
      JWT_SECRET: TEST_JWT_SECRET, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'warn', DB_POOL_MAX: '4',
      DATABASE_URL: db.url, DATA_DIR: dataDir, SEARCH_ENGINE: 'meilisearch', MEILI_EMBEDDED_INDEXING_MEMORY: '256 MiB',
      // Picks up the rebuild at once; the default stale time (the job pool's idle-in-
      // transaction limit too) leaves a rebuild batch time to wait for Meilisearch's task.
      JOB_POLL_MS: '50',
      // This test is about what a restart keeps, not how fast Meilisearch answers: a cold
      // first search passed the default 5 s at load average 30.
      MEILI_REQUEST_TIMEOUT_MS: '60000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => child.exitCode === null && (await status(`${url}/readyz`)) === 200, 120_000, 'the server to get ready', lines);
  return { child, url, lines, exited, readyMs: Date.now() - started };
}

const meiliDir = () => path.join(dataDir, 'meilisearch');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
  } catch {
    return false;
  }
};

async function searchArchive(server: Server, token: string, q: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `query($q: String!) { searchArchive(query: $q) { totalCount engine } }`, variables: { q } }),
  });
  return (await res.json()) as { data?: { searchArchive: { totalCount: number; engine: string } }; errors?: unknown[] };
}

/** Stops what an earlier test left running (it failed before stopping its server), so the
 * next test starts on a clean data directory instead of meeting a live Meilisearch. */
async function stopLeftovers(): Promise<void> {
  for (const child of servers) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  const running = runningEmbeddedMeilisearch(meiliDir());
  if (running && alive(running.pid)) {
    process.kill(running.pid, 'SIGKILL');
    await waitFor(() => !alive(running.pid), 60_000, 'a leftover Meilisearch to exit');
  }
}

const suite = NO_MEILISEARCH ? describe.skip : describe;

suite(`the server with its embedded Meilisearch${NO_MEILISEARCH ? ` (not run: ${NO_MEILISEARCH})` : ''}`, () => {
  let token: string;
  const ids: string[] = [];

  beforeAll(async () => {
    main = path.join(path.dirname(buildCli('search-embedded')), 'main.js');
    db = await createTestDatabase();
    dataDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'custos-embedded-search-')));
    const [admin] = await db.query<{ id: string }>(`insert into app_user (email, display_name, role) values ('admin@example.com', 'admin', 'ADMIN') returning id::text`);
    token = (await new TokenSigner(TEST_JWT_SECRET, 900).sign({ userId: admin!.id, tokenVersion: 1 })).token;
    // An archive indexed by some other engine: nothing in the outbox, nothing in Meilisearch.
    for (let i = 0; i < 25; i += 1) ids.push(await insertCustomer(db, { name: `Embedded Harbour ${i} 嵌入港口` }));
    await archiveDirectly(db, ids);
    await db.query(`delete from search_outbox`);
  }, 300_000);
  beforeEach(stopLeftovers, 120_000);
  afterAll(async () => {
    for (const child of servers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const running = dataDir ? runningEmbeddedMeilisearch(meiliDir()) : undefined;
    if (running) process.kill(running.pid, 'SIGKILL');
    await db?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts Meilisearch with the server, rebuilds an index found empty, and answers archive search from it', async () => {
    const server = await startServer();
    expect(server.lines.join('\n')).toMatch(/search engine: MEILISEARCH 1\.21\.0, embedded at http:\/\/127\.0\.0\.1:\d+ \(pid \d+/);
    expect(server.lines.join('\n')).toMatch(/search index empty, 25 archived customers: rebuild queued as job \d+/);
    expect(fs.readFileSync(path.join(dataDir, 'secrets', 'meilisearch-master-key'), 'utf8').length).toBeGreaterThanOrEqual(32);
    await waitFor(async () => (await searchArchive(server, token, '嵌入'))?.data?.searchArchive.totalCount === 25, 60_000, 'the rebuild', server.lines);
    expect((await searchArchive(server, token, 'harbour')).data!.searchArchive).toEqual({ totalCount: 25, engine: 'MEILISEARCH' });

    const meili = runningEmbeddedMeilisearch(meiliDir())!;
    server.child.kill('SIGTERM');
    const code = await server.exited;
    expect([code, code === 0 ? [] : server.lines.slice(-12)]).toEqual([0, []]);
    expect(alive(meili.pid)).toBe(false);
    expect(runningEmbeddedMeilisearch(meiliDir())).toBeUndefined();
  }, 300_000);

  // How fast a restart is (the issue's 15 s) is a benchmark's question (bench/, printed,
  // not asserted): on a machine at load average 34 this test's restart took over a minute.
  it('restarts on the same data and port, its index intact, without a rebuild', async () => {
    const before = JSON.parse(fs.readFileSync(path.join(meiliDir(), 'last-port'), 'utf8')).port;
    const server = await startServer();
    process.stdout.write(`embedded search restart: ready in ${server.readyMs} ms\n`);
    expect(runningEmbeddedMeilisearch(meiliDir())!.port).toBe(before);
    expect(server.lines.join('\n')).not.toMatch(/rebuild queued/);
    const found = await searchArchive(server, token, '嵌入');
    expect({ totalCount: found.data?.searchArchive.totalCount, errors: found.errors }).toEqual({ totalCount: 25, errors: undefined });
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  }, 300_000);

  it('takes Meilisearch down with it when the server is killed with SIGKILL', async () => {
    const server = await startServer();
    const meili = runningEmbeddedMeilisearch(meiliDir())!;
    server.child.kill('SIGKILL');
    await server.exited;
    await waitFor(() => !alive(meili.pid), 60_000, 'Meilisearch to exit after its owner was killed');
  }, 300_000);
});
