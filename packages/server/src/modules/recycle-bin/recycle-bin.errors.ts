import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum RecycleBinErrorCode {
  /** The customer already waits in the recycle bin. */
  ALREADY_SCHEDULED = 'PURGE_ALREADY_SCHEDULED',
  /** No scheduled purge with this id (or it is no longer waiting). */
  NOT_SCHEDULED = 'PURGE_NOT_SCHEDULED',
}

export const purgeAlreadyScheduled = (id: string, dueAt: string) =>
  new DomainError(RecycleBinErrorCode.ALREADY_SCHEDULED, `Customer ${idForClient('Customer', id)} is already in the recycle bin, to be purged at ${dueAt}`);

export const purgeNotScheduled = (id: string) =>
  new DomainError(RecycleBinErrorCode.NOT_SCHEDULED, `Scheduled purge ${idForClient('ScheduledPurge', id)} is not waiting in the recycle bin`);
