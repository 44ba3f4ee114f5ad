import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum SubjectRequestErrorCode {
  /** No request with this id. */
  NOT_FOUND = 'SUBJECT_REQUEST_NOT_FOUND',
  /** The request is fulfilled or rejected: nothing more is done under it. */
  CLOSED = 'SUBJECT_REQUEST_CLOSED',
  /** This action does not answer this kind of request (an erasure under an access request). */
  WRONG_KIND = 'SUBJECT_REQUEST_WRONG_KIND',
  /** The customer is not one the request's identifiers match. */
  NOT_MATCHED = 'SUBJECT_NOT_MATCHED',
  /** The typed count does not match the number of customers named. */
  CONFIRMATION_MISMATCH = 'SUBJECT_CONFIRMATION_MISMATCH',
  /** No export has been built (or it expired or the request was closed). */
  EXPORT_NOT_READY = 'SUBJECT_EXPORT_NOT_READY',
  /** An export of this request is already being built. */
  EXPORT_RUNNING = 'SUBJECT_EXPORT_RUNNING',
  /** The download link is unknown, used or expired. */
  LINK_INVALID = 'SUBJECT_EXPORT_LINK_INVALID',
}

export const subjectRequestNotFound = (id: string) =>
  new DomainError(SubjectRequestErrorCode.NOT_FOUND, `Subject request ${idForClient('SubjectRequest', id)} does not exist`);

export const subjectRequestClosed = (id: string) =>
  new DomainError(SubjectRequestErrorCode.CLOSED, `Subject request ${idForClient('SubjectRequest', id)} is closed; nothing more can be done under it`);

export const wrongKind = (id: string, kind: string) =>
  new DomainError(SubjectRequestErrorCode.WRONG_KIND, `Subject request ${idForClient('SubjectRequest', id)} is a request of kind ${kind}; this action answers another kind`);

export const notMatched = (ids: string[]) =>
  new DomainError(
    SubjectRequestErrorCode.NOT_MATCHED,
    `These customers are not among the request's matches: ${ids.map((id) => idForClient('Customer', id)).join(', ')}`,
    [{ field: 'customerIds', message: 'not a match of this request' }],
  );

export const subjectConfirmationMismatch = () =>
  new DomainError(SubjectRequestErrorCode.CONFIRMATION_MISMATCH, 'The confirmation does not match the number of customers named', [
    { field: 'confirmCount', message: 'does not match' },
  ]);

export const exportNotReady = (id: string) =>
  new DomainError(SubjectRequestErrorCode.EXPORT_NOT_READY, `Subject request ${idForClient('SubjectRequest', id)} has no finished access export to download`);

export const exportRunning = (id: string, jobId: string) =>
  new DomainError(SubjectRequestErrorCode.EXPORT_RUNNING, `An access export of subject request ${idForClient('SubjectRequest', id)} is already running (job ${idForClient('Job', jobId)})`);

export const subjectLinkInvalid = () =>
  new DomainError(SubjectRequestErrorCode.LINK_INVALID, 'This download link is unknown, used or expired; ask for a new one');
