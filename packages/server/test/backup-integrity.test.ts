import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadConfig } from '../src/config.js';
import { generateKeyRingText, installKeyRing, keyCheck, loadKeyRing, parseKeyRing } from '../src/crypto/keyring.js';
import { open, seal } from '../src/crypto/sealed.js';
import { runRestoreDrill } from '../src/modules/backup/backup.drill.js';
import { createBackupFile } from '../src/modules/backup/backup.dump.js';
import { checkRestorable, readManifest, restoreBackupFile } from '../src/modules/backup/backup.restore.js';
import { expireBackup, listBackups, pruneBackups } from '../src/modules/backup/backup.store.js';
import { seedDatabase } from '../src/modules/seed/seed.runner.js';
import { buildCli } from './helpers/worker-process.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer } from './helpers/test-server.js';
import type { JobWorker } from '../src/modules/job/job.worker.js';
import { createTestDatabase, TEST_ENCRYPTION_KEY, testClusterUrl, type TestDatabase } from './helpers/test-database.js';
import { gid } from './helpers/global-ids.js';

const execFileAsync = promisify(execFile);

/** What a backup file must prove before a restore writes anything: the keys its encrypted
 * values need, nothing appended; its sidecar and retention. */

const KEY = 'integrity-backup-key-0123456789-0123456789';
const OLD = `old1:${Buffer.alloc(32, 3).toString('base64')}`;
/** The source's ring: the test key current, and a retired key still holding one value. */
const SOURCE_RING = `${TEST_ENCRYPTION_KEY},${OLD}`;
const OTHER_TEST1 = `test1:${Buffer.alloc(32, 5).toString('base64')}`;

let source: TestDatabase;
let dir: string;
let backup: Awaited<ReturnType<typeof createBackupFile>>;
let sealedCount: number;

beforeAll(async () => {
  source = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-integrity-'));
  await seedDatabase(source.url, { customers: 40, interactions: 80 }, () => undefined);
  // A merge snapshot keeps a customer row (tax id included) under the retired key.
  const snapshot = { 999: { id: 999, name: 'Merged Ltd', tax_id: seal('customer.tax_id', '91310000MA1OLD0001', parseKeyRing(OLD)) } };
  await source.query(`insert into customer_merge (survivor_id, merged_ids, snapshot, versions_after) values (1, '{999}', $1::jsonb, '{}')`, [JSON.stringify(snapshot)]);
  const [counted] = await source.query<{ n: number }>(
    `select count(*)::int as n from (select tax_id from customer union all select tax_id from archive.customer) x where tax_id like 'v1:test1:%'`,
  );
  sealedCount = counted!.n;
  installKeyRing(parseKeyRing(SOURCE_RING));
  try {
    backup = await createBackupFile(source.url, dir, KEY, { createdBy: null, reason: 'integrity' });
  } finally {
    installKeyRing(parseKeyRing(TEST_ENCRYPTION_KEY));
  }
}, 120_000);
afterAll(async () => {
  await source?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The backup's text with `edit` applied to its lines (HMAC line excluded), resealed with KEY. */
function rewritten(edit: (lines: string[]) => string[], tail = ''): string {
  const lines = gunzipSync(fs.readFileSync(backup.file)).toString('utf8').split('\n');
  const body = edit(lines.slice(0, lines.findIndex((l) => l.startsWith('@HMAC '))));
  const text = body.map((l) => `${l}\n`).join('');
  const out = path.join(dir, `edited-${Math.random().toString(36).slice(2)}.cbk`);
  fs.writeFileSync(out, gzipSync(`${text}@HMAC ${createHmac('sha256', KEY).update(text).digest('hex')}\n${tail}`));
  return out;
}

const editJsonFrames = (change: (frame: Record<string, unknown>) => void) => (lines: string[]) =>
  lines.map((line) => {
    const prefix = ['@HEADER ', '@END '].find((p) => line.startsWith(p));
    if (!prefix) return line;
    const frame = JSON.parse(line.slice(prefix.length)) as Record<string, unknown>;
    change(frame);
    return `${prefix}${JSON.stringify(frame)}`;
  });

/** As written before format 2: no trigger, no key list. */
const formatOne = () =>
  rewritten(
    editJsonFrames((frame) => {
      frame.formatVersion = 1;
      delete frame.trigger;
      delete frame.sealedKeys;
    }),
  );

async function expectEmpty(target: TestDatabase): Promise<void> {
  for (const table of ['customer', 'app_user', 'customer_merge', 'audit_event']) {
    expect(await target.query(`select count(*)::int as n from ${table}`)).toEqual([{ n: 0 }]);
  }
}

async function withTarget(run: (target: TestDatabase) => Promise<void>): Promise<void> {
  const target = await createTestDatabase();
  try {
    await run(target);
  } finally {
    await target.close();
  }
}

describe('a restore checks it holds the keys of the encrypted values', () => {
  it('records in the header which keys the values are under, with a check value, never the key', () => {
    const ring = parseKeyRing(SOURCE_RING);
    expect(backup.manifest).toMatchObject({ formatVersion: 2, trigger: 'manual' });
    expect(backup.manifest.sealedKeys).toEqual([
      { id: 'old1', check: keyCheck(ring.keys.get('old1')!), values: 1 },
      { id: 'test1', check: keyCheck(ring.keys.get('test1')!), values: sealedCount },
    ]);
    const text = gunzipSync(fs.readFileSync(backup.file)).toString('utf8');
    expect(text.split('\n')[1]).toContain('"sealedKeys"');
    for (const material of [...ring.keys.values()]) expect(text).not.toContain(material.toString('base64'));
  });

  it('refuses, before writing anything, a target whose ring is a new data directory\'s generated key', async () => {
    const fresh = parseKeyRing(generateKeyRingText());
    await withTarget(async (target) => {
      const refused = restoreBackupFile(target.url, backup.file, KEY, { ring: fresh });
      await expect(refused).rejects.toMatchObject({ reason: 'ENCRYPTION_KEY_UNKNOWN' });
      await expect(refused).rejects.toThrow(/refused, nothing was written.*no key with id "old1", "test1" in ENCRYPTION_KEY.*Set ENCRYPTION_KEY/);
      await expectEmpty(target);
    });
    await expect(checkRestorable(backup.file, KEY, fresh)).rejects.toThrow(/no key with id "old1", "test1" in ENCRYPTION_KEY/);
  });

  it('names only the keys missing, and a key under the right id that is not the right key', async () => {
    await expect(checkRestorable(backup.file, KEY, parseKeyRing(TEST_ENCRYPTION_KEY))).rejects.toThrow(/no key with id "old1" in ENCRYPTION_KEY\)/);
    const sameIdOtherKey = parseKeyRing(`${OTHER_TEST1},${OLD}`);
    await withTarget(async (target) => {
      await expect(restoreBackupFile(target.url, backup.file, KEY, { ring: sameIdOtherKey })).rejects.toThrow(
        /ENCRYPTION_KEY has a key with id "test1", but not the one the backup's values were encrypted with/,
      );
      await expectEmpty(target);
    });
  });

  it('restores under the source\'s ring, the retired key\'s value included', async () => {
    await withTarget(async (target) => {
      await restoreBackupFile(target.url, backup.file, KEY, { ring: parseKeyRing(SOURCE_RING) });
      const [merge] = await target.query<{ t: string }>(`select snapshot -> '999' ->> 'tax_id' as t from customer_merge`);
      expect(open('customer.tax_id', merge!.t, 'merge', parseKeyRing(SOURCE_RING))).toBe('91310000MA1OLD0001');
    });
  });

  it('checks a format 1 backup (no key list) from its values, in live rows and merge snapshots', async () => {
    const old = formatOne();
    expect((await readManifest(old, KEY)).sealedKeys).toBeUndefined();
    await expect(checkRestorable(old, KEY, parseKeyRing(generateKeyRingText()))).rejects.toThrow(/no key with id "test1", "old1" in ENCRYPTION_KEY/);
    await expect(checkRestorable(old, KEY, parseKeyRing(TEST_ENCRYPTION_KEY))).rejects.toThrow(/no key with id "old1" in ENCRYPTION_KEY\)/);
    await expect(checkRestorable(old, KEY, parseKeyRing(`${OTHER_TEST1},${OLD}`))).rejects.toThrow(/key with id "test1", but not the one/);
    await withTarget(async (target) => {
      await expect(restoreBackupFile(target.url, old, KEY, { ring: parseKeyRing(TEST_ENCRYPTION_KEY) })).rejects.toMatchObject({ reason: 'ENCRYPTION_KEY_UNKNOWN' });
      await expectEmpty(target);
      await restoreBackupFile(target.url, old, KEY, { ring: parseKeyRing(SOURCE_RING) });
      expect((await target.query<{ n: number }>(`select count(*)::int as n from customer`))[0]!.n).toBe(40);
    });
  });

  it('refuses a backup of a newer file format', async () => {
    const future = rewritten(editJsonFrames((frame) => (frame.formatVersion = 3)));
    await expect(readManifest(future, KEY)).rejects.toMatchObject({ reason: 'BACKUP_NEWER_VERSION' });
  });

  it('fails a drill before it creates its scratch database', async () => {
    const scratch = `${source.name}_keys_drill`;
    await expect(runRestoreDrill(source.url, backup.file, KEY, scratch, { ring: parseKeyRing(TEST_ENCRYPTION_KEY) })).rejects.toThrow(/no key with id "old1"/);
    expect(await source.query(`select datname from pg_database where datname = $1`, [scratch])).toEqual([]);
  });
});

describe('generated key ids and decryption errors', () => {
  it('gives every generated ring its own key id, and keeps reading an existing k1 ring', () => {
    const ids = [generateKeyRingText(), generateKeyRingText()].map((text) => parseKeyRing(text).currentId);
    expect(ids[0]).not.toBe(ids[1]);
    for (const id of ids) expect(id).toMatch(/^k\d{8}[0-9a-f]{8}$/);
    const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'custos-ring-')));
    try {
      const [a, b] = dirs.map((dataDir) => loadKeyRing(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir })));
      expect(a!.currentId).not.toBe(b!.currentId);
      expect(loadKeyRing(loadConfig({ NODE_ENV: 'test', DATA_DIR: dirs[0]! })).currentId).toBe(a!.currentId);
      // A ring generated before ids were unique keeps its id and key.
      const legacy = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
      fs.writeFileSync(path.join(dirs[1]!, 'secrets', 'encryption-key'), legacy);
      expect(loadKeyRing(loadConfig({ NODE_ENV: 'test', DATA_DIR: dirs[1]! })).keys.get('k1')).toEqual(Buffer.alloc(32, 1));
    } finally {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    }
  });

  it('says "no key with id" for a missing key and "altered (tampered)" for a value that fails', () => {
    const ring = parseKeyRing(TEST_ENCRYPTION_KEY);
    const stored = seal('customer.tax_id', '91310000MA1K4XY12B', ring);
    expect(() => open('customer.tax_id', stored, 'customer 7', parseKeyRing(generateKeyRingText()))).toThrow(
      expect.objectContaining({ reason: 'ENCRYPTION_KEY_UNKNOWN', message: expect.stringMatching(/no key with id "test1" in ENCRYPTION_KEY \(the value itself is intact\)/) }),
    );
    const body = Buffer.from(stored.split(':')[2]!, 'base64url');
    body[14]! ^= 1;
    expect(() => open('customer.tax_id', `v1:test1:${body.toString('base64url')}`, 'customer 7', ring)).toThrow(
      expect.objectContaining({ reason: 'DECRYPTION_FAILED', message: expect.stringMatching(/customer 7 .* the value was altered \(tampered\)/) }),
    );
  });
});

describe('the backup file is sealed whole', () => {
  const appended: [string, (bytes: Buffer) => Buffer][] = [
    ['text bytes', (bytes) => Buffer.concat([bytes, Buffer.from('junk appended\n')])],
    ['zero bytes (which gunzip skips)', (bytes) => Buffer.concat([bytes, Buffer.alloc(64)])],
    ['an empty gzip member', (bytes) => Buffer.concat([bytes, gzipSync(Buffer.alloc(0))])],
    ['a gzip member with a line', (bytes) => Buffer.concat([bytes, gzipSync('@TABLE {"name":"public.app_user"}\n')])],
    ['junk followed by a copy of the gzip trailer', (bytes) => Buffer.concat([bytes, Buffer.alloc(16), bytes.subarray(-8)])],
  ];
  it.each(appended)('refuses %s appended to the file, in a restore and in a check', async (_name, append) => {
    const file = path.join(dir, `appended-${Math.random().toString(36).slice(2)}.cbk`);
    fs.writeFileSync(file, append(fs.readFileSync(backup.file)));
    await expect(readManifest(file, KEY)).rejects.toMatchObject({ reason: 'BACKUP_CORRUPT', message: expect.stringMatching(/appended/) });
    await withTarget(async (target) => {
      await expect(restoreBackupFile(target.url, file, KEY, { ring: parseKeyRing(SOURCE_RING) })).rejects.toMatchObject({ reason: 'BACKUP_CORRUPT' });
      await expectEmpty(target);
    });
  });

  it('refuses text after the HMAC line, even compressed with the rest', async () => {
    const file = rewritten((lines) => lines, '@TABLE {"name":"public.app_user","columns":[]}\n');
    await expect(readManifest(file, KEY)).rejects.toThrow(/appended after its HMAC line/);
  });
});

describe('retention keeps manual backups', () => {
  it('never deletes a manual backup for a scheduled one of the same day, until it is expired', async () => {
    const retained = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-keep-'));
    const config = loadConfig({ NODE_ENV: 'test', BACKUP_DIR: retained, BACKUP_KEY: KEY, DATABASE_URL: source.url, JWT_SECRET: KEY, BACKUP_KEEP_DAILY: '1', BACKUP_KEEP_WEEKLY: '0' });
    const take = async (trigger: 'manual' | 'scheduled') => {
      const made = await createBackupFile(source.url, retained, KEY, { createdBy: null, reason: trigger, trigger });
      return path.basename(made.file, '.cbk');
    };
    try {
      const morning = await take('scheduled');
      const beforePurge = await take('manual');
      // The manual backup is newer, but does not push the scheduled one out of its day.
      expect(pruneBackups(config)).toEqual([]);
      const noon = await take('scheduled');
      expect(pruneBackups(config)).toEqual([morning]);
      expect(listBackups(config).map((b) => [b.id, b.trigger])).toEqual([[noon, 'scheduled'], [beforePurge, 'manual']]);
      // A sidecar claiming "scheduled" without the backup key's MAC changes nothing.
      const sidecarFile = path.join(retained, `${beforePurge}.cbk.json`);
      const sealed = fs.readFileSync(sidecarFile, 'utf8');
      fs.writeFileSync(sidecarFile, JSON.stringify({ ...JSON.parse(sealed), trigger: 'scheduled', createdAt: '2000-01-01T00:00:00Z' }));
      expect(pruneBackups(config)).toEqual([]);
      expect(listBackups(config, { unverified: true }).find((b) => b.id === beforePurge)).toMatchObject({ verified: false });
      fs.writeFileSync(sidecarFile, sealed);
      expect(await expireBackup(config, beforePurge)).toMatchObject({ expired: true, verified: true, trigger: 'manual' });
      expect(pruneBackups(config)).toEqual([beforePurge]);
      expect(fs.readdirSync(retained).sort()).toEqual([`${noon}.cbk`, `${noon}.cbk.json`]);
    } finally {
      fs.rmSync(retained, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('manual and scheduled backups through the job worker', () => {
  it('keeps a startBackup backup when the schedule backs up later the same day', async () => {
    const apiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-keep-api-'));
    const env = { BACKUP_DIR: apiDir, BACKUP_KEY: KEY, BACKUP_KEEP_DAILY: '1', BACKUP_KEEP_WEEKLY: '0' };
    const api = await startTestServer(env);
    const workers: JobWorker[] = [];
    try {
      workers.push(startWorker(api, env));
      const started = await api.gql(`mutation { startBackup(input: { reason: "before the purge" }) { job { id } } }`);
      const manual = await waitForJob(api.db, started.data.startBackup.job.id, undefined, 60_000);
      expect(manual.state).toBe('SUCCEEDED');
      await workers.pop()!.stop();
      // Its first poll enqueues the current slot's backup (today, 00:00 UTC).
      workers.push(startWorker(api, { ...env, BACKUP_SCHEDULE: '0 0 * * *' }));
      const deadline = Date.now() + 60_000;
      let scheduled: { id: string } | undefined;
      while (!scheduled && Date.now() < deadline) {
        [scheduled] = await api.db.query<{ id: string }>(`select id::text from job where kind = 'BACKUP' and state = 'SUCCEEDED' and id <> $1`, [manual.id]);
        if (!scheduled) await new Promise((r) => setTimeout(r, 100));
      }
      const done = await waitForJob(api.db, scheduled!.id);
      expect(done.result.pruned).toEqual([]);
      const listed = (await api.gql(`{ backups { id reason } }`)).data.backups;
      expect(listed).toEqual([
        { id: gid('Backup', done.result.backup), reason: 'scheduled backup' },
        { id: gid('Backup', manual.result.backup), reason: 'before the purge' },
      ]);
      const config = loadConfig({ NODE_ENV: 'test', ...env, DATABASE_URL: api.db.url, JWT_SECRET: KEY });
      expect(listBackups(config).map((b) => b.trigger)).toEqual(['scheduled', 'manual']);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await api.close();
      fs.rmSync(apiDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('as commands', () => {
  let cli: string;
  let cliDir: string;
  beforeAll(() => {
    cli = buildCli('backup-integrity');
    cliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-integrity-cli-'));
  });
  afterAll(() => fs.rmSync(cliDir, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string>) =>
    execFileAsync(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', BACKUP_DIR: cliDir, BACKUP_KEY: KEY, JWT_SECRET: KEY, LOG_LEVEL: 'silent', ...env },
    });

  it('backup:restore without ENCRYPTION_KEY into a new data directory is refused before the database is even created', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-new-data-'));
    const name = `${source.name}_nokey`;
    try {
      const refused = run(['backup:restore', '--file', backup.file], { DATA_DIR: dataDir, DATABASE_URL: `${testClusterUrl()}/${name}` });
      await expect(refused).rejects.toMatchObject({ code: 1 });
      const { stderr } = (await refused.catch((e: { stderr: string }) => e)) as { stderr: string };
      expect(stderr).toMatch(/no key with id "old1", "test1" in ENCRYPTION_KEY\); ENCRYPTION_KEY is not set, so this data directory uses a key generated for it/);
      expect(await source.query(`select datname from pg_database where datname = $1`, [name])).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('backup:verify and backup:restore exit 1 on bytes appended to the file', async () => {
    const file = path.join(dir, 'appended-cli.cbk');
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(backup.file), Buffer.from('appended\n')]));
    const env = { DATABASE_URL: source.url, ENCRYPTION_KEY: SOURCE_RING };
    await expect(run(['backup:verify', '--file', file], env)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/bytes were appended after its end/) });
    const target = await createTestDatabase();
    try {
      await expect(run(['backup:restore', '--file', file], { ...env, DATABASE_URL: target.url })).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/appended/) });
    } finally {
      await target.close();
    }
  }, 60_000);
});
