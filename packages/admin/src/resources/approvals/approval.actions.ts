import type { ActionSpec } from '../../data-provider/actions.ts';

const REQUEST = { select: 'id state' } as const;

export const approvalActions = {
  approveRequest: { mutation: 'approveRequest', fields: { request: REQUEST }, primary: 'request' },
  rejectRequest: { mutation: 'rejectRequest', fields: { request: REQUEST }, primary: 'request' },
  cancelApprovalRequest: { mutation: 'cancelApprovalRequest', fields: { request: REQUEST }, primary: 'request' },
  cancelScheduledPurge: { mutation: 'cancelScheduledPurge', fields: { scheduledPurge: { select: 'id state' } }, primary: 'scheduledPurge' },
} as const satisfies Record<string, ActionSpec>;
