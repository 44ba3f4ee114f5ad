import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum ArchiveErrorCode {
  NOT_FOUND = 'ARCHIVED_CUSTOMER_NOT_FOUND',
  INTEGRITY = 'ARCHIVE_INTEGRITY_FAILED',
  LEGAL_HOLD = 'LEGAL_HOLD',
  CONFIRMATION_MISMATCH = 'CONFIRMATION_MISMATCH',
  TOO_MANY_IDS = 'TOO_MANY_IDS',
}

export const archivedCustomerNotFound = (id: string) =>
  new DomainError(ArchiveErrorCode.NOT_FOUND, `Archived customer ${idForClient('ArchivedCustomer', id)} was not found`);

export const archiveIntegrityFailed = (id: string) =>
  new DomainError(
    ArchiveErrorCode.INTEGRITY,
    `Archived customer ${idForClient('ArchivedCustomer', id)} no longer matches its checksum; it was not restored. Run archive:verify and investigate`,
  );

export const legalHold = (id: string) =>
  new DomainError(ArchiveErrorCode.LEGAL_HOLD, `Customer ${idForClient('Customer', id)} is under legal hold and cannot be purged`);

export const confirmationMismatch = () =>
  new DomainError(ArchiveErrorCode.CONFIRMATION_MISMATCH, 'The confirmation does not match the customer code', [
    { field: 'confirm', message: "must equal the customer's code" },
  ]);

export const tooManyIds = (max: number) =>
  new DomainError(ArchiveErrorCode.TOO_MANY_IDS, `At most ${max} ids per call; use an archive policy for more`, [
    { field: 'ids', message: `at most ${max}` },
  ]);
