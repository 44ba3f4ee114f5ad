// SQL statements a request sends, as pg_stat_statements counts them (as the server's
// sql-per-request test does): only top-level statements of the given database, so work
// run by background processes (autovacuum's ANALYZE) does not count.
import pg from 'pg';

export async function statementsDuring(url, work) {
  return (await sqlDuring(url, work)).statements;
}

/** Statements, their execution time and their planning time in PostgreSQL (ms) during `work`. */
export async function sqlDuring(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_stat_statements');
    const dbid = `(select oid from pg_database where datname = current_database())`;
    await client.query(`select pg_stat_statements_reset(0, ${dbid}, 0)`);
    await work();
    const { rows: [row] } = await client.query(
      `select coalesce(sum(calls), 0)::int as n, coalesce(sum(total_exec_time), 0)::float8 as ms,
              coalesce(sum(total_plan_time), 0)::float8 as plan_ms from pg_stat_statements
        where dbid = ${dbid} and toplevel and query not ilike '%pg_stat_statements%'`,
    );
    return { statements: row.n, ms: row.ms, planMs: row.plan_ms };
  } finally {
    await client.end();
  }
}
