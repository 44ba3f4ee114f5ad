import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum ArchivePolicyErrorCode {
  NOT_FOUND = 'ARCHIVE_POLICY_NOT_FOUND',
  VERSION_CONFLICT = 'ARCHIVE_POLICY_VERSION_CONFLICT',
  NAME_TAKEN = 'ARCHIVE_POLICY_NAME_TAKEN',
  RUN_IN_PROGRESS = 'ARCHIVE_POLICY_RUN_IN_PROGRESS',
}

export const policyNotFound = (id: string) =>
  new DomainError(ArchivePolicyErrorCode.NOT_FOUND, `Archive policy ${idForClient('ArchivePolicy', id)} was not found`, [{ field: 'id', message: 'no such policy' }]);

export const policyVersionConflict = () =>
  new DomainError(
    ArchivePolicyErrorCode.VERSION_CONFLICT,
    'Someone else changed this policy since you read it; reload and apply your change again',
    [{ field: 'version', message: 'stale version' }],
  );

export const policyNameTaken = () =>
  new DomainError(ArchivePolicyErrorCode.NAME_TAKEN, 'Another archive policy already uses this name', [
    { field: 'name', message: 'already in use' },
  ]);

export const policyRunInProgress = (jobId: string) =>
  new DomainError(ArchivePolicyErrorCode.RUN_IN_PROGRESS, `A run of this policy is already queued or running (job ${idForClient('Job', jobId)})`);
