import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { openPool, POOL_IDLE_MS } from '../src/db/orm.js';
import { queryPrepared } from '../src/db/prepared.js';
import { SqlExecutor } from '../src/db/sql.js';
import { createRequestContext, inTransaction } from '../src/core/context.js';
import { TokenSigner } from '../src/core/tokens.js';
import { testConfig } from './helpers/jobs.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { until } from './helpers/until.js';

/**
 * Read plans run as named statements (db/prepared.ts), so PostgreSQL plans each shape once
 * per connection. These tests look at the sessions themselves (pg_prepared_statements) on
 * a pool of one connection, so every statement lands on the session inspected.
 */

let db: TestDatabase;
let orm: MikroORM;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openPool(db.url, 1, { applicationName: 'prepared-test', acquireTimeoutMs: 10_000 });
  pool = (await orm.em.getConnection().getNativeClient()) as unknown as pg.Pool;
});
afterAll(async () => {
  await orm.close(true);
  await db.close();
});

const sql = () => new SqlExecutor(orm.em.fork());

/** The session's prepared statements (read on the pool's one connection, unnamed). */
async function preparedHere(): Promise<{ name: string; statement: string; runs: number }[]> {
  return sql().query(
    `select name, statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements order by name`,
  );
}

describe('named statements', () => {
  it('are prepared once per connection and answer as plain statements do', async () => {
    const text = `select g::text as n, $1::text as tag from generate_series(1, $2::int) g order by g`;
    const first = await sql().prepared(text, ['a', 3]);
    const second = await sql().prepared(text, ['b', 2]);
    expect(first).toEqual(await sql().query(text, ['a', 3]));
    expect(second).toEqual([{ n: '1', tag: 'b' }, { n: '2', tag: 'b' }]);
    const statements = (await preparedHere()).filter((s) => s.statement === text);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.name).toMatch(/^custos_[A-Za-z0-9_-]{20}$/);
    expect(statements[0]!.runs).toBe(2);
  });

  it('keep at most the bound per connection; past it statements run unnamed', async () => {
    const texts = ['a', 'b', 'c'].map((tag) => `select '${tag}'::text as tag, $1::int as n`);
    const before = (await preparedHere()).length;
    for (const text of texts) await queryPrepared(pool, text, [1], before + 2);
    await queryPrepared(pool, texts[0]!, [2], before + 2);
    const statements = await preparedHere();
    expect(statements).toHaveLength(before + 2);
    expect(statements.map((s) => s.statement)).toEqual(expect.arrayContaining(texts.slice(0, 2)));
    expect(statements.find((s) => s.statement === texts[0])!.runs).toBe(2);
    // The unnamed one still answered.
    expect(await queryPrepared(pool, texts[2]!, [7], before + 2)).toEqual([{ tag: 'c', n: 7 }]);
  });

  it('stay prepared through a lull: an idle connection is kept past node-postgres’s 10 s', async () => {
    expect(pool.options.idleTimeoutMillis).toBe(POOL_IDLE_MS);
    await sql().prepared(`select 'through a lull' as probe`);
    const before = await sql().query<{ pid: number }>(`select pg_backend_pid() as pid`);
    // The lull itself is what is tested: longer than the default idle timeout.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect(pool.idleCount).toBe(1);
    const after = await sql().query<{ pid: number; prepared: number }>(
      `select pg_backend_pid() as pid, (select count(*)::int from pg_prepared_statements where statement like '%through a lull%') as prepared`,
    );
    expect(after).toEqual([{ pid: before[0]!.pid, prepared: 1 }]);
  }, 30_000);

  it('run on the transaction’s own connection inside a transaction', async () => {
    await db.query('create table prepared_probe (id int primary key)');
    const seen = await orm.em.fork().transactional(async (em) => {
      const tx = new SqlExecutor(em);
      await tx.query('insert into prepared_probe values (1)');
      return tx.prepared<{ n: number }>('select count(*)::int as n from prepared_probe where id = $1::int', [1]);
    });
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('leave the connection in the pool after a refused statement, and drop a broken one', async () => {
    const text = `select $1::int as n`;
    await expect(sql().prepared(text, ['not a number'])).rejects.toMatchObject({ code: '22P02' });
    const [{ pid }] = (await sql().query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
    expect(await sql().prepared(text, [5])).toEqual([{ n: 5 }]);
    const [{ pid: same }] = (await sql().query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
    expect(same).toBe(pid);

    await db.query('select pg_terminate_backend($1)', [pid]);
    await until(async () => (await db.query('select 1 from pg_stat_activity where pid = $1', [pid])).length === 0, 'the backend to end');
    // The pool may notice the end while the connection is idle (then it is gone already)
    // or only when this statement fails on it; either way the next one gets a new session
    // and prepares the statement there again.
    await sql().prepared(text, [6]).catch((error: unknown) => error);
    expect(await sql().prepared(text, [8])).toEqual([{ n: 8 }]);
    const [{ pid: fresh }] = (await sql().query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
    expect(fresh).not.toBe(pid);
    expect((await preparedHere()).map((s) => s.statement)).toContain(text);
  });

  it('drop a connection whose session the server ended during the statement', async () => {
    const [{ pid }] = (await sql().query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
    // The session ends while this statement runs: PostgreSQL answers 57P01, with an SQLSTATE
    // like a refused statement, and closes the connection.
    await expect(sql().prepared('select pg_terminate_backend(pg_backend_pid())')).rejects.toMatchObject({ code: '57P01' });
    // Given back, the pool's one connection would fail this next statement.
    expect(await sql().prepared(`select $1::int as n`, [9])).toEqual([{ n: 9 }]);
    const [{ pid: fresh }] = (await sql().query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
    expect(fresh).not.toBe(pid);
  });
});

describe('a request context', () => {
  it('forks its EntityManager only when something uses it: a read plan’s statement needs none', async () => {
    const forks = jest.spyOn(orm.em, 'fork');
    try {
      const ctx = Object.assign(createRequestContext(orm, testConfig(db), new TokenSigner('lazy-fork-test-secret-'.repeat(3), 900), 'lazy-1'), { language: 'en' as const });
      expect(await ctx.sql.prepared(`select $1::int as n`, [3])).toEqual([{ n: 3 }]);
      expect(forks).not.toHaveBeenCalled();
      // First use forks, once; statements then run through that fork (and its transactions).
      const em = ctx.em;
      expect(ctx.em).toBe(em);
      expect(forks).toHaveBeenCalledTimes(1);
      expect(await ctx.sql.query(`select 4 as n`)).toEqual([{ n: 4 }]);
      const seen = await inTransaction(ctx, async (tx) => {
        expect(tx.sql.inTransaction).toBe(true);
        // Inside the transaction, prepared statements run on its connection (its pid).
        const [inside] = await tx.sql.prepared<{ pid: number }>(`select pg_backend_pid() as pid`);
        const [same] = await tx.sql.query<{ pid: number }>(`select pg_backend_pid() as pid`);
        return [inside!.pid, same!.pid];
      });
      expect(seen[0]).toBe(seen[1]);
      // A replaced fork (a subscription's next event) is the one used from then on.
      const next = orm.em.fork();
      ctx.em = next;
      expect(ctx.em).toBe(next);
    } finally {
      forks.mockRestore();
    }
  });
});
