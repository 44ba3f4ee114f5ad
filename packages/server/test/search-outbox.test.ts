import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Config } from '../src/config.js';
import { SqlExecutor } from '../src/db/sql.js';
import { archiveCustomerRows } from '../src/modules/archive/archive.store.js';
import { SearchSyncWorker } from '../src/search/outbox-worker.js';
import { drainOutboxOnce } from '../src/search/outbox.js';
import { PostgresSearchIndex } from '../src/search/postgres/postgres-search-index.js';
import type { SearchIndex } from '../src/search/search-index.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startWorker, testConfig, waitForJob } from './helpers/jobs.js';
import { archiveDirectly, outboxRows, syncIndex } from './helpers/search.js';
import { sweepNow } from './helpers/purge.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * The outbox keeps the index consistent: rows written in the transaction of every
 * change, drained with SKIP LOCKED (also when transactions commit out of order),
 * applied idempotently, retried after failures and crashes; reindex and the consistency
 * check rebuild and compare the whole index.
 */

let server: TestServer;
let config: Config;
beforeAll(async () => {
  server = await startTestServer();
  config = testConfig(server.db, { SEARCH_SYNC_POLL_MS: '20', SEARCH_SYNC_MAX_BACKOFF_MS: '50' });
});
afterAll(() => server.close());

const doc = async (id: string) =>
  (await server.db.query<{ id: string; name: string; email: string | null; legal_hold: boolean; checksum: string }>(
    `select id::text, name, email, legal_hold, checksum from search_document where id = $1`, [id]))[0];
const clearOutbox = () => server.db.query(`delete from search_outbox`);

async function customer(name: string, extra: { email?: string; code?: string } = {}) {
  const id = await insertCustomer(server.db, { name, ownerId: server.users.sales1, email: extra.email ?? null, code: extra.code });
  return id;
}

describe('every change to an archived customer writes an outbox row in its own transaction', () => {
  it('archive, legal hold, erasure, restore and purge each enqueue the customer, and the drain follows', async () => {
    await clearOutbox();
    const id = await customer('Outbox Lifecycle GmbH', { email: 'ol@example.com', code: 'OBX-1' });
    const other = await customer('Outbox Purge Ltd', { code: 'OBX-2' });
    const step = async (query: string, variables: Record<string, unknown>) => {
      const res = await server.gql(query, variables);
      expect(res.errors).toBeUndefined();
      const rows = await outboxRows(server.db);
      await syncIndex(server.db, config);
      return rows.map((r) => r.customer_id);
    };
    expect(await step(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "inactive" }) { customers { id } } }`, { ids: [id, other] }))
      .toEqual([id, other]);
    expect(await doc(id)).toMatchObject({ name: 'Outbox Lifecycle GmbH', email: 'ol@example.com', legal_hold: false });

    expect(await step(`mutation($id: ID!) { setLegalHold(input: { id: $id, hold: true, reason: "case 7" }) { archivedCustomer { id } } }`, { id })).toEqual([id]);
    expect(await doc(id)).toMatchObject({ legal_hold: true });

    const before = (await doc(id))!.checksum;
    expect(await step(`mutation($id: ID!) { erasePersonalData(input: { id: $id, reason: "PIPL request", confirm: "OBX-1" }) { archivedCustomer { id } } }`, { id }))
      .toEqual([id]);
    expect(await doc(id)).toMatchObject({ email: null });
    expect((await doc(id))!.checksum).not.toBe(before);

    expect(await step(`mutation($ids: [ID!]!) { restoreCustomers(input: { ids: $ids, reason: "called back" }) { customers { id } } }`, { ids: [id] }))
      .toEqual([id]);
    expect(await doc(id)).toBeUndefined();

    // Purge waits in the recycle bin (nothing to index yet); the sweep that carries it out queues the removal.
    const scheduled = await server.gql(`mutation($id: ID!) { purgeCustomer(input: { id: $id, reason: "retention over", confirm: "OBX-2" }) { scheduledPurge { id } } }`, { id: other });
    expect(scheduled.errors).toBeUndefined();
    expect(await outboxRows(server.db)).toEqual([]);
    await sweepNow(server, [scheduled.data.purgeCustomer.scheduledPurge.id]);
    expect((await outboxRows(server.db)).map((r) => r.customer_id)).toEqual([other]);
    await syncIndex(server.db, config);
    expect(await doc(other)).toBeUndefined();
  });

  it('changes to live customers enqueue nothing', async () => {
    await clearOutbox();
    const id = await customer('Live Only AG', { code: 'OBX-3' });
    await server.gql(`mutation($id: ID!) { setLegalHold(input: { id: $id, hold: true, reason: "case 8" }) { customer { id } } }`, { id });
    await server.gql(`mutation($id: ID!) { erasePersonalData(input: { id: $id, reason: "PIPL request", confirm: "OBX-3" }) { customer { id } } }`, { id });
    expect(await outboxRows(server.db)).toEqual([]);
  });

  it('a move that rolls back leaves neither an archived row nor an outbox row', async () => {
    await clearOutbox();
    const id = await customer('Rolled Back Co');
    await expect(
      server.db.orm.em.fork().transactional(async (em) => {
        await archiveCustomerRows(new SqlExecutor(em), { where: 'c.id = $1::bigint', params: [id] }, { actorId: null, reason: 'x', policyId: null, retainUntil: null });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await outboxRows(server.db)).toEqual([]);
    expect(await server.db.query(`select 1 from archive.customer where id = $1`, [id])).toEqual([]);
  });
});

describe('the drain', () => {
  it('indexes two transactions that commit out of order (the later id commits first)', async () => {
    await clearOutbox();
    const early = await customer('Early Starter 早');
    const late = await customer('Late Starter 晚');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const t1 = server.db.orm.em.fork().transactional(async (em) => {
      await archiveCustomerRows(new SqlExecutor(em), { where: 'c.id = $1::bigint', params: [early] }, { actorId: null, reason: 'first', policyId: null, retainUntil: null });
      written();
      await gate;
    });
    await wrote;
    await archiveDirectly(server.db, [late]);
    await syncIndex(server.db, config);
    expect(await doc(late)).toBeDefined();
    expect(await doc(early)).toBeUndefined();
    release();
    await t1;
    const [row] = await server.db.query<{ customer_id: string }>(`select customer_id::text from search_outbox`);
    expect(row!.customer_id).toBe(early);
    await syncIndex(server.db, config);
    expect(await doc(early)).toBeDefined();
    expect(await outboxRows(server.db)).toEqual([]);
  });

  it('concurrent drainers share the work without applying a row twice or losing one', async () => {
    await clearOutbox();
    const ids = [];
    for (let i = 0; i < 30; i += 1) ids.push(await customer(`Parallel Drain ${i}`));
    await archiveDirectly(server.db, ids);
    const small = testConfig(server.db, { SEARCH_SYNC_BATCH: '4' });
    const rounds = await Promise.all(Array.from({ length: 4 }, async () => {
      let applied = 0;
      for (;;) {
        const r = await drainOutboxOnce(server.db.orm.em, small);
        if (r.applied === 0) return applied;
        applied += r.applied;
      }
    }));
    expect(rounds.reduce((a, b) => a + b, 0)).toBe(30);
    const [n] = await server.db.query<{ n: number }>(`select count(*)::int as n from search_document where id = any($1::bigint[])`, [ids]);
    expect(n!.n).toBe(30);
  });

  it('keeps rows after a failed apply, with the error and a backoff, and rolls back partial index writes', async () => {
    await clearOutbox();
    const a = await customer('Failing Apply One');
    const b = await customer('Failing Apply Two');
    await archiveDirectly(server.db, [a, b]);
    // An engine that writes the first document, then dies.
    const broken = (_c: Config, sql: SqlExecutor): SearchIndex => {
      const real = new PostgresSearchIndex(sql);
      return Object.assign(Object.create(real), {
        upsert: async (docs: Parameters<SearchIndex['upsert']>[0]) => {
          await real.upsert(docs.slice(0, 1));
          throw new Error('engine went away');
        },
      });
    };
    expect(await drainOutboxOnce(server.db.orm.em, config, broken)).toEqual({ applied: 0, failed: 2 });
    const rows = await server.db.query<{ attempts: number; last_error: string; due_later: boolean }>(
      `select attempts, last_error, available_at > clock_timestamp() as due_later from search_outbox order by id`);
    expect(rows).toEqual([
      { attempts: 1, last_error: 'engine went away', due_later: true },
      { attempts: 1, last_error: 'engine went away', due_later: true },
    ]);
    expect(await doc(a)).toBeUndefined();
    // Not due yet: a drain leaves them alone. Their 50 ms backoff may have passed already
    // on a busy machine, so it is moved an hour on, as a longer backoff would have set it.
    await server.db.query(`update search_outbox set available_at = clock_timestamp() + interval '1 hour'`);
    expect(await drainOutboxOnce(server.db.orm.em, testConfig(server.db, { SEARCH_SYNC_MAX_BACKOFF_MS: '60000' }))).toEqual({ applied: 0, failed: 0 });
  });

  it('a restarted worker picks up what a crashed one left behind', async () => {
    // The rows from the previous test are still pending; they are made due. Simulate a
    // crash mid-apply: a drainer claims them and its connection dies before commit.
    await server.db.query(`update search_outbox set available_at = clock_timestamp()`);
    const client = new pg.Client({ connectionString: server.db.url });
    client.on('error', () => undefined); // the backend is terminated on purpose below
    await client.connect();
    await client.query('begin');
    const claimed = await client.query(`select id from search_outbox order by id for update skip locked`);
    expect(claimed.rowCount).toBe(2);
    // While the crashed drainer still holds them, another drainer skips them.
    expect(await drainOutboxOnce(server.db.orm.em, testConfig(server.db, { SEARCH_SYNC_MAX_BACKOFF_MS: '10' }))).toEqual({ applied: 0, failed: 0 });
    await server.db.query(`select pg_terminate_backend($1)`, [(client as unknown as { processID: number }).processID]);
    await client.end().catch(() => undefined);

    const worker = new SearchSyncWorker(server.db.orm, config);
    worker.start();
    try {
      const deadline = Date.now() + 10_000;
      while ((await outboxRows(server.db)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    } finally {
      await worker.stop();
    }
    expect(await outboxRows(server.db)).toEqual([]);
    const names = await server.db.query<{ name: string }>(`select name from search_document where name like 'Failing Apply%' order by name`);
    expect(names.map((n) => n.name)).toEqual(['Failing Apply One', 'Failing Apply Two']);
  });
});

describe('status, consistency check and reindex', () => {
  const snapshot = () => server.db.query(`select id, owner_id, code, name, email, phone, phone_digits, type, tier, industry, region, lifecycle_stage,
      tags, archive_reason, archived_at, archived_year, previous_status, legal_hold, checksum, name_terms::text from search_document order by id`);

  it('shows pending changes and lag to ADMIN only', async () => {
    await clearOutbox();
    const id = await customer('Lagging Behind');
    await archiveDirectly(server.db, [id]);
    await server.db.query(`update search_outbox set created_at = clock_timestamp() - interval '5 seconds'`);
    const res = await server.gql(`{ searchIndexStatus { engine lag pending failing oldestPendingAt indexedCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.searchIndexStatus).toMatchObject({ engine: 'POSTGRES', pending: 1, failing: 0 });
    expect(res.data.searchIndexStatus.lag).toBeGreaterThanOrEqual(5);
    for (const user of ['manager', 'support', 'sales1', 'auditor'] as const) {
      expect((await server.as(user)(`{ searchIndexStatus { lag } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    await syncIndex(server.db, config);
    expect((await server.gql(`{ searchIndexStatus { lag pending oldestPendingAt } }`)).data.searchIndexStatus).toEqual({ lag: 0, pending: 0, oldestPendingAt: null });
  });

  it('the consistency check names what differs, and reindex (a job with progress) repairs it to the identical index', async () => {
    const ids = [];
    for (let i = 0; i < 23; i += 1) ids.push(await customer(`Reindex 客户 ${i}`));
    await archiveDirectly(server.db, ids);
    await syncIndex(server.db, config);
    const check = `{ searchConsistency { ok engine archiveCount indexCount archiveDigest indexDigest missing extra stale pending } }`;
    const good = (await server.gql(check)).data.searchConsistency;
    expect(good).toMatchObject({ ok: true, missing: [], extra: [], stale: [], pending: 0 });
    expect(good.archiveDigest).toBe(good.indexDigest);
    const expected = await snapshot();

    // Damage the index behind the outbox's back.
    await server.db.query(`delete from search_document where id = $1`, [ids[3]]);
    await server.db.query(`update search_document set checksum = 'stale', name = 'wrong' where id = $1`, [ids[5]]);
    await server.db.query(`insert into search_document select 999999, owner_id, 'GHOST', name, email, phone, phone_digits, type, tier, industry, region,
      lifecycle_stage, tags, archive_reason, archived_at, archived_year, previous_status, legal_hold, checksum, name_terms from search_document where id = $1`, [ids[0]]);
    const bad = (await server.gql(check)).data.searchConsistency;
    expect(bad).toMatchObject({ ok: false, missing: [ids[3]], extra: ['999999'], stale: [ids[5]] });
    expect(bad.archiveDigest).not.toBe(bad.indexDigest);

    const worker = startWorker(server, { ARCHIVE_BATCH_SIZE: '7' });
    try {
      const res = await server.gql(`mutation { reindexArchive(input: { reason: "repair after restore from backup" }) { job { id kind state } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.reindexArchive.job).toMatchObject({ kind: 'REINDEX_SEARCH', state: 'QUEUED' });
      const again = await server.gql(`mutation { reindexArchive(input: { reason: "twice" }) { job { id } } }`);
      expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
      const job = await waitForJob(server.db, res.data.reindexArchive.job.id);
      expect(job.state).toBe('SUCCEEDED');
      expect(job.progress_done).toBe(job.progress_total);
      expect(job.result).toMatchObject({ removed: 1 });
    } finally {
      await worker.stop();
    }
    expect((await server.gql(check)).data.searchConsistency).toMatchObject({ ok: true, missing: [], extra: [], stale: [] });
    expect(await snapshot()).toEqual(expected);
    expect((await server.as('manager')(`mutation { reindexArchive(input: { reason: "nope" }) { job { id } } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
