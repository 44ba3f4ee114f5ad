import { inTransaction } from '../../core/context.js';
import { DomainError } from '../../common/domain-error.js';
import type { FourEyesOperation } from '../../policy/four-eyes.js';
import { recordAudit } from '../audit/audit.service.js';
import { JobKind } from '../job/job.enums.js';
import { JobError, type JobHandler } from '../job/job.handler.js';
import { OPERATIONS } from './approval.operations.js';
import type { ApprovalParams } from './approval.record.js';

export interface ApprovedOperationParams extends Record<string, unknown> {
  requestId: string;
  operation: string;
  requestedBy: string;
}

/**
 * Runs an approved request's operation, as the approver (the job's creator) with the
 * request named on the context. One step: the request is claimed (APPROVED → EXECUTED)
 * in the same transaction as the operation, so a second run of this job, or another job
 * for the same request, finds nothing to claim. A refusal of the operation itself (the
 * customer changed meanwhile) rolls back to a savepoint and leaves the request FAILED with
 * the reason, instead of retrying what cannot succeed.
 */
export const approvedOperationHandler: JobHandler<ApprovedOperationParams, { done: boolean }> = {
  kind: JobKind.APPROVED_OPERATION,

  async begin() {
    return { total: 1, checkpoint: { done: false } };
  },

  async step(tx, job) {
    const claimed = await tx.sql.one<{ operation: FourEyesOperation; params: ApprovalParams; reason: string; requestedBy: string; decidedBy: string }>(
      `update approval_request r set state = 'EXECUTED', executed_at = now()
        where r.id = $1::bigint and r.state = 'APPROVED'
        returning r.operation, r.params, r.reason, r.requested_by::text as "requestedBy", r.decided_by::text as "decidedBy"`,
      [job.params.requestId],
    );
    if (!claimed) throw new JobError(`approval request ${job.params.requestId} is not approved and waiting to run`);
    if (claimed.decidedBy !== tx.actor?.userId) throw new JobError(`approval request ${job.params.requestId} runs only as the person who approved it`);
    const ctx = { ...tx, approval: { requestId: job.params.requestId, operation: claimed.operation, requestedBy: claimed.requestedBy } };
    const reason = `${claimed.reason} (four-eyes request ${job.params.requestId})`;
    let outcome: Record<string, unknown>;
    let state = 'EXECUTED';
    try {
      outcome = await inTransaction(ctx, (inner) => OPERATIONS[claimed.operation].run(inner, claimed.params, reason));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      state = 'FAILED';
      outcome = { error: error.reason, message: error.message };
    }
    await tx.sql.query(`update approval_request set state = $2, outcome = $3::jsonb where id = $1::bigint`, [
      job.params.requestId,
      state,
      JSON.stringify(outcome),
    ]);
    await recordAudit(tx, {
      action: state === 'EXECUTED' ? 'APPROVAL_EXECUTED' : 'APPROVAL_FAILED',
      entityType: 'ApprovalRequest',
      entityId: job.params.requestId,
      reason,
      changes: {
        operation: { to: claimed.operation },
        state: { from: 'APPROVED', to: state },
        requestedBy: { to: claimed.requestedBy },
        approvedBy: { to: claimed.decidedBy },
        outcome: { to: outcome },
      },
    });
    return { checkpoint: { done: true }, done: 1, finished: true };
  },

  result(job) {
    return { requestId: job.params.requestId, operation: job.params.operation };
  },
};
