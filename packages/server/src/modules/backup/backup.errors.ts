import { DomainError } from '../../common/domain-error.js';
import { EncryptionErrorCode } from '../../crypto/sealed.js';
import { idForClient } from '../../common/client-id.js';

export enum BackupErrorCode {
  NOT_FOUND = 'BACKUP_NOT_FOUND',
  CORRUPT = 'BACKUP_CORRUPT',
  NEWER_VERSION = 'BACKUP_NEWER_VERSION',
  TARGET_NOT_EMPTY = 'BACKUP_TARGET_NOT_EMPTY',
}

export const backupNotFound = (id: string) =>
  new DomainError(BackupErrorCode.NOT_FOUND, `Backup ${idForClient('Backup', id)} was not found`, [{ field: 'id', message: 'no such backup' }]);

export const backupCorrupt = (why: string) => new DomainError(BackupErrorCode.CORRUPT, `The backup is refused: ${why}`);

export const backupNewerVersion = (migrations: string[]) =>
  new DomainError(
    BackupErrorCode.NEWER_VERSION,
    `The backup comes from a newer Custos (unknown migrations: ${migrations.join(', ')}); restore it with that version or later`,
  );

export const backupTargetNotEmpty = (table: string) =>
  new DomainError(BackupErrorCode.TARGET_NOT_EMPTY, `The target database is not empty (${table} has rows); restore only into an empty database`);

export const backupNewerFormat = (version: unknown) =>
  new DomainError(BackupErrorCode.NEWER_VERSION, `The backup has file format ${String(version)}, newer than this Custos reads; restore it with a newer version`);

/**
 * The target's key ring cannot decrypt the backup's encrypted values. Reported as
 * ENCRYPTION_KEY_UNKNOWN (the encryption code for a missing key) rather than a new backup
 * code: the remedy is the same, set ENCRYPTION_KEY.
 */
export const backupKeysMissing = (missing: string[], mismatched: string[], hint = '') => {
  const ids = (list: string[]) => list.map((id) => `"${id}"`).join(', ');
  const parts: string[] = [];
  if (missing.length) parts.push(`no key with id ${ids(missing)} in ENCRYPTION_KEY`);
  if (mismatched.length) parts.push(`ENCRYPTION_KEY has a key with id ${ids(mismatched)}, but not the one the backup's values were encrypted with`);
  return new DomainError(
    EncryptionErrorCode.UNKNOWN_KEY,
    `The backup is refused, nothing was written: it holds encrypted values the target cannot decrypt (${parts.join('; ')})${hint}. ` +
      `Set ENCRYPTION_KEY to the key ring of the database the backup was taken from (it must contain ${ids([...missing, ...mismatched])}) and restore again`,
  );
};
