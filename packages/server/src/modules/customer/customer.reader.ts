import { invalidInput } from '../../common/domain-error.js';
import { pageClauses, planPage, toPage, type Page, type PageArgs } from '../../db/paginate.js';
import { likeContains, Params, type SqlExecutor } from '../../db/sql.js';
import { CustomerStatus } from './customer.enums.js';
import type { CustomerFilter } from './customer.inputs.js';
import { customerKeysetOrder, type CustomerOrder } from './customer.order.js';
import { CUSTOMER_COLUMNS, type CustomerRecord } from './customer.record.js';
import { openCustomerRows } from '../../crypto/sensitive.js';
import { taxIdLookupHashes } from '../../crypto/sealed.js';
import { isBigintId } from '../../db/keyset.js';


/** Ids arrive as GraphQL IDs (strings); anything not a positive bigint cannot exist. */
export function validIds(ids: readonly string[]): string[] {
  return ids.filter(isBigintId);
}

/** What the caller's role allows: its own rows only, and which columns it may search. */
export interface CustomerReadScope {
  ownerId?: string;
  searchable: readonly string[];
  /** Set only by the list reads, for roles that read the tax id in full: an exact
   * tax id lookup is an oracle for the value, so it follows the field's read rule, and
   * it is never stored (segments, jobs and exports refuse it). */
  taxIdLookup?: boolean;
}

const STATUSES = new Set<string>(Object.values(CustomerStatus));

function statusLiteral(status: string): string {
  if (!STATUSES.has(status)) throw new Error(`not a customer status: ${status}`);
  return `'${status}'`;
}

/** Translates a filter into SQL conditions on alias `c`, within the caller's rows. */
export function customerConditions(filter: CustomerFilter | null | undefined, params: Params, scope: CustomerReadScope): string[] {
  const f = filter ?? {};
  const where: string[] = [];
  if (scope.ownerId) where.push(`c.owner_id = ${params.add(scope.ownerId, 'bigint')}`);
  const anyOf = (column: string, values: readonly string[] | undefined, cast = 'text') => {
    if (values) where.push(`${column} = any(${params.add(values, `${cast}[]`)})`);
  };
  // One status (the usual case: ACTIVE by default) as a plain equality: PostgreSQL cannot
  // read `status = any(array)` in the order of the (status, <sort column>, id) indexes, so
  // every page would scan and sort all matching customers (found by bench/run-all.mjs;
  // docs/developers/decisions.md#one-status-as-an-equality).
  // Written as a literal (statuses are a closed set): a prepared read plan's generic plan
  // then estimates the rows as a custom plan does and is kept, where `status = $1` made
  // PostgreSQL plan every request again (db/prepared.ts).
  const statuses = f.status?.length ? f.status : [CustomerStatus.ACTIVE];
  where.push(statuses.length === 1 ? `c.status = ${statusLiteral(statuses[0]!)}` : `c.status = any(${params.add(statuses, 'text[]')})`);
  if (f.ids) {
    const bad = f.ids.filter((id) => !isBigintId(id));
    if (bad.length) throw invalidInput([{ field: 'filter.ids', message: 'must be customer ids' }]);
    anyOf('c.id', f.ids, 'bigint');
  }
  anyOf('c.type', f.type);
  anyOf('c.tier', f.tier);
  anyOf('c.industry', f.industry);
  anyOf('c.region', f.region);
  anyOf('c.lifecycle_stage', f.lifecycleStage);
  if (f.ownerId) {
    if (f.ownerId.some((id) => !isBigintId(id))) throw invalidInput([{ field: 'filter.ownerId', message: 'must be user ids' }]);
    anyOf('c.owner_id', f.ownerId, 'bigint');
  }
  if (f.unowned != null) where.push(f.unowned ? 'c.owner_id is null' : 'c.owner_id is not null');
  if (f.tags?.length) where.push(`c.tags && ${params.add(f.tags, 'text[]')}`);
  if (f.tagsAll?.length) where.push(`c.tags @> ${params.add(f.tagsAll, 'text[]')}`);
  if (f.createdAfter) where.push(`c.created_at >= ${params.add(f.createdAfter, 'timestamptz')}`);
  if (f.createdBefore) where.push(`c.created_at < ${params.add(f.createdBefore, 'timestamptz')}`);
  if (f.lastInteractionAfter) where.push(`c.last_interaction_at >= ${params.add(f.lastInteractionAfter, 'timestamptz')}`);
  if (f.lastInteractionBefore) {
    where.push(`(c.last_interaction_at < ${params.add(f.lastInteractionBefore, 'timestamptz')} or c.last_interaction_at is null)`);
  }
  if (f.segmentId != null) {
    // Services load the segment first (customer.segment.ts); a list that
    // does not offer segments says so rather than ignoring the criterion.
    if (!f.segment) throw invalidInput([{ field: 'filter.segmentId', message: 'segments cannot be used in this list' }]);
    where.push(...customerConditions(f.segment, params, scope));
  }
  if (f.taxId != null) {
    if (!scope.taxIdLookup) {
      throw invalidInput([{ field: 'filter.taxId', message: 'exact tax id lookup is only offered by the customers and archivedCustomers lists' }]);
    }
    where.push(`c.tax_id_hash = any(${params.add(taxIdLookupHashes(f.taxId), 'bytea[]')})`);
  }
  const search = f.search?.trim();
  if (search) {
    const pattern = params.add(likeContains(search), 'text');
    where.push(`(${scope.searchable.map((column) => `c.${column} ilike ${pattern}`).join(' or ')})`);
  }
  return where;
}

export interface CustomerPage {
  page: Page<CustomerRecord>;
  count: () => Promise<number>;
}

export async function findCustomerPage(
  sql: SqlExecutor,
  scope: CustomerReadScope,
  filter: CustomerFilter | null | undefined,
  orderBy: CustomerOrder[] | null | undefined,
  args: PageArgs,
  maxPageSize: number,
): Promise<CustomerPage> {
  const order = customerKeysetOrder(orderBy);
  const plan = planPage(args, order, maxPageSize);
  const params = new Params();
  const conditions = customerConditions(filter, params, scope);
  const countParams = [...params.values];
  const clause = pageClauses(plan, order, conditions, params);
  const rows = openCustomerRows(
    await sql.query<CustomerRecord & { __keys: (string | null)[] }>(
      `select ${CUSTOMER_COLUMNS}, ${order.keysSelect()}
         from customer c
        where ${clause.where}
        order by ${clause.orderBy}
        limit ${clause.limit} offset ${clause.offset}`,
      params.values,
    ),
  );
  const countSql = `select count(*)::int as n from customer c where ${conditions.join(' and ') || 'true'}`;
  let counted: Promise<number> | undefined;
  return {
    page: toPage(rows, plan, order),
    count: () => (counted ??= sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0)),
  };
}

/** Customers by id in any status; with `ownerId`, only those that user owns. */
export async function findCustomersByIds(sql: SqlExecutor, ids: readonly string[], ownerId?: string): Promise<CustomerRecord[]> {
  const valid = validIds(ids);
  if (valid.length === 0) return [];
  return openCustomerRows(
    await sql.query<CustomerRecord>(
      `select ${CUSTOMER_COLUMNS} from customer c where c.id = any($1::bigint[]) and ($2::bigint is null or c.owner_id = $2::bigint)`,
      [valid, ownerId ?? null],
    ),
  );
}
