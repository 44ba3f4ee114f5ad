import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { openPool } from '../src/db/orm.js';
import { SqlExecutor } from '../src/db/sql.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { until } from './helpers/until.js';

/**
 * A pooled connection that PostgreSQL ends inside a transaction (the job pool's
 * idle_in_transaction backstop, a terminated backend, a restart) must leave the pool.
 * Kysely releases a transaction's connection only after its COMMIT or ROLLBACK succeeds,
 * and on a dead connection both fail: the connection stayed checked out for ever, the
 * pool lost a slot each time, and closing the pool waited for it without end (how the
 * job worker's stop hung after every test had passed, on a loaded machine).
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function nativePool(orm: MikroORM): Promise<pg.Pool> {
  return (await orm.em.getConnection().getNativeClient()) as unknown as pg.Pool;
}

describe('a pool whose connection dies inside a transaction', () => {
  it('gives the slot back and still closes', async () => {
    const orm = await openPool(db.url, 2, { applicationName: 'pool-drop-test', acquireTimeoutMs: 5_000 });
    let closed = false;
    try {
      const pool = await nativePool(orm);
      for (let round = 0; round < 3; round++) {
        const failed = await orm.em
          .fork()
          .transactional(async (em) => {
            const sql = new SqlExecutor(em);
            const [me] = await sql.query<{ pid: number }>('select pg_backend_pid() as pid');
            await db.query('select pg_terminate_backend($1)', [me!.pid]);
            await until(async () => (await db.query('select 1 from pg_stat_activity where pid = $1', [me!.pid])).length === 0, 'the backend to end');
            await sql.query('select 1');
          })
          .then(() => 'committed', (error: unknown) => String(error));
        expect(failed).not.toBe('committed');
      }
      // Three dead connections on a pool of two: every one was given back, or this waits
      // for a free slot and fails on the acquire timeout.
      await until(async () => pool.totalCount === 0, 'the dead connections to leave the pool', 10_000);
      const [row] = await new SqlExecutor(orm.em.fork()).query<{ ok: number }>('select 1 as ok');
      expect(row).toEqual({ ok: 1 });
      await orm.close(true);
      closed = true;
    } finally {
      if (!closed) await Promise.race([orm.close(true), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    }
  });
});
