import type { GraphQLResolveInfo } from 'graphql';
import { openCustomerRows } from '../../crypto/sensitive.js';
import type { KeysetOrder } from '../../db/keyset.js';
import type { Page, PagePlan } from '../../db/paginate.js';
import { planPage, type PageArgs } from '../../db/paginate.js';
import { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import {
  connectionSelection, cursorKeys, namedObjectType, pageClause, planObject, plannedPage, type NestedPlanner, type NodeShape,
} from '../../graphql/read-plan.js';
import { mayRead } from '../../policy/decisions.js';
import { userPlanner } from '../identity/user.plan.js';
import type { CustomerFilter } from './customer.inputs.js';
import type { CustomerRecord } from './customer.record.js';
import { customerKeysetOrder, type CustomerOrder } from './customer.order.js';
import { customerConditions, type CustomerReadScope } from './customer.reader.js';

/** Customer columns with values equal to what `CUSTOMER_COLUMNS` reads (alias `c`). */
export const CUSTOMER_SHAPE: NodeShape = {
  columns: {
    id: 'c.id::text',
    code: 'c.code',
    name: 'c.name',
    type: 'c.type',
    tier: 'c.tier',
    industry: 'c.industry',
    region: 'c.region',
    lifecycleStage: 'c.lifecycle_stage',
    status: 'c.status',
    ownerId: 'c.owner_id::text',
    email: 'c.email',
    phone: 'c.phone',
    address: 'c.address',
    taxId: 'c.tax_id',
    tags: 'c.tags',
    notes: 'c.notes',
    lastInteractionAt: 'c.last_interaction_at',
    createdAt: 'c.created_at',
    updatedAt: 'c.updated_at',
    version: 'c.version',
    voidReason: 'c.void_reason',
    voidNote: 'c.void_note',
    voidedAt: 'c.voided_at',
  },
  kinds: { version: 'int', tags: 'text[]' },
  needs: { owner: ['ownerId'], mergedInto: ['status'], interactions: [], interactionCount: [] },
  always: ['id'],
};

/** Nested fields of a live customer a plan reads in the same statement (fields other
 * modules add to Customer, such as its interactions, declare their planner themselves). */
export const CUSTOMER_NESTED: Record<string, NestedPlanner> = {
  owner: userPlanner('c.owner_id'),
};

/** One page of a customer list (live or archived), as a plan reads it. */
export interface PlannedList {
  table: string;
  typeName: 'Customer' | 'ArchivedCustomer';
  shape: NodeShape;
  nested: Record<string, NestedPlanner>;
  params: Params;
  /** Conditions on alias `c`, parameters in `params`. */
  conditions: string[];
  order: KeysetOrder;
  plan: PagePlan;
  /** The loader path's count, when the plan has none (an empty page). */
  count(): Promise<number>;
}

/**
 * Reads a page of customers and everything selected below them that a plan covers in one
 * statement: a row per customer holding its record's text columns, and the total count
 * (computed once) when selected.
 */
export async function readPlannedList<T extends { id: string }>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  list: PlannedList,
): Promise<{ page: Page<T>; count: () => Promise<number> }> {
  const { params, order, plan } = list;
  const selection = connectionSelection(info, { name: info.fieldName, nodes: [...info.fieldNodes] });
  const type = namedObjectType(info.schema, list.typeName);
  const node = planObject(ctx, info, type, list.shape, selection.node, list.nested, params,
    selection.cursors ? [cursorKeys(order)] : []);
  const where = [...list.conditions];
  if (plan.cursor) where.push(order.seekPredicate(plan.cursor, params, plan.backward));
  const orderBy = order.orderBy(plan.backward);
  const total = selection.totalCount
    ? `, (select count(*)::int from ${list.table} c where ${list.conditions.join(' and ') || 'true'}) as n`
    : '';
  const rows = await ctx.sql.prepared<Record<string, string | null> & { n?: number }>(
    `select ${node.columns.map((column, i) => `${column} as c${i}`).join(', ')}${total}
       from ${list.table} c where ${where.join(' and ') || 'true'}
      order by ${orderBy} ${pageClause(params, plan.limit + (selection.pageInfo ? 1 : 0), plan.offset)}`,
    params.values,
  );
  const names = node.columns.map((_, i) => `c${i}`);
  const records = rows.map((row) => node.finish(names.map((name) => row[name] ?? null)) as unknown as T);
  // Sensitive values are decrypted only when read (openCustomerRows fails loudly on a bad
  // one), and only for a role that reads them: for the others the guard answers null.
  if (node.keys.has('taxId')) {
    const sealed = records as unknown as { id: string; taxId: string | null }[];
    if (mayRead(ctx.actor!.role, `${list.typeName}.taxId`)) openCustomerRows(sealed);
    else for (const record of sealed) record.taxId = null;
  }
  const counted = rows[0]?.n;
  return {
    page: plannedPage(records, plan, order, selection.pageInfo, selection.cursors),
    count: counted !== undefined ? () => Promise.resolve(counted) : list.count,
  };
}

/** The customers list through a plan: the same conditions, order and paging as
 * `findCustomerPage`. */
export function findPlannedCustomerPage(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  scope: CustomerReadScope,
  filter: CustomerFilter | null | undefined,
  orderBy: CustomerOrder[] | null | undefined,
  args: PageArgs,
) {
  const order = customerKeysetOrder(orderBy);
  const plan = planPage(args, order, ctx.config.MAX_PAGE_SIZE);
  const params = new Params();
  const conditions = customerConditions(filter, params, scope);
  const countParams = [...params.values];
  const countSql = `select count(*)::int as n from customer c where ${conditions.join(' and ') || 'true'}`;
  return readPlannedList<CustomerRecord>(ctx, info, {
    table: 'customer',
    typeName: 'Customer',
    shape: CUSTOMER_SHAPE,
    nested: CUSTOMER_NESTED,
    params,
    conditions,
    order,
    plan,
    count: () => ctx.sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0),
  });
}
