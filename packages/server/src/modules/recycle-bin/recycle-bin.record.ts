/** One row of the recycle bin (`purge_schedule`). */
export interface ScheduledPurgeRecord {
  id: string;
  customerId: string;
  code: string;
  reason: string;
  state: 'SCHEDULED' | 'CANCELLED' | 'PURGED';
  scheduledBy: string | null;
  scheduledAt: string;
  dueAt: string;
  urgent: boolean;
  approvalRequestId: string | null;
  cancelledBy: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  purgedAt: string | null;
  /** The stored export (encrypted values still sealed); guarded before it leaves. */
  export: Record<string, unknown> | null;
}

export const SCHEDULE_COLUMNS = `s.id::text, s.customer_id::text as "customerId", s.code, s.reason, s.state,
  s.scheduled_by::text as "scheduledBy", s.scheduled_at as "scheduledAt", s.due_at as "dueAt", s.urgent,
  s.approval_request_id::text as "approvalRequestId", s.cancelled_by::text as "cancelledBy", s.cancelled_at as "cancelledAt",
  s.cancel_reason as "cancelReason", s.purged_at as "purgedAt", s.export`;
