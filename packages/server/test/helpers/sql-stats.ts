import type { TestDatabase } from './test-database.js';

/** Statements clients sent to this test database during `work`, as pg_stat_statements
 * counts them, by statement text. Only top-level statements: functions run by background
 * work (autovacuum's ANALYZE evaluating expression indexes) must not count as the
 * request's. */
export async function statementsByQueryDuring(db: TestDatabase, work: () => Promise<unknown>, options: { except?: string } = {}) {
  await db.query('create extension if not exists pg_stat_statements');
  const dbid = `(select oid from pg_database where datname = current_database())`;
  await db.query(`select pg_stat_statements_reset(0, ${dbid}, 0)`);
  await work();
  return db.query<{ query: string; calls: number }>(
    `select left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query, calls::int from pg_stat_statements
      where dbid = ${dbid} and toplevel and query not ilike '%pg_stat_statements%'
        and ($1::text is null or query not ilike '%' || $1 || '%')
      order by query`,
    [options.except ?? null],
  );
}

export async function statementsDuring(db: TestDatabase, work: () => Promise<unknown>, options: { except?: string } = {}): Promise<number> {
  return (await statementsByQueryDuring(db, work, options)).reduce((sum, row) => sum + row.calls, 0);
}
