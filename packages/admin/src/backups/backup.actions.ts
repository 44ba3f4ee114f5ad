import { JOB, type ActionSpec } from '../data-provider/actions.ts';

export const backupActions = {
  startBackup: { mutation: 'startBackup', fields: { job: JOB }, primary: 'job' },
  startBackupDrill: { mutation: 'startBackupDrill', fields: { job: JOB }, primary: 'job' },
} as const satisfies Record<string, ActionSpec>;
