import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { open, taxIdLookupHashes } from '../src/crypto/sealed.js';
import { COLUMNS_BEFORE_ENCRYPTION } from '../src/db/migrations/migration-2026120107-encryption.js';
import { openOrm } from '../src/db/orm.js';
import { SqlExecutor } from '../src/db/sql.js';
import { columnList, customerDigest, rowDigest } from '../src/modules/archive/archive.columns.js';
import { verifyArchiveRows } from '../src/modules/archive/archive.store.js';
import { countStale, resealHistoryStates, resealTaxIds } from '../src/modules/encryption/rotation.store.js';
import { installKeyRing, parseKeyRing } from '../src/crypto/keyring.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createDatabaseAt, TEST_ENCRYPTION_KEY } from './helpers/test-database.js';
import { buildCli } from './helpers/worker-process.js';

/** A database from before encryption: plaintext tax ids, live and archived (with the
 * checksums of that time), upgraded by the migration and encrypted by the rotation. */
let url: string;
let pool: pg.Pool;
let orm: MikroORM | undefined;

beforeAll(async () => {
  installKeyRing(parseKeyRing(TEST_ENCRYPTION_KEY));
  ({ url, pool } = await createDatabaseAt('migration-2026120106-quality-rollup'));
});
afterAll(async () => {
  await pool?.end();
  await orm?.close(true);
});

it('upgrades plaintext tax ids: readable as they are, archive checksums still verify, the rotation job encrypts them', async () => {
  const q = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;
  const [live] = await q<{ id: string }>(`insert into customer (code, name, type, tax_id) values ('L1', 'Live Ltd', 'SMB', '9131 0000 ma1k4xy12b') returning id::text`);
  const [gone] = await q<{ id: string }>(`insert into customer (code, name, type, tax_id) values ('A1', 'Archived Ltd', 'SMB', '91110000MA2B7QR34C') returning id::text`);
  const cols = COLUMNS_BEFORE_ENCRYPTION;
  await q(`select set_config('custos.moving', 'on', false)`);
  await q(
    `with mc as (delete from customer c where c.id = $1::bigint returning c.*)
     insert into archive.customer (${columnList(cols)}, archived_at, archive_reason, checksum)
     select ${columnList(cols, 'mc')}, now(), 'before encryption', ${rowDigest(cols, 'mc')} from mc`,
    [gone!.id],
  );

  orm = await openOrm(url, 2);
  const sql = new SqlExecutor(orm.em.fork());
  expect(await verifyArchiveRows(sql)).toMatchObject({ ok: true });
  expect(await q(`select tax_id, tax_id_hash from customer where id = $1`, [live!.id])).toEqual([{ tax_id: '9131 0000 ma1k4xy12b', tax_id_hash: null }]);
  expect(open('customer.tax_id', '9131 0000 ma1k4xy12b', 'legacy')).toBe('9131 0000 ma1k4xy12b');
  // The two rows, and the state customer history kept of each when it began (migration 2026120710).
  expect(await countStale((t, p) => sql.query(t, p))).toBe(4);

  await sql.transaction(async (tx) => {
    const run = <T,>(t: string, p: unknown[]) => tx.query<T>(t, p);
    expect(await resealTaxIds(run, 'customer', '0', 10)).toMatchObject({ rewritten: 1, skipped: 0 });
    expect(await resealTaxIds(run, 'archive.customer', '0', 10)).toMatchObject({ rewritten: 1, skipped: 0 });
    expect(await resealHistoryStates(run, '0', 10)).toMatchObject({ rewritten: 2, skipped: 0 });
  });
  const rows = await q<{ tax_id: string; tax_id_hash: Buffer }>(
    `select tax_id, tax_id_hash from customer where id = $1 union all select tax_id, tax_id_hash from archive.customer where id = $2`,
    [live!.id, gone!.id],
  );
  expect(rows.map((r) => open('customer.tax_id', r.tax_id, 'x'))).toEqual(['9131 0000 ma1k4xy12b', '91110000MA2B7QR34C']);
  for (const r of rows) expect(r.tax_id).toMatch(/^v1:test1:/);
  expect(rows[0]!.tax_id_hash).toEqual(taxIdLookupHashes('91310000MA1K4XY12B')[0]);
  expect(await countStale((t, p) => sql.query(t, p))).toBe(0);
  // The archived row was resealed with its new ciphertext, and queued for the search index.
  expect(await verifyArchiveRows(sql)).toMatchObject({ ok: true });
  expect((await q<{ n: number }>(`select count(*)::int as n from search_outbox where customer_id = $1`, [gone!.id]))[0]!.n).toBeGreaterThan(0);

  // A silently edited archived row is not laundered by the rotation: it stays as it is.
  await q(`update archive.customer set tax_id = 'EDITED-1' where id = $1`, [gone!.id]);
  await sql.transaction(async (tx) => {
    expect(await resealTaxIds((t, p) => tx.query(t, p), 'archive.customer', '0', 10)).toMatchObject({ rewritten: 0, skipped: 1 });
  });
  expect((await q(`select tax_id from archive.customer where id = $1`, [gone!.id]))[0]).toEqual({ tax_id: 'EDITED-1' });
  expect(await verifyArchiveRows(sql)).toMatchObject({ ok: false });
});

it('keys:rotate re-encrypts from the command line, and a bad ENCRYPTION_KEY stops it with a clear message', async () => {
  const q = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;
  await q(`update archive.customer set tax_id = '91110000MA2B7QR34C'`); // undo the silent edit above
  await q(`update archive.customer a set checksum = ${customerDigest('a')}`);
  const cli = buildCli('encryption');
  const keyB = 'kb:' + Buffer.alloc(32, 9).toString('base64');
  const run = (key: string) =>
    promisify(execFile)(process.execPath, [cli, 'keys:rotate', '--reason', 'cli test'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: url, JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: key, LOG_LEVEL: 'silent' },
    });
  await expect(run('kb:short')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/ENCRYPTION_KEY: entry 1 \(key "kb"\): the key must be 32 bytes/) });
  const done = await run(`${keyB},${TEST_ENCRYPTION_KEY}`);
  expect(done.stderr).toMatch(/job \d+ SUCCEEDED: \{"keyId":"kb"/);
  const rows = await q<{ tax_id: string }>(`select tax_id from customer where tax_id is not null union all select tax_id from archive.customer`);
  expect(rows.length).toBe(2);
  for (const r of rows) expect(r.tax_id).toMatch(/^v1:kb:/);
  const [audit] = await q<{ n: number }>(`select count(*)::int as n from audit_event where action = 'JOB_ENQUEUED' and reason = 'cli test'`);
  expect(audit!.n).toBe(1);
}, 120_000);
