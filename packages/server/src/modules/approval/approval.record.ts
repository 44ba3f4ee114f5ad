/** One four-eyes request (`approval_request`), its state as of now (EXPIRED derived). */
export interface ApprovalRequestRecord {
  id: string;
  operation: string;
  params: ApprovalParams;
  preview: ApprovalPreviewRecord;
  reason: string;
  state: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  jobId: string | null;
  executedAt: string | null;
  outcome: Record<string, unknown> | null;
}

/** What the operation runs with, stored as asked (ids, the typed code, the policy). */
export interface ApprovalParams {
  customerIds?: string[];
  confirm?: string;
  policyId?: string;
  retainUntil?: string | null;
}

/** The dry run made when the request was recorded. */
export interface ApprovalPreviewRecord {
  customers: number;
  interactions: number;
  held: number;
}

/** A pending request past its expiry reads as EXPIRED; the stored state stays PENDING. */
export const APPROVAL_STATE_SQL = `case when r.state = 'PENDING' and r.expires_at <= now() then 'EXPIRED' else r.state end`;

export const APPROVAL_COLUMNS = `r.id::text, r.operation, r.params, r.preview, r.reason, ${APPROVAL_STATE_SQL} as state,
  r.requested_by::text as "requestedBy", r.requested_at as "requestedAt", r.expires_at as "expiresAt",
  r.decided_by::text as "decidedBy", r.decided_at as "decidedAt", r.decision_note as "decisionNote",
  r.job_id::text as "jobId", r.executed_at as "executedAt", r.outcome`;
