import { KeysetOrder } from '../../db/keyset.js';
import { pageClauses, planPage, toPage, type Page, type PageArgs } from '../../db/paginate.js';
import { Params, type SqlExecutor } from '../../db/sql.js';
import type { JobFilter } from './job.inputs.js';
import { JOB_COLUMNS, type JobRecord } from './job.record.js';

/** Newest first, served by job_created_idx. */
const ORDER = new KeysetOrder(
  [{ column: { key: 'createdAt', sql: 'j.created_at', cast: 'timestamptz', nullable: false }, direction: 'DESC' }],
  { key: 'id', sql: 'j.id', cast: 'bigint', nullable: false },
);

export async function findJobPage(
  sql: SqlExecutor,
  filter: JobFilter | null | undefined,
  args: PageArgs,
  maxPageSize: number,
): Promise<{ page: Page<JobRecord>; count: () => Promise<number> }> {
  const plan = planPage(args, ORDER, maxPageSize);
  const params = new Params();
  const where: string[] = [];
  if (filter?.state?.length) where.push(`j.state = any(${params.add(filter.state, 'text[]')})`);
  if (filter?.kind?.length) where.push(`j.kind = any(${params.add(filter.kind, 'text[]')})`);
  const countParams = [...params.values];
  const clause = pageClauses(plan, ORDER, where, params);
  const rows = await sql.query<JobRecord & { __keys: (string | null)[] }>(
    `select ${JOB_COLUMNS}, ${ORDER.keysSelect()} from job j where ${clause.where}
      order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}`,
    params.values,
  );
  let counted: Promise<number> | undefined;
  const countSql = `select count(*)::int as n from job j where ${where.join(' and ') || 'true'}`;
  return {
    page: toPage(rows, plan, ORDER),
    count: () => (counted ??= sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0)),
  };
}
