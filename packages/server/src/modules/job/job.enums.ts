import { registerEnumType } from 'type-graphql';

export enum JobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

/** What a job does; each kind has one handler (modules/job/job.handlers.ts). */
export enum JobKind {
  ARCHIVE_POLICY_RUN = 'ARCHIVE_POLICY_RUN',
  ARCHIVE_INTERACTIONS = 'ARCHIVE_INTERACTIONS',
  CLASSIFY_LIFECYCLE = 'CLASSIFY_LIFECYCLE',
  RETENTION_SWEEP = 'RETENTION_SWEEP',
  BACKUP = 'BACKUP',
  BACKUP_DRILL = 'BACKUP_DRILL',
  REINDEX_SEARCH = 'REINDEX_SEARCH',
  NORMALIZE_CUSTOMERS = 'NORMALIZE_CUSTOMERS',
  DETECT_DUPLICATES = 'DETECT_DUPLICATES',
  COUNT_DATA_QUALITY = 'COUNT_DATA_QUALITY',
  ROTATE_ENCRYPTION_KEYS = 'ROTATE_ENCRYPTION_KEYS',
  RESOLVE_DATA_QUALITY = 'RESOLVE_DATA_QUALITY',
  IMPORT_CUSTOMERS = 'IMPORT_CUSTOMERS',
  UNDO_CUSTOMER_IMPORT = 'UNDO_CUSTOMER_IMPORT',
  APPROVED_OPERATION = 'APPROVED_OPERATION',
  SUBJECT_ACCESS_EXPORT = 'SUBJECT_ACCESS_EXPORT',
}

/**
 * Why the server itself queued a job, when no person typed a reason: a code the client
 * puts in its own words (`Job.reasonCode`). `params.reason` keeps the English text.
 */
export enum JobReasonCode {
  RETENTION_PERIOD_ENDED = 'RETENTION_PERIOD_ENDED',
  SCHEDULED_RETENTION = 'SCHEDULED_RETENTION',
  SCHEDULED_RECYCLE_BIN = 'SCHEDULED_RECYCLE_BIN',
  ARCHIVE_POLICY = 'ARCHIVE_POLICY',
}

export const FINISHED_STATES: readonly JobState[] = [JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED];

registerEnumType(JobState, {
  name: 'JobState',
  description: 'Where a background job is in its life.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker (also after a worker was lost: it resumes from its checkpoint).' },
    RUNNING: { description: 'A worker is processing it, batch by batch.' },
    SUCCEEDED: { description: 'Finished; `result` says what it did.' },
    FAILED: { description: 'Stopped by an error; `error` says why. Completed batches stay done.' },
    CANCELLED: { description: 'Stopped on request between two batches; completed batches stay done.' },
  },
});

registerEnumType(JobReasonCode, {
  name: 'JobReasonCode',
  description: 'Why the server queued a job when no person typed a reason; translate it, and show `params.reason` when it is null.',
  valuesConfig: {
    RETENTION_PERIOD_ENDED: { description: 'A retention sweep started by a person without a reason: archived customers whose retention period has ended.' },
    SCHEDULED_RETENTION: { description: 'The retention sweep of RETENTION_SCHEDULE.' },
    SCHEDULED_RECYCLE_BIN: { description: 'The recycle bin\u2019s sweep of RECYCLE_BIN_SCHEDULE: a purge\u2019s countdown ended.' },
    ARCHIVE_POLICY: { description: 'A run of the archive policy named by `params.policyName` (on its schedule or started by a person).' },
  },
});

registerEnumType(JobKind, {
  name: 'JobKind',
  description: 'What a background job does.',
  valuesConfig: {
    ARCHIVE_POLICY_RUN: { description: 'Runs an archive policy: moves the customers (or interactions) it selects to the archive.' },
    ARCHIVE_INTERACTIONS: { description: 'Archives all interactions older than a date, for every customer.' },
    CLASSIFY_LIFECYCLE: { description: 'Recomputes customers\u2019 lifecycle stages from their activity.' },
    RETENTION_SWEEP: { description: 'Carries out the recycle bin\u2019s purges that are due, then purges archived customers whose retention period has ended; never one under legal hold.' },
    BACKUP: { description: 'Writes a logical backup of every table from one consistent snapshot.' },
    BACKUP_DRILL: { description: 'Restores a backup into a scratch database and checks it against its manifest.' },
    REINDEX_SEARCH: { description: 'Rebuilds the archive search index from the archive tables.' },
    NORMALIZE_CUSTOMERS: { description: 'Rewrites customer values into their canonical forms (phones to E.164, emails, names, codes).' },
    DETECT_DUPLICATES: { description: 'Finds groups of customers that are probably the same, for review and merge.' },
    COUNT_DATA_QUALITY: { description: 'Counts open data-quality issues for the reports (cleanupStats), changing no customer.' },
    RESOLVE_DATA_QUALITY: { description: 'Applies the suggested fixes of (or dismisses) every open data-quality issue a filter selects, as the person who queued it.' },
    ROTATE_ENCRYPTION_KEYS: { description: 'Re-encrypts sensitive values (and legacy plaintext) under the current encryption key, with fresh blind indexes.' },
    IMPORT_CUSTOMERS: { description: 'Checks (dry run) or imports the rows of an uploaded customer file, through the duplicate rules.' },
    APPROVED_OPERATION: { description: 'Runs an approved four-eyes request\u2019s operation once, as the approver, naming the requester.' },
    UNDO_CUSTOMER_IMPORT: { description: 'Undoes a customer import: removes the customers it created and restores those it updated.' },
    SUBJECT_ACCESS_EXPORT: { description: 'Gathers everything held about the subject of a data-subject request into a sealed bundle to download.' },
  },
});
