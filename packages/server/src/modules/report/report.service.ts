import { invalidInput } from '../../common/domain-error.js';
import { checkedTimeZone } from '../../common/time-zone.js';
import { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { customerConditions } from '../customer/customer.reader.js';
import { customerReadScope } from '../customer/customer.service.js';
import type { CustomerFilter } from '../customer/customer.inputs.js';
import { CustomerDimension, TimeBucket } from './report.enums.js';
import type { ArchiveStats, CustomerStat, LifecycleActivity } from './report.type.js';

/**
 * Aggregates for the dashboard and reporting tools. Every report runs under the caller's
 * row rules (SALES: own customers) and groups only by fields every reporting role may
 * read in full, so no count can reveal a value a field guard would hide.
 */

const DIMENSION_SQL: Record<CustomerDimension, string> = {
  [CustomerDimension.LIFECYCLE_STAGE]: 'c.lifecycle_stage',
  [CustomerDimension.TYPE]: 'c.type',
  [CustomerDimension.TIER]: 'c.tier',
  [CustomerDimension.REGION]: 'c.region',
  [CustomerDimension.INDUSTRY]: 'c.industry',
  [CustomerDimension.OWNER]: 'c.owner_id::text',
  [CustomerDimension.STATUS]: 'c.status',
  [CustomerDimension.TAG]: 't.tag',
  [CustomerDimension.VOID_REASON]: 'c.void_reason',
};

const MAX_GROUPS = 5_000;

export async function customerStats(
  ctx: RequestContext,
  filter: CustomerFilter | null | undefined,
  groupBy: readonly CustomerDimension[],
): Promise<CustomerStat[]> {
  requireAction(ctx, Action.REPORT_READ);
  if (groupBy.length === 0 || groupBy.length > 4 || new Set(groupBy).size !== groupBy.length) {
    throw invalidInput([{ field: 'groupBy', message: 'give one to four different dimensions' }]);
  }
  const params = new Params();
  const where = customerConditions(filter, params, customerReadScope(ctx));
  const keys = groupBy.map((d, i) => `${DIMENSION_SQL[d]} as k${i}`);
  // Untagged customers still count once, under a null tag.
  const tags = groupBy.includes(CustomerDimension.TAG)
    ? `cross join lateral unnest(case when cardinality(c.tags) = 0 then array[null::text] else c.tags end) as t(tag)`
    : '';
  const rows = await ctx.sql.query<Record<string, string | null> & { count: number }>(
    `select ${keys.join(', ')}, count(*)::int as count
       from customer c ${tags}
      where ${where.join(' and ')}
      group by ${groupBy.map((_, i) => i + 1).join(', ')}
      order by count desc, ${groupBy.map((_, i) => `${i + 1} nulls last`).join(', ')}
      limit ${MAX_GROUPS}`,
    params.values,
  );
  return rows.map((row) => ({ keys: groupBy.map((_, i) => row[`k${i}`] ?? null), count: row.count }));
}

/** The audit actions each column of the activity report counts. */
const ACTIVITY_ACTIONS = {
  archived: ['CUSTOMER_ARCHIVED'],
  restored: ['CUSTOMER_RESTORED'],
  voided: ['CUSTOMER_VOIDED'],
  unvoided: ['CUSTOMER_UNVOIDED'],
  purged: ['CUSTOMER_PURGED'],
  merged: ['CUSTOMERS_MERGED'],
  unmerged: ['CUSTOMERS_UNMERGED'],
} as const satisfies Record<Exclude<keyof LifecycleActivity, 'bucket'>, readonly string[]>;

const BUCKET_SQL: Record<TimeBucket, { unit: string; step: string; maxDays: number }> = {
  [TimeBucket.DAY]: { unit: 'day', step: '1 day', maxDays: 3 * 366 },
  [TimeBucket.WEEK]: { unit: 'week', step: '1 week', maxDays: 20 * 366 },
  [TimeBucket.MONTH]: { unit: 'month', step: '1 month', maxDays: 100 * 366 },
};

/**
 * Transitions per bucket in [from, to), read from the audit log (one event per customer
 * and transition, written in the transition's own transaction, so the counts are exact).
 * Every bucket in the range is present, empty ones with zeros.
 */
export async function lifecycleActivity(ctx: RequestContext, from: string, to: string, bucket: TimeBucket, timeZone = 'UTC'): Promise<LifecycleActivity[]> {
  requireAction(ctx, Action.REPORT_READ);
  const zone = checkedTimeZone(timeZone);
  const spec = BUCKET_SQL[bucket];
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(days > 0)) throw invalidInput([{ field: 'to', message: 'must be after from' }]);
  if (days > spec.maxDays) throw invalidInput([{ field: 'bucket', message: `a ${bucket} report covers at most ${spec.maxDays} days` }]);
  const params = new Params();
  const fromP = params.add(from, 'timestamptz');
  const toP = params.add(to, 'timestamptz');
  const unit = params.add(spec.unit, 'text');
  const tz = params.add(zone, 'text');
  const owner = customerRowOwner(ctx);
  // SALES: events of customers it owns now, live or archived (purged ones are gone).
  const own = owner
    ? `and e.entity_id in (select id::text from customer where owner_id = ${params.add(owner, 'bigint')}
                           union all select id::text from archive.customer where owner_id = $${params.values.length}::bigint)`
    : '';
  const columns = Object.entries(ACTIVITY_ACTIONS).map(
    ([name, actions]) => `coalesce(sum(e.n) filter (where e.action = any(${params.add(actions, 'text[]')})), 0)::int as "${name}"`,
  );
  const all = Object.values(ACTIVITY_ACTIONS).flat();
  return ctx.sql.query<LifecycleActivity>(
    `with e as (
       select date_trunc(${unit}, e.at at time zone ${tz}) as b, e.action,
              -- A merge or unmerge is one event for the survivor naming every party.
              sum(case e.action when 'CUSTOMERS_MERGED' then jsonb_array_length(e.changes->'mergedIds'->'to')
                                when 'CUSTOMERS_UNMERGED' then jsonb_array_length(e.changes->'restoredIds'->'to')
                                else 1 end) as n
         from audit_event e
        where e.at >= ${fromP} and e.at < ${toP} and e.action = any(${params.add(all, 'text[]')}) and e.entity_type = 'Customer' ${own}
        group by 1, 2),
     buckets as (
       select g as b from generate_series(date_trunc(${unit}, ${fromP} at time zone ${tz}),
                                          ${toP} at time zone ${tz} - interval '1 microsecond', interval '${spec.step}') g)
     -- A bucket starts at local midnight of the zone; it is returned as that instant in UTC.
     select to_char((buckets.b at time zone ${tz}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as bucket, ${columns.join(', ')}
       from buckets left join e on e.b = buckets.b
      group by buckets.b order by buckets.b`,
    params.values,
  );
}

export async function archiveStats(ctx: RequestContext): Promise<ArchiveStats> {
  requireAction(ctx, Action.REPORT_READ);
  const owner = customerRowOwner(ctx);
  const params = new Params();
  const own = owner ? `c.owner_id = ${params.add(owner, 'bigint')}` : 'true';
  const [totals] = await ctx.sql.query<Omit<ArchiveStats, 'byAge' | 'byPolicy'>>(
    `select count(*)::int as customers,
            (select count(*) from archive.interaction ai
               where ${owner ? `ai.customer_id in (select id from customer c where ${own} union all select id from archive.customer c where ${own})` : 'true'})::int as interactions,
            to_char(min(c.archived_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "oldestArchivedAt",
            count(*) filter (where c.legal_hold)::int as "legalHolds",
            count(*) filter (where c.retain_until < now())::int as "pastRetention"
       from archive.customer c where ${own}`,
    params.values,
  );
  const byAge = await ctx.sql.query<{ age: string; count: number }>(
    `select age, count(*)::int as count from (
       select case when c.archived_at > now() - interval '1 year' then '<1y'
                   when c.archived_at > now() - interval '3 years' then '1-3y'
                   when c.archived_at > now() - interval '7 years' then '3-7y'
                   else '>=7y' end as age
         from archive.customer c where ${own}) a
      group by age order by min(case age when '<1y' then 1 when '1-3y' then 2 when '3-7y' then 3 else 4 end)`,
    params.values,
  );
  const byPolicy = await ctx.sql.query<{ policyId: string | null; policyName: string | null; count: number }>(
    `select c.archive_policy_id::text as "policyId", p.name as "policyName", count(*)::int as count
       from archive.customer c left join archive_policy p on p.id = c.archive_policy_id
      where ${own} group by 1, 2 order by count desc, 1 nulls first limit 100`,
    params.values,
  );
  return { ...totals!, byAge, byPolicy };
}
