import { DomainError } from '../../common/domain-error.js';

export enum BackupErrorCode {
  NOT_FOUND = 'BACKUP_NOT_FOUND',
  CORRUPT = 'BACKUP_CORRUPT',
  NEWER_VERSION = 'BACKUP_NEWER_VERSION',
  TARGET_NOT_EMPTY = 'BACKUP_TARGET_NOT_EMPTY',
}

export const backupNotFound = (id: string) =>
  new DomainError(BackupErrorCode.NOT_FOUND, `Backup ${id} was not found`, [{ field: 'id', message: 'no such backup' }]);

export const backupCorrupt = (why: string) => new DomainError(BackupErrorCode.CORRUPT, `The backup is refused: ${why}`);

export const backupNewerVersion = (migrations: string[]) =>
  new DomainError(
    BackupErrorCode.NEWER_VERSION,
    `The backup comes from a newer Custos (unknown migrations: ${migrations.join(', ')}); restore it with that version or later`,
  );

export const backupTargetNotEmpty = (table: string) =>
  new DomainError(BackupErrorCode.TARGET_NOT_EMPTY, `The target database is not empty (${table} has rows); restore only into an empty database`);
