import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Meilisearch, type Index } from 'meilisearch';
import type { Config } from '../src/config.js';
import { connectClient } from '../src/db/pg-client.js';
import { SqlExecutor } from '../src/db/sql.js';
import { SearchSyncWorker } from '../src/search/outbox-worker.js';
import { drainOutboxOnce } from '../src/search/outbox.js';
import { loadDocuments } from '../src/search/search-document.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startWorker, testConfig, waitForJob } from './helpers/jobs.js';
import { archiveDirectly, meiliEnv, NO_MEILISEARCH, outboxRows } from './helpers/search.js';
import { SlowProxy, type ProxiedRequest } from './helpers/slow-proxy.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * A slow Meilisearch (a delaying proxy in front of the run's real one): the outbox drain
 * and the reindex job wait on it with no transaction open, so neither PostgreSQL's
 * idle_in_transaction_session_timeout (JOB_STALE_MS on the job pool) nor a stalled
 * engine can fail a batch or pin a connection in a transaction; and a write that lands
 * an older state after a newer one queues the customer again, so no change is lost.
 */

const suite = NO_MEILISEARCH ? describe.skip : describe;
const not = NO_MEILISEARCH ? ` (not run: ${NO_MEILISEARCH})` : '';

let server: TestServer;
let proxy: SlowProxy;
let env: Record<string, string>;
let config: Config;
let direct: Index<Record<string, unknown>>;

const documentWrite = (r: ProxiedRequest) => r.method === 'POST' && /^\/indexes\/[^/]+\/documents/.test(r.path);
const waitFor = async (condition: () => Promise<boolean>, what: string, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

beforeAll(async () => {
  if (NO_MEILISEARCH) return;
  const meili = meiliEnv('slow');
  proxy = await new SlowProxy(meili.MEILI_HOST).start();
  env = {
    ...meili, MEILI_HOST: proxy.url, MEILI_REQUEST_TIMEOUT_MS: '30000', MEILI_TASK_TIMEOUT_MS: '60000', MEILI_BATCH_SIZE: '25',
    SEARCH_SYNC_BATCH: '25', SEARCH_SYNC_POLL_MS: '20', SEARCH_SYNC_MAX_BACKOFF_MS: '100', SEARCH_APPLY_LEASE_MS: '60000',
  };
  server = await startTestServer(env);
  config = testConfig(server.db, env);
  direct = new Meilisearch({ host: meili.MEILI_HOST, apiKey: meili.MEILI_API_KEY }).index(meili.MEILI_INDEX);
});
afterAll(async () => {
  await server?.close();
  await proxy?.close();
});

/** What the index holds for these customers, in the fields the archive decides. */
async function indexed(ids: readonly string[]) {
  const res = await direct.getDocuments({ filter: `idNum IN [${ids.join(', ')}]`, fields: ['id', 'checksum', 'legalHold', 'email'], limit: 1000 });
  return Object.fromEntries(res.results.map((d) => [String(d.id), { checksum: d.checksum, legalHold: d.legalHold, email: d.email }]));
}
async function archived(ids: readonly string[]) {
  const docs = await loadDocuments(new SqlExecutor(server.db.orm.em.fork()), ids);
  return Object.fromEntries(docs.map((d) => [d.id, { checksum: d.checksum, legalHold: d.legalHold, email: d.email }]));
}

/** Transactions of this test's database open since before `since`, seen from outside. */
async function transactionsOpenSince(since: Date) {
  return server.db.query<{ pid: number; state: string; query: string }>(
    `select pid, state, query from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start < $1`,
    [since],
  );
}

const hold = (id: string, on: boolean) =>
  server.gql(`mutation($id: ID!, $on: Boolean!) { setLegalHold(input: { id: $id, hold: $on, reason: "case 12" }) { archivedCustomer { id } } }`, { id, on });

suite(`search sync against a slow Meilisearch${not}`, () => {
  it('a drain whose write lands after a newer one queues the customer again, with no transaction open while it waits', async () => {
    const id = await insertCustomer(server.db, { name: 'Slow Lane 慢车道', email: 'slow@example.com', code: 'SLW-1' });
    await archiveDirectly(server.db, [id]);
    expect(await drainOutboxOnce(server.db.orm.em, config)).toEqual({ applied: 1, failed: 0 });

    await hold(id, true); // state 1, first outbox row
    const held = proxy.hold(documentWrite);
    const since = new Date();
    const first = drainOutboxOnce(server.db.orm.em, config); // claims it, its write is held
    await held.reached;
    // Nothing has been open since before that write started: no transaction waits on it.
    expect(await transactionsOpenSince(since)).toEqual([]);

    await hold(id, false); // state 2, a second row, which the first drain does not hold
    expect(await drainOutboxOnce(server.db.orm.em, config)).toEqual({ applied: 1, failed: 0 });
    expect(await indexed([id])).toEqual(await archived([id]));

    held.release(); // the older state lands last …
    expect(await first).toEqual({ applied: 1, failed: 0 });
    expect((await indexed([id]))[id]).toMatchObject({ legalHold: true });
    // … and its check found the archive moved on and queued the customer again.
    expect((await outboxRows(server.db)).map((r) => r.customer_id)).toEqual([id]);
    expect(await drainOutboxOnce(server.db.orm.em, config)).toEqual({ applied: 1, failed: 0 });
    expect(await indexed([id])).toEqual(await archived([id]));
    expect((await indexed([id]))[id]).toMatchObject({ legalHold: false });
    expect(await outboxRows(server.db)).toEqual([]);
  });

  it('a reindex batch that lands an older state after a drain queues the customer again, with no transaction open while it waits', async () => {
    await server.db.query(`delete from search_outbox`);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await insertCustomer(server.db, { name: `Reindex Race ${i}`, code: `RRC-${i}` }));
    await archiveDirectly(server.db, ids);
    await server.db.query(`delete from search_outbox`);

    const held = proxy.hold(documentWrite);
    const since = new Date();
    const worker = startWorker(server, { ...env, ARCHIVE_BATCH_SIZE: '1000' });
    try {
      const res = await server.gql(`mutation { reindexArchive(input: { reason: "race" }) { job { id } } }`);
      await held.reached;
      // The job's batch read every archived customer and is waiting on Meilisearch.
      expect(await transactionsOpenSince(since)).toEqual([]);
      await hold(ids[2]!, true);
      expect(await drainOutboxOnce(server.db.orm.em, config)).toEqual({ applied: 1, failed: 0 });
      expect((await indexed([ids[2]!]))[ids[2]!]).toMatchObject({ legalHold: true });
      held.release();
      expect((await waitForJob(server.db, res.data.reindexArchive.job.id, undefined, 60_000)).state).toBe('SUCCEEDED');
    } finally {
      await worker.stop();
    }
    // The batch put back the state it had read, saw the archive differ and queued it again.
    expect((await indexed([ids[2]!]))[ids[2]!]).toMatchObject({ legalHold: false });
    expect((await outboxRows(server.db)).map((r) => r.customer_id)).toEqual([ids[2]]);
    await drainOutboxOnce(server.db.orm.em, config);
    expect(await indexed(ids)).toEqual(await archived(ids));
  });

  it('reindex and drain through a Meilisearch answering every request 1.5 s late: no batch fails, no transaction idles, no change is lost', async () => {
    await server.db.query(`delete from search_outbox`);
    const ids: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      ids.push(await insertCustomer(server.db, { name: `Slow Harbour ${i} 慢港`, code: `SLH-${i}`, email: `slh${i}@example.com`, ownerId: server.users.sales1 }));
    }
    const live: string[] = [];
    for (let i = 0; i < 10; i += 1) live.push(await insertCustomer(server.db, { name: `Slow Later ${i}`, code: `SLL-${i}` }));
    await archiveDirectly(server.db, ids);

    // Seen from outside: the oldest transaction found idle (in ms), sampled every 20 ms.
    const watcher = await connectClient(server.db.url, 'slow-engine-watcher');
    let oldestIdle = { ms: 0, query: '' };
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const { rows } = await watcher.query<{ ms: number; query: string }>(
          `select (extract(epoch from clock_timestamp() - xact_start) * 1000)::float8 as ms, query from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'
            order by xact_start limit 1`,
        );
        if (rows[0] && rows[0].ms > oldestIdle.ms) oldestIdle = rows[0];
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    proxy.delayMs = 1500;
    const log: string[] = [];
    // JOB_STALE_MS is 600 ms: a batch transaction idle while Meilisearch answers would be ended by PostgreSQL.
    const worker = startWorker(server, { ...env, ARCHIVE_BATCH_SIZE: '25' }, (m) => log.push(m));
    const sync = new SearchSyncWorker(server.db.orm, config, { log: (m) => log.push(m) });
    sync.start();
    try {
      const job = (await server.gql(`mutation { reindexArchive(input: { reason: "slow engine" }) { job { id } } }`)).data.reindexArchive.job.id;
      // Changes while both run: holds set and lifted, an erasure, a restore, more archived.
      for (let i = 0; i < 12; i += 1) expect((await hold(ids[i]!, i % 2 === 0)).errors).toBeUndefined();
      const erase = await server.gql(`mutation($id: ID!) { erasePersonalData(input: { id: $id, reason: "PIPL request", confirm: "SLH-20" }) { archivedCustomer { id } } }`, { id: ids[20] });
      expect(erase.errors).toBeUndefined();
      const restore = await server.gql(`mutation($ids: [ID!]!) { restoreCustomers(input: { ids: $ids, reason: "called back" }) { customers { id } } }`, { ids: [ids[30], ids[31]] });
      expect(restore.errors).toBeUndefined();
      const archive = await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "inactive" }) { customers { id } } }`, { ids: live });
      expect(archive.errors).toBeUndefined();
      for (let i = 0; i < 6; i += 1) expect((await hold(ids[i]!, i % 2 === 1)).errors).toBeUndefined();
      expect((await waitForJob(server.db, job, undefined, 240_000)).state).toBe('SUCCEEDED');
      await waitFor(async () => (await outboxRows(server.db)).length === 0, 'the outbox to drain', 120_000);
    } finally {
      await sync.stop();
      await worker.stop();
      watching = false;
      await watch;
      await watcher.end();
      proxy.delayMs = 0;
    }
    // A write waits 1.5 s for its request and 1.5 s for each poll of its task: any transaction open across one would show here.
    expect(oldestIdle.ms).toBeLessThan(1500);
    expect(log.filter((l) => /failed|retry/.test(l))).toEqual([]);
    const all = [...ids, ...live];
    const inArchive = await archived(all);
    expect(Object.keys(inArchive)).toHaveLength(all.length - 2);
    expect(await indexed(all)).toEqual(inArchive);
    expect((await server.gql(`{ searchConsistency { ok pending } }`)).data.searchConsistency).toEqual({ ok: true, pending: 0 });
  }, 300_000);
});
