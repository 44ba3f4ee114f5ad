import { invalidInput } from '../../common/domain-error.js';
import { isBigintId, KeysetOrder } from '../../db/keyset.js';
import { fromGlobalId } from '../../graphql/global-id.js';
import { pageClauses, planPage, toPage, type PageArgs } from '../../db/paginate.js';
import { Params, type SqlExecutor } from '../../db/sql.js';
import type { AuditEventFilter, AuditEventRecord } from './audit.type.js';

const ORDER = new KeysetOrder([], { key: 'seq', sql: 'e.seq', cast: 'bigint', nullable: false });
const NEWEST_FIRST = new KeysetOrder(
  [{ column: { key: 'seq', sql: 'e.seq', cast: 'bigint', nullable: false }, direction: 'DESC' }],
  { key: 'seq', sql: 'e.seq', cast: 'bigint', nullable: false },
);

export const AUDIT_COLUMNS = `e.seq::text as id, e.seq::text as seq, e.at, e.actor_id as "actorId", e.actor_role as "actorRole",
  e.action, e.entity_type as "entityType", e.entity_id as "entityId", e.reason, e.changes,
  e.request_id as "requestId", encode(e.prev_hash, 'hex') as "prevHash", encode(e.hash, 'hex') as hash`;

/** The filter as SQL conditions on `audit_event e` (shared by the list and the export). */
export function auditConditions(filter: AuditEventFilter | null | undefined, params: Params): string[] {
  const f = filter ?? {};
  const where: string[] = [];
  if (f.entityType) where.push(`e.entity_type = ${params.add(f.entityType, 'text')}`);
  // A client holds global ids (a customer page's address, a Node's id): the record it names
  // is the one its database id names; events keep database ids.
  if (f.entityId) where.push(`e.entity_id = ${params.add(fromGlobalId(f.entityId)?.id ?? f.entityId, 'text')}`);
  if (f.actorId) {
    if (!isBigintId(f.actorId)) throw invalidInput([{ field: 'filter.actorId', message: 'must be a user id' }]);
    where.push(`e.actor_id = ${params.add(f.actorId, 'bigint')}`);
  }
  if (f.action?.length) where.push(`e.action = any(${params.add(f.action, 'text[]')})`);
  if (f.from) where.push(`e.at >= ${params.add(f.from, 'timestamptz')}`);
  if (f.to) where.push(`e.at < ${params.add(f.to, 'timestamptz')}`);
  return where;
}

export async function findAuditEventPage(sql: SqlExecutor, filter: AuditEventFilter | null | undefined, args: PageArgs, maxPageSize: number, oldestFirst = false) {
  const order = oldestFirst ? ORDER : NEWEST_FIRST;
  const plan = planPage(args, order, maxPageSize);
  const params = new Params();
  const where = auditConditions(filter, params);
  const countParams = [...params.values];
  const clause = pageClauses(plan, order, where, params);
  const rows = await sql.query<AuditEventRecord & { __keys: (string | null)[] }>(
    `select ${AUDIT_COLUMNS}, ${order.keysSelect()} from audit_event e where ${clause.where}
      order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}`,
    params.values,
  );
  const countSql = `select count(*)::int as n from audit_event e where ${where.join(' and ') || 'true'}`;
  let counted: Promise<number> | undefined;
  return {
    page: toPage(rows, plan, order),
    count: () => (counted ??= sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0)),
  };
}
