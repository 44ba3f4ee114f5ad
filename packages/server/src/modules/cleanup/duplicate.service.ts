import { invalidInput } from '../../common/domain-error.js';
import { isBigintId, KeysetOrder, type SortColumn } from '../../db/keyset.js';
import { pageClauses, planPage, toPage, type PageArgs } from '../../db/paginate.js';
import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { DUPLICATE_EVIDENCE_FIELDS, duplicateEvidenceAccess, visibleDuplicateEvidence } from '../../policy/criteria.js';
import { requireAction } from '../../policy/guard.js';
import { sortForbidden } from '../../policy/policy.errors.js';
import { Action, FieldAccess } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Role } from '../../policy/role.js';
import { JobKind } from '../job/job.enums.js';
import { jobAlreadyActive } from '../job/job.errors.js';
import { enqueueJob, findActiveJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import { groupNotFound } from './cleanup.errors.js';
import type { DetectParams } from './duplicate.job.js';
import type { DetectDuplicatesInput, DismissDuplicateInput, DuplicateFilter, DuplicateGroupRecord } from './duplicate.types.js';

/**
 * Duplicate review belongs to merging (ADMIN and MANAGER, who see every row), so groups
 * never need to be cut down to one owner's customers. Evidence is cut down to the kinds
 * the role may see (src/policy/criteria.ts): MANAGER reads tax ids masked, so it neither
 * sees nor filters by "same tax id", a group held together only by it is not listed, and
 * the score it sees — by which groups are ordered and `minScore` compares — is computed
 * from the evidence it sees. `cleanupStats` counts by the same rule.
 */

const ID: SortColumn = { key: 'id', sql: 'g.id', cast: 'bigint', nullable: false };

/** The stored score is a `real`: cursors read it back as one, or a page's last score
 * never equals itself and the next page repeats it (and so on forever). */
const ORDER = new KeysetOrder([{ column: { key: 'score', sql: 'g.score', cast: 'real', nullable: false }, direction: 'DESC' }], ID);

function kindsLiteral(kinds: readonly string[]): string {
  if (!kinds.every((k) => /^[A-Z_]+$/.test(k))) throw new Error('duplicate evidence kinds must be constants');
  return `array[${kinds.map((k) => `'${k}'`).join(', ')}]::text[]`;
}

/** 1 − Π(1 − score) over the visible kinds, as the grouping combines evidence; a group
 * without hidden evidence keeps its stored score. */
function visibleScore(visible: string): string {
  return `(case when not exists (select 1 from jsonb_array_elements(g.reasons) r where not (r->>'kind' = any(${visible})))
      then round(g.score::numeric, 3)
      else (select round(1 - exp(sum(ln(1 - least((r->>'score')::numeric, 0.99)))), 3)
              from jsonb_array_elements(g.reasons) r where r->>'kind' = any(${visible})) end)`;
}

interface GroupView {
  order: KeysetOrder;
  score: string;
  visible?: string[];
  conditions: string[];
}

function groupView(role: Role): GroupView {
  const visible = visibleDuplicateEvidence(role);
  if (Object.keys(DUPLICATE_EVIDENCE_FIELDS).every((kind) => visible.includes(kind))) return { order: ORDER, score: 'g.score', conditions: [] };
  const literal = kindsLiteral(visible);
  const score = visibleScore(literal);
  return {
    order: new KeysetOrder([{ column: { key: 'visibleScore', sql: score, cast: 'numeric', nullable: false }, direction: 'DESC' }], ID),
    score,
    visible,
    conditions: [`exists (select 1 from jsonb_array_elements(g.reasons) r where r->>'kind' = any(${literal}))`],
  };
}

const groupColumns = (score: string) =>
  `g.id::text as id, g.region, (${score})::float8 as score, g.reasons, g.member_ids::text[] as "memberIds", g.created_at as "createdAt"`;

/** Groups still worth reviewing: at least two members are ACTIVE (others were merged or retired since). */
const STILL_OPEN = `(select count(*) from customer c where c.id = any(g.member_ids) and c.status = 'ACTIVE') >= 2`;

export async function listDuplicateGroups(ctx: RequestContext, filter: DuplicateFilter | null | undefined, args: PageArgs) {
  const { actor } = requireAction(ctx, Action.CUSTOMER_MERGE);
  const view = groupView(actor.role);
  const plan = planPage(args, view.order, ctx.config.MAX_PAGE_SIZE);
  const params = new Params();
  const where = [STILL_OPEN, ...view.conditions];
  if (filter?.minScore != null) {
    // Rounded to a `real` here, as PostgreSQL would round it, except that a value too small
    // for a `real` (5e-324) becomes 0 instead of PostgreSQL's "value out of range" error.
    const minScore = view.visible ? filter.minScore : Math.fround(filter.minScore);
    where.push(`${view.score} >= ${params.add(minScore, view.visible ? 'numeric' : 'real')}`);
  }
  if (filter?.region?.length) where.push(`g.region = any(${params.add(filter.region, 'text[]')})`);
  if (filter?.customerId != null) {
    if (!isBigintId(filter.customerId)) throw invalidInput([{ field: 'filter.customerId', message: 'must be a customer id' }]);
    where.push(`g.member_ids @> array[${params.add(filter.customerId, 'bigint')}]`);
  }
  if (filter?.reason?.length) {
    const unknown = filter.reason.filter((kind) => !(kind in DUPLICATE_EVIDENCE_FIELDS));
    if (unknown.length) {
      throw invalidInput([{ field: 'filter.reason', message: `unknown reason ${unknown.join(', ')} (one of ${Object.keys(DUPLICATE_EVIDENCE_FIELDS).join(', ')})` }]);
    }
    const hidden = filter.reason.find((kind) => duplicateEvidenceAccess(actor.role, kind) !== FieldAccess.FULL);
    if (hidden) throw sortForbidden(DUPLICATE_EVIDENCE_FIELDS[hidden]!);
    where.push(`exists (select 1 from jsonb_array_elements(g.reasons) r where r->>'kind' = any(${params.add(filter.reason, 'text[]')}))`);
  }
  const countParams = [...params.values];
  const clause = pageClauses(plan, view.order, where, params);
  const rows = await ctx.sql.query<DuplicateGroupRecord & { __keys: (string | null)[] }>(
    `select ${groupColumns(view.score)}, ${view.order.keysSelect()} from duplicate_group g where ${clause.where}
      order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}`,
    params.values,
  );
  if (view.visible) for (const row of rows) row.reasons = row.reasons.filter((r) => view.visible!.includes(r.kind));
  const countSql = `select count(*)::int as n from duplicate_group g where ${where.join(' and ')}`;
  let counted: Promise<number> | undefined;
  return {
    page: toPage(rows, plan, view.order),
    count: () => (counted ??= ctx.sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0)),
  };
}

/** Remembers every pair of the group as "not duplicates" and removes the group. */
export async function dismissDuplicate(ctx: RequestContext, input: DismissDuplicateInput): Promise<{ groupId: string; dismissedPairs: number }> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_MERGE);
  if (!isBigintId(input.groupId)) throw groupNotFound(input.groupId);
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

/**
 * Puts customers up for merge review now rather than at the next detection run (an
 * import row whose person chose "queue for merge"): a group like the ones detection
 * writes, which the next run replaces with its own (it finds the same pairs by the same
 * rules). The caller audits the write that led here.
 */
export async function queueDuplicateGroup(
  tx: RequestContext,
  group: { memberIds: string[]; region: string | null; score: number; reasons: { kind: string; score: number }[] },
): Promise<string> {
  const row = await tx.sql.one<{ id: string }>(
    `insert into duplicate_group (job_id, region, score, reasons, member_ids)
     values (null, $1, $2::real, $3::jsonb, $4::bigint[]) returning id::text as id`,
    [group.region, group.score, JSON.stringify(group.reasons.map((r) => ({ kind: r.kind, score: r.score, pairs: 1 }))), group.memberIds],
  );
  return row!.id;
}
