import { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { requireAction, requireActor } from '../../policy/guard.js';
import { Action, CUSTOMER_WRITABLE } from '../../policy/policy.js';
import type { CustomerReadScope } from '../customer/customer.reader.js';
import { customerReadScope } from '../customer/customer.service.js';
import { withSegment } from '../customer/customer.segment.js';
import { JobKind } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';
import { enqueueJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import { DataQualityAction, FIELD_KEYS } from './cleanup.enums.js';
import { hiddenFrom, qualityBatch, qualityCandidates, qualityOptions, resolveIssuesInTransaction, type DataQualityIssueRefRecord } from './quality.service.js';
import type { DataQualityFilter } from './quality.types.js';

/**
 * "All of this problem": every open issue a filter selects, resolved by a job a batch of
 * customers at a time (the issue list pages through thousands; a call takes at most 1,000).
 * The job runs as the person who queued it, so it resolves what they may see and write,
 * each batch through the same locked re-check and audit as resolveDataQualityIssues.
 */

const BATCH = 500;

export interface ResolveAllParams extends Record<string, unknown> {
  filter: DataQualityFilter;
  scope: CustomerReadScope;
  action: DataQualityAction;
  outdatedYears: number;
}

interface Checkpoint {
  fromId: string;
  scanned: number;
  resolved: number;
  customers: number;
  /** Issues left as they are: no suggestion to apply, a field the role may not write, or changed meanwhile. */
  skipped: number;
}

export const resolveDataQualityHandler: JobHandler<ResolveAllParams, Checkpoint> = {
  kind: JobKind.RESOLVE_DATA_QUALITY,

  async begin(tx, job) {
    const params = new Params();
    const options = { ...qualityOptions(tx, job.params.outdatedYears) };
    const where = qualityCandidates(job.params.filter.customer, job.params.scope, options, params);
    const row = await tx.sql.one<{ n: number }>(`select count(*)::int as n from customer c where ${where.join(' and ')}`, params.values);
    return { total: row!.n, checkpoint: { fromId: '0', scanned: 0, resolved: 0, customers: 0, skipped: 0 } };
  },

  async step(tx, job, checkpoint) {
    const { filter, scope, action } = job.params;
    const apply = action === DataQualityAction.APPLY_SUGGESTION;
    const writable = new Set(CUSTOMER_WRITABLE[requireActor(tx).role]);
    const batch = await qualityBatch(tx.sql, filter.customer, scope, checkpoint.fromId, BATCH, qualityOptions(tx, job.params.outdatedYears));
    const refs: DataQualityIssueRefRecord[] = [];
    let skipped = 0;
    for (const { customer, issues } of batch.customers) {
      for (const { issue } of issues) {
        if (filter.problem?.length && !filter.problem.includes(issue.problem)) continue;
        if (filter.field?.length && !filter.field.includes(issue.field)) continue;
        if (hiddenFrom(tx, customer, issue)) continue;
        const key = FIELD_KEYS[issue.field]?.key;
        if (apply && (!issue.hasSuggestion || !key || !writable.has(key))) {
          skipped += 1;
          continue;
        }
        refs.push({ customerId: customer.id, field: issue.field, problem: issue.problem });
      }
    }
    const outcome = refs.length ? await resolveIssuesInTransaction(tx, refs, apply, job.params.outdatedYears) : { resolved: 0, customers: [], failures: [] };
    const finished = batch.fetched < BATCH || !batch.lastId;
    return {
      checkpoint: {
        fromId: batch.lastId ? (BigInt(batch.lastId) + 1n).toString() : checkpoint.fromId,
        scanned: checkpoint.scanned + batch.fetched,
        resolved: checkpoint.resolved + outcome.resolved,
        customers: checkpoint.customers + outcome.customers.length,
        skipped: checkpoint.skipped + skipped + outcome.failures.length,
      },
      done: batch.fetched,
      finished,
    };
  },

  result(job, checkpoint) {
    return { action: job.params.action, scanned: checkpoint.scanned, resolved: checkpoint.resolved, customers: checkpoint.customers, skipped: checkpoint.skipped };
  },
};

/** Queues the job for every issue `filter` selects (the caller's rows, fields and roles). */
export async function resolveAllDataQualityIssues(
  ctx: RequestContext,
  input: { filter?: DataQualityFilter | null; action: DataQualityAction; reason?: string | null },
): Promise<JobRecord> {
  requireAction(ctx, Action.CUSTOMER_UPDATE);
  const given = input.filter ?? {};
  // A segment is read now: the job works on the filter as it is when queued.
  const filter: DataQualityFilter = given.customer ? { ...given, customer: await withSegment(ctx.sql, given.customer, 'filter.customer.segmentId') } : { ...given };
  const scope = customerReadScope(ctx);
  const options = qualityOptions(ctx, filter.outdatedYears);
  // Validates the filter now (bad ids etc.), not later in the job.
  qualityCandidates(filter.customer, scope, options, new Params());
  const params: ResolveAllParams = { filter: JSON.parse(JSON.stringify(filter)), scope, action: input.action, outdatedYears: options.outdatedYears };
  const reason = input.reason?.trim() || (input.action === DataQualityAction.APPLY_SUGGESTION ? 'apply data-quality suggestions' : 'dismiss data-quality issues');
  return enqueueJob(ctx, JobKind.RESOLVE_DATA_QUALITY, params, { reason });
}
