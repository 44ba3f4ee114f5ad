import { invalidInput } from '../../common/domain-error.js';
import { pageClauses, planPage, toPage, type Page, type PageArgs } from '../../db/paginate.js';
import { Params, type SqlExecutor } from '../../db/sql.js';
import { interactionKeysetOrder, type InteractionFilter, type InteractionOrder } from './interaction.inputs.js';
import { INTERACTION_COLUMNS, type InteractionRecord } from './interaction.record.js';
import { isBigintId } from '../../db/keyset.js';

type Keyed = InteractionRecord & { __keys: (string | null)[] };

/** Where interactions are read from: the live table, or the archive (whose rows carry
 * archive metadata as extra columns). Both are read under alias `i`. */
export interface InteractionSource {
  table: string;
  columns: string;
}
export const LIVE_INTERACTIONS: InteractionSource = { table: 'interaction', columns: INTERACTION_COLUMNS };

/** Conditions on alias `i`; with `ownerId`, only interactions of customers that user owns. */
export function interactionConditions(filter: InteractionFilter | null | undefined, params: Params, ownerId?: string): string[] {
  const f = filter ?? {};
  const where: string[] = [];
  if (ownerId) {
    where.push(`exists (select 1 from customer c where c.id = i.customer_id and c.owner_id = ${params.add(ownerId, 'bigint')})`);
  }
  const ids = (field: string, values: string[] | undefined) => {
    if (values?.some((v) => !isBigintId(v))) throw invalidInput([{ field: `filter.${field}`, message: 'must be ids' }]);
    return values;
  };
  const customerIds = ids('customerId', f.customerId);
  if (customerIds) where.push(`i.customer_id = any(${params.add(customerIds, 'bigint[]')})`);
  const ownerIds = ids('ownerId', f.ownerId);
  if (ownerIds) where.push(`i.owner_id = any(${params.add(ownerIds, 'bigint[]')})`);
  if (f.kind) where.push(`i.kind = any(${params.add(f.kind, 'text[]')})`);
  if (f.channel) where.push(`i.channel = any(${params.add(f.channel, 'text[]')})`);
  if (f.occurredAfter) where.push(`i.occurred_at >= ${params.add(f.occurredAfter, 'timestamptz')}`);
  if (f.occurredBefore) where.push(`i.occurred_at < ${params.add(f.occurredBefore, 'timestamptz')}`);
  return where;
}

export async function findInteractionPage(
  sql: SqlExecutor,
  ownerId: string | undefined,
  filter: InteractionFilter | null | undefined,
  orderBy: InteractionOrder[] | null | undefined,
  args: PageArgs,
  maxPageSize: number,
): Promise<{ page: Page<InteractionRecord>; count: () => Promise<number> }> {
  const order = interactionKeysetOrder(orderBy);
  const plan = planPage(args, order, maxPageSize);
  const params = new Params();
  const conditions = interactionConditions(filter, params, ownerId);
  const countParams = [...params.values];
  const clause = pageClauses(plan, order, conditions, params);
  const rows = await sql.query<Keyed>(
    `select ${INTERACTION_COLUMNS}, ${order.keysSelect()} from interaction i
      where ${clause.where} order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}`,
    params.values,
  );
  let counted: Promise<number> | undefined;
  const countSql = `select count(*)::int as n from interaction i where ${conditions.join(' and ') || 'true'}`;
  return {
    page: toPage(rows, plan, order),
    count: () => (counted ??= sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0)),
  };
}

/**
 * One page per customer for many customers in a single statement (LATERAL), so a list
 * of customers with their interactions costs the same number of queries at any size.
 */
export async function findInteractionPagesByCustomer(
  sql: SqlExecutor,
  customerIds: readonly string[],
  filter: InteractionFilter | null | undefined,
  orderBy: InteractionOrder[] | null | undefined,
  args: PageArgs,
  maxPageSize: number,
  source: InteractionSource = LIVE_INTERACTIONS,
): Promise<Page<InteractionRecord>[]> {
  const order = interactionKeysetOrder(orderBy);
  const plan = planPage(args, order, maxPageSize);
  const params = new Params();
  const parents = params.add(customerIds, 'bigint[]');
  const conditions = ['i.customer_id = p.parent_id', ...interactionConditions({ ...filter, customerId: undefined }, params)];
  const clause = pageClauses(plan, order, conditions, params);
  const rows = await sql.query<Keyed & { __parent: string }>(
    `select p.parent_id as "__parent", x.*
       from unnest(${parents}) as p(parent_id)
       cross join lateral (
         select ${source.columns}, ${order.keysSelect()} from ${source.table} i
          where ${clause.where} order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}
       ) x`,
    params.values,
  );
  const grouped = new Map<string, Keyed[]>();
  for (const row of rows) {
    const list = grouped.get(row.__parent) ?? [];
    list.push(row);
    grouped.set(row.__parent, list);
  }
  return customerIds.map((id) => toPage(grouped.get(id) ?? [], plan, order));
}

export async function countInteractionsByCustomer(
  sql: SqlExecutor,
  customerIds: readonly string[],
  filter: InteractionFilter | null | undefined,
  source: InteractionSource = LIVE_INTERACTIONS,
): Promise<number[]> {
  const params = new Params();
  const ids = params.add(customerIds, 'bigint[]');
  const conditions = [`i.customer_id = any(${ids})`, ...interactionConditions({ ...filter, customerId: undefined }, params)];
  const rows = await sql.query<{ customerId: string; n: number }>(
    `select i.customer_id as "customerId", count(*)::int as n from ${source.table} i
      where ${conditions.join(' and ')} group by i.customer_id`,
    params.values,
  );
  const byId = new Map(rows.map((r) => [r.customerId, r.n]));
  return customerIds.map((id) => byId.get(id) ?? 0);
}

/** Interactions by id (live or archived); with `ownerId`, only those of customers that user owns. */
export async function findInteractionsByIds(
  sql: SqlExecutor,
  ids: readonly string[],
  ownerId?: string,
  source: InteractionSource = LIVE_INTERACTIONS,
): Promise<InteractionRecord[]> {
  const customers = source === LIVE_INTERACTIONS ? 'customer' : 'archive.customer';
  return sql.query<InteractionRecord>(
    `select ${source.columns} from ${source.table} i
      where i.id = any($1::bigint[])
        and ($2::bigint is null or exists (select 1 from ${customers} c where c.id = i.customer_id and c.owner_id = $2::bigint))`,
    [ids.filter(isBigintId), ownerId ?? null],
  );
}
