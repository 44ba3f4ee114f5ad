/** The approvals inbox's and the recycle bin's reads: registered operations with their generated types. */
import type { ApprovalRequestsQuery, ApprovalState, ScheduledPurgeState, ScheduledPurgesQuery } from '@custos/schema';
import { useOperationQuery } from '../../shared/use-operation.ts';

export type ApprovalList = ApprovalRequestsQuery['approvalRequests'];
export type ApprovalRow = ApprovalList['nodes'][number];
export type BinList = ScheduledPurgesQuery['scheduledPurges'];
export type BinRow = BinList['nodes'][number];

export function useApprovalRequests(state: ApprovalState | null) {
  return useOperationQuery('ApprovalRequests', { state }, { select: (r) => r.approvalRequests });
}

export function useScheduledPurges(state: ScheduledPurgeState) {
  return useOperationQuery('ScheduledPurges', { state }, { select: (r) => r.scheduledPurges });
}
