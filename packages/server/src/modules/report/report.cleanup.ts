import type { RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action, FieldAccess, customerValueAccess } from '../../policy/policy.js';
import { readQualityRollup } from '../cleanup/quality.count.job.js';
import type { CleanupStatsRecord } from './report.type.js';

/** The customer field each duplicate reason compares. */
const REASON_FIELD: Record<string, string> = {
  EMAIL: 'email',
  PHONE: 'phone',
  TAX_ID: 'taxId',
  NAME: 'name',
  SIMILAR_NAME: 'name',
};

/**
 * Pending cleanup work, for the dashboard home and reporting tools, under the caller's
 * row rules. A duplicate reason says two customers share a value, so it counts only for
 * fields the caller reads in full (like search: equality is an oracle on a masked value);
 * a group left with no such reason, or fewer than two visible ACTIVE members, is not
 * counted. Data-quality figures come from the latest COUNT_DATA_QUALITY run (the same
 * rules and dismissals as the issue list; at 1M customers a live count takes minutes),
 * cut to the caller's rows and to issues on fields it can read.
 */
export function cleanupStats(ctx: RequestContext): CleanupStatsRecord {
  const { actor } = requireAction(ctx, Action.REPORT_READ);
  const kinds = Object.entries(REASON_FIELD)
    .filter(([, key]) => customerValueAccess(actor.role, key) === FieldAccess.FULL)
    .map(([kind]) => kind);
  const owner = customerRowOwner(ctx);
  let duplicates: Promise<{ groups: number; customers: number; byReason: { kind: string; groups: number }[]; lastDetectionAt: string | null }> | undefined;
  const readDuplicates = () =>
    (duplicates ??= ctx.sql
      .one<{ groups: number; customers: number; byReason: { kind: string; groups: number }[] | null; lastDetectionAt: string | null }>(
        `with visible as (
           select g.id,
                  array(select c.id from customer c
                         where c.id = any(g.member_ids) and c.status = 'ACTIVE' ${owner ? 'and c.owner_id = $2::bigint' : ''}) as members,
                  array(select r->>'kind' from jsonb_array_elements(g.reasons) r where r->>'kind' = any($1::text[])) as kinds
             from duplicate_group g),
         pending as (select * from visible where cardinality(members) >= 2 and cardinality(kinds) > 0)
         select (select count(*) from pending)::int as groups,
                (select count(distinct m) from pending, unnest(members) m)::int as customers,
                (select jsonb_agg(jsonb_build_object('kind', k, 'groups', n) order by n desc, k)
                   from (select k, count(*)::int as n from pending, unnest(kinds) k group by k) r) as "byReason",
                (select max(finished_at) from job where kind = 'DETECT_DUPLICATES' and state = 'SUCCEEDED') as "lastDetectionAt"`,
        owner ? [kinds, owner] : [kinds],
      )
      .then((r) => ({ groups: r?.groups ?? 0, customers: r?.customers ?? 0, byReason: r?.byReason ?? [], lastDetectionAt: r?.lastDetectionAt ?? null })));
  let quality: ReturnType<typeof readQualityRollup> | undefined;
  const readQuality = () => (quality ??= readQualityRollup(ctx, actor.role, owner));
  return {
    duplicateGroupsPending: async () => (await readDuplicates()).groups,
    duplicateCustomersPending: async () => (await readDuplicates()).customers,
    duplicatesByReason: async () => (await readDuplicates()).byReason,
    lastDuplicateDetectionAt: async () => (await readDuplicates()).lastDetectionAt,
    dataQualityIssues: async () => (await readQuality()).counts,
    dataQualityCustomers: async () => (await readQuality()).customers,
    dataQualityCountedAt: async () => (await readQuality()).countedAt,
  };
}
