import { invalidInput } from '../../common/domain-error.js';
import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { customerConditions } from '../customer/customer.reader.js';
import { customerReadScope } from '../customer/customer.service.js';
import { policiesUsingSegment } from '../archive-policy/archive-policy.reader.js';
import { segmentInUse, segmentNameTaken, segmentNotFound, segmentVersionConflict } from './classification.errors.js';
import { findSegment, SEGMENT_COLUMNS, type SegmentRecord } from './segment.store.js';
import type { DeleteSegmentInput, SaveSegmentInput } from './segment.types.js';

export async function listSegments(ctx: RequestContext): Promise<SegmentRecord[]> {
  requireAction(ctx, Action.CUSTOMER_READ);
  return ctx.sql.query<SegmentRecord>(`select ${SEGMENT_COLUMNS} from segment s order by lower(s.name)`);
}

export async function getSegment(ctx: RequestContext, id: string): Promise<SegmentRecord | null> {
  requireAction(ctx, Action.CUSTOMER_READ);
  return (await findSegment(ctx.sql, id)) ?? null;
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
  const filter = JSON.parse(JSON.stringify(input.filter));
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

