import { inTransaction, type RequestContext } from '../../core/context.js';
import { invalidInput } from '../../common/domain-error.js';
import { requireAction } from '../../policy/guard.js';
import { FOUR_EYES_ACTION, FourEyesOperation, needsApproval } from '../../policy/four-eyes.js';
import { actionScope, Action, RowScope } from '../../policy/policy.js';
import type { Actor } from '../../policy/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { JobKind } from '../job/job.enums.js';
import { enqueueJob } from '../job/job.queue.js';
import { approvalExpired, approvalNotFound, approvalNotRequired, notPending, notRequester, ownRequest } from './approval.errors.js';
import { OPERATIONS } from './approval.operations.js';
import { APPROVAL_COLUMNS, APPROVAL_STATE_SQL, type ApprovalRequestRecord } from './approval.record.js';
import type { ApprovalState, DecideApprovalInput, RequestApprovalInput } from './approval.type.js';

/**
 * Four-eyes requests (issue 21 part 2). A person holding an operation's action asks; the
 * dry run is made and kept with the request. Another person holding the same action and
 * APPROVAL_DECIDE approves or rejects before `expiresAt`, never the requester (refused
 * here and by a check constraint). Approval is one conditional UPDATE (PENDING and not
 * expired → APPROVED) that queues the APPROVED_OPERATION job in the same transaction, so
 * two approvals racing in two servers queue one job; the job claims the request again
 * (APPROVED → EXECUTED) in the transaction that runs the operation, so it runs once.
 */

function mayRun(actor: Actor, operation: FourEyesOperation): boolean {
  return actionScope(actor.role, FOUR_EYES_ACTION[operation]) !== RowScope.NONE;
}

async function find(tx: RequestContext, id: string, lock = false): Promise<ApprovalRequestRecord> {
  if (!/^\d{1,18}$/.test(id)) throw approvalNotFound(id);
  const row = await tx.sql.one<ApprovalRequestRecord>(
    `select ${APPROVAL_COLUMNS} from approval_request r where r.id = $1::bigint ${lock ? 'for update' : ''}`,
    [id],
  );
  if (!row) throw approvalNotFound(id);
  return row;
}

async function audit(tx: RequestContext, action: string, row: ApprovalRequestRecord, reason: string | null, changes: Record<string, unknown>) {
  await recordAudit(tx, { action, entityType: 'ApprovalRequest', entityId: row.id, reason, changes: { operation: { to: row.operation }, ...changes } });
}

/** requestApproval: records the request with its dry run. */
export async function requestApproval(ctx: RequestContext, input: RequestApprovalInput): Promise<{ request: ApprovalRequestRecord }> {
  const operation = input.operation;
  const { actor } = requireAction(ctx, FOUR_EYES_ACTION[operation]);
  const spec = OPERATIONS[operation];
  const params = spec.params({
    customerIds: input.customerIds ?? undefined,
    confirm: input.confirm ?? undefined,
    policyId: input.policyId ?? undefined,
    retainUntil: input.retainUntil ?? undefined,
  });
  if (!needsApproval(ctx.config, operation, params.customerIds?.length ?? 1)) throw approvalNotRequired(operation);
  const reason = input.reason.trim();
  return inTransaction(ctx, async (tx) => {
    const preview = await spec.preview(tx, params);
    const row = await tx.sql.one<ApprovalRequestRecord>(
      `insert into approval_request as r (operation, params, preview, reason, requested_by, expires_at)
       values ($1, $2::jsonb, $3::jsonb, $4, $5::bigint, now() + make_interval(hours => $6::int))
       returning ${APPROVAL_COLUMNS}`,
      [operation, JSON.stringify(params), JSON.stringify(preview), reason, actor.userId, tx.config.APPROVAL_EXPIRY_HOURS],
    );
    await audit(tx, 'APPROVAL_REQUESTED', row!, reason, {
      state: { to: 'PENDING' },
      customerIds: { to: params.customerIds ?? null },
      preview: { to: preview },
      expiresAt: { to: row!.expiresAt },
    });
    return { request: row! };
  });
}

/** Checks shared by approve and reject: a second person who may run the operation, in time. */
function checkDecider(actor: Actor, row: ApprovalRequestRecord): void {
  requireAction({ actor }, FOUR_EYES_ACTION[row.operation as FourEyesOperation]);
  if (row.requestedBy === actor.userId) throw ownRequest(row.id);
  if (row.state === 'EXPIRED') throw approvalExpired(row.id);
  if (row.state !== 'PENDING') throw notPending(row.id, row.state);
}

/** approveRequest: PENDING → APPROVED and the job that runs it, or nothing. */
export async function approveRequest(ctx: RequestContext, input: DecideApprovalInput): Promise<{ request: ApprovalRequestRecord }> {
  const { actor } = requireAction(ctx, Action.APPROVAL_DECIDE);
  const note = input.note?.trim() || null;
  return inTransaction(ctx, async (tx) => {
    checkDecider(actor, await find(tx, input.id));
    // The claim: whichever approval commits first wins; the other finds no PENDING row.
    const claimed = await tx.sql.one<{ id: string }>(
      `update approval_request r set state = 'APPROVED', decided_by = $2::bigint, decided_at = now(), decision_note = $3
        where r.id = $1::bigint and r.state = 'PENDING' and r.expires_at > now() and r.requested_by <> $2::bigint
        returning r.id::text`,
      [input.id, actor.userId, note],
    );
    if (!claimed) {
      const now = await find(tx, input.id);
      throw now.state === 'EXPIRED' ? approvalExpired(now.id) : notPending(now.id, now.state);
    }
    const before = await find(tx, input.id);
    const job = await enqueueJob(tx, JobKind.APPROVED_OPERATION, { requestId: before.id, operation: before.operation, requestedBy: before.requestedBy }, {
      reason: `four-eyes request ${before.id} approved`,
    });
    await tx.sql.query(`update approval_request set job_id = $2::bigint where id = $1::bigint`, [before.id, job.id]);
    const row = await find(tx, input.id);
    await audit(tx, 'APPROVAL_APPROVED', row, note, { state: { from: 'PENDING', to: 'APPROVED' }, requestedBy: { to: row.requestedBy }, jobId: { to: job.id } });
    return { request: row };
  });
}

/** rejectRequest: PENDING → REJECTED; it never runs. */
export async function rejectRequest(ctx: RequestContext, input: DecideApprovalInput): Promise<{ request: ApprovalRequestRecord }> {
  const { actor } = requireAction(ctx, Action.APPROVAL_DECIDE);
  const note = input.note?.trim() || null;
  return inTransaction(ctx, async (tx) => {
    checkDecider(actor, await find(tx, input.id, true));
    await tx.sql.query(
      `update approval_request set state = 'REJECTED', decided_by = $2::bigint, decided_at = now(), decision_note = $3 where id = $1::bigint`,
      [input.id, actor.userId, note],
    );
    const row = await find(tx, input.id);
    await audit(tx, 'APPROVAL_REJECTED', row, note, { state: { from: 'PENDING', to: 'REJECTED' }, requestedBy: { to: row.requestedBy } });
    return { request: row };
  });
}

/** cancelApprovalRequest: the requester withdraws a request nobody decided yet. */
export async function cancelApprovalRequest(ctx: RequestContext, input: DecideApprovalInput): Promise<{ request: ApprovalRequestRecord }> {
  const { actor } = requireAction(ctx, Action.APPROVAL_READ);
  const note = input.note?.trim() || null;
  return inTransaction(ctx, async (tx) => {
    const before = await find(tx, input.id, true);
    if (before.requestedBy !== actor.userId) throw notRequester(before.id);
    if (before.state !== 'PENDING' && before.state !== 'EXPIRED') throw notPending(before.id, before.state);
    await tx.sql.query(`update approval_request set state = 'CANCELLED', decision_note = $2 where id = $1::bigint`, [input.id, note]);
    const row = await find(tx, input.id);
    await audit(tx, 'APPROVAL_CANCELLED', row, note, { state: { from: before.state, to: 'CANCELLED' } });
    return { request: row };
  });
}

const MAX_PAGE = 200;

/** approvalRequests: newest first, one state or all, with the count of each state. */
export async function listApprovalRequests(ctx: RequestContext, state: ApprovalState | null | undefined, first: number) {
  const { actor } = requireAction(ctx, Action.APPROVAL_READ);
  if (first < 1 || first > MAX_PAGE) throw invalidInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
  const nodes = await ctx.sql.query<ApprovalRequestRecord>(
    `select ${APPROVAL_COLUMNS} from approval_request r
      where $1::text is null or ${APPROVAL_STATE_SQL} = $1
      order by r.id desc limit $2`,
    [state ?? null, first],
  );
  const mine = Object.values(FourEyesOperation).filter((op) => mayRun(actor, op));
  const counts = await ctx.sql.one<Record<string, number>>(
    `select count(*) filter (where s = 'PENDING')::int as pending, count(*) filter (where s = 'APPROVED')::int as approved,
            count(*) filter (where s = 'EXECUTED')::int as executed, count(*) filter (where s = 'REJECTED')::int as rejected,
            count(*) filter (where s = 'CANCELLED')::int as cancelled, count(*) filter (where s = 'EXPIRED')::int as expired,
            count(*) filter (where s = 'FAILED')::int as failed,
            count(*) filter (where s = 'PENDING' and requested_by <> $1::bigint and operation = any($2::text[]))::int as "awaitingYou"
       from (select ${APPROVAL_STATE_SQL} as s, r.requested_by, r.operation from approval_request r) x`,
    [actor.userId, actionScope(actor.role, Action.APPROVAL_DECIDE) === RowScope.NONE ? [] : mine],
  );
  return {
    nodes,
    pendingCount: counts!.pending!,
    awaitingYouCount: counts!.awaitingYou!,
    approvedCount: counts!.approved!,
    executedCount: counts!.executed!,
    rejectedCount: counts!.rejected!,
    cancelledCount: counts!.cancelled!,
    expiredCount: counts!.expired!,
    failedCount: counts!.failed!,
  };
}

/** Whether the reader may approve or reject this request now (the dashboard offers the buttons only then). */
export function mayDecide(ctx: RequestContext, row: ApprovalRequestRecord): boolean {
  const actor = ctx.actor;
  if (!actor || row.state !== 'PENDING' || row.requestedBy === actor.userId) return false;
  return actionScope(actor.role, Action.APPROVAL_DECIDE) !== RowScope.NONE && mayRun(actor, row.operation as FourEyesOperation);
}

/** Whether the reader may withdraw it (their own, undecided). */
export function mayCancel(ctx: RequestContext, row: ApprovalRequestRecord): boolean {
  return ctx.actor?.userId === row.requestedBy && (row.state === 'PENDING' || row.state === 'EXPIRED');
}
