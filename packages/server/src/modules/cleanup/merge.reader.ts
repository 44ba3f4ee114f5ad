import DataLoader from 'dataloader';
import { invalidInput } from '../../common/domain-error.js';
import { KeysetOrder } from '../../db/keyset.js';
import { pageClauses, planPage, toPage, type PageArgs } from '../../db/paginate.js';
import { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { validIds } from '../customer/customer.reader.js';
import { MERGE_COLUMNS } from './merge.store.js';
import type { MergeFilter, MergeRecord } from './merge.types.js';

/** Newest first, served by customer_merge_merged_at_idx. */
const ORDER = new KeysetOrder(
  [{ column: { key: 'mergedAt', sql: 'm.merged_at', cast: 'timestamptz', nullable: false }, direction: 'DESC' }],
  { key: 'id', sql: 'm.id', cast: 'bigint', nullable: false },
);

export async function listMerges(ctx: RequestContext, filter: MergeFilter | null | undefined, args: PageArgs) {
  requireAction(ctx, Action.CUSTOMER_MERGE);
  const plan = planPage(args, ORDER, ctx.config.MAX_PAGE_SIZE);
  const params = new Params();
  const where: string[] = [];
  if (filter?.customerId != null) {
    if (validIds([filter.customerId]).length === 0) throw invalidInput([{ field: 'filter.customerId', message: 'must be a customer id' }]);
    const id = params.add(filter.customerId, 'bigint');
    where.push(`(m.survivor_id = ${id} or m.merged_ids @> array[${id}])`);
  }
  if (filter?.active != null) where.push(filter.active ? 'm.unmerged_at is null' : 'm.unmerged_at is not null');
  const countParams = [...params.values];
  const clause = pageClauses(plan, ORDER, where, params);
  const rows = await ctx.sql.query<MergeRecord & { __keys: (string | null)[] }>(
    `select ${MERGE_COLUMNS}, ${ORDER.keysSelect()} from customer_merge m where ${clause.where}
      order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}`,
    params.values,
  );
  const countSql = `select count(*)::int as n from customer_merge m where ${where.join(' and ') || 'true'}`;
  let counted: Promise<number> | undefined;
  return {
    page: toPage(rows, plan, ORDER),
    count: () => (counted ??= ctx.sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0)),
  };
}

/** The survivor a MERGED customer now lives on (its merge still in effect), batched per request. */
export function mergedIntoLoader(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get('cleanup.mergedInto', () =>
    new DataLoader<string, string | null>(async (ids) => {
      const rows = await ctx.sql.query<{ id: string; survivorId: string }>(
        `select x.id::text as id, m.survivor_id::text as "survivorId"
           from customer_merge m, unnest(m.merged_ids) x(id)
          where m.merged_ids && $1::bigint[] and m.unmerged_at is null and x.id = any($1::bigint[])`,
        [validIds(ids)],
      );
      const map = new Map(rows.map((r) => [r.id, r.survivorId]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  );
}
