import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum JobErrorCode {
  NOT_FOUND = 'JOB_NOT_FOUND',
  FINISHED = 'JOB_FINISHED',
  ALREADY_ACTIVE = 'JOB_ALREADY_ACTIVE',
}

export const jobNotFound = (id: string) =>
  new DomainError(JobErrorCode.NOT_FOUND, `Job ${idForClient('Job', id)} was not found`, [{ field: 'id', message: 'no such job' }]);

export const jobFinished = (state: string) =>
  new DomainError(JobErrorCode.FINISHED, `The job has already finished (${state}); there is nothing to cancel`);

export const jobAlreadyActive = (kind: string, id: string) =>
  new DomainError(JobErrorCode.ALREADY_ACTIVE, `A ${kind} job is already queued or running (job ${idForClient('Job', id)})`);
