import { Role } from './role.js';

/**
 * The one place that says who may see and do what. Everything else (field guards,
 * row filters, mutation checks, `me.permissions`, the generated permission tests)
 * reads these tables. Change a rule here, and the policy snapshot test makes the
 * change visible in review.
 */

export enum FieldAccess {
  FULL = 'FULL',
  MASKED = 'MASKED',
  NONE = 'NONE',
}

/** How a value is masked for roles with MASKED access (and in the audit log). */
export type MaskKind = 'email' | 'phone' | 'identifier' | 'text' | 'amount';

export interface GuardedFieldRule {
  access: Record<Role, FieldAccess>;
  mask: MaskKind;
  /** Personal data: FULL reads are access-logged and the audit log never stores it in clear. */
  personal: boolean;
  /**
   * Encrypted at rest (AES-256-GCM with a key ring, plus a keyed blind index for exact
   * lookups; see src/crypto). Only values nothing needs to search, sort or compare
   * inside PostgreSQL can be: email and phone stay plaintext because substring search,
   * duplicate detection (trigram and normalized keys) and data-quality rules run on
   * them in SQL. The storage test fails when a field marked here is not encrypted.
   */
  sensitive?: boolean;
}

const { ADMIN, MANAGER, SALES, SUPPORT, AUDITOR, REPORTING } = Role;
const { FULL, MASKED, NONE } = FieldAccess;

function levels(admin: FieldAccess, manager: FieldAccess, sales: FieldAccess, support: FieldAccess, auditor: FieldAccess, reporting: FieldAccess) {
  return { [ADMIN]: admin, [MANAGER]: manager, [SALES]: sales, [SUPPORT]: support, [AUDITOR]: auditor, [REPORTING]: reporting };
}

/** Guarded fields, keyed `Type.field`. Fields of guarded types not listed in
 * PUBLIC_FIELDS or here fail the policy test, so no field ships unclassified. */
export const GUARDED_FIELDS = {
  'Customer.email': { access: levels(FULL, FULL, FULL, MASKED, NONE, MASKED), mask: 'email', personal: true },
  'Customer.phone': { access: levels(FULL, FULL, FULL, MASKED, NONE, MASKED), mask: 'phone', personal: true },
  'Customer.taxId': { access: levels(FULL, MASKED, NONE, NONE, NONE, NONE), mask: 'identifier', personal: true, sensitive: true },
  'Customer.address': { access: levels(FULL, FULL, FULL, FULL, NONE, NONE), mask: 'text', personal: true },
  'Customer.notes': { access: levels(FULL, FULL, FULL, FULL, NONE, NONE), mask: 'text', personal: true },
  'Interaction.body': { access: levels(FULL, FULL, FULL, FULL, NONE, NONE), mask: 'text', personal: true },
  'Interaction.amount': { access: levels(FULL, FULL, FULL, NONE, NONE, FULL), mask: 'amount', personal: false },
  'Interaction.currency': { access: levels(FULL, FULL, FULL, NONE, NONE, FULL), mask: 'text', personal: false },
  // Archived records: the same rules, except that SUPPORT reads the archive masked
  // ("read archive: yes (masked)"); AUDITOR and REPORTING cannot read the archive at all.
  'ArchivedCustomer.email': { access: levels(FULL, FULL, FULL, MASKED, NONE, NONE), mask: 'email', personal: true },
  'ArchivedCustomer.phone': { access: levels(FULL, FULL, FULL, MASKED, NONE, NONE), mask: 'phone', personal: true },
  'ArchivedCustomer.taxId': { access: levels(FULL, MASKED, NONE, NONE, NONE, NONE), mask: 'identifier', personal: true, sensitive: true },
  'ArchivedCustomer.address': { access: levels(FULL, FULL, FULL, MASKED, NONE, NONE), mask: 'text', personal: true },
  'ArchivedCustomer.notes': { access: levels(FULL, FULL, FULL, MASKED, NONE, NONE), mask: 'text', personal: true },
  'ArchivedInteraction.body': { access: levels(FULL, FULL, FULL, MASKED, NONE, NONE), mask: 'text', personal: true },
  'ArchivedInteraction.amount': { access: levels(FULL, FULL, FULL, NONE, NONE, NONE), mask: 'amount', personal: false },
  'ArchivedInteraction.currency': { access: levels(FULL, FULL, FULL, NONE, NONE, NONE), mask: 'text', personal: false },
} as const satisfies Record<string, GuardedFieldRule>;

export type GuardedField = keyof typeof GUARDED_FIELDS;

/**
 * Staff records (User) read by someone else. Every role reads `id` and `displayName`, so a
 * record can show its owner by name; one's own record is always read in full (`me`, the
 * user of one's own sign-in). The rest follows this table: ADMIN, who manages users,
 * reads everything; other roles read a staff email only masked (its shape keeps lists
 * such as audit actors readable) and no role, state or permissions. The `users` list
 * itself is ADMIN's (Action.USER_MANAGE); the `staff` list of names is everyone's
 * (Action.STAFF_READ).
 */
export const STAFF_FIELDS = {
  'User.email': { access: levels(FULL, MASKED, MASKED, MASKED, MASKED, MASKED), mask: 'email' },
  'User.role': { access: levels(FULL, NONE, NONE, NONE, NONE, NONE), mask: 'text' },
  'User.enabled': { access: levels(FULL, NONE, NONE, NONE, NONE, NONE), mask: 'text' },
  'User.createdAt': { access: levels(FULL, NONE, NONE, NONE, NONE, NONE), mask: 'text' },
  'User.permissions': { access: levels(FULL, NONE, NONE, NONE, NONE, NONE), mask: 'text' },
} as const satisfies Record<string, { access: Record<Role, FieldAccess>; mask: MaskKind }>;

export type StaffField = keyof typeof STAFF_FIELDS;

/**
 * The identifiers a data-subject request names the person by, as the register shows them.
 * They are kept encrypted while the request is open (matching needs them) and only masked
 * once it is closed, so after closing every role reads the mask. Roles without
 * `subject-request:read` never reach the register at all.
 */
export const SUBJECT_REQUEST_FIELDS = {
  'SubjectRequest.subjectName': { access: levels(FULL, MASKED, NONE, NONE, MASKED, NONE), mask: 'text' },
  'SubjectRequest.email': { access: levels(FULL, MASKED, NONE, NONE, MASKED, NONE), mask: 'email' },
  'SubjectRequest.phone': { access: levels(FULL, MASKED, NONE, NONE, MASKED, NONE), mask: 'phone' },
  'SubjectRequest.taxId': { access: levels(FULL, MASKED, NONE, NONE, NONE, NONE), mask: 'identifier' },
} as const satisfies Record<string, { access: Record<Role, FieldAccess>; mask: MaskKind }>;

export type SubjectRequestField = keyof typeof SUBJECT_REQUEST_FIELDS;

/** Fields of guarded types every role that can read the row may read. Names are
 * business identifiers here; for individuals they are personal data, so the audit log
 * masks them (see AUDIT_MASKED_FIELDS). */
export const PUBLIC_FIELDS: Record<string, readonly string[]> = {
  Customer: [
    'id', 'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycleStage', 'status', 'owner', 'tags',
    'lastInteractionAt', 'createdAt', 'updatedAt', 'version', 'voidReason', 'voidNote', 'voidedAt',
    'interactions', 'interactionCount', 'mergedInto',
  ],
  Interaction: ['id', 'customer', 'kind', 'occurredAt', 'channel', 'subject', 'owner', 'createdAt'],
  ArchivedCustomer: [
    'id', 'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycleStage', 'status', 'previousStatus', 'owner', 'tags',
    'lastInteractionAt', 'createdAt', 'updatedAt', 'version', 'voidReason', 'voidNote', 'voidedAt', 'legalHold',
    'archivedAt', 'archivedBy', 'archiveReason', 'policyId', 'retainUntil', 'checksum', 'interactions', 'interactionCount',
  ],
  ArchivedInteraction: [
    'id', 'kind', 'occurredAt', 'channel', 'subject', 'owner', 'createdAt', 'archivedAt', 'archiveReason', 'archivedWithCustomer',
  ],
  User: ['id', 'displayName'],
};

/** Values the audit log keeps masked although they are readable: personal data that a
 * later erasure must not have to edit out of an append-only log. */
export const AUDIT_MASKED_FIELDS: Record<string, MaskKind> = {
  name: 'text',
  subject: 'text',
};

export enum RowScope {
  ALL = 'ALL',
  OWN = 'OWN',
  NONE = 'NONE',
}

/** Which customer rows (and with them their interactions) each role sees. */
export const CUSTOMER_ROWS: Record<Role, RowScope> = {
  [ADMIN]: RowScope.ALL,
  [MANAGER]: RowScope.ALL,
  [SALES]: RowScope.OWN,
  [SUPPORT]: RowScope.ALL,
  [AUDITOR]: RowScope.ALL,
  [REPORTING]: RowScope.ALL,
};

export enum Action {
  CUSTOMER_READ = 'customer:read',
  CUSTOMER_CREATE = 'customer:create',
  CUSTOMER_UPDATE = 'customer:update',
  INTERACTION_LOG = 'interaction:log',
  CUSTOMER_VOID = 'customer:void',
  CUSTOMER_UNVOID = 'customer:unvoid',
  CUSTOMER_ARCHIVE = 'customer:archive',
  CUSTOMER_RESTORE = 'customer:restore',
  CUSTOMER_MERGE = 'customer:merge',
  CUSTOMER_UNMERGE = 'customer:unmerge',
  CUSTOMER_NORMALIZE = 'customer:normalize',
  CUSTOMER_PURGE = 'customer:purge',
  ARCHIVE_READ = 'archive:read',
  AUDIT_READ = 'audit:read',
  REPORT_READ = 'report:read',
  USER_MANAGE = 'user:manage',
  /** Staff names (id and display name) for pickers and labels: every signed-in role. */
  STAFF_READ = 'staff:read',
  POLICY_READ = 'policy:read',
  POLICY_WRITE = 'policy:write',
  /** Start an archive policy run now (moves records, like archiving by hand). */
  POLICY_RUN = 'policy:run',
  JOB_READ = 'job:read',
  /** Cancel a job; OWN: only a job one started oneself, of a kind in OWN_CANCELLABLE_JOBS. */
  JOB_CANCEL = 'job:cancel',
  /** Set or lift a legal hold (blocks purge and retention). */
  LEGAL_HOLD = 'customer:legal-hold',
  /** Erase a person's data on request (PIPL/GDPR): irreversible like purge. */
  CUSTOMER_ERASE = 'customer:erase',
  ARCHIVE_VERIFY = 'archive:verify',
  /** List, start and drill backups. */
  BACKUP_MANAGE = 'backup:manage',
  /** Watch and rebuild the archive search index (status, consistency check, reindex). */
  SEARCH_ADMIN = 'search:admin',
  /** Tags (create, rename, colour, delete: rewrites every live customer carrying one) and saved segments. */
  CLASSIFICATION_MANAGE = 'classification:manage',
  /** Take back one's own recent void, archive, bulk tags or normalization (own operations only). */
  OPERATION_UNDO = 'operation:undo',
  /** Re-encrypt sensitive values under the current encryption key (a job). */
  ENCRYPTION_KEYS_ROTATE = 'encryption:rotate',
  /** See four-eyes requests (the approvals inbox) and their counts. */
  APPROVAL_READ = 'approval:read',
  /** Approve or reject someone else's four-eyes request (also needs the operation's own action; never one's own). */
  APPROVAL_DECIDE = 'approval:decide',
  /** Read the register of data-subject requests (PIPL/GDPR) and what was done for each. */
  SUBJECT_REQUEST_READ = 'subject-request:read',
  /** Record, reject and close data-subject requests; correct a subject's data through one. */
  SUBJECT_REQUEST_MANAGE = 'subject-request:manage',
  /** Build and download a subject access export: everything held about one person, unmasked. */
  SUBJECT_REQUEST_EXPORT = 'subject-request:export',
}

function actionRoles(all: Role[], own: Role[] = []): Record<Role, RowScope> {
  const out = {} as Record<Role, RowScope>;
  for (const role of Object.values(Role)) {
    out[role] = all.includes(role) ? RowScope.ALL : own.includes(role) ? RowScope.OWN : RowScope.NONE;
  }
  return out;
}

/** Which actions each role may perform, and on which rows. */
export const ACTIONS: Record<Action, Record<Role, RowScope>> = {
  [Action.CUSTOMER_READ]: actionRoles([ADMIN, MANAGER, SUPPORT, AUDITOR, REPORTING], [SALES]),
  [Action.CUSTOMER_CREATE]: actionRoles([ADMIN, MANAGER], [SALES]),
  [Action.CUSTOMER_UPDATE]: actionRoles([ADMIN, MANAGER], [SALES]),
  [Action.INTERACTION_LOG]: actionRoles([ADMIN, MANAGER, SUPPORT], [SALES]),
  [Action.CUSTOMER_VOID]: actionRoles([ADMIN, MANAGER], [SALES]),
  [Action.CUSTOMER_UNVOID]: actionRoles([ADMIN, MANAGER]),
  [Action.CUSTOMER_ARCHIVE]: actionRoles([ADMIN, MANAGER]),
  [Action.CUSTOMER_RESTORE]: actionRoles([ADMIN, MANAGER]),
  [Action.CUSTOMER_MERGE]: actionRoles([ADMIN, MANAGER]),
  [Action.CUSTOMER_UNMERGE]: actionRoles([ADMIN, MANAGER]),
  [Action.CUSTOMER_NORMALIZE]: actionRoles([ADMIN, MANAGER]),
  [Action.CUSTOMER_PURGE]: actionRoles([ADMIN]),
  [Action.ARCHIVE_READ]: actionRoles([ADMIN, MANAGER, SUPPORT], [SALES]),
  [Action.AUDIT_READ]: actionRoles([ADMIN, AUDITOR]),
  [Action.REPORT_READ]: actionRoles([ADMIN, MANAGER, REPORTING], [SALES]),
  [Action.USER_MANAGE]: actionRoles([ADMIN]),
  [Action.STAFF_READ]: actionRoles([ADMIN, MANAGER, SALES, SUPPORT, AUDITOR, REPORTING]),
  [Action.POLICY_READ]: actionRoles([ADMIN, MANAGER]),
  [Action.POLICY_WRITE]: actionRoles([ADMIN]),
  [Action.POLICY_RUN]: actionRoles([ADMIN, MANAGER]),
  [Action.JOB_READ]: actionRoles([ADMIN, MANAGER]),
  // OWN: SALES stops the import it started (and nothing else; it reads no jobs).
  [Action.JOB_CANCEL]: actionRoles([ADMIN, MANAGER], [SALES]),
  [Action.LEGAL_HOLD]: actionRoles([ADMIN]),
  [Action.CUSTOMER_ERASE]: actionRoles([ADMIN]),
  [Action.ARCHIVE_VERIFY]: actionRoles([ADMIN, AUDITOR]),
  [Action.BACKUP_MANAGE]: actionRoles([ADMIN]),
  [Action.SEARCH_ADMIN]: actionRoles([ADMIN]),
  [Action.CLASSIFICATION_MANAGE]: actionRoles([ADMIN, MANAGER]),
  [Action.ENCRYPTION_KEYS_ROTATE]: actionRoles([ADMIN]),
  [Action.APPROVAL_READ]: actionRoles([ADMIN, MANAGER, AUDITOR]),
  [Action.APPROVAL_DECIDE]: actionRoles([ADMIN, MANAGER]),
  // OWN for everyone: only the operations one did oneself, whatever one's row scope.
  [Action.OPERATION_UNDO]: actionRoles([], [ADMIN, MANAGER, SALES]),
  // Auditors check that requests are answered in time; they read the register masked.
  [Action.SUBJECT_REQUEST_READ]: actionRoles([ADMIN, MANAGER, AUDITOR]),
  [Action.SUBJECT_REQUEST_MANAGE]: actionRoles([ADMIN, MANAGER]),
  // The bundle holds every field in clear (tax id included): only the role that reads them all.
  [Action.SUBJECT_REQUEST_EXPORT]: actionRoles([ADMIN]),
};

/** Job kinds a role with OWN scope on JOB_CANCEL may cancel, when it started the job:
 * an import run (a role that may import may stop its own import and resume it later). */
export const OWN_CANCELLABLE_JOBS: readonly string[] = ['IMPORT_CUSTOMERS'];

/** Customer input fields each role may write. A write naming any other field is
 * refused whole (FORBIDDEN) and changes nothing. */
const CUSTOMER_BASE_FIELDS = [
  'name', 'type', 'code', 'tier', 'industry', 'region', 'lifecycleStage', 'email', 'phone', 'address', 'tags', 'notes',
];
export const CUSTOMER_WRITABLE: Record<Role, readonly string[]> = {
  [ADMIN]: [...CUSTOMER_BASE_FIELDS, 'taxId', 'ownerId'],
  [MANAGER]: [...CUSTOMER_BASE_FIELDS, 'ownerId'],
  [SALES]: CUSTOMER_BASE_FIELDS,
  [SUPPORT]: [],
  [AUDITOR]: [],
  [REPORTING]: [],
};

/** Interaction input fields each role may write when logging. */
const INTERACTION_BASE_FIELDS = ['customerId', 'kind', 'occurredAt', 'channel', 'subject', 'body'];
export const INTERACTION_WRITABLE: Record<Role, readonly string[]> = {
  [ADMIN]: [...INTERACTION_BASE_FIELDS, 'amount', 'currency', 'ownerId'],
  [MANAGER]: [...INTERACTION_BASE_FIELDS, 'amount', 'currency', 'ownerId'],
  [SALES]: [...INTERACTION_BASE_FIELDS, 'amount', 'currency'],
  [SUPPORT]: INTERACTION_BASE_FIELDS,
  [AUDITOR]: [],
  [REPORTING]: [],
};

/** The guarded fields stored encrypted. */
export const SENSITIVE_FIELDS: readonly GuardedField[] = (Object.entries(GUARDED_FIELDS) as [GuardedField, GuardedFieldRule][])
  .filter(([, rule]) => rule.sensitive === true)
  .map(([field]) => field);

export function fieldAccess(role: Role, field: GuardedField): FieldAccess {
  return GUARDED_FIELDS[field].access[role];
}

export function actionScope(role: Role, action: Action): RowScope {
  return ACTIONS[action][role];
}

/**
 * Cleanup types (normalization previews, data-quality issues, merge previews) carry
 * values of whichever customer field they are about. Those values follow the rule of
 * that field on Customer: a taxId issue shows the tax id masked to MANAGER and not at
 * all to roles with NONE. Unguarded customer fields are readable by every role that
 * sees the row.
 */
export function customerValueRule(key: string): GuardedFieldRule | undefined {
  return (GUARDED_FIELDS as Record<string, GuardedFieldRule>)[`Customer.${key}`];
}

export function customerValueAccess(role: Role, key: string): FieldAccess {
  return customerValueRule(key)?.access[role] ?? FieldAccess.FULL;
}
