/** The Backups screen's reads: registered operations with their generated types. */
import type { BackupSettingsQuery, BackupsQuery } from '@custos/schema';
import { useOperationQuery } from '../shared/use-operation.ts';

export type BackupRow = BackupsQuery['backups'][number];
export type BackupSettings = BackupSettingsQuery['backupSettings'];

export function useBackups(enabled: boolean) {
  return useOperationQuery('Backups', {}, { enabled, select: (r) => r.backups });
}

export function useBackupSettings() {
  return useOperationQuery('BackupSettings', {}, { select: (r) => r.backupSettings });
}
