import { isBigintId, KeysetOrder } from '../../db/keyset.js';
import { pageClauses, planPage, toPage, type Page, type PageArgs } from '../../db/paginate.js';
import { Params, type SqlExecutor } from '../../db/sql.js';
import { CUSTOMER_COLUMNS, type CustomerRecord } from '../customer/customer.record.js';
import { ArchivePolicyAction } from './archive-policy.enums.js';
import { policyCustomerCondition, policyInteractionCondition, type PolicyRule } from './archive-policy.criteria.js';
import { POLICY_COLUMNS, type ArchivePolicyRecord } from './archive-policy.record.js';
import { openCustomerRows } from '../../crypto/sensitive.js';

const ORDER = new KeysetOrder(
  [{ column: { key: 'name', sql: 'p.name', cast: 'text', nullable: false }, direction: 'ASC' }],
  { key: 'id', sql: 'p.id', cast: 'bigint', nullable: false },
);
export const PREVIEW_SAMPLE_SIZE = 20;

export async function findPolicy(sql: SqlExecutor, id: string, lock = false): Promise<ArchivePolicyRecord | undefined> {
  if (!isBigintId(id)) return undefined;
  return sql.one<ArchivePolicyRecord>(
    `select ${POLICY_COLUMNS} from archive_policy p where p.id = $1::bigint ${lock ? 'for update' : ''}`,
    [id],
  );
}

export async function findPolicyPage(sql: SqlExecutor, args: PageArgs, maxPageSize: number) {
  const plan = planPage(args, ORDER, maxPageSize);
  const params = new Params();
  const clause = pageClauses(plan, ORDER, [], params);
  const rows = await sql.query<ArchivePolicyRecord & { __keys: (string | null)[] }>(
    `select ${POLICY_COLUMNS}, ${ORDER.keysSelect()} from archive_policy p where ${clause.where}
      order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}`,
    params.values,
  );
  let counted: Promise<number> | undefined;
  return {
    page: toPage(rows, plan, ORDER) as Page<ArchivePolicyRecord>,
    count: () => (counted ??= sql.one<{ n: number }>(`select count(*)::int as n from archive_policy`).then((r) => r?.n ?? 0)),
  };
}

/** The database's clock, so every server counts "days ago" from the same now. */
export async function databaseNow(sql: SqlExecutor): Promise<string> {
  return (await sql.one<{ now: string }>(`select now()::text as now`))!.now;
}

/** Counts what a run would move, with the same conditions the run uses. */
export async function countPolicyMatches(
  sql: SqlExecutor,
  rule: PolicyRule,
  asOf: string,
): Promise<{ customers: number; interactions: number }> {
  const params = new Params();
  const text =
    rule.action === ArchivePolicyAction.ARCHIVE_CUSTOMERS
      ? `with m as (select c.id from customer c where ${policyCustomerCondition(rule, asOf, params)})
         select (select count(*) from m)::int as customers,
                (select count(*) from interaction i join m on m.id = i.customer_id)::int as interactions`
      : `select count(distinct i.customer_id)::int as customers, count(*)::int as interactions
           from interaction i where ${policyInteractionCondition(rule, asOf, params)}`;
  return (await sql.one<{ customers: number; interactions: number }>(text, params.values))!;
}

/** The first customers a run would touch, within the caller's rows. */
export async function samplePolicyMatches(
  sql: SqlExecutor,
  rule: PolicyRule,
  asOf: string,
  ownerId: string | undefined,
): Promise<CustomerRecord[]> {
  const params = new Params();
  const own = ownerId ? ` and c.owner_id = ${params.add(ownerId, 'bigint')}` : '';
  return openCustomerRows(
    await sql.query<CustomerRecord>(
      `select ${CUSTOMER_COLUMNS} from customer c where ${policyCustomerCondition(rule, asOf, params)}${own}
        order by c.id limit ${PREVIEW_SAMPLE_SIZE}`,
      params.values,
    ),
  );
}

/** A queued or running run of this policy, if any. */
export async function findActiveRun(sql: SqlExecutor, policyId: string): Promise<string | undefined> {
  const row = await sql.one<{ id: string }>(
    `select j.id::text from job j where j.state in ('QUEUED','RUNNING') and j.params->>'policyId' = $1 limit 1`,
    [policyId],
  );
  return row?.id;
}

/** Names of the policies whose rule names a segment (a segment in use cannot be deleted). */
export async function policiesUsingSegment(sql: SqlExecutor, segmentId: string): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(`select p.name from archive_policy p where p.criteria->>'segmentId' = $1 order by p.name`, [segmentId]);
  return rows.map((r) => r.name);
}
