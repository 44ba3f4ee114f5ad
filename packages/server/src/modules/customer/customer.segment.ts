import { invalidInput } from '../../common/domain-error.js';
import { isBigintId } from '../../db/keyset.js';
import type { SqlExecutor } from '../../db/sql.js';
import type { CustomerFilter } from './customer.inputs.js';

export interface SegmentRecord {
  id: string;
  name: string;
  description: string | null;
  filter: CustomerFilter;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const SEGMENT_COLUMNS = `s.id::text as id, s.name, s.description, s.filter, s.created_by::text as "createdById",
  s.created_at as "createdAt", s.updated_at as "updatedAt", s.version`;

export async function findSegment(sql: SqlExecutor, id: string, share = false): Promise<SegmentRecord | undefined> {
  if (!isBigintId(id)) return undefined;
  return sql.one<SegmentRecord>(`select ${SEGMENT_COLUMNS} from segment s where s.id = $1::bigint${share ? ' for share' : ''}`, [id]);
}

/**
 * A filter naming a segment, with the segment's stored filter attached for
 * `customerConditions` (which builds SQL and cannot read the database). Segments are
 * filters, not lists of ids, so a segment always means "who matches now"; it is read
 * under the caller's row rules like any other criterion.
 */
export async function withSegment<F extends CustomerFilter | null | undefined>(sql: SqlExecutor, filter: F, field = 'filter.segmentId'): Promise<F> {
  if (filter?.segmentId == null) return filter;
  const segment = await findSegment(sql, filter.segmentId);
  if (!segment) throw invalidInput([{ field, message: 'no such segment' }]);
  return { ...filter, segment: segment.filter };
}

/** Loads the segment a policy rule names into the rule (refused, per field, when it is gone). */
export async function withRuleSegment<R extends { criteria: { segmentId?: string }; segment?: CustomerFilter }>(sql: SqlExecutor, rule: R, field = 'criteria.segmentId'): Promise<R> {
  if (rule.criteria.segmentId === undefined) return rule;
  const segment = await findSegment(sql, rule.criteria.segmentId);
  if (!segment) throw invalidInput([{ field, message: 'no such segment' }]);
  return { ...rule, segment: segment.filter };
}
