import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createBackupFile } from '../src/modules/backup/backup.dump.js';
import { buildAppSchema } from '../src/app/schema.js';
import { hashPassword } from '../src/modules/identity/passwords.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from './helpers/test-server.js';
import { TokenSigner } from '../src/core/tokens.js';
import { dbId, gid } from './helpers/global-ids.js';

let server: TestServer;
let refreshToken = '';
let sessionToken = '';

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-audit-backups-'));
const BACKUP_KEY = 'audit-backup-key-audit-backup-key-0123456789';

beforeAll(async () => {
  server = await startTestServer({ BACKUP_DIR: backupDir, BACKUP_KEY });
  await server.db.query(`update app_user set password_hash = $1 where id = $2`, [await hashPassword('custos-demo'), server.users.support]);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

const lastEvents = async (n: number) =>
  server.db.query<{ seq: string; action: string; entity_type: string; entity_id: string; actor_id: string; changes: any; request_id: string }>(
    `select e.seq::text as seq, action, entity_type, entity_id, actor_id::text, changes, request_id from audit_event e order by e.seq desc limit $1`,
    [n],
  );
const count = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;

/** A successful call of every mutation and the audit action it must write. A mutation
 * added to the schema without an entry here fails the coverage test below. */
/** `events`: one per customer the mutation changes, when it changes more than one (a
 * merge of two customers is two events: the survivor's and the merged customer's). */
/** `prepare` runs before the count (what the sample needs, with its own events). */
const SAMPLES: Record<string, { action: string; events?: number; prepare?: () => Promise<any>; run: (prepared?: any) => Promise<any> }> = {
  login: {
    action: 'USER_LOGGED_IN',
    run: async () => {
      const res = await server.anonymous(`mutation { login(input: { email: "support@example.com", password: "custos-demo" }) { token refreshToken } }`);
      refreshToken = res.data.login.refreshToken;
      return res;
    },
  },
  refreshToken: {
    action: 'USER_TOKEN_REFRESHED',
    run: async () => {
      const res = await server.anonymous(`mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { token } }`, { t: refreshToken });
      sessionToken = res.data.refreshToken.token;
      return res;
    },
  },
  // Ends only the session signed in above, not the tokens the other samples use.
  logout: {
    action: 'USER_LOGGED_OUT',
    run: async () => (await server.post({ query: 'mutation { logout { sessionsEnded } }' }, { authorization: `Bearer ${sessionToken}` })).body,
  },
  revokeSessions: {
    action: 'USER_SESSIONS_REVOKED',
    run: async () => {
      const [{ id }] = await server.db.query<{ id: string }>(`insert into app_user (email, display_name, role) values ('revoked@example.com', 'Revoked', 'SALES') returning id::text`);
      return server.gql(`mutation { revokeSessions(input: { userId: "${id}", reason: "lost phone" }) { sessionsEnded } }`);
    },
  },
  unlockUser: {
    action: 'USER_SIGN_IN_UNLOCKED',
    run: () => server.gql(`mutation { unlockUser(input: { id: "${server.users.sales2}" }) { wasLocked } }`),
  },
  createCustomer: {
    action: 'CUSTOMER_CREATED',
    run: () => server.gql(`mutation { createCustomer(input: { name: "王小明", type: INDIVIDUAL, email: "xiaoming@example.com", phone: "13800135678", taxId: "110101199003071234", notes: "VIP" }) { customer { id } } }`),
  },
  updateCustomer: {
    action: 'CUSTOMER_UPDATED',
    run: async () => {
      const id = await insertCustomer(server.db, { name: 'Audit Update' });
      return server.gql(`mutation { updateCustomer(input: { id: "${id}", version: 1, tier: KEY_ACCOUNT, email: "new@example.com" }) { customer { id } } }`);
    },
  },
  logInteraction: {
    action: 'INTERACTION_LOGGED',
    run: async () => {
      const id = await insertCustomer(server.db, { name: 'Audit Log' });
      return server.gql(`mutation { logInteraction(input: { customerId: "${id}", kind: ORDER, subject: "订单", body: "secret body", amount: "10.00", currency: "CNY" }) { interaction { id } } }`);
    },
  },
  createUser: {
    action: 'USER_CREATED',
    run: () => server.gql(`mutation { createUser(input: { email: "audited@example.com", displayName: "Audited", role: SALES, password: "0123456789" }) { user { id } } }`),
  },
  updateUser: {
    action: 'USER_UPDATED',
    run: () => server.gql(`mutation { updateUser(input: { id: "${server.users.reporting}", displayName: "Reporter 报表" }) { user { id } } }`),
  },
  resetUserPassword: {
    action: 'USER_PASSWORD_RESET',
    run: () => server.gql(`mutation { resetUserPassword(input: { id: "${server.users.sales2}", password: "another-password" }) { user { id } } }`),
  },
  voidCustomer: {
    action: 'CUSTOMER_VOIDED',
    run: async () => server.gql(`mutation { voidCustomer(input: { id: "${await fresh('ACTIVE')}", reason: DUPLICATE }) { customer { id } } }`),
  },
  voidCustomers: {
    action: 'CUSTOMER_VOIDED',
    run: async () => server.gql(`mutation { voidCustomers(input: { ids: ["${await fresh('ACTIVE')}"], reason: TEST_RECORD }) { customers { id } } }`),
  },
  unvoidCustomer: {
    action: 'CUSTOMER_UNVOIDED',
    run: async () => server.gql(`mutation { unvoidCustomer(input: { id: "${await fresh('VOID')}", note: "valid after all" }) { customer { id } } }`),
  },
  unvoidCustomers: {
    action: 'CUSTOMER_UNVOIDED',
    run: async () => server.gql(`mutation { unvoidCustomers(input: { ids: ["${await fresh('VOID')}"], note: "valid after all" }) { customers { id } } }`),
  },
  archiveCustomers: {
    action: 'CUSTOMER_ARCHIVED',
    run: async () => server.gql(`mutation { archiveCustomers(input: { ids: ["${await fresh('ACTIVE')}"], reason: "inactive" }) { customers { id } } }`),
  },
  revertCustomer: {
    action: 'CUSTOMER_REVERTED',
    prepare: async () => {
      // An edit with its own event (written outside GraphQL, so that no other sample's count changes).
      const id = await fresh('ACTIVE');
      await server.db.query(`do $$ begin
        update customer set name = 'Before revert', version = version + 1 where id = ${Number(id)};
        perform audit_append(null, null, 'FIXTURE_EDITED', 'Customer', '${Number(id)}', null, '{}'::jsonb, null);
      end $$`);
      const [{ seq }] = await server.db.query<{ seq: string }>(
        `select e.seq::text as seq from audit_event e where e.entity_type = 'Customer' and e.entity_id = $1 order by e.seq desc limit 1`,
        [id],
      );
      return { id, seq };
    },
    run: ({ id, seq }) =>
      server.gql(`mutation { revertCustomer(input: { id: "${id}", version: 2, seq: "${seq}", reason: "audit sample" }) { revertedFields } }`),
  },
  restoreCustomers: {
    action: 'CUSTOMER_RESTORED',
    run: async () => server.gql(`mutation { restoreCustomers(input: { ids: ["${await fresh('ARCHIVED')}"], reason: "called back" }) { customers { id } } }`),
  },
  archiveInteractions: {
    action: 'INTERACTIONS_ARCHIVED',
    run: async () => {
      const id = await fresh('ACTIVE');
      await server.db.query(`insert into interaction (customer_id, kind, occurred_at, subject) values ($1, 'CALL', '2020-01-01', 'old')`, [id]);
      return server.gql(`mutation { archiveInteractions(input: { customerId: "${id}", olderThan: "2021-01-01T00:00:00Z", reason: "old calls" }) { archivedCount } }`);
    },
  },
  purgeCustomer: {
    action: 'CUSTOMER_PURGE_SCHEDULED',
    run: async () => {
      const id = await fresh('VOID');
      return server.gql(`mutation { purgeCustomer(input: { id: "${id}", reason: "erasure request", confirm: "AUD-${id}" }) { scheduledPurge { id } } }`);
    },
  },
  cancelScheduledPurge: {
    action: 'CUSTOMER_PURGE_CANCELLED',
    prepare: async () => {
      const id = await fresh('VOID');
      const res = await server.gql(`mutation { purgeCustomer(input: { id: "${id}", reason: "erasure request", confirm: "AUD-${id}" }) { scheduledPurge { id } } }`);
      return res.data.purgeCustomer.scheduledPurge.id;
    },
    run: async (id: string) => server.gql(`mutation { cancelScheduledPurge(input: { id: "${id}", reason: "kept after all" }) { scheduledPurge { id } } }`),
  },
  requestApproval: {
    action: 'APPROVAL_REQUESTED',
    run: async () => requestPurgeNow(),
  },
  approveRequest: {
    action: 'APPROVAL_APPROVED',
    // The approval and the job it queues (JOB_ENQUEUED) to run the operation.
    events: 2,
    prepare: requestPurgeNow,
    run: async (res: any) => asSecondAdmin(`mutation { approveRequest(input: { id: "${res.data.requestApproval.request.id}" }) { request { id } } }`),
  },
  rejectRequest: {
    action: 'APPROVAL_REJECTED',
    prepare: requestPurgeNow,
    run: async (res: any) => asSecondAdmin(`mutation { rejectRequest(input: { id: "${res.data.requestApproval.request.id}", note: "no" }) { request { id } } }`),
  },
  cancelApprovalRequest: {
    action: 'APPROVAL_CANCELLED',
    prepare: requestPurgeNow,
    run: async (res: any) => server.gql(`mutation { cancelApprovalRequest(input: { id: "${res.data.requestApproval.request.id}" }) { request { id } } }`),
  },
  setLegalHold: {
    action: 'LEGAL_HOLD_SET',
    run: async () => server.gql(`mutation { setLegalHold(input: { id: "${await fresh('ACTIVE')}", hold: true, reason: "case 1" }) { customer { id } } }`),
  },
  erasePersonalData: {
    action: 'CUSTOMER_PERSONAL_DATA_ERASED',
    run: async () => {
      const id = await fresh('ACTIVE');
      return server.gql(`mutation { erasePersonalData(input: { id: "${id}", reason: "PIPL request", confirm: "AUD-${id}" }) { customer { id } } }`);
    },
  },
  createSubjectRequest: {
    action: 'SUBJECT_REQUEST_RECEIVED',
    run: () => server.gql(`mutation { createSubjectRequest(input: { kind: ACCESS, regime: GDPR, receivedOn: "2026-12-01", language: EN, email: "dsr.audit@example.com" }) { subjectRequest { id } } }`),
  },
  rejectSubjectRequest: {
    action: 'SUBJECT_REQUEST_REJECTED',
    prepare: () => subjectRequest('ACCESS', 'dsr.reject@example.com'),
    run: (id) => server.gql(`mutation { rejectSubjectRequest(input: { id: "${id}", reason: "identity not verified" }) { subjectRequest { id } } }`),
  },
  completeSubjectRequest: {
    action: 'SUBJECT_REQUEST_FULFILLED',
    prepare: () => subjectRequest('ACCESS', 'dsr.complete@example.com'),
    run: (id) => server.gql(`mutation { completeSubjectRequest(input: { id: "${id}" }) { subjectRequest { id } } }`),
  },
  // The job's JOB_ENQUEUED, then the request's own event.
  runSubjectAccessExport: {
    action: 'SUBJECT_ACCESS_EXPORT_STARTED',
    events: 2,
    prepare: () => subjectRequest('ACCESS', 'dsr.run@example.com'),
    run: (id) => server.gql(`mutation { runSubjectAccessExport(input: { id: "${id}" }) { job { id } } }`),
  },
  subjectAccessExportLink: {
    action: 'SUBJECT_ACCESS_EXPORT_LINK_CREATED',
    prepare: async () => {
      const id = await subjectRequest('ACCESS', 'dsr.link@example.com');
      // A built export, as the job leaves one (its content is not read to hand out a link).
      await server.db.query(`insert into subject_request_bundle (request_id, expires_at, content, counts) values ($1, now() + interval '1 day', 'sealed', '{}')`, [dbId(id)]);
      return id;
    },
    run: (id) => server.gql(`mutation { subjectAccessExportLink(input: { id: "${id}", format: JSON }) { url } }`),
  },
  // The erasure's event (carrying the request), then the request's own.
  eraseSubjectData: {
    action: 'SUBJECT_REQUEST_ERASURE_DONE',
    events: 2,
    prepare: async () => {
      const customer = await insertCustomer(server.db, { name: 'Audit DSR Erase', email: 'dsr.erase@example.com' });
      return { customer, id: await subjectRequest('ERASURE', 'dsr.erase@example.com') };
    },
    run: ({ customer, id }) => server.gql(`mutation { eraseSubjectData(input: { id: "${id}", customerIds: ["${customer}"], confirmCount: 1 }) { subjectRequest { id } } }`),
  },
  correctSubjectData: {
    action: 'SUBJECT_REQUEST_CORRECTION_DONE',
    events: 2,
    prepare: async () => {
      const customer = await insertCustomer(server.db, { name: 'Audit DSR Correct', email: 'dsr.correct@example.com' });
      return { customer, id: await subjectRequest('CORRECTION', 'dsr.correct@example.com') };
    },
    run: ({ customer, id }) => server.gql(`mutation { correctSubjectData(input: { id: "${id}", customer: { id: "${customer}", version: 1, tier: KEY_ACCOUNT } }) { subjectRequest { id } } }`),
  },
  createArchivePolicy: {
    action: 'ARCHIVE_POLICY_CREATED',
    run: () => server.gql(`mutation { createArchivePolicy(input: { name: "Audit policy", action: ARCHIVE_CUSTOMERS, criteria: { tags: ["audit-none"] } }) { policy { id } } }`),
  },
  updateArchivePolicy: {
    action: 'ARCHIVE_POLICY_UPDATED',
    run: async () => server.gql(`mutation { updateArchivePolicy(input: { id: "${await policyId()}", version: 1, description: "changed" }) { policy { id } } }`),
  },
  runArchivePolicy: {
    action: 'JOB_ENQUEUED',
    run: async () => server.gql(`mutation { runArchivePolicy(input: { id: "${await policyId()}" }) { job { id } } }`),
  },
  deleteArchivePolicy: {
    action: 'ARCHIVE_POLICY_DELETED',
    run: async () => {
      // The run queued above stays queued (no worker here); cancel it directly first so
      // the policy is idle, without an audit event of its own.
      await server.db.query(`update job set state = 'CANCELLED', finished_at = now() where state = 'QUEUED'`);
      return server.gql(`mutation { deleteArchivePolicy(input: { id: "${await policyId()}", version: 2 }) { policy { id } } }`);
    },
  },
  classifyLifecycleStages: {
    action: 'JOB_ENQUEUED',
    run: () => server.gql(`mutation { classifyLifecycleStages(input: { activeDays: 60 }) { job { id } } }`),
  },
  runRetentionSweep: {
    action: 'JOB_ENQUEUED',
    run: () => server.gql(`mutation { runRetentionSweep(input: { reason: "audit sample" }) { job { id } } }`),
  },
  startBackup: {
    action: 'JOB_ENQUEUED',
    run: () => server.gql(`mutation { startBackup(input: { reason: "audit sample" }) { job { id } } }`),
  },
  startBackupDrill: {
    action: 'JOB_ENQUEUED',
    run: async () => {
      const { file } = await createBackupFile(server.db.url, backupDir, BACKUP_KEY, { createdBy: null, reason: 'fixture' });
      return server.gql(`mutation($id: ID!) { startBackupDrill(input: { id: $id }) { job { id } } }`, { id: path.basename(file, '.cbk') });
    },
  },
  createExport: {
    action: 'EXPORT_REQUESTED',
    run: () => server.gql(`mutation { createExport(input: { resource: CUSTOMERS, format: XLSX }) { url } }`),
  },
  reindexArchive: {
    action: 'JOB_ENQUEUED',
    run: () => server.gql(`mutation { reindexArchive(input: { reason: "audit sample" }) { job { id kind state } } }`),
  },
  mergeCustomers: {
    action: 'CUSTOMERS_MERGED',
    events: 2,
    run: async () => {
      const [a, b] = [await fresh('ACTIVE'), await fresh('ACTIVE')];
      return server.gql(`mutation { mergeCustomers(input: { survivorId: "${a}", mergedIds: ["${b}"], versions: [{ id: "${a}", version: 1 }, { id: "${b}", version: 1 }] }) { merge { id } } }`);
    },
  },
  unmergeCustomers: {
    action: 'CUSTOMERS_UNMERGED',
    events: 2,
    run: async () => {
      const [row] = await server.db.query<{ id: string }>(`select m.id::text from customer_merge m order by m.id desc limit 1`);
      return server.gql(`mutation { unmergeCustomers(input: { mergeId: "${row!.id}", reason: "different companies" }) { merge { id } } }`);
    },
  },
  normalizeCustomers: {
    action: 'JOB_ENQUEUED',
    run: async () => server.gql(`mutation { normalizeCustomers(input: { filter: { ids: ["${await fresh('ACTIVE')}"] }, dryRun: false }) { job { id } } }`),
  },
  detectDuplicates: {
    action: 'JOB_ENQUEUED',
    run: () => server.gql(`mutation { detectDuplicates { job { id } } }`),
  },
  countDataQuality: {
    action: 'JOB_ENQUEUED',
    run: () => server.gql(`mutation { countDataQuality { job { id } } }`),
  },
  startKeyRotation: {
    action: 'JOB_ENQUEUED',
    run: () => server.gql(`mutation { startKeyRotation(input: { reason: "audit sample" }) { job { id } } }`),
  },
  dismissDuplicate: {
    action: 'DUPLICATE_DISMISSED',
    run: async () => {
      const [a, b] = [await fresh('ACTIVE'), await fresh('ACTIVE')];
      const [group] = await server.db.query<{ id: string }>(
        `insert into duplicate_group (score, reasons, member_ids) values (0.9, '[]', array[$1, $2]::bigint[]) returning id::text`,
        [a, b],
      );
      return server.gql(`mutation { dismissDuplicate(input: { groupId: "${group!.id}" }) { dismissedPairs } }`);
    },
  },
  resolveDataQualityIssues: {
    action: 'DATA_QUALITY_FIXED',
    run: async () => {
      const id = await fresh('ACTIVE');
      await server.db.query(`update customer set phone = '138 0013 8000' where id = $1`, [id]);
      return server.gql(`mutation { resolveDataQualityIssues(input: { action: APPLY_SUGGESTION, issues: [{ customerId: "${id}", field: PHONE, problem: NOT_NORMALIZED }] }) { resolved } }`);
    },
  },
  resolveAllDataQualityIssues: {
    action: 'JOB_ENQUEUED',
    run: () => server.gql(`mutation { resolveAllDataQualityIssues(input: { action: APPLY_SUGGESTION, filter: { field: [PHONE], problem: [NOT_NORMALIZED] } }) { job { id } } }`),
  },
  undoOperation: {
    action: 'CUSTOMER_VOID_UNDONE',
    prepare: async () => {
      const res = await server.gql(`mutation { voidCustomers(input: { ids: ["${await fresh('ACTIVE')}"], reason: TEST_RECORD }) { undo { id } } }`);
      return res.data.voidCustomers.undo.id as string;
    },
    run: (undoId: string) => server.gql(`mutation { undoOperation(input: { id: "${undoId}" }) { operation { id } } }`),
  },
  setCustomerTags: {
    action: 'CUSTOMER_TAGGED',
    run: async () => server.gql(`mutation { setCustomerTags(input: { id: "${await fresh('ACTIVE')}", tags: ["audit-tag"] }) { customer { id } } }`),
  },
  bulkTagCustomers: {
    action: 'CUSTOMER_TAGGED',
    run: async () => server.gql(`mutation { bulkTagCustomers(input: { filter: { ids: ["${await fresh('ACTIVE')}"] }, add: ["audit-bulk"] }) { changed } }`),
  },
  setDuplicateRule: {
    action: 'DUPLICATE_RULE_CHANGED',
    run: () => server.gql(`mutation { setDuplicateRule(input: { kind: SIMILAR_NAME, action: OFF }) { rule { kind } } }`),
  },
  configureCustomerImport: {
    action: 'CUSTOMER_IMPORT_CONFIGURED',
    run: async () => server.gql(`mutation { configureCustomerImport(input: { id: "${await stagedImport('UPLOADED')}", duplicateAction: UPDATE }) { customerImport { id } } }`),
  },
  chooseImportRowActions: {
    action: 'CUSTOMER_IMPORT_ROWS_CHOSEN',
    run: async () => server.gql(`mutation { chooseImportRowActions(input: { id: "${await stagedImport('UPLOADED')}", rows: [{ rowNo: 1, action: CREATE }] }) { rows } }`),
  },
  checkCustomerImport: {
    action: 'JOB_ENQUEUED',
    run: async () => server.gql(`mutation { checkCustomerImport(input: { id: "${await stagedImport('UPLOADED')}" }) { customerImport { id } } }`),
  },
  runCustomerImport: {
    action: 'JOB_ENQUEUED',
    run: async () => server.gql(`mutation { runCustomerImport(input: { id: "${await stagedImport('UPLOADED')}" }) { customerImport { id } } }`),
  },
  undoCustomerImport: {
    action: 'JOB_ENQUEUED',
    run: async () => server.gql(`mutation { undoCustomerImport(input: { id: "${await stagedImport('IMPORTED')}" }) { customerImport { id } } }`),
  },
  saveTag: {
    action: 'TAG_CREATED',
    run: () => server.gql(`mutation { saveTag(input: { name: "audit-colour", color: "#123456" }) { tag { name } } }`),
  },
  deleteTag: {
    action: 'TAG_DELETED',
    run: () => server.gql(`mutation { deleteTag(input: { name: "audit-colour" }) { tag { name } } }`),
  },
  saveSegment: {
    action: 'SEGMENT_CREATED',
    run: () => server.gql(`mutation { saveSegment(input: { name: "Audit segment", filter: { tags: ["vip"] } }) { segment { id } } }`),
  },
  deleteSegment: {
    action: 'SEGMENT_DELETED',
    run: async () => {
      const [row] = await server.db.query<{ id: string }>(`select id::text from segment where name = 'Audit segment'`);
      return server.gql(`mutation { deleteSegment(input: { id: "${row!.id}", version: 1 }) { segment { id } } }`);
    },
  },
  cancelJob: {
    action: 'JOB_CANCELLED',
    run: async () => {
      const [job] = await server.db.query<{ id: string }>(`select j.id::text from job j where j.state = 'QUEUED' order by j.id desc limit 1`);
      return server.gql(`mutation { cancelJob(input: { id: "${job!.id}" }) { job { id state } } }`);
    },
  },
};

/** A data-subject request naming this email, recorded through the API (its own event comes before the count). */
async function subjectRequest(kind: 'ACCESS' | 'ERASURE' | 'CORRECTION', email: string): Promise<string> {
  const res = await server.gql(`mutation($email: String!) { createSubjectRequest(input: { kind: ${kind}, regime: PIPL, receivedOn: "2026-12-01", language: ZH_CN, email: $email }) { subjectRequest { id } } }`, { email });
  return res.data.createSubjectRequest.subjectRequest.id;
}

async function policyId(): Promise<string> {
  const [row] = await server.db.query<{ id: string }>(`select id::text from archive_policy where name = 'Audit policy'`);
  return row!.id;
}

/** An import staged directly (no audit event of its own): one row, name mapped. */
async function stagedImport(state: 'UPLOADED' | 'IMPORTED'): Promise<string> {
  const [row] = await server.db.query<{ id: string }>(
    `insert into customer_import (file_name, format, headers, mapping, state, row_count, created_by)
     values ('audit.csv', 'CSV', array['name'], '{"0":"name"}', $1, 1, $2) returning id::text`,
    [state, server.users.admin],
  );
  await server.db.query(`insert into customer_import_row (import_id, row_no, raw) values ($1, 1, '["Audit Import"]')`, [row!.id]);
  return row!.id;
}

/** A customer in the given state, created directly (no audit event of its own), with code AUD-<id>. */
async function requestPurgeNow(): Promise<any> {
  const id = await fresh('VOID');
  return server.gql(`mutation { requestApproval(input: { operation: PURGE_NOW, reason: "court order", customerIds: ["${id}"], confirm: "AUD-${id}" }) { request { id } } }`);
}

/** A second ADMIN: four-eyes requests are decided by someone other than the requester. */
let secondAdmin: string | undefined;
async function asSecondAdmin(query: string): Promise<any> {
  if (!secondAdmin) {
    const [row] = await server.db.query<{ id: string }>(`insert into app_user (email, display_name, role) values ('admin2@example.com', 'admin2', 'ADMIN') returning id::text`);
    secondAdmin = row!.id;
  }
  const { token } = await new TokenSigner(TEST_JWT_SECRET, 600).sign({ userId: secondAdmin, tokenVersion: 1 });
  return (await server.post({ query }, { authorization: `Bearer ${token}` })).body;
}

async function fresh(status: 'ACTIVE' | 'VOID' | 'ARCHIVED'): Promise<string> {
  const id = await insertCustomer(server.db, { name: 'Audit Lifecycle', status: status === 'VOID' ? 'VOID' : 'ACTIVE' });
  await server.db.query(`update customer set code = 'AUD-' || id where id = $1`, [id]);
  if (status === 'ARCHIVED') {
    const { archiveCustomerRows } = await import('../src/modules/archive/archive.store.js');
    const { SqlExecutor } = await import('../src/db/sql.js');
    await server.db.orm.em.fork().transactional((em) =>
      archiveCustomerRows(new SqlExecutor(em), { where: 'c.id = $1::bigint', params: [id] }, { actorId: null, reason: 'fixture', policyId: null, retainUntil: null }),
    );
  }
  return id;
}

describe('every mutation writes exactly one audit event', () => {
  it('covers every mutation in the schema', async () => {
    const schema = await buildAppSchema();
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.entries(SAMPLES))('%s', async (_name, sample) => {
    const prepared = await sample.prepare?.();
    const before = await count();
    const res = await sample.run(prepared);
    expect(res.errors).toBeUndefined();
    expect(await count()).toBe(before + (sample.events ?? 1));
    const [event] = await lastEvents(1);
    expect(event!.action).toBe(sample.action);
    expect(event!.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('failed mutations write nothing', async () => {
    const before = await count();
    await server.gql(`mutation { updateCustomer(input: { id: "99999", version: 1, name: "x" }) { customer { id } } }`);
    await server.gql(`mutation { createCustomer(input: { name: "x", type: SMB, email: "bad" }) { customer { id } } }`);
    await server.as('support')(`mutation { createCustomer(input: { name: "x", type: SMB }) { customer { id } } }`);
    expect(await count()).toBe(before);
  });
});

describe('audit content', () => {
  it('records actor, role, diff, and personal data only masked', async () => {
    const res = await server.gql(`mutation { createCustomer(input: { name: "李雷", type: INDIVIDUAL, email: "lilei@example.com", phone: "13912345678", taxId: "110101199001011234", address: "北京市海淀区 1 号", notes: "likes tea", tags: ["vip"], region: "CN-BJ" }) { customer { id } } }`);
    const id = res.data.createCustomer.customer.id;
    const [event] = await lastEvents(1);
    expect(event).toMatchObject({ action: 'CUSTOMER_CREATED', entity_type: 'Customer', entity_id: dbId(id), actor_id: server.users.admin });
    expect(event!.changes).toMatchObject({
      email: { to: 'l***@example.com' },
      phone: { to: '139****5678' },
      taxId: { to: '11************1234' },
      name: { to: '李***' },
      address: { to: '北***' },
      notes: { to: 'l***' },
      tags: { to: ['vip'] },
      region: { to: 'CN-BJ' },
      type: { to: 'INDIVIDUAL' },
    });
    const raw = JSON.stringify(await server.db.query(`select * from audit_event`));
    for (const secret of ['lilei@example.com', '13912345678', '110101199001011234', '北京市海淀区', 'likes tea', '李雷', 'secret body', 'xiaoming']) {
      expect(raw).not.toContain(secret);
    }
    await server.gql(`mutation { updateCustomer(input: { id: "${id}", version: 1, tier: LONG_TERM }) { customer { id } } }`);
    const [update] = await lastEvents(1);
    expect(update!.changes).toEqual({ tier: { from: 'STANDARD', to: 'LONG_TERM' } });
  });

  it('is readable by ADMIN and AUDITOR only, with filters', async () => {
    const res = await server.as('auditor')(`{ auditEvents(first: 5, filter: { entityType: "Customer", action: ["CUSTOMER_UPDATED"] }) { totalCount nodes { seq action actorRole actor { id } changes hash prevHash } } }`);
    expect(res.errors).toBeUndefined();
    // updateCustomer's sample, correctSubjectData's (an edit through the same path) and the content test's.
    expect(res.data.auditEvents.totalCount).toBe(3);
    expect(res.data.auditEvents.nodes[0]).toMatchObject({ action: 'CUSTOMER_UPDATED', actorRole: 'ADMIN', actor: { id: gid('User', server.users.admin) } });
    expect(res.data.auditEvents.nodes[0].hash).toMatch(/^[0-9a-f]{64}$/);
    for (const user of ['manager', 'sales1', 'support', 'reporting'] as const) {
      const refused = await server.as(user)(`{ verifyAuditChain { ok } }`);
      expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });
});

describe('tamper resistance', () => {
  const superuser = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: server.db.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  it.each([
    ['UPDATE', `update audit_event set reason = 'edited' where seq = 1`],
    ['DELETE', `delete from audit_event where seq = 1`],
    ['TRUNCATE', `truncate audit_event`],
    ['UPDATE of the access log', `insert into access_log_batch (first_at, last_at, record_ids, requests) values (now(), now(), '{1}', '[]'); update access_log_batch set record_ids = '{2}'`],
    ['DELETE from the access log', `insert into access_log_batch (first_at, last_at, record_ids, requests) values (now(), now(), '{1}', '[]'); delete from access_log_batch`],
    ['UPDATE of the access log\'s rows written before batches', `insert into access_log_row (entity_type, field, entity_ids) values ('Customer', 'email', '{1}'); update access_log_row set field = 'x'`],
  ])('refuses %s, also under session_replication_role = replica', async (_name, statement) => {
    for (const replica of [false, true]) {
      await expect(
        superuser(async (client) => {
          if (replica) await client.query(`set session_replication_role = replica`);
          await client.query(statement);
        }),
      ).rejects.toThrow(/append-only/);
    }
  });

  it('verifies an intact chain, and names the first entry a superuser altered', async () => {
    const intact = await server.as('auditor')(`{ verifyAuditChain { ok checked firstBrokenSeq } }`);
    const total = await count();
    expect(intact.data.verifyAuditChain).toEqual({ ok: true, checked: total, firstBrokenSeq: null });
    const target = 3;
    await superuser(async (client) => {
      await client.query(`alter table audit_event disable trigger audit_event_no_update_delete`);
      // Flip one byte of one entry's stored changes.
      await client.query(`update audit_event set changes = jsonb_set(changes, '{tamper}', '1') where seq = $1`, [target]);
      await client.query(`alter table audit_event enable always trigger audit_event_no_update_delete`);
    });
    const broken = await server.gql(`{ verifyAuditChain { ok checked firstBrokenSeq } }`);
    expect(broken.data.verifyAuditChain).toEqual({ ok: false, checked: target - 1, firstBrokenSeq: String(target) });
    await superuser(async (client) => {
      await client.query(`alter table audit_event disable trigger audit_event_no_update_delete`);
      await client.query(`update audit_event set changes = changes - 'tamper' where seq = $1`, [target]);
      // A deleted entry is found too: the next one no longer links.
      await client.query(`delete from audit_event where seq = $1`, [target + 2]);
      await client.query(`alter table audit_event enable always trigger audit_event_no_update_delete`);
    });
    const gap = await server.gql(`{ verifyAuditChain { ok checked firstBrokenSeq } }`);
    expect(gap.data.verifyAuditChain).toMatchObject({ ok: false, firstBrokenSeq: String(target + 2) });
  });
});

describe('concurrent writers', () => {
  it('keep one unbroken chain', async () => {
    const fresh = await startTestServer();
    try {
      const before = (await fresh.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? fresh.as('manager') : fresh.gql)(`mutation { createCustomer(input: { name: "Concurrent ${i}", type: SMB }) { customer { id } } }`),
        ),
      );
      expect(results.every((r) => !r.errors)).toBe(true);
      const seqs = await fresh.db.query<{ seq: string }>(`select seq::text as seq from audit_event e order by e.seq`);
      expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: before + 40 }, (_, i) => i + 1));
      const verified = await fresh.gql(`{ verifyAuditChain { ok checked } }`);
      expect(verified.data.verifyAuditChain).toEqual({ ok: true, checked: before + 40 });
    } finally {
      await fresh.close();
    }
  });
});
