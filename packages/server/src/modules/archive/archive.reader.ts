import { invalidInput } from '../../common/domain-error.js';
import { pageClauses, planPage, toPage, type Page, type PageArgs } from '../../db/paginate.js';
import { likeContains, Params, type SqlExecutor } from '../../db/sql.js';
import { CustomerStatus } from '../customer/customer.enums.js';
import { customerConditions, validIds, type CustomerReadScope } from '../customer/customer.reader.js';
import type { InteractionSource } from '../interaction/interaction.reader.js';
import { archivedKeysetOrder, type ArchivedCustomerFilter, type ArchivedCustomerOrder } from './archive.inputs.js';
import { ARCHIVED_CUSTOMER_COLUMNS, ARCHIVED_INTERACTION_COLUMNS, type ArchivedCustomerRecord } from './archive.record.js';
import { openCustomerRows } from '../../crypto/sensitive.js';
import { isBigintId } from '../../db/keyset.js';

export const ARCHIVED_INTERACTIONS: InteractionSource = { table: 'archive.interaction', columns: ARCHIVED_INTERACTION_COLUMNS };


/** Conditions on `archive.customer c`: the live customer criteria (same code, same
 * meaning) plus the archive's own. */
export function archivedConditions(filter: ArchivedCustomerFilter | null | undefined, params: Params, scope: CustomerReadScope): string[] {
  const f = filter ?? {};
  const where = customerConditions(
    { ...f, status: f.previousStatus?.length ? f.previousStatus : [CustomerStatus.ACTIVE, CustomerStatus.VOID] },
    params,
    scope,
  );
  if (f.archivedAfter) where.push(`c.archived_at >= ${params.add(f.archivedAfter, 'timestamptz')}`);
  if (f.archivedBefore) where.push(`c.archived_at < ${params.add(f.archivedBefore, 'timestamptz')}`);
  if (f.policyId) {
    if (f.policyId.some((id) => !isBigintId(id))) throw invalidInput([{ field: 'filter.policyId', message: 'must be policy ids' }]);
    where.push(`c.archive_policy_id = any(${params.add(f.policyId, 'bigint[]')})`);
  }
  if (f.manual != null) where.push(f.manual ? 'c.archive_policy_id is null' : 'c.archive_policy_id is not null');
  if (f.reason?.trim()) where.push(`c.archive_reason ilike ${params.add(likeContains(f.reason.trim()), 'text')}`);
  if (f.legalHold != null) where.push(f.legalHold ? 'c.legal_hold' : 'not c.legal_hold');
  if (f.retainUntilBefore) where.push(`c.retain_until < ${params.add(f.retainUntilBefore, 'timestamptz')}`);
  return where;
}

export async function findArchivedCustomerPage(
  sql: SqlExecutor,
  scope: CustomerReadScope,
  filter: ArchivedCustomerFilter | null | undefined,
  orderBy: ArchivedCustomerOrder[] | null | undefined,
  args: PageArgs,
  maxPageSize: number,
): Promise<{ page: Page<ArchivedCustomerRecord>; count: () => Promise<number> }> {
  const order = archivedKeysetOrder(orderBy);
  const plan = planPage(args, order, maxPageSize);
  const params = new Params();
  const conditions = archivedConditions(filter, params, scope);
  const countParams = [...params.values];
  const clause = pageClauses(plan, order, conditions, params);
  const rows = openCustomerRows(
    await sql.query<ArchivedCustomerRecord & { __keys: (string | null)[] }>(
      `select ${ARCHIVED_CUSTOMER_COLUMNS}, ${order.keysSelect()}
         from archive.customer c
        where ${clause.where}
        order by ${clause.orderBy}
        limit ${clause.limit} offset ${clause.offset}`,
      params.values,
    ),
  );
  const countSql = `select count(*)::int as n from archive.customer c where ${conditions.join(' and ')}`;
  let counted: Promise<number> | undefined;
  return {
    page: toPage(rows, plan, order),
    count: () => (counted ??= sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0)),
  };
}

/** Archived customers by id; with `ownerId`, only those that user owns. */
export async function findArchivedByIds(sql: SqlExecutor, ids: readonly string[], ownerId?: string): Promise<ArchivedCustomerRecord[]> {
  const valid = validIds(ids);
  if (valid.length === 0) return [];
  return openCustomerRows(
    await sql.query<ArchivedCustomerRecord>(
      `select ${ARCHIVED_CUSTOMER_COLUMNS} from archive.customer c
        where c.id = any($1::bigint[]) and ($2::bigint is null or c.owner_id = $2::bigint)`,
      [valid, ownerId ?? null],
    ),
  );
}
