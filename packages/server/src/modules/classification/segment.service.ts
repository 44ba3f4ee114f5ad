import { invalidInput } from '../../common/domain-error.js';
import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { hiddenCriteria } from '../../policy/criteria.js';
import { requireAction, requireActor } from '../../policy/guard.js';
import { sortForbidden } from '../../policy/policy.errors.js';
import { Action } from '../../policy/policy.js';
import { auditPseudonym } from '../audit/audit.personal.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CustomerFilter } from '../customer/customer.inputs.js';
import { customerConditions } from '../customer/customer.reader.js';
import { customerReadScope } from '../customer/customer.service.js';
import { policiesUsingSegment } from '../archive-policy/archive-policy.reader.js';
import { segmentInUse, segmentNameTaken, segmentNotFound, segmentVersionConflict } from './classification.errors.js';
import { findSegment, SEGMENT_COLUMNS, type SegmentRecord } from '../customer/customer.segment.js';
import type { DeleteSegmentInput, SaveSegmentInput } from './segment.types.js';

export async function listSegments(ctx: RequestContext): Promise<SegmentRecord[]> {
  requireAction(ctx, Action.CUSTOMER_READ);
  return ctx.sql.query<SegmentRecord>(`select ${SEGMENT_COLUMNS} from segment s order by lower(s.name)`);
}

export async function getSegment(ctx: RequestContext, id: string): Promise<SegmentRecord | null> {
  requireAction(ctx, Action.CUSTOMER_READ);
  return (await findSegment(ctx.sql, id)) ?? null;
}

export interface SegmentView {
  filter: CustomerFilter;
  description: string | null;
  hiddenCriteria: string[];
}

/**
 * A stored segment as the caller may see it: criteria whose values are data of particular
 * customers only for roles that read those fields in full on every row (src/policy/
 * criteria.ts), and the description only with the whole filter, since it may restate
 * them. Hidden, not refused: every role that reads customers may still use the segment,
 * which then matches only what that role may search, on the rows it may read.
 */
export function segmentView(ctx: RequestContext, segment: SegmentRecord): SegmentView {
  const hidden = hiddenCriteria(requireActor(ctx).role, segment.filter);
  if (hidden.length === 0) return { filter: segment.filter, description: segment.description, hiddenCriteria: [] };
  const filter = { ...segment.filter } as Record<string, unknown>;
  for (const criterion of hidden) delete filter[criterion];
  return { filter: filter as CustomerFilter, description: null, hiddenCriteria: hidden };
}

/** Customers of the segment the caller may see (its row rules apply as to any list). */
export async function segmentCustomerCount(ctx: RequestContext, segment: SegmentRecord): Promise<number> {
  const params = new Params();
  const where = customerConditions(segment.filter, params, customerReadScope(ctx));
  const row = await ctx.sql.one<{ n: number }>(`select count(*)::int as n from customer c where ${where.join(' and ')}`, params.values);
  return row!.n;
}

export async function saveSegment(ctx: RequestContext, input: SaveSegmentInput): Promise<SegmentRecord> {
  requireAction(ctx, Action.CLASSIFICATION_MANAGE);
  if (input.filter.segmentId != null) throw invalidInput([{ field: 'filter.segmentId', message: 'a segment cannot contain another segment' }]);
  if (input.id != null && input.version == null) throw invalidInput([{ field: 'version', message: 'give the version you read' }]);
  const filter = JSON.parse(JSON.stringify(input.filter)) as CustomerFilter;
  // A segment outlives its author's view of it: a criterion the author may not see could
  // never be shown back to them, so it is refused like filtering by the field it compares.
  const refused = hiddenCriteria(requireActor(ctx).role, filter);
  if (refused.length) throw sortForbidden(`filter.${refused[0]}`);
  // Builds the SQL once, so a filter that could never run (bad ids…) is refused now.
  customerConditions(filter, new Params(), customerReadScope(ctx));
  return inTransaction(ctx, async (tx) => {
    const before = input.id != null ? await findSegment(tx.sql, input.id) : undefined;
    if (input.id != null && !before) throw segmentNotFound(input.id);
    if (before && before.version !== input.version) throw segmentVersionConflict();
    let saved: SegmentRecord | undefined;
    try {
      saved = before
        ? await tx.sql.one<SegmentRecord>(
            `update segment s set name = $2, description = $3, filter = $4::jsonb, version = s.version + 1, updated_at = now()
              where s.id = $1::bigint and s.version = $5 returning ${SEGMENT_COLUMNS}`,
            [before.id, input.name.trim(), input.description?.trim() || null, JSON.stringify(filter), before.version],
          )
        : await tx.sql.one<SegmentRecord>(
            `insert into segment as s (name, description, filter, created_by) values ($1, $2, $3::jsonb, $4::bigint) returning ${SEGMENT_COLUMNS}`,
            [input.name.trim(), input.description?.trim() || null, JSON.stringify(filter), tx.actor!.userId],
          );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw segmentNameTaken();
      throw error;
    }
    if (!saved) throw segmentVersionConflict();
    await recordAudit(tx, {
      action: before ? 'SEGMENT_UPDATED' : 'SEGMENT_CREATED',
      entityType: 'Segment',
      entityId: saved.id,
      changes: {
        ...(before?.name !== saved.name ? { name: { from: before?.name, to: saved.name } } : {}),
        ...(JSON.stringify(before?.filter) !== JSON.stringify(saved.filter) ? { filter: { from: before?.filter, to: saved.filter } } : {}),
        // Free text that may name people: the log keeps only whether and how it changed.
        ...((before?.description ?? null) !== saved.description
          ? { description: { ...(before ? { from: pseudonymOrNull(before.description) } : {}), to: pseudonymOrNull(saved.description) } }
          : {}),
      },
    });
    return saved;
  });
}

export async function deleteSegment(ctx: RequestContext, input: DeleteSegmentInput): Promise<SegmentRecord> {
  requireAction(ctx, Action.CLASSIFICATION_MANAGE);
  return inTransaction(ctx, async (tx) => {
    const before = await findSegment(tx.sql, input.id);
    if (!before) throw segmentNotFound(input.id);
    if (before.version !== input.version) throw segmentVersionConflict();
    // The lock orders this against a policy saved with this segment at the same moment.
    await tx.sql.query(`lock table archive_policy in share mode`);
    const users = await policiesUsingSegment(tx.sql, before.id);
    if (users.length) throw segmentInUse(users);
    await tx.sql.query(`delete from segment where id = $1::bigint`, [before.id]);
    await recordAudit(tx, { action: 'SEGMENT_DELETED', entityType: 'Segment', entityId: before.id, changes: { name: { from: before.name } } });
    return before;
  });
}

function pseudonymOrNull(text: string | null | undefined): string | null {
  return text == null ? null : auditPseudonym('text', text);
}
