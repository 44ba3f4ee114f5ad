import { invalidInput } from '../../common/domain-error.js';
import { KeysetOrder } from '../../db/keyset.js';
import { pageClauses, planPage, toPage, type PageArgs } from '../../db/paginate.js';
import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { validIds } from '../customer/customer.reader.js';
import { JobKind } from '../job/job.enums.js';
import { jobAlreadyActive } from '../job/job.errors.js';
import { enqueueJob, findActiveJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import { groupNotFound } from './cleanup.errors.js';
import type { DetectParams } from './duplicate.job.js';
import type { DetectDuplicatesInput, DismissDuplicateInput, DuplicateFilter, DuplicateGroupRecord } from './duplicate.types.js';

/**
 * Duplicate review belongs to merging (ADMIN and MANAGER, who see every row), so groups
 * never need to be cut down to one owner's customers.
 */

const ORDER = new KeysetOrder(
  [{ column: { key: 'score', sql: 'g.score', cast: 'numeric', nullable: false }, direction: 'DESC' }],
  { key: 'id', sql: 'g.id', cast: 'bigint', nullable: false },
);

const GROUP_COLUMNS = `g.id::text as id, g.region, g.score::float8 as score, g.reasons, g.member_ids::text[] as "memberIds", g.created_at as "createdAt"`;

/** Groups still worth reviewing: at least two members are ACTIVE (others were merged or retired since). */
const STILL_OPEN = `(select count(*) from customer c where c.id = any(g.member_ids) and c.status = 'ACTIVE') >= 2`;

export async function listDuplicateGroups(ctx: RequestContext, filter: DuplicateFilter | null | undefined, args: PageArgs) {
  requireAction(ctx, Action.CUSTOMER_MERGE);
  const plan = planPage(args, ORDER, ctx.config.MAX_PAGE_SIZE);
  const params = new Params();
  const where = [STILL_OPEN];
  if (filter?.minScore != null) where.push(`g.score >= ${params.add(filter.minScore, 'real')}`);
  if (filter?.region?.length) where.push(`g.region = any(${params.add(filter.region, 'text[]')})`);
  if (filter?.customerId != null) {
    if (validIds([filter.customerId]).length === 0) throw invalidInput([{ field: 'filter.customerId', message: 'must be a customer id' }]);
    where.push(`g.member_ids @> array[${params.add(filter.customerId, 'bigint')}]`);
  }
  if (filter?.reason?.length) {
    where.push(`exists (select 1 from jsonb_array_elements(g.reasons) r where r->>'kind' = any(${params.add(filter.reason, 'text[]')}))`);
  }
  const countParams = [...params.values];
  const clause = pageClauses(plan, ORDER, where, params);
  const rows = await ctx.sql.query<DuplicateGroupRecord & { __keys: (string | null)[] }>(
    `select ${GROUP_COLUMNS}, ${ORDER.keysSelect()} from duplicate_group g where ${clause.where}
      order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}`,
    params.values,
  );
  const countSql = `select count(*)::int as n from duplicate_group g where ${where.join(' and ')}`;
  let counted: Promise<number> | undefined;
  return {
    page: toPage(rows, plan, ORDER),
    count: () => (counted ??= ctx.sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0)),
  };
}

/** Remembers every pair of the group as "not duplicates" and removes the group. */
export async function dismissDuplicate(ctx: RequestContext, input: DismissDuplicateInput): Promise<{ groupId: string; dismissedPairs: number }> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_MERGE);
  if (validIds([input.groupId]).length === 0) throw groupNotFound(input.groupId);
  return inTransaction(ctx, async (tx) => {
    const group = await tx.sql.one<{ members: string[] }>(`select member_ids::text[] as members from duplicate_group where id = $1::bigint for update`, [input.groupId]);
    if (!group) throw groupNotFound(input.groupId);
    const inserted = await tx.sql.one<{ n: number }>(
      `with ins as (
         insert into duplicate_dismissal (a, b, dismissed_by, reason)
         select x.id, y.id, $2::bigint, $3 from unnest($1::bigint[]) x(id), unnest($1::bigint[]) y(id) where x.id < y.id
         on conflict (a, b) do nothing returning 1)
       select count(*)::int as n from ins`,
      [group.members, actor.userId, input.reason?.trim() || null],
    );
    await tx.sql.query(`delete from duplicate_group where id = $1::bigint`, [input.groupId]);
    await recordAudit(tx, {
      action: 'DUPLICATE_DISMISSED',
      entityType: 'DuplicateGroup',
      entityId: input.groupId,
      reason: input.reason?.trim() || null,
      changes: { memberIds: { to: group.members } },
    });
    return { groupId: input.groupId, dismissedPairs: inserted!.n };
  });
}

/** Queues a detection run; one at a time (the lock makes check and insert atomic). */
export async function detectDuplicates(ctx: RequestContext, input: DetectDuplicatesInput | null | undefined): Promise<JobRecord> {
  requireAction(ctx, Action.CUSTOMER_MERGE);
  const params: DetectParams = {
    similarity: input?.nameSimilarity ?? ctx.config.DUPLICATE_NAME_SIMILARITY,
    trigramBlockMax: ctx.config.DUPLICATE_TRIGRAM_BLOCK_MAX,
  };
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:detect-duplicates'))`);
    const active = await findActiveJob(tx.sql, JobKind.DETECT_DUPLICATES);
    if (active) throw jobAlreadyActive(JobKind.DETECT_DUPLICATES, active);
    return enqueueJob(tx, JobKind.DETECT_DUPLICATES, params, { reason: 'detect duplicates' });
  });
}
