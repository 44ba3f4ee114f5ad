import { MigrationFoundation } from './migration-2026112201-foundation.js';
import { MigrationIdentityAudit } from './migration-2026112202-identity-audit.js';
import { MigrationLifecycle } from './migration-2026112501-lifecycle.js';
import { MigrationJobsPolicies } from './migration-2026112502-jobs-policies.js';
import { MigrationSearch } from './migration-2026120101-search.js';
import { MigrationCleanup } from './migration-2026120102-cleanup.js';
import { MigrationReports } from './migration-2026120103-reports.js';
import { MigrationExports } from './migration-2026120104-exports.js';
import { MigrationQualityRollup } from './migration-2026120106-quality-rollup.js';
import { MigrationEncryption } from './migration-2026120107-encryption.js';
import { MigrationCustomerCodeKey } from './migration-2026120401-customer-code-key.js';
import { MigrationSessions } from './migration-2026120402-sessions.js';
import { MigrationReportingViews } from './migration-2026120601-reporting-views.js';
import { MigrationChangeNotifications } from './migration-2026120602-change-notifications.js';
import { MigrationIntake } from './migration-2026120701-intake.js';
import { MigrationUndo } from './migration-2026120701-undo.js';
import { MigrationCustomerImport } from './migration-2026120702-customer-import.js';
import { MigrationExportOptions } from './migration-2026120702-export-options.js';
import { MigrationCustomerHistory } from './migration-2026120710-customer-history.js';
import { MigrationJobTrace } from './migration-2026120711-job-trace.js';
import { MigrationGovernance } from './migration-2026120720-governance.js';
import { MigrationSubjectRequests } from './migration-2026120720-subject-requests.js';
import { MigrationNameKey } from './migration-2026120721-name-key.js';
import { MigrationImportMatchKeys } from './migration-2026120722-import-match-keys.js';
import { MigrationGatePendingList } from './migration-2026120723-gate-pending-list.js';
import { MigrationImportKeys } from './migration-2026120724-import-keys.js';
import { MigrationGateRegionBuckets } from './migration-2026120725-gate-region-buckets.js';
import { MigrationSearchPartitions } from './migration-2026120730-search-partitions.js';
import { MigrationSearchOwnerOrder } from './migration-2026120731-search-owner-order.js';
import { MigrationAccessLogSpool } from './migration-2026120801-access-log-spool.js';
import { MigrationAccessLogBatches } from './migration-2026120802-access-log-batches.js';
import { MigrationAccessLogSharedReads } from './migration-2026120803-access-log-shared-reads.js';

/** Listed explicitly so that builds, tests and the CLI run exactly the same migrations
 * without relying on file globbing. Append new migrations at the end. */
export const migrationsList = [
  { name: 'migration-2026112201-foundation', class: MigrationFoundation },
  { name: 'migration-2026112202-identity-audit', class: MigrationIdentityAudit },
  { name: 'migration-2026112501-lifecycle', class: MigrationLifecycle },
  { name: 'migration-2026112502-jobs-policies', class: MigrationJobsPolicies },
  { name: 'migration-2026120101-search', class: MigrationSearch },
  { name: 'migration-2026120102-cleanup', class: MigrationCleanup },
  { name: 'migration-2026120103-reports', class: MigrationReports },
  { name: 'migration-2026120104-exports', class: MigrationExports },
  { name: 'migration-2026120106-quality-rollup', class: MigrationQualityRollup },
  { name: 'migration-2026120107-encryption', class: MigrationEncryption },
  { name: 'migration-2026120401-customer-code-key', class: MigrationCustomerCodeKey },
  { name: 'migration-2026120402-sessions', class: MigrationSessions },
  { name: 'migration-2026120601-reporting-views', class: MigrationReportingViews },
  { name: 'migration-2026120602-change-notifications', class: MigrationChangeNotifications },
  { name: 'migration-2026120701-intake', class: MigrationIntake },
  { name: 'migration-2026120701-undo', class: MigrationUndo },
  { name: 'migration-2026120702-customer-import', class: MigrationCustomerImport },
  { name: 'migration-2026120702-export-options', class: MigrationExportOptions },
  { name: 'migration-2026120710-customer-history', class: MigrationCustomerHistory },
  { name: 'migration-2026120711-job-trace', class: MigrationJobTrace },
  { name: 'migration-2026120720-governance', class: MigrationGovernance },
  { name: 'migration-2026120720-subject-requests', class: MigrationSubjectRequests },
  { name: 'migration-2026120721-name-key', class: MigrationNameKey },
  { name: 'migration-2026120722-import-match-keys', class: MigrationImportMatchKeys },
  { name: 'migration-2026120723-gate-pending-list', class: MigrationGatePendingList },
  { name: 'migration-2026120724-import-keys', class: MigrationImportKeys },
  { name: 'migration-2026120725-gate-region-buckets', class: MigrationGateRegionBuckets },
  { name: 'migration-2026120730-search-partitions', class: MigrationSearchPartitions },
  { name: 'migration-2026120731-search-owner-order', class: MigrationSearchOwnerOrder },
  { name: 'migration-2026120801-access-log-spool', class: MigrationAccessLogSpool },
  { name: 'migration-2026120802-access-log-batches', class: MigrationAccessLogBatches },
  { name: 'migration-2026120803-access-log-shared-reads', class: MigrationAccessLogSharedReads },
];

/**
 * Tables whose rows a migration writes (reference data a fresh database starts with). A
 * backup carries them in full, edits included, so a restore replaces these rows instead of
 * refusing the migrated target as not empty. test/backup.test.ts fails when a freshly
 * migrated database has rows in a table not listed here.
 */
export const MIGRATION_SEEDED_TABLES: ReadonlySet<string> = new Set(['public.duplicate_rule']);
