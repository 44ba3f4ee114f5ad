import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { openOrm } from '../src/db/orm.js';
import { SqlExecutor } from '../src/db/sql.js';
import { columnList, CUSTOMER_STORE_COLUMNS, customerDigest } from '../src/modules/archive/archive.columns.js';
import { verifyArchiveRows } from '../src/modules/archive/archive.store.js';
import { installKeyRing, parseKeyRing } from '../src/crypto/keyring.js';
import { createDatabaseAt, TEST_ENCRYPTION_KEY } from './helpers/test-database.js';

/** A database from before the code key, holding a code twinned across the stores (as the
 * race of the old trigger left them): the migration keys every code without failing, the
 * live twin keeps the code and the verification names the archived one. */
let url: string;
let pool: pg.Pool;
let orm: MikroORM | undefined;

beforeAll(async () => {
  installKeyRing(parseKeyRing(TEST_ENCRYPTION_KEY));
  ({ url, pool } = await createDatabaseAt('migration-2026120107-encryption'));
});
afterAll(async () => {
  await pool?.end();
  await orm?.close(true);
});

it('keys every live and archived code, leaves a twin to the live customer and reports it', async () => {
  const q = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;
  const archive = async (id: string) =>
    q(
      `with mc as (delete from customer c where c.id = $1::bigint returning c.*)
       insert into archive.customer (${columnList(CUSTOMER_STORE_COLUMNS)}, archived_at, archive_reason, checksum)
       select ${columnList(CUSTOMER_STORE_COLUMNS, 'mc')}, now(), 'before the key', ${customerDigest('mc')} from mc`,
      [id],
    );
  const ids = await q<{ id: string; code: string }>(
    `insert into customer (code, name, type) values ('K-LIVE', 'Live', 'SMB'), ('K-ARCH', 'Archived', 'SMB'), ('K-TWIN', 'Twin archived', 'SMB')
     returning id::text, code`,
  );
  const byCode = Object.fromEntries(ids.map((r) => [r.code, r.id]));
  await archive(byCode['K-ARCH']!);
  await archive(byCode['K-TWIN']!);
  // What the race left: the same code live again, next to its archived holder.
  await q(`alter table customer disable trigger customer_code_free_in_archive`);
  const [live] = await q<{ id: string }>(`insert into customer (code, name, type) values ('K-TWIN', 'Twin live', 'SMB') returning id::text`);
  await q(`alter table customer enable trigger customer_code_free_in_archive`);

  orm = await openOrm(url, 2);
  expect(await q(`select code, customer_id::text as id from customer_code order by code`)).toEqual([
    { code: 'K-ARCH', id: byCode['K-ARCH'] },
    { code: 'K-LIVE', id: byCode['K-LIVE'] },
    { code: 'K-TWIN', id: live!.id },
  ]);
  const verification = await verifyArchiveRows(new SqlExecutor(orm.em.fork()));
  expect(verification).toMatchObject({ ok: false, checkedCustomers: 2, mismatches: [{ kind: 'CODE_TWIN', id: byCode['K-TWIN'] }] });
  // The old trigger is gone: the key decides from now on.
  expect(await q(`select tgname from pg_trigger where tgname = 'customer_code_free_in_archive'`)).toEqual([]);
  await expect(q(`insert into customer (code, name, type) values ('K-ARCH', 'Copy', 'SMB')`)).rejects.toMatchObject({
    code: '23505', constraint: 'customer_code_key',
  });
});
