import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Meilisearch } from 'meilisearch';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '../src/search/meilisearch/embedded-meilisearch.js';
import { SearchSyncWorker } from '../src/search/outbox-worker.js';
import { insertCustomer } from './helpers/fixtures.js';
import { testConfig } from './helpers/jobs.js';
import { archiveDirectly, NO_MEILISEARCH, outboxRows } from './helpers/search.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * A Meilisearch of this file's own (the run's shared one must not be killed), started by
 * the server's launcher: its lifecycle (health, sharing, supervision, a database from
 * another version), and the search stack when it dies mid-sync, stalls, or drifts.
 */

const executable = process.env.CUSTOS_TEST_MEILI_EXECUTABLE;
const dirs: string[] = [];
const started: EmbeddedMeilisearch[] = [];
const lines: string[] = [];
const masterKey = randomBytes(24).toString('base64url');

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-meili-faults-'));
  dirs.push(dir);
  return dir;
}

async function launch(dir: string, supervise = false): Promise<EmbeddedMeilisearch> {
  const meili = await startEmbeddedMeilisearch({
    executable: executable!,
    dir,
    masterKey,
    startTimeoutMs: 120_000,
    maxIndexingMemory: '256 MiB',
    log: (m) => lines.push(m),
    ...(supervise ? { supervise: { maxRestarts: 5, backoffMs: 100 } } : {}),
  });
  started.push(meili);
  return meili;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
  } catch {
    return false;
  }
};

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; launcher log:\n${lines.slice(-10).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterAll(async () => {
  await Promise.allSettled(started.map((m) => m.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const suite = NO_MEILISEARCH ? describe.skip : describe;
const not = NO_MEILISEARCH ? ` (not run: ${NO_MEILISEARCH})` : '';

suite(`the embedded Meilisearch launcher${not}`, () => {
  it('starts a healthy Meilisearch, lets a second process share it, and stops it without leaving it behind', async () => {
    const dir = tempDir();
    const meili = await launch(dir);
    const pid = meili.pid()!;
    expect(meili).toMatchObject({ shared: false, version: '1.21.0' });
    expect(await (await fetch(`${meili.url}/health`)).json()).toEqual({ status: 'available' });
    // The key is required: Meilisearch runs with the master key it was given.
    expect((await fetch(`${meili.url}/indexes`)).status).toBe(401);
    expect(fs.readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toMatch(/MEILI_HOST|CUSTOS_/);
    expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(masterKey);

    const second = await launch(dir);
    expect(second).toMatchObject({ shared: true, url: meili.url });
    expect(second.pid()).toBe(pid);
    await second.stop();
    expect(alive(pid)).toBe(true);

    await meili.stop();
    expect(alive(pid)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'instance.json'))).toBe(false);
    expect(meili.state()).toBe('stopped');
  });

  it('restarts a supervised Meilisearch that was killed, on the same port', async () => {
    const meili = await launch(tempDir(), true);
    const first = meili.pid()!;
    process.kill(first, 'SIGKILL');
    await waitFor(() => meili.state() === 'running' && meili.pid() !== first, 'the restart');
    expect(await (await fetch(`${meili.url}/health`)).json()).toEqual({ status: 'available' });
    expect(lines.some((l) => /embedded Meilisearch restarted on port/.test(l))).toBe(true);
    await meili.stop();
  });

  it('sets aside a database written by another Meilisearch version and starts empty', async () => {
    const dir = tempDir();
    const meili = await launch(dir);
    const client = new Meilisearch({ host: meili.url, apiKey: masterKey });
    await client.createIndex('old', { primaryKey: 'id' }).waitTask();
    await meili.stop();
    fs.writeFileSync(path.join(dir, 'data.ms', 'VERSION'), '1.16.0');
    const again = await launch(dir);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('data.ms.v1.16.0.'));
    expect(aside).toHaveLength(1);
    expect((await new Meilisearch({ host: again.url, apiKey: masterKey }).getIndexes()).results).toEqual([]);
    expect(lines.some((l) => l.includes('written by version 1.16.0'))).toBe(true);
    await again.stop();
  });
});

suite(`archive search when Meilisearch fails${not}`, () => {
  let meili: EmbeddedMeilisearch;
  let server: TestServer;
  let env: Record<string, string>;
  const ids: string[] = [];
  const SEARCH = `query($q: String!) { searchArchive(query: $q, first: 5) { totalCount engine hits { customer { id } } } }`;
  const CHECK = `{ searchConsistency { ok archiveCount indexCount missing extra stale pending } }`;

  beforeAll(async () => {
    meili = await launch(tempDir(), true);
    env = {
      SEARCH_ENGINE: 'meilisearch', MEILI_HOST: meili.url, MEILI_API_KEY: masterKey, MEILI_INDEX: 'faults',
      MEILI_REQUEST_TIMEOUT_MS: '500', MEILI_BATCH_SIZE: '10', SEARCH_SYNC_BATCH: '10', SEARCH_SYNC_POLL_MS: '20', SEARCH_SYNC_MAX_BACKOFF_MS: '100',
    };
    server = await startTestServer(env);
    for (let i = 0; i < 120; i += 1) ids.push(await insertCustomer(server.db, { name: `Faulty Harbour ${i} 故障港口`, code: `FLT-${i}` }));
  });
  afterAll(() => server?.close());

  it('loses nothing when Meilisearch is killed mid-sync: searches answer SEARCH_UNAVAILABLE, the outbox keeps every change, and the index catches up', async () => {
    const config = testConfig(server.db, env);
    await archiveDirectly(server.db, ids);
    const worker = new SearchSyncWorker(server.db.orm, config);
    worker.start();
    try {
      await waitFor(async () => (await outboxRows(server.db)).length < ids.length, 'the sync to start');
      process.kill(meili.pid()!, 'SIGKILL');
      // While it is down (or restarting) a search is refused clearly, never an internal error.
      const down = await server.gql(SEARCH, { q: '故障' });
      if (down.errors) {
        expect(down.errors[0]!.extensions!.code).toBe('SEARCH_UNAVAILABLE');
        expect(down.errors[0]!.message).not.toContain('127.0.0.1');
      }
      await waitFor(async () => (await outboxRows(server.db)).length === 0, 'the outbox to drain after the restart', 120_000);
    } finally {
      await worker.stop();
    }
    expect(lines.some((l) => /embedded Meilisearch restarted/.test(l))).toBe(true);
    const res = await server.gql(SEARCH, { q: '故障' });
    expect(res.errors).toBeUndefined();
    expect(res.data.searchArchive).toMatchObject({ totalCount: ids.length, engine: 'MEILISEARCH' });
    expect((await server.gql(CHECK)).data.searchConsistency).toMatchObject({ ok: true, archiveCount: ids.length, indexCount: ids.length, pending: 0 });
  });

  it('answers SEARCH_UNAVAILABLE while Meilisearch is stopped, keeps changes in the outbox, and catches up when it is back', async () => {
    const pid = meili.pid()!;
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const res = await server.gql(SEARCH, { q: 'harbour' });
      expect(res.errors![0]!.extensions!.code).toBe('SEARCH_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await server.gql(CHECK)).errors![0]!.extensions!.code).toBe('SEARCH_UNAVAILABLE');
      // A change made meanwhile fails to apply and stays, with its error.
      await server.gql(`mutation($id: ID!) { setLegalHold(input: { id: $id, hold: true, reason: "case 9" }) { archivedCustomer { id } } }`, { id: ids[0] });
      const worker = new SearchSyncWorker(server.db.orm, testConfig(server.db, env));
      worker.start();
      await waitFor(async () => (await server.db.query<{ attempts: number }>(`select attempts from search_outbox`)).some((r) => r.attempts > 0), 'a failed apply');
      process.kill(pid, 'SIGCONT');
      await waitFor(async () => (await outboxRows(server.db)).length === 0, 'the outbox to drain');
      await worker.stop();
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect((await server.gql(CHECK)).data.searchConsistency).toMatchObject({ ok: true, pending: 0 });
    expect((await server.gql(`{ searchIndexStatus { engine pending failing indexedCount } }`)).data.searchIndexStatus)
      .toEqual({ engine: 'MEILISEARCH', pending: 0, failing: 0, indexedCount: ids.length });
  });

  it('reports drift behind the outbox\'s back in searchConsistency', async () => {
    const client = new Meilisearch({ host: meili.url, apiKey: masterKey });
    await client.index('faults').deleteDocuments([ids[5]!]).waitTask();
    await client.index('faults').updateDocuments([{ id: ids[6]!, checksum: 'stale' }]).waitTask();
    const report = (await server.gql(CHECK)).data.searchConsistency;
    expect(report).toMatchObject({ ok: false, missing: [ids[5]], stale: [ids[6]], extra: [], indexCount: ids.length - 1 });
  });
});
