import { Role } from './role.js';
import { DUPLICATE_EVIDENCE_FIELDS, ROW_VALUE_CRITERIA } from './criteria.js';
import { mask } from './masking.js';
import {
  Action,
  ACTIONS,
  CUSTOMER_ROWS,
  CUSTOMER_WRITABLE,
  FieldAccess,
  GUARDED_FIELDS,
  INTERACTION_WRITABLE,
  PUBLIC_FIELDS,
  RowScope,
  STAFF_FIELDS,
  SUBJECT_REQUEST_FIELDS,
  type GuardedFieldRule,
  type MaskKind,
} from './policy.js';
import { rolesFor } from './role-notes.js';

/**
 * docs/api-clients/permissions.md, written from the policy tables by
 * `pnpm schema:generate` (`cli.js permissions:print`); test/docs.test.ts fails when the
 * committed page differs, so the page cannot drift from what the server enforces.
 */

/** What each action lets a role do. Typed by Action, so a new action cannot ship undocumented. */
const ACTION_MEANING: Record<Action, string> = {
  [Action.CUSTOMER_READ]: 'read customers, their interactions, tags and segments',
  [Action.CUSTOMER_CREATE]: '`createCustomer`',
  [Action.CUSTOMER_UPDATE]: '`updateCustomer`, `setCustomerTags`, `bulkTagCustomers`, `dataQualityIssues`, `resolveDataQualityIssues`, `resolveAllDataQualityIssues`',
  [Action.INTERACTION_LOG]: '`logInteraction`',
  [Action.CUSTOMER_VOID]: '`voidCustomer`, `voidCustomers`',
  [Action.CUSTOMER_UNVOID]: '`unvoidCustomer`, `unvoidCustomers`',
  [Action.CUSTOMER_ARCHIVE]: '`archiveCustomers`, `archiveInteractions`',
  [Action.CUSTOMER_RESTORE]: '`restoreCustomers`',
  [Action.CUSTOMER_MERGE]: '`mergeCustomers`, `merges`, `detectDuplicates`, `duplicateCandidates`, `dismissDuplicate`',
  [Action.CUSTOMER_UNMERGE]: '`unmergeCustomers`',
  [Action.CUSTOMER_NORMALIZE]: '`normalizeCustomers`, `countDataQuality`',
  [Action.CUSTOMER_PURGE]: '`purgeCustomer` (into the recycle bin), `scheduledPurges`, `cancelScheduledPurge`, `previewRetentionSweep`, `runRetentionSweep`; `PURGE_NOW` requests',
  [Action.ARCHIVE_READ]: '`archivedCustomer(s)`, `searchArchive`, archived results of `search`',
  [Action.AUDIT_READ]: '`auditEvents`, `verifyAuditChain`, audit exports',
  [Action.REPORT_READ]: '`customerStats`, `lifecycleActivity`, `archiveStats`, `cleanupStats`',
  [Action.USER_MANAGE]: '`users`, `createUser`, `updateUser`, `resetUserPassword`, `revokeSessions`, `unlockUser`',
  [Action.POLICY_READ]: '`archivePolicies`, `archivePolicy`, `previewArchivePolicy`',
  [Action.POLICY_WRITE]: '`createArchivePolicy`, `updateArchivePolicy`, `deleteArchivePolicy`',
  [Action.POLICY_RUN]: '`runArchivePolicy`, `classifyLifecycleStages`',
  [Action.JOB_READ]: '`jobs`, `job`',
  [Action.JOB_CANCEL]: '`cancelJob` (*own*: only an import one started)',
  [Action.LEGAL_HOLD]: '`setLegalHold`',
  [Action.CUSTOMER_ERASE]: '`erasePersonalData`',
  [Action.ARCHIVE_VERIFY]: '`verifyArchive`',
  [Action.BACKUP_MANAGE]: '`backups`, `backupSettings`, `startBackup`, `startBackupDrill`',
  [Action.SEARCH_ADMIN]: '`searchIndexStatus`, `searchConsistency`, `reindexArchive`',
  [Action.CLASSIFICATION_MANAGE]: 'tags (`saveTag`, `deleteTag`) and segments (`saveSegment`, `deleteSegment`)',
  [Action.ENCRYPTION_KEYS_ROTATE]: '`startKeyRotation`',
  [Action.STAFF_READ]: '`staff` (staff names, for owner pickers and labels)',
  [Action.APPROVAL_READ]: '`approvalRequests` (the four-eyes inbox), `cancelApprovalRequest` (one\'s own requests)',
  [Action.APPROVAL_DECIDE]: '`approveRequest`, `rejectRequest` on someone else\'s request for an operation the role may run itself (`requestApproval` needs only the operation\'s own action)',
  [Action.OPERATION_UNDO]: '`undoOperation` (one\'s own recent void, archive, bulk tag change or normalization)',
  [Action.SUBJECT_REQUEST_READ]: '`subjectRequests`, `subjectRequest` (the register of data-subject requests)',
  [Action.SUBJECT_REQUEST_MANAGE]: '`createSubjectRequest`, `rejectSubjectRequest`, `completeSubjectRequest`, `correctSubjectData` (with `customer:update`), `eraseSubjectData` (with `customer:erase`)',
  [Action.SUBJECT_REQUEST_EXPORT]: '`runSubjectAccessExport`, `subjectAccessExportLink`',
};

const ROLES = Object.values(Role);
const SAMPLES: Record<MaskKind, string> = {
  email: 'zhang.wei@example.com',
  phone: '+8613812345678',
  identifier: '91310000123456789X',
  text: 'Room 1201, 88 Century Avenue',
  amount: '1234.50',
};

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (header: string[], rows: string[][]) =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
const access = (level: FieldAccess) => ({ FULL: 'full', MASKED: 'masked', NONE: 'none' })[level];
const scope = (level: RowScope) => ({ ALL: 'yes', OWN: 'own', NONE: '—' })[level];

function fieldRows(fields: Record<string, Pick<GuardedFieldRule, 'access' | 'mask'> & { personal?: boolean; sensitive?: boolean }>): string[][] {
  return Object.entries(fields).map(([field, rule]) => [
    `\`${field}\``,
    ...ROLES.map((role) => access(rule.access[role])),
    rule.mask,
    [rule.personal ? 'personal' : '', rule.sensitive ? 'encrypted' : ''].filter(Boolean).join(', ') || '—',
  ]);
}

export function permissionsDoc(): string {
  const writable = (list: Record<Role, readonly string[]>) =>
    ROLES.map((role) => [role, list[role].length ? list[role].map((f) => `\`${f}\``).join(', ') : '—']);
  return `<!-- Generated from packages/server/src/policy by \`pnpm schema:generate\`. Do not edit: pnpm test fails when it differs. -->
# Permissions

Who may read which field and do what, as the server enforces it: every table below is
printed from the one policy module (\`packages/server/src/policy/policy.ts\`). How a denial
looks on the wire (one \`FORBIDDEN\` error per denied field) is in
[the GraphQL contract](graphql.md#permissions-and-denials).

## Rows

Which customers (and with them their interactions, archived records, search hits,
counts and exports) each role sees. Another owner's customer reads exactly like a
missing one.

${table(['role', 'customers'], ROLES.map((role) => [role, CUSTOMER_ROWS[role] === RowScope.OWN ? 'only those it owns' : 'all']))}

## Actions

*yes*: on every customer the role reads; *own*: only on the customers it owns (or, where the
action says so, only on what the role started itself); *—*: refused
with \`FORBIDDEN\` before anything is read or changed.

${table(['action', ...ROLES, 'covers'], Object.values(Action).map((action) => [`\`${action}\``, ...ROLES.map((role) => scope(ACTIONS[action][role])), ACTION_MEANING[action]]))}

## Guarded fields

*full*: the value; *masked*: its shape only (examples below); *none*: \`null\` and a
\`FORBIDDEN\` error naming the field. Full reads of personal fields are written to the
access log; encrypted fields are stored encrypted at rest.

${table(['field', ...ROLES, 'mask', 'kind'], fieldRows(GUARDED_FIELDS))}

Every other field of these types is readable by every role that reads the row:

${Object.entries(PUBLIC_FIELDS)
  .map(([type, fields]) => `- \`${type}\`: ${fields.map((f) => `\`${f}\``).join(', ')}`)
  .join('\n')}

## Other people's staff records

One's own record (\`me\`) is always read in full; every role reads another user's \`id\`
and \`displayName\`, so records can show their owner or actor.

${table(['field', ...ROLES, 'mask', 'kind'], fieldRows(STAFF_FIELDS))}

## Data-subject requests

The identifiers a request names its subject by. While a request is open they are stored
encrypted; once it is closed only their masks are kept, and every role reads the mask.

${table(['field', ...ROLES, 'mask', 'kind'], fieldRows(SUBJECT_REQUEST_FIELDS))}

## Masks

${table(['mask', 'value', 'masked'], (Object.keys(SAMPLES) as MaskKind[]).map((kind) => [kind, `\`${SAMPLES[kind]}\``, `\`${mask(kind, SAMPLES[kind])}\``]))}

## Writable input fields

A write naming any other field is refused whole (\`FORBIDDEN\`, naming the fields) and
changes nothing.

Customers (\`createCustomer\`, \`updateCustomer\`):

${table(['role', 'fields'], writable(CUSTOMER_WRITABLE))}

Interactions (\`logInteraction\`):

${table(['role', 'fields'], writable(INTERACTION_WRITABLE))}

## Values that stand for customer fields

Stored segment criteria and duplicate evidence follow the field their values come from.

${table(['criterion', 'compared with'], Object.entries(ROW_VALUE_CRITERIA).map(([criterion, fields]) => [`\`${criterion}\``, fields.length ? fields.map((f) => `\`${f}\``).join(', ') : 'customer ids']))}

A stored criterion is shown only to roles that read all of its fields in full on every row.

${table(['duplicate evidence', 'field'], Object.entries(DUPLICATE_EVIDENCE_FIELDS).map(([kind, field]) => [`\`${kind}\``, field ? `\`${field}\`` : 'name (public)']))}

Of the roles that review duplicates (${rolesFor(Action.CUSTOMER_MERGE)}), each sees, filters by
and is scored on only the evidence whose field it reads in full.
`;
}
