import { invalidInput, type FieldProblem } from '../../common/domain-error.js';
import type { PageArgs } from '../../db/paginate.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { FourEyesOperation, requireFourEyes } from '../../policy/four-eyes.js';
import { Action } from '../../policy/policy.js';
import { auditDiff } from '../audit/audit.changes.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { cronProblem, nextSlot } from '../../common/cron.js';
import type { JobRecord } from '../job/job.record.js';
import { findSegment, withRuleSegment } from '../customer/customer.segment.js';
import { criteriaProblems, normalizeCriteria, type PolicyRule } from './archive-policy.criteria.js';
import { ArchivePolicyAction } from './archive-policy.enums.js';
import { policyNameTaken, policyNotFound, policyRunInProgress, policyVersionConflict } from './archive-policy.errors.js';
import type {
  CreateArchivePolicyInput,
  DeleteArchivePolicyInput,
  PreviewArchivePolicyInput,
  UpdateArchivePolicyInput,
} from './archive-policy.inputs.js';
import { countPolicyMatches, databaseNow, findActiveRun, findPolicy, findPolicyPage, samplePolicyMatches } from './archive-policy.reader.js';
import { POLICY_AUDITED_FIELDS, POLICY_COLUMNS, type ArchivePolicyRecord } from './archive-policy.record.js';
import { enqueuePolicyRun } from './archive-policy.run.js';

type PolicyFields = Omit<ArchivePolicyRecord, 'id' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version' | 'lastRunAt' | 'nextRunAt'>;

export async function getPolicy(ctx: RequestContext, id: string): Promise<ArchivePolicyRecord | null> {
  requireAction(ctx, Action.POLICY_READ);
  return (await findPolicy(ctx.sql, id)) ?? null;
}

export async function listPolicies(ctx: RequestContext, args: PageArgs) {
  requireAction(ctx, Action.POLICY_READ);
  return findPolicyPage(ctx.sql, args, ctx.config.MAX_PAGE_SIZE);
}

export async function createPolicy(ctx: RequestContext, input: CreateArchivePolicyInput): Promise<ArchivePolicyRecord> {
  requireAction(ctx, Action.POLICY_WRITE);
  const fields: PolicyFields = {
    name: input.name.trim(),
    description: input.description?.trim() || null,
    action: input.action,
    criteria: normalizeCriteria(input.criteria),
    interactionsOlderThanDays: input.interactionsOlderThanDays ?? null,
    retentionDays: input.retentionDays ?? null,
    schedule: normalizeSchedule(input.schedule),
    enabled: input.enabled,
  };
  if (fields.enabled) requireFourEyes(ctx, FourEyesOperation.ENABLE_ARCHIVE_POLICY);
  return inTransaction(ctx, async (tx) => {
    await assertValid(tx, fields);
    const row = await writePolicy(tx, () =>
      tx.sql.one<ArchivePolicyRecord>(
        `insert into archive_policy as p (name, description, action, criteria, interactions_older_than_days, retention_days,
                                          schedule, enabled, created_by, next_run_at)
         values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9::bigint, $10::timestamptz)
         returning ${POLICY_COLUMNS}`,
        [...fieldValues(fields), tx.actor!.userId, nextRun(fields)],
      ),
    );
    await recordAudit(tx, {
      action: 'ARCHIVE_POLICY_CREATED',
      entityType: 'ArchivePolicy',
      entityId: row.id,
      changes: auditDiff('ArchivePolicy', null, row as never, POLICY_AUDITED_FIELDS),
    });
    return row;
  });
}

export async function updatePolicy(ctx: RequestContext, input: UpdateArchivePolicyInput): Promise<ArchivePolicyRecord> {
  requireAction(ctx, Action.POLICY_WRITE);
  const problems: FieldProblem[] = [];
  for (const field of ['name', 'action', 'criteria', 'enabled'] as const) {
    if (input[field] === null) problems.push({ field, message: 'cannot be null' });
  }
  if (problems.length) throw invalidInput(problems);
  return inTransaction(ctx, async (tx) => {
    const before = await findPolicy(tx.sql, input.id, true);
    if (!before) throw policyNotFound(input.id);
    if (before.version !== input.version) throw policyVersionConflict();
    const fields: PolicyFields = {
      name: input.name !== undefined ? input.name.trim() : before.name,
      description: input.description !== undefined ? input.description?.trim() || null : before.description,
      action: input.action ?? before.action,
      criteria: input.criteria !== undefined ? normalizeCriteria(input.criteria) : before.criteria,
      interactionsOlderThanDays: input.interactionsOlderThanDays !== undefined ? input.interactionsOlderThanDays : before.interactionsOlderThanDays,
      retentionDays: input.retentionDays !== undefined ? input.retentionDays : before.retentionDays,
      schedule: input.schedule !== undefined ? normalizeSchedule(input.schedule) : before.schedule,
      enabled: input.enabled ?? before.enabled,
    };
    if (fields.enabled && !before.enabled) requireFourEyes(tx, FourEyesOperation.ENABLE_ARCHIVE_POLICY);
    // Switching to ARCHIVE_CUSTOMERS drops an interaction age that no longer applies.
    if (fields.action === ArchivePolicyAction.ARCHIVE_CUSTOMERS && input.interactionsOlderThanDays === undefined) {
      fields.interactionsOlderThanDays = null;
    }
    await assertValid(tx, fields);
    const scheduleChanged = fields.schedule !== before.schedule || fields.enabled !== before.enabled;
    const after = await writePolicy(tx, () =>
      tx.sql.one<ArchivePolicyRecord>(
        `update archive_policy p
            set name = $1, description = $2, action = $3, criteria = $4::jsonb, interactions_older_than_days = $5,
                retention_days = $6, schedule = $7, enabled = $8, version = p.version + 1, updated_at = now(),
                next_run_at = case when $11 then $9::timestamptz else p.next_run_at end
          where p.id = $10::bigint
          returning ${POLICY_COLUMNS}`,
        [...fieldValues(fields), nextRun(fields), before.id, scheduleChanged],
      ),
    );
    await recordAudit(tx, {
      action: 'ARCHIVE_POLICY_UPDATED',
      entityType: 'ArchivePolicy',
      entityId: after.id,
      changes: auditDiff('ArchivePolicy', before as never, after as never, POLICY_AUDITED_FIELDS),
    });
    return after;
  });
}

/** Deleting a policy leaves its runs alone: a queued or running run carries its own copy. */
export async function deletePolicy(ctx: RequestContext, input: DeleteArchivePolicyInput): Promise<ArchivePolicyRecord> {
  requireAction(ctx, Action.POLICY_WRITE);
  return inTransaction(ctx, async (tx) => {
    const before = await findPolicy(tx.sql, input.id, true);
    if (!before) throw policyNotFound(input.id);
    if (before.version !== input.version) throw policyVersionConflict();
    await tx.sql.query(`delete from archive_policy where id = $1::bigint`, [before.id]);
    await recordAudit(tx, {
      action: 'ARCHIVE_POLICY_DELETED',
      entityType: 'ArchivePolicy',
      entityId: before.id,
      changes: auditDiff('ArchivePolicy', before as never, null, POLICY_AUDITED_FIELDS),
    });
    return before;
  });
}

export interface PolicyPreview {
  customerCount: number;
  interactionCount: number;
  sample: CustomerRecord[];
}

/** What a run would move now, counted with the run's own SQL conditions; moves nothing. */
export async function previewPolicy(ctx: RequestContext, input: PreviewArchivePolicyInput): Promise<PolicyPreview> {
  requireAction(ctx, Action.POLICY_READ);
  const rule = await withRuleSegment(ctx.sql, await previewRule(ctx, input));
  const asOf = await databaseNow(ctx.sql);
  const counts = await countPolicyMatches(ctx.sql, rule, asOf);
  const sample = await samplePolicyMatches(ctx.sql, rule, asOf, customerRowOwner(ctx));
  return { customerCount: counts.customers, interactionCount: counts.interactions, sample };
}

/** Queues a run now (also for disabled policies: `enabled` governs the schedule only). */
export async function runPolicy(ctx: RequestContext, id: string): Promise<JobRecord> {
  requireAction(ctx, Action.POLICY_RUN);
  return inTransaction(ctx, async (tx) => {
    // The policy's row lock serialises two "run now" clicks: the second sees the first's job.
    const policy = await findPolicy(tx.sql, id, true);
    if (!policy) throw policyNotFound(id);
    const active = await findActiveRun(tx.sql, policy.id);
    if (active) throw policyRunInProgress(active);
    return (await enqueuePolicyRun(tx, policy))!;
  });
}

async function previewRule(ctx: RequestContext, input: PreviewArchivePolicyInput): Promise<PolicyRule> {
  const hasRule = input.criteria != null;
  if ((input.id != null) === hasRule) {
    throw invalidInput([{ field: input.id != null ? 'criteria' : 'id', message: 'give either id (a saved policy) or criteria (an unsaved rule)' }]);
  }
  if (input.id != null) {
    const policy = await findPolicy(ctx.sql, input.id);
    if (!policy) throw policyNotFound(input.id);
    return policy;
  }
  const rule: PolicyRule = {
    action: input.action ?? ArchivePolicyAction.ARCHIVE_CUSTOMERS,
    criteria: normalizeCriteria(input.criteria),
    interactionsOlderThanDays: input.interactionsOlderThanDays ?? null,
  };
  const problems = criteriaProblems(rule);
  if (problems.length) throw invalidInput(problems);
  return rule;
}

/** Cross-field rules, the schedule and owner ids; reports every problem at once. */
async function assertValid(tx: RequestContext, fields: PolicyFields): Promise<void> {
  const problems = criteriaProblems(fields);
  // FOR SHARE: a segment being deleted at the same moment either waits for this policy
  // (and then sees it using the segment) or is gone before this check.
  if (fields.criteria.segmentId !== undefined && !(await findSegment(tx.sql, fields.criteria.segmentId, true))) {
    problems.push({ field: 'criteria.segmentId', message: 'no such segment' });
  }
  if (fields.schedule !== null) {
    const problem = cronProblem(fields.schedule);
    if (problem) problems.push({ field: 'schedule', message: problem });
  }
  if (fields.retentionDays !== null && fields.action === ArchivePolicyAction.ARCHIVE_INTERACTIONS) {
    problems.push({ field: 'retentionDays', message: 'only applies when action is ARCHIVE_CUSTOMERS' });
  }
  const owners = fields.criteria.ownerId ?? [];
  if (owners.length && !problems.some((p) => p.field === 'criteria.ownerId')) {
    const found = await tx.sql.one<{ n: number }>(`select count(*)::int as n from app_user where id = any($1::bigint[])`, [owners]);
    if (found!.n !== owners.length) problems.push({ field: 'criteria.ownerId', message: 'no such user' });
  }
  if (problems.length) throw invalidInput(problems);
}

function normalizeSchedule(schedule: string | null | undefined): string | null {
  const trimmed = schedule?.trim().split(/\s+/).join(' ');
  return trimmed ? trimmed : null;
}

function nextRun(fields: PolicyFields): string | null {
  return fields.enabled && fields.schedule ? nextSlot(fields.schedule, new Date()).toISOString() : null;
}

function fieldValues(f: PolicyFields): unknown[] {
  return [f.name, f.description, f.action, JSON.stringify(f.criteria), f.interactionsOlderThanDays, f.retentionDays, f.schedule, f.enabled];
}

async function writePolicy(tx: RequestContext, write: () => Promise<ArchivePolicyRecord | undefined>): Promise<ArchivePolicyRecord> {
  try {
    return (await write())!;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw policyNameTaken();
    throw error;
  }
}
