import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDatabase } from '../src/modules/seed/seed.runner.js';
import type { JobWorker } from '../src/modules/job/job.worker.js';
import { readManifest } from '../src/modules/backup/backup.restore.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { dbId, gid } from './helpers/global-ids.js';

/**
 * Jobs under faults: a restore drill next to API traffic, sessions terminated by
 * PostgreSQL in the middle of a backup, a drill and a policy run, and a worker stopped
 * in the middle of a long step. The server must keep answering, no job transaction may
 * sit idle while its job waits on something else, and every job must still finish.
 */

const KEY = 'job-faults-backup-key-0123456789abcdef';
let server: TestServer;
let dir: string;
let worker: JobWorker | undefined;
/** Every worker started, so a failed test cannot leave one running into the next. */
const workers: JobWorker[] = [];
const logs: string[] = [];

/** Heartbeats every 20 ms: with the old design (beats from the shared pool, queued
 * behind the batch's row lock) this took every connection within a second. */
const FAULT_JOBS = { JOB_HEARTBEAT_MS: '20', JOB_STALE_MS: '10000', JOB_POOL_MAX: '2' };

function useWorker(env: Record<string, string> = {}): JobWorker {
  worker = startWorker(server, { BACKUP_DIR: dir, BACKUP_KEY: KEY, ...FAULT_JOBS, ...env }, (m) => logs.push(m));
  workers.push(worker);
  return worker;
}

async function stopWorker(): Promise<void> {
  await worker?.stop();
  worker = undefined;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-job-faults-'));
  server = await startTestServer({ BACKUP_DIR: dir, BACKUP_KEY: KEY });
  await seedDatabase(server.db.url, { customers: 3000, interactions: 30_000 }, () => undefined);
}, 180_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sessions of this test's database, by application name. */
async function sessions(applicationName: string) {
  return server.db.query<{ pid: number; state: string | null }>(
    `select pid, state from pg_stat_activity where datname = $1 and application_name = $2`,
    [server.db.name, applicationName],
  );
}

/** Terminates the first session of `applicationName` that shows up while `job` runs;
 * resolves with how many were terminated (0 when the job finished first). */
async function terminateWhenSeen(applicationName: string, jobId: string, database = server.db.name): Promise<number> {
  for (;;) {
    const [job] = await server.db.query<{ state: string }>(`select state from job where id = $1`, [jobId]);
    if (job?.state !== 'QUEUED' && job?.state !== 'RUNNING') return 0;
    const rows = await server.db.query<{ ok: boolean }>(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and application_name = $2 and state is not null`,
      [database, applicationName],
    );
    if (rows.some((r) => r.ok)) return rows.length;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker log:\n${logs.slice(-20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `waitForJob`, with the worker's last log lines when it times out. */
async function finished(id: string, timeoutMs: number) {
  try {
    return await waitForJob(server.db, id, undefined, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; worker log:\n${logs.slice(-30).join('\n')}`);
  }
}

async function startBackup(): Promise<string> {
  const res = await server.gql(`mutation { startBackup(input: { reason: "fault test" }) { job { id } } }`);
  expect(res.errors).toBeUndefined();
  return dbId(res.data.startBackup.job.id);
}

async function startDrill(backup: string): Promise<string> {
  const res = await server.gql(`mutation($id: ID!) { startBackupDrill(input: { id: $id }) { job { id } } }`, { id: backup });
  expect(res.errors).toBeUndefined();
  return dbId(res.data.startBackupDrill.job.id);
}

let backupId: string;

describe('a restore drill next to API traffic', () => {
  it('keeps the API answering, holds no job transaction idle, and succeeds on its first attempt', async () => {
    useWorker();
    const backup = await finished(await startBackup(), 120_000);
    expect(backup.state).toBe('SUCCEEDED');
    backupId = backup.result.backup;

    const drillId = await startDrill(backupId);
    const latencies: number[] = [];
    const errors: unknown[] = [];
    let longestIdleInTransaction = 0;
    let heartbeatsWaitingOnLocks = 0;
    for (;;) {
      const [job] = await server.db.query<{ state: string }>(`select state from job where id = $1`, [drillId]);
      if (!['QUEUED', 'RUNNING'].includes(job!.state)) break;
      const started = Date.now();
      const res = await server.gql(`{ customers(first: 20) { totalCount nodes { id name interactions(first: 3) { nodes { id } } } } }`);
      latencies.push(Date.now() - started);
      if (res.errors) errors.push(res.errors);
      const [idle] = await server.db.query<{ seconds: number | null }>(
        `select max(extract(epoch from now() - state_change))::float8 as seconds from pg_stat_activity
          where datname = $1 and application_name = 'custos-jobs' and state like 'idle in transaction%'`,
        [server.db.name],
      );
      longestIdleInTransaction = Math.max(longestIdleInTransaction, idle?.seconds ?? 0);
      const [waiting] = await server.db.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where application_name = 'custos-job-heartbeat' and wait_event_type = 'Lock'`,
      );
      heartbeatsWaitingOnLocks = Math.max(heartbeatsWaitingOnLocks, waiting!.n);
    }
    const drill = await finished(drillId, 5_000);
    expect(drill).toMatchObject({ state: 'SUCCEEDED', attempts: 1, error: null });
    expect(drill.result).toMatchObject({ ok: true, problems: [] });
    expect(errors).toEqual([]);
    expect(latencies.length).toBeGreaterThan(0);
    // Generous bounds for a busy 2-core machine; a frozen pool never answers at all.
    expect(Math.max(...latencies)).toBeLessThan(15_000);
    expect(longestIdleInTransaction).toBeLessThan(3);
    expect(heartbeatsWaitingOnLocks).toBeLessThanOrEqual(1);
    await stopWorker();
  }, 240_000);
});

describe('sessions terminated by PostgreSQL mid-work', () => {
  it('a backup whose snapshot session is terminated retries from the first table and writes a valid file', async () => {
    logs.length = 0;
    // A pause between tables keeps the snapshot session open long enough to be hit.
    useWorker({ JOB_BATCH_PAUSE_MS: '150' });
    const id = await startBackup();
    expect(await terminateWhenSeen('custos-backup', id)).toBeGreaterThan(0);
    const job = await finished(id, 120_000);
    expect(job).toMatchObject({ state: 'SUCCEEDED', attempts: 1 });
    expect(logs.some((m) => /batch failed on a database error, retry 1/.test(m))).toBe(true);
    expect(Number(job.progress_done)).toBe(Number(job.progress_total));
    // The newest backup of the day is the one retention keeps.
    backupId = job.result.backup;
    const manifest = await readManifest(path.join(dir, `${job.result.backup}.cbk`), KEY);
    expect(manifest.totalRows).toBe(job.result.totalRows);
    expect((await server.gql(`{ me { id } }`)).data.me.id).toBe(gid('User', server.users.admin));
    await stopWorker();
  }, 180_000);

  it('a drill whose restore session is terminated retries and succeeds', async () => {
    logs.length = 0;
    useWorker();
    const id = await startDrill(backupId);
    const database = `${server.db.name.slice(0, 36)}_drill_${id}_1`;
    expect(await terminateWhenSeen('custos-restore', id, database)).toBeGreaterThan(0);
    const job = await finished(id, 180_000);
    expect(job).toMatchObject({ state: 'SUCCEEDED', attempts: 1 });
    expect(logs.some((m) => /batch failed on a database error/.test(m))).toBe(true);
    const left = await server.db.query(`select datname from pg_database where datname = $1`, [database]);
    expect(left).toEqual([]);
    await stopWorker();
  }, 240_000);

  it('a policy run whose job connections are terminated retries the batch and archives every customer once', async () => {
    logs.length = 0;
    useWorker({ ARCHIVE_BATCH_SIZE: '100', JOB_BATCH_PAUSE_MS: '50' });
    const matching = (await server.db.query<{ n: number }>(`select count(*)::int as n from customer where status = 'ACTIVE'`))[0]!.n;
    const before = await server.db.query<{ c: number; i: number }>(
      `select (select count(*) from customer)::int + (select count(*) from archive.customer)::int as c,
              (select count(*) from interaction)::int + (select count(*) from archive.interaction)::int as i`,
    );
    const created = await server.gql(
      `mutation($input: CreateArchivePolicyInput!) { createArchivePolicy(input: $input) { policy { id } } }`,
      { input: { name: 'Everything active', action: 'ARCHIVE_CUSTOMERS', criteria: { status: ['ACTIVE'] } } },
    );
    expect(created.errors).toBeUndefined();
    const run = await server.gql(`mutation($id: ID!) { runArchivePolicy(input: { id: $id }) { job { id } } }`, {
      id: created.data.createArchivePolicy.policy.id,
    });
    expect(run.errors).toBeUndefined();
    const id = dbId(run.data.runArchivePolicy.job.id);
    // Wait for a few batches, then drop every connection of the worker's pool.
    await until(async () => {
      const [job] = await server.db.query<{ done: number; state: string }>(`select progress_done::int as done, state from job where id = $1`, [id]);
      return job!.done >= 300 || !['QUEUED', 'RUNNING'].includes(job!.state);
    }, 120_000, `job ${id} to pass 300 customers`);
    await server.db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = 'custos-jobs'`,
      [server.db.name],
    );
    const job = await finished(id, 180_000);
    expect({ state: job.state, error: job.error }).toEqual({ state: 'SUCCEEDED', error: null });
    expect(job.result).toMatchObject({ customers: matching });
    const after = await server.db.query<{ c: number; i: number; live: number }>(
      `select (select count(*) from customer)::int + (select count(*) from archive.customer)::int as c,
              (select count(*) from interaction)::int + (select count(*) from archive.interaction)::int as i,
              (select count(*) from customer where status = 'ACTIVE')::int as live`,
    );
    expect(after[0]).toEqual({ ...before[0], live: 0 });
    expect((await server.gql(`{ me { id } }`)).data.me.id).toBe(gid('User', server.users.admin));
    await stopWorker();
  }, 240_000);
});

describe('a policy run next to interactions logged on the customers it is archiving', () => {
  it('archives every matching customer, and each logInteraction either lands or gets a clear code', async () => {
    logs.length = 0;
    await server.db.query(
      `insert into customer (code, name, type, tags, created_at) select 'RACE-' || g, 'Race ' || g, 'SMB', array['race'], now() - interval '2 years'
         from generate_series(1, 600) g`,
    );
    const ids = (await server.db.query<{ id: string }>(`select c.id::text from customer c where 'race' = any(c.tags) order by c.id`)).map((r) => r.id);
    useWorker({ ARCHIVE_BATCH_SIZE: '25' });
    const created = await server.gql(
      `mutation($input: CreateArchivePolicyInput!) { createArchivePolicy(input: $input) { policy { id } } }`,
      { input: { name: 'Race', action: 'ARCHIVE_CUSTOMERS', criteria: { tags: ['race'] } } },
    );
    expect(created.errors).toBeUndefined();
    const run = await server.gql(`mutation($id: ID!) { runArchivePolicy(input: { id: $id }) { job { id } } }`, {
      id: created.data.createArchivePolicy.policy.id,
    });
    const jobId = dbId(run.data.runArchivePolicy.job.id);
    const landed: { id: string; customer: string }[] = [];
    const codes = new Map<string, number>();
    let running = true;
    // Four clients log interactions on the customers just ahead of the run's checkpoint.
    const client = async (offset: number) => {
      while (running) {
        const [job] = await server.db.query<{ state: string; checkpoint: { lastId?: string } | null }>(`select state, checkpoint from job where id = $1`, [jobId]);
        if (!['QUEUED', 'RUNNING'].includes(job!.state)) break;
        const next = ids.findIndex((id) => BigInt(id) > BigInt(job!.checkpoint?.lastId ?? '0'));
        const customer = ids[Math.min(ids.length - 1, Math.max(0, next) + offset)]!;
        const res = await server.gql(`mutation($id: ID!) { logInteraction(input: { customerId: $id, kind: CALL, subject: "race" }) { interaction { id } } }`, { id: customer });
        if (res.errors) codes.set(res.errors[0]!.extensions!.code, (codes.get(res.errors[0]!.extensions!.code) ?? 0) + 1);
        else landed.push({ id: res.data.logInteraction.interaction.id, customer });
      }
    };
    const clients = Promise.all([0, 3, 10, 24].map(client));
    const job = await finished(jobId, 180_000);
    running = false;
    await clients;
    expect({ state: job.state, error: job.error }).toEqual({ state: 'SUCCEEDED', error: null });
    expect(job.result).toMatchObject({ customers: ids.length });
    expect(landed.length).toBeGreaterThan(0);
    // The only refusal is the one a client can act on: the customer is archived now.
    expect([...codes.keys()].filter((code) => code !== 'INVALID_STATE')).toEqual([]);
    const stores = await server.db.query<{ live: number; archived: number; lost: number }>(
      `select (select count(*) from customer where id = any($1::bigint[]))::int as live,
              (select count(*) from archive.customer where id = any($1::bigint[]))::int as archived,
              (select count(*) from unnest($2::bigint[]) l(id)
                where not exists (select 1 from archive.interaction a where a.id = l.id and a.with_customer))::int as lost`,
      [ids, landed.map((l) => dbId(l.id))],
    );
    // Every customer moved, each with every interaction that was logged on it.
    expect(stores[0]).toEqual({ live: 0, archived: ids.length, lost: 0 });
    await stopWorker();
  }, 240_000);
});

describe('stopping a worker in the middle of a long step', () => {
  it('returns within its wait, hands the job back, and another worker finishes it', async () => {
    // A drill is one long step; the worker must not wait for it to end.
    const first = useWorker();
    const id = await startDrill(backupId);
    await until(async () => {
      const [job] = await server.db.query<{ checkpoint: unknown }>(`select checkpoint from job where id = $1`, [id]);
      return job!.checkpoint !== null;
    }, 60_000, `drill ${id} to begin`);
    const started = Date.now();
    await first.stop(300);
    worker = undefined;
    expect(Date.now() - started).toBeLessThan(10_000);
    const [handedBack] = await server.db.query<{ state: string; locked_by: string | null }>(`select state, locked_by from job where id = $1`, [id]);
    expect(handedBack!.locked_by === null || handedBack!.state !== 'RUNNING').toBe(true);
    useWorker();
    const job = await finished(id, 180_000);
    expect({ state: job.state, error: job.error }).toEqual({ state: 'SUCCEEDED', error: null });
    expect(job.result).toMatchObject({ ok: true });
    expect((await sessions('custos-jobs')).length).toBeLessThanOrEqual(2);
  }, 240_000);
});
