import { MIGRATION_SEEDED_TABLES } from '../src/db/migrations/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { seedDatabase } from '../src/modules/seed/seed.runner.js';
import { compareDigests, digestTables, runRestoreDrill } from '../src/modules/backup/backup.drill.js';
import { createBackupFile } from '../src/modules/backup/backup.dump.js';
import { migrationsUpTo, restoreBackupFile } from '../src/modules/backup/backup.restore.js';
import { loadConfig } from '../src/config.js';
import { open } from '../src/crypto/sealed.js';
import { listBackups, pruneBackups, writeSidecar } from '../src/modules/backup/backup.store.js';
import type { BackupManifest, BackupTrigger } from '../src/modules/backup/backup.format.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { buildCli } from './helpers/worker-process.js';
import { createTestDatabase, TEST_ENCRYPTION_KEY, type TestDatabase } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

const execFileAsync = promisify(execFile);

/** Logical backups against real PostgreSQL: dump → restore → identical, and refusals. */

const KEY = 'backup-key-backup-key-backup-key-0123456789';
let server: TestServer;
let dir: string;
let backup: Awaited<ReturnType<typeof createBackupFile>>;

beforeAll(async () => {
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-backups-'));
  await seedDatabase(server.db.url, { customers: 300, interactions: 3000 }, () => undefined);
  // Records in every state the backup must carry: voided, archived (with history), merged,
  // interactions archived on their own, a policy, a job, audit events, text that COPY escapes.
  const ids = (await server.db.query<{ id: string }>(`select c.id::text from customer c where c.status = 'ACTIVE' order by c.id limit 12`)).map((r) => r.id);
  await server.db.query(`update customer set notes = E'line one\\nline two\\ttab \\\\ backslash 客户 😀', address = null where id = $1`, [ids[0]]);
  expect((await server.gql(`mutation { voidCustomers(input: { ids: ["${ids[1]}", "${ids[2]}"], reason: DUPLICATE, note: "seen twice" }) { customers { id } } }`)).errors).toBeUndefined();
  expect((await server.gql(`mutation { archiveCustomers(input: { ids: ["${ids[0]}", "${ids[3]}", "${ids[2]}"], reason: "dormant" }) { customers { id } } }`)).errors).toBeUndefined();
  expect((await server.gql(`mutation { archiveInteractions(input: { customerId: "${ids[4]}", olderThan: "2026-06-01T00:00:00Z", reason: "old" }) { archivedCount } }`)).errors).toBeUndefined();
  expect((await server.gql(`mutation { createArchivePolicy(input: { name: "Backup policy", action: ARCHIVE_CUSTOMERS, criteria: { tags: ["x"] } }) { policy { id } } }`)).errors).toBeUndefined();
  const [survivor, merged] = [ids[5]!, ids[6]!];
  const merge = await server.gql(
    `mutation { mergeCustomers(input: { survivorId: "${survivor}", mergedIds: ["${merged}"], versions: [{ id: "${survivor}", version: 1 }, { id: "${merged}", version: 1 }] }) { merge { id } } }`,
  );
  expect(merge.errors).toBeUndefined();
  backup = await createBackupFile(server.db.url, dir, KEY, { createdBy: server.users.admin, reason: 'test' });
}, 120_000);
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyTarget(): Promise<TestDatabase> {
  const target = await createTestDatabase();
  return target;
}

describe('backup and restore', () => {
  it('writes a compressed file with a manifest of every table, and a sidecar', () => {
    const names = backup.manifest.tables.map((t) => t.name);
    for (const table of ['public.customer', 'public.interaction', 'archive.customer', 'archive.interaction', 'public.audit_event', 'public.job', 'public.archive_policy', 'public.app_user']) {
      expect(names).toContain(table);
    }
    expect(names).not.toContain('public.mikro_orm_migrations');
    // Parents before children: customers before their interactions.
    expect(names.indexOf('public.customer')).toBeLessThan(names.indexOf('public.interaction'));
    const rows = Object.fromEntries(backup.manifest.tables.map((t) => [t.name, t.rows]));
    expect(rows['public.customer']).toBe(297);
    expect(rows['public.customer_merge']).toBe(1);
    expect(rows['archive.customer']).toBe(3);
    expect(backup.manifest.totalRows).toBeGreaterThan(3000);
    expect(backup.manifest.migrations.length).toBeGreaterThanOrEqual(4);
    const sidecar = JSON.parse(fs.readFileSync(`${backup.file}.json`, 'utf8'));
    expect(sidecar).toMatchObject({ sizeBytes: backup.sizeBytes, createdBy: server.users.admin, totalRows: backup.manifest.totalRows });
    expect(backup.sizeBytes).toBeLessThan(backup.manifest.totalRows * 200);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('restores into an empty database: every table identical, sequences continue, chain and checksums verify', async () => {
    const target = await emptyTarget();
    try {
      await restoreBackupFile(target.url, backup.file, KEY);
      expect(compareDigests(backup.manifest, await digestTables(target.url))).toEqual([]);
      // The source is unchanged too, so both databases are identical table by table.
      expect(await digestTables(target.url)).toEqual(await digestTables(server.db.url));
      const [note] = await target.query<{ notes: string }>(`select notes from archive.customer where notes like 'line one%'`);
      expect(note!.notes).toBe('line one\nline two\ttab \\ backslash 客户 😀');
      // Encrypted values travel as ciphertext and read back with the same key ring.
      const sealed = await target.query<{ id: string; tax_id: string }>(`select c.id::text, c.tax_id from customer c where c.tax_id is not null order by c.id limit 20`);
      expect(sealed.length).toBeGreaterThan(0);
      const source = new Map((await server.db.query<{ id: string; tax_id: string }>(`select id::text, tax_id from customer where id = any($1::bigint[])`, [sealed.map((r) => r.id)])).map((r) => [r.id, r.tax_id]));
      for (const row of sealed) {
        expect(row.tax_id).toMatch(/^v1:test1:/);
        expect(open('customer.tax_id', row.tax_id, row.id)).toBe(open('customer.tax_id', source.get(row.id)!, row.id));
        expect(open('customer.tax_id', row.tax_id, row.id)).toMatch(/^[0-9A-Z-]{10,}$/);
      }
      const [next] = await target.query<{ id: string }>(`insert into customer (code, name, type) values ('NEW-1', 'After restore', 'SMB') returning id::text`);
      const [max] = await server.db.query<{ id: string }>(`select greatest((select max(id) from customer), (select max(id) from archive.customer))::text as id`);
      expect(BigInt(next!.id)).toBeGreaterThan(BigInt(max!.id));
    } finally {
      await target.close();
    }
  });

  it('knows every table a fresh migration writes rows into (a restore replaces those rows)', async () => {
    const target = await emptyTarget();
    try {
      const seeded: string[] = [];
      for (const { name } of await target.query<{ name: string }>(
        `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p') and n.nspname in ('public', 'archive') and c.relname <> 'mikro_orm_migrations' order by 1`,
      )) {
        const [schema, table] = name.split('.');
        if ((await target.query(`select 1 from "${schema}"."${table}" limit 1`)).length) seeded.push(name);
      }
      expect(seeded).toEqual([...MIGRATION_SEEDED_TABLES].sort());
    } finally {
      await target.close();
    }
  });

  it('refuses a target that is not empty, and writes nothing', async () => {
    const target = await emptyTarget();
    try {
      await target.query(`insert into app_user (email, display_name, role) values ('x@example.com', 'x', 'ADMIN')`);
      await expect(restoreBackupFile(target.url, backup.file, KEY)).rejects.toMatchObject({ reason: 'BACKUP_TARGET_NOT_EMPTY' });
      expect(await target.query(`select count(*)::int as n from customer`)).toEqual([{ n: 0 }]);
    } finally {
      await target.close();
    }
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length * 0.8))],
    ['cut at the manifest', (bytes: Buffer) => {
      const text = gunzipSync(bytes).toString('utf8');
      return gzipSync(Buffer.from(text.slice(0, text.indexOf('@END '))));
    }],
    ['tampered with (one value changed, the file re-compressed)', (bytes: Buffer) => {
      const text = gunzipSync(bytes).toString('utf8');
      return gzipSync(Buffer.from(text.replace('seen twice', 'seen thrice')));
    }],
    ['not a backup', () => gzipSync(Buffer.from('hello\n'))],
  ])('refuses a backup that is %s, and writes nothing', async (_name, damage) => {
    const bad = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.cbk`);
    fs.writeFileSync(bad, damage(fs.readFileSync(backup.file)));
    const target = await emptyTarget();
    try {
      await expect(restoreBackupFile(target.url, bad, KEY)).rejects.toMatchObject({ reason: 'BACKUP_CORRUPT' });
      for (const table of ['customer', 'interaction', 'archive.customer', 'audit_event', 'app_user']) {
        expect(await target.query(`select count(*)::int as n from ${table}`)).toEqual([{ n: 0 }]);
      }
    } finally {
      await target.close();
    }
  });

  it('refuses a backup read with another key, and one from a newer schema', async () => {
    const target = await emptyTarget();
    try {
      await expect(restoreBackupFile(target.url, backup.file, `${KEY}-other`)).rejects.toMatchObject({ reason: 'BACKUP_CORRUPT' });
    } finally {
      await target.close();
    }
    expect(() => migrationsUpTo({ migrations: [...backup.manifest.migrations, 'migration-2099010101-future'] })).toThrow(
      expect.objectContaining({ reason: 'BACKUP_NEWER_VERSION' }),
    );
    expect(migrationsUpTo(backup.manifest)).toBe(backup.manifest.migrations.at(-1));
  });

  it('passes a restore drill into a scratch database, which is dropped afterwards', async () => {
    const report = await runRestoreDrill(server.db.url, backup.file, KEY, `drill_${server.db.name}`);
    expect(report).toMatchObject({ ok: true, problems: [], auditChain: { ok: true }, archive: { ok: true, checkedCustomers: 3 } });
    expect(report.auditChain.checked).toBeGreaterThan(0);
    const left = await server.db.query(`select datname from pg_database where datname = $1`, [`drill_${server.db.name}`]);
    expect(left).toEqual([]);
  });
});

describe('backups as jobs over GraphQL', () => {
  let api: TestServer;
  let apiDir: string;
  const workers: import('../src/modules/job/job.worker.js').JobWorker[] = [];
  beforeAll(async () => {
    apiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-backups-api-'));
    api = await startTestServer({ BACKUP_DIR: apiDir, BACKUP_KEY: KEY, BACKUP_KEEP_DAILY: '9', BACKUP_KEEP_WEEKLY: '3' });
    await seedDatabase(api.db.url, { customers: 50, interactions: 200 }, () => undefined);
    workers.push(startWorker(api, { BACKUP_DIR: apiDir, BACKUP_KEY: KEY }));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await api.close();
    fs.rmSync(apiDir, { recursive: true, force: true });
  });

  const LIST = `{ backups { id createdAt createdBy reason sizeBytes totalRows migration tables { name rows } lastDrill { jobId state error seconds } } }`;

  it('backs up with progress per table, lists the backup, drills it, and is ADMIN-only', async () => {
    const started = await api.gql(`mutation { startBackup(input: { reason: "before purge" }) { job { id kind state } } }`);
    expect(started.errors).toBeUndefined();
    const job = await waitForJob(api.db, started.data.startBackup.job.id, undefined, 90_000);
    expect(job.state).toBe('SUCCEEDED');
    expect(Number(job.progress_done)).toBe(Number(job.progress_total));
    expect(Number(job.progress_total)).toBeGreaterThan(8);
    const list = await api.gql(LIST);
    expect(list.errors).toBeUndefined();
    const [backup] = list.data.backups;
    expect(backup).toMatchObject({ id: gid('Backup', job.result.backup), createdBy: gid('User', api.users.admin), reason: 'before purge', lastDrill: null });
    expect(backup.tables.find((t: { name: string }) => t.name === 'public.customer').rows).toBe(50);

    const drill = await api.gql(`mutation($id: ID!) { startBackupDrill(input: { id: $id }) { job { id } } }`, { id: backup.id });
    expect(drill.errors).toBeUndefined();
    expect((await waitForJob(api.db, drill.data.startBackupDrill.job.id, undefined, 90_000)).state).toBe('SUCCEEDED');
    const after = (await api.gql(LIST)).data.backups[0];
    expect(after.lastDrill).toMatchObject({ jobId: drill.data.startBackupDrill.job.id, state: 'SUCCEEDED', error: null });

    for (const user of ['manager', 'sales1', 'support', 'auditor', 'reporting'] as const) {
      expect((await api.as(user)(LIST)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await api.as(user)(`mutation { startBackup { job { id } } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const missing = await api.gql(`mutation { startBackupDrill(input: { id: "no-such-backup" }) { job { id } } }`);
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  }, 120_000);

  it('reports its retention and schedule settings to ADMIN only', async () => {
    const SETTINGS = '{ backupSettings { keepDaily keepWeekly schedule drillSchedule } }';
    const res = await api.gql(SETTINGS);
    expect(res.errors).toBeUndefined();
    expect(res.data.backupSettings).toEqual({ keepDaily: 9, keepWeekly: 3, schedule: null, drillSchedule: null });
    for (const user of ['manager', 'sales1', 'support', 'auditor', 'reporting'] as const) {
      const refused = await api.as(user)(SETTINGS);
      expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(refused.data ?? null).toBeNull();
    }
  });

  it('does not list a backup whose sidecar was edited, until a drill rewrites it from the sealed file', async () => {
    const job = await waitForJob(api.db, (await api.gql(`mutation { startBackup(input: { reason: "sidecar" }) { job { id } } }`)).data.startBackup.job.id, undefined, 90_000);
    const id = job.result.backup as string;
    const sidecarFile = path.join(apiDir, `${id}.cbk.json`);
    const sidecar = JSON.parse(fs.readFileSync(sidecarFile, 'utf8'));
    expect(sidecar).toMatchObject({ trigger: 'manual', mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const listed = () => api.gql(LIST).then((r) => r.data.backups.find((b: { id: string }) => b.id === gid('Backup', id)));
    const truth = (await listed()).totalRows;
    fs.writeFileSync(sidecarFile, JSON.stringify({ ...sidecar, totalRows: 999_999 }));
    expect(await listed()).toBeUndefined();
    // A sidecar without its MAC (as written before sidecars were sealed) is no better.
    const { mac: _mac, ...unsealed } = sidecar;
    fs.writeFileSync(sidecarFile, JSON.stringify(unsealed));
    expect(await listed()).toBeUndefined();
    const config = loadConfig({ NODE_ENV: 'test', BACKUP_DIR: apiDir, BACKUP_KEY: KEY, DATABASE_URL: api.db.url, JWT_SECRET: KEY });
    expect(listBackups(config, { unverified: true }).find((b) => b.id === id)).toMatchObject({ verified: false });

    const drill = await api.gql(`mutation($id: ID!) { startBackupDrill(input: { id: $id }) { job { id } } }`, { id });
    expect((await waitForJob(api.db, drill.data.startBackupDrill.job.id, undefined, 90_000)).state).toBe('SUCCEEDED');
    expect(await listed()).toMatchObject({ id: gid('Backup', id), totalRows: truth, reason: 'sidecar' });
  }, 120_000);

  it('fails the drill of a backup damaged on disk, saying why', async () => {
    const job = await waitForJob(api.db, (await api.gql(`mutation { startBackup { job { id } } }`)).data.startBackup.job.id, undefined, 90_000);
    const file = path.join(apiDir, `${job.result.backup}.cbk`);
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    fs.writeFileSync(file, gzipSync(Buffer.from(text.replace('public.customer', 'public.customer '))));
    const drill = await api.gql(`mutation($id: ID!) { startBackupDrill(input: { id: $id }) { job { id } } }`, { id: job.result.backup });
    const done = await waitForJob(api.db, drill.data.startBackupDrill.job.id, undefined, 90_000);
    expect(done.state).toBe('FAILED');
    expect(done.error).toMatch(/refused/);
    const listed = (await api.gql(LIST)).data.backups.find((b: { id: string }) => b.id === gid('Backup', job.result.backup));
    expect(listed.lastDrill).toMatchObject({ state: 'FAILED' });
  }, 120_000);
});

function fakeManifest(createdAt: string, trigger: BackupTrigger): BackupManifest {
  return { formatVersion: 2, createdAt, createdBy: null, reason: null, migrations: [], serverVersion: '18', trigger, sealedKeys: [], tables: [], sequences: [], totalRows: 0 };
}

describe('retention of backups', () => {
  it('keeps the newest scheduled backup of each of the last 7 days and 4 weeks, and deletes the rest', async () => {
    const retained = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-retention-'));
    try {
      const config = loadConfig({ NODE_ENV: 'test', BACKUP_DIR: retained, BACKUP_KEY: KEY, DATABASE_URL: 'postgres://x@127.0.0.1/x', JWT_SECRET: KEY });
      const start = Date.UTC(2026, 10, 30, 12); // a Monday
      for (let day = 0; day < 40; day++) {
        for (const hour of [1, 13]) {
          const createdAt = new Date(start - day * 86_400_000 + (hour - 12) * 3_600_000).toISOString();
          const id = `b-${day}-${hour}`;
          fs.writeFileSync(path.join(retained, `${id}.cbk`), '');
          await writeSidecar(path.join(retained, `${id}.cbk`), fakeManifest(createdAt, 'scheduled'), KEY);
        }
      }
      pruneBackups(config);
      const kept = listBackups(config).map((b) => b.id);
      // Daily: the 13:00 backup of days 0–6. Weekly: the newest of the last four ISO weeks
      // (day 0 is a Monday, so those are days 0, 1, 8 and 15).
      expect(kept).toEqual(['b-0-13', 'b-1-13', 'b-2-13', 'b-3-13', 'b-4-13', 'b-5-13', 'b-6-13', 'b-8-13', 'b-15-13']);
      expect(fs.readdirSync(retained)).toHaveLength(kept.length * 2);
    } finally {
      fs.rmSync(retained, { recursive: true, force: true });
    }
  });
});

describe('the backup commands', () => {
  it('backup:create, backup:verify and backup:restore work end to end as processes', async () => {
    const cli = buildCli('backup');
    const cliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-backups-cli-'));
    const target = await createTestDatabase();
    try {
      const run = (args: string[], url: string) =>
        execFileAsync(process.execPath, [cli, ...args], {
          env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: url, BACKUP_DIR: cliDir, BACKUP_KEY: KEY, JWT_SECRET: KEY, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'silent' },
        });
      const created = await run(['backup:create', '--reason', 'cli test'], server.db.url);
      const file = created.stdout.trim();
      expect(file).toMatch(/\.cbk$/);
      expect(created.stderr).toMatch(/backup written/);
      const listed = await run(['backup:list'], server.db.url);
      expect(listed.stdout).toContain(path.basename(file, '.cbk'));
      const verified = await run(['backup:verify', '--file', file], server.db.url);
      expect(JSON.parse(verified.stdout.trim())).toMatchObject({ ok: true, problems: [] });
      await run(['backup:restore', '--file', file], target.url);
      expect(await digestTables(target.url)).toEqual(await digestTables(server.db.url));
      // A second restore into the now-filled database is refused, exit code 1.
      await expect(run(['backup:restore', '--file', file], target.url)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/not empty/) });
    } finally {
      await target.close();
      fs.rmSync(cliDir, { recursive: true, force: true });
    }
  }, 120_000);
});
