import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum ApprovalErrorCode {
  NOT_FOUND = 'APPROVAL_NOT_FOUND',
  /** The requester tried to approve or reject their own request: it takes a second person. */
  OWN_REQUEST = 'APPROVAL_OWN_REQUEST',
  /** The request is no longer waiting for a decision (decided, cancelled or run). */
  NOT_PENDING = 'APPROVAL_NOT_PENDING',
  /** The request waited past its expiry: it can no longer be approved or run. */
  EXPIRED = 'APPROVAL_EXPIRED',
  /** Only the requester cancels a request. */
  NOT_REQUESTER = 'APPROVAL_NOT_REQUESTER',
  /** The operation does not need a second person here: run it directly. */
  NOT_REQUIRED = 'APPROVAL_NOT_REQUIRED',
}

export const approvalNotFound = (id: string) => new DomainError(ApprovalErrorCode.NOT_FOUND, `Approval request ${idForClient('ApprovalRequest', id)} was not found`);

export const ownRequest = (id: string) =>
  new DomainError(ApprovalErrorCode.OWN_REQUEST, `Approval request ${idForClient('ApprovalRequest', id)} is your own: another person must approve or reject it`);

export const notPending = (id: string, state: string) =>
  new DomainError(ApprovalErrorCode.NOT_PENDING, `Approval request ${idForClient('ApprovalRequest', id)} is ${state}, not waiting for a decision`);

export const approvalExpired = (id: string) =>
  new DomainError(ApprovalErrorCode.EXPIRED, `Approval request ${idForClient('ApprovalRequest', id)} has expired and can no longer be approved or run`);

export const notRequester = (id: string) =>
  new DomainError(ApprovalErrorCode.NOT_REQUESTER, `Only the person who asked can cancel approval request ${idForClient('ApprovalRequest', id)}`);

export const approvalNotRequired = (operation: string) =>
  new DomainError(ApprovalErrorCode.NOT_REQUIRED, `${operation} does not need a second person here; run it directly`, [
    { field: 'operation', message: 'not required' },
  ]);
