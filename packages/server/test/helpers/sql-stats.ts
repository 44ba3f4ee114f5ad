import type { TestDatabase } from './test-database.js';

/** Statements clients sent to this test database during `work`, as pg_stat_statements
 * counts them. Only top-level statements: functions run by background work (autovacuum's
 * ANALYZE evaluating expression indexes) must not count as the request's. */
export async function statementsDuring(db: TestDatabase, work: () => Promise<unknown>): Promise<number> {
  await db.query('create extension if not exists pg_stat_statements');
  const dbid = `(select oid from pg_database where datname = current_database())`;
  await db.query(`select pg_stat_statements_reset(0, ${dbid}, 0)`);
  await work();
  const [row] = await db.query<{ n: number }>(
    `select coalesce(sum(calls), 0)::int as n from pg_stat_statements
      where dbid = ${dbid} and toplevel and query not ilike '%pg_stat_statements%'`,
  );
  return row!.n;
}
