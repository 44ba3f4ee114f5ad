import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditPseudonym, auditSafe, scrubText } from '../src/modules/audit/audit.personal.js';
import { JOB_PARAMS_IN_USE, personalDataFindings } from './helpers/audit-scan.js';
import { insertCustomer } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { sweepNow } from './helpers/purge.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server.js';
import type { JobWorker } from '../src/modules/job/job.worker.js';
import { dbId } from './helpers/global-ids.js';

/**
 * Distinctive personal values are planted through every kind of input that reaches the
 * audit log — customer fields, filters of exports and segments, job parameters, free-text
 * reasons, notes and descriptions — and then every audit event, job and used export link
 * of this database is scanned for them (and for any email address in clear).
 */

const P = {
  email: 'zhou.planted@probe-mail.cn',
  email2: 'orla.plant@probe-mail.org',
  phone: '+86 139 8765 4321',
  mobile: '13712345678',
  taxId: '91440300MA5G8K2Q7Y',
  personId: '440301199204157719',
  name: '周植入',
  latinName: 'Orlanda Plantwhistle',
  address: '深圳市南山区植入路 7 号',
  note: 'allergic to planted peanuts',
};
const PLANTED = Object.values(P);

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-audit-pii-'));
let server: TestServer;
let worker: JobWorker;

const BACKUPS = { BACKUP_DIR: backupDir, BACKUP_KEY: 'audit-pii-backup-key-audit-pii-backup-key-0123' };

beforeAll(async () => {
  server = await startTestServer(BACKUPS);
  worker = startWorker(server, BACKUPS);
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

/** Runs a mutation that must succeed and returns its data. */
async function ok(res: Promise<GraphQLResponse> | GraphQLResponse): Promise<any> {
  const out = await res;
  expect(out.errors).toBeUndefined();
  return out.data;
}

async function version(id: string): Promise<number> {
  return (await server.db.query<{ version: number }>(`select version from customer where id = $1`, [id]))[0]!.version;
}

async function finished(jobId: string): Promise<void> {
  const job = await waitForJob(server.db, jobId, undefined, 120_000);
  expect({ id: jobId, state: job.state, error: job.error }).toEqual({ id: jobId, state: 'SUCCEEDED', error: null });
}

async function download(url: string): Promise<string> {
  const res = await fetch(`${server.url}${url}`);
  expect(res.status).toBe(200);
  return res.text();
}

const EXPORT = `mutation($input: CreateExportInput!) { createExport(input: $input) { url rowCount } }`;

describe('no personal data in the audit trail', () => {
  let auditCsv = '';

  it('accepts personal values through every kind of input', async () => {
    const gql = server.gql;
    const created = await ok(gql(
      `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { customer { id } } }`,
      { i: { name: P.name, type: 'INDIVIDUAL', email: P.email, phone: P.phone, taxId: P.taxId, address: P.address, notes: P.note } },
    ));
    const a = created.createCustomer.customer.id as string;
    await ok(gql(`mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { customer { id } } }`, {
      i: { id: a, version: 1, name: P.latinName, email: P.email2, phone: P.mobile },
    }));
    await ok(gql(`mutation($i: LogInteractionInput!) { logInteraction(input: $i) { interaction { id } } }`, {
      i: { customerId: a, kind: 'CALL', subject: `Call with ${P.latinName}`, body: `${P.email} ${P.phone} ${P.note}` },
    }));

    // Free text: notes, reasons and descriptions with contact data and identifiers in them.
    const b = await insertCustomer(server.db, { name: 'Probe B' });
    await ok(gql(`mutation($n: String!) { voidCustomer(input: { id: "${b}", reason: OTHER, note: $n }) { customer { id } } }`, { n: `duplicate of ${P.email}, call ${P.mobile}` }));
    await ok(gql(`mutation($n: String!) { unvoidCustomer(input: { id: "${b}", note: $n }) { customer { id } } }`, { n: `confirmed on ${P.phone}` }));
    await ok(gql(`mutation($r: String!) { archiveCustomers(input: { ids: ["${a}"], reason: $r }) { customers { id } } }`, { r: `asked by ${P.email2} (tax ${P.taxId})` }));
    await ok(gql(`mutation($r: String!) { restoreCustomers(input: { ids: ["${a}"], reason: $r }) { customers { id } } }`, { r: `called back from ${P.mobile}` }));
    await ok(gql(`mutation($r: String!) { setLegalHold(input: { id: "${a}", hold: true, reason: $r }) { customer { id } } }`, { r: `court case about ${P.personId}` }));
    await ok(gql(`mutation($d: String!) { saveTag(input: { name: "probe", description: $d }) { tag { name } } }`, { d: `owner ${P.email}` }));
    const c = await insertCustomer(server.db, { name: 'Probe C' });
    await server.db.query(`insert into interaction (customer_id, kind, occurred_at, subject) values ($1, 'CALL', '2020-01-01', 'old')`, [c]);
    await ok(gql(`mutation($r: String!) { archiveInteractions(input: { customerId: "${c}", olderThan: "2021-01-01T00:00:00Z", reason: $r }) { archivedCount } }`, { r: `per ${P.email}` }));
    const [m1, m2] = [await insertCustomer(server.db, { name: 'Probe M1' }), await insertCustomer(server.db, { name: 'Probe M2' })];
    const merged = await ok(gql(`mutation($r: String!) { mergeCustomers(input: { survivorId: "${m1}", mergedIds: ["${m2}"], versions: [{ id: "${m1}", version: 1 }, { id: "${m2}", version: 1 }], reason: $r }) { merge { id } } }`, { r: `same person, ${P.email2}` }));
    await ok(gql(`mutation($r: String!) { unmergeCustomers(input: { mergeId: "${merged.mergeCustomers.merge.id}", reason: $r }) { merge { id } } }`, { r: `not ${P.mobile}` }));
    const [d1, d2] = [await insertCustomer(server.db, { name: 'Probe D1' }), await insertCustomer(server.db, { name: 'Probe D2' })];
    const [group] = await server.db.query<{ id: string }>(`insert into duplicate_group (score, reasons, member_ids) values (0.9, '[]', array[$1, $2]::bigint[]) returning id::text`, [d1, d2]);
    await ok(gql(`mutation($r: String!) { dismissDuplicate(input: { groupId: "${group!.id}", reason: $r }) { dismissedPairs } }`, { r: `${P.email} is someone else` }));
    const v = await insertCustomer(server.db, { name: 'Probe V', status: 'VOID' });
    await server.db.query(`update customer set code = 'PRB-' || id where id = $1`, [v]);
    const bin = await ok(gql(`mutation($r: String!) { purgeCustomer(input: { id: "${v}", reason: $r, confirm: "PRB-${v}" }) { scheduledPurge { id } } }`, { r: `erasure request of ${P.taxId}` }));
    await ok(gql(`mutation($id: ID!, $r: String!) { cancelScheduledPurge(input: { id: $id, reason: $r }) { scheduledPurge { id } } }`, { id: bin.purgeCustomer.scheduledPurge.id, r: `kept for ${P.email}` }));
    await ok(gql(`mutation($r: String!) { purgeCustomer(input: { id: "${v}", reason: $r, confirm: "PRB-${v}" }) { scheduledPurge { id } } }`, { r: `erasure request of ${P.taxId}` }));
    await sweepNow(server, [(await server.db.query<{ id: string }>(`select id::text from purge_schedule where customer_id = $1 and state = 'SCHEDULED'`, [v]))[0]!.id]);

    // Filters: segments, exports, bulk tagging and jobs that work on them.
    const seg = await ok(gql(`mutation($i: SaveSegmentInput!) { saveSegment(input: $i) { segment { id version } } }`, {
      i: { name: 'Probe segment', description: `customers like ${P.name} <${P.email}>`, filter: { search: P.email } },
    }));
    const segmentId = seg.saveSegment.segment.id as string;
    await ok(gql(`mutation($i: SaveSegmentInput!) { saveSegment(input: $i) { segment { id } } }`, {
      i: { id: segmentId, version: 1, name: 'Probe segment', description: `now ${P.phone}`, filter: { search: P.latinName } },
    }));
    await ok(gql(`mutation($i: SaveSegmentInput!) { saveSegment(input: $i) { segment { id } } }`, { i: { name: 'Probe mobile', filter: { search: P.mobile } } }));
    const policySegment = await ok(gql(`mutation($i: SaveSegmentInput!) { saveSegment(input: $i) { segment { id } } }`, { i: { name: 'Probe policy segment', filter: { search: P.email2 } } }));
    await ok(gql(`mutation($f: CustomerFilter!) { bulkTagCustomers(input: { filter: $f, add: ["probe-bulk"] }) { changed } }`, { f: { search: P.latinName } }));

    const exported = await ok(gql(EXPORT, { input: { resource: 'CUSTOMERS', customers: { search: P.email2 } } }));
    expect(exported.createExport.rowCount).toBe(1);
    expect(await download(exported.createExport.url)).toContain(P.email2);
    const unused = await ok(gql(EXPORT, { input: { resource: 'CUSTOMERS', customers: { search: P.name } } }));
    await server.db.query(`update export_request set expires_at = now() - interval '1 second' where id = $1`, [unused.createExport.url.split('/').pop()]);
    await ok(gql(EXPORT, { input: { resource: 'ARCHIVED_CUSTOMERS', archivedCustomers: { search: P.phone, reason: P.email } } }));

    const policy = await ok(gql(`mutation($i: CreateArchivePolicyInput!) { createArchivePolicy(input: $i) { policy { id } } }`, {
      i: { name: 'Probe policy', description: `asked for by ${P.email}`, action: 'ARCHIVE_CUSTOMERS', criteria: { segmentId: policySegment.saveSegment.segment.id, tags: ['probe-none'] } },
    }));
    const run = await ok(gql(`mutation { runArchivePolicy(input: { id: "${policy.createArchivePolicy.policy.id}" }) { job { id } } }`));
    await finished(run.runArchivePolicy.job.id);
    const normalize = await ok(gql(`mutation($f: CustomerFilter) { normalizeCustomers(input: { filter: $f, dryRun: false }) { job { id } } }`, { f: { search: P.email2 } }));
    await finished(normalize.normalizeCustomers.job.id);
    const sweep = await ok(gql(`mutation($r: String) { runRetentionSweep(input: { reason: $r }) { job { id } } }`, { r: `sweep for ${P.email}` }));
    await finished(sweep.runRetentionSweep.job.id);
    const backup = await ok(gql(`mutation($r: String) { startBackup(input: { reason: $r }) { job { id } } }`, { r: `before talking to ${P.phone}` }));
    await finished(backup.startBackup.job.id);
    const [{ name }] = await server.db.query<{ name: string }>(`select params->>'name' as name from job where id = $1`, [dbId(backup.startBackup.job.id)]);
    const drill = await ok(gql(`mutation($id: ID!) { startBackupDrill(input: { id: $id }) { job { id } } }`, { id: name }));
    await finished(drill.startBackupDrill.job.id);
    // MANAGER reads jobs: results name the backup file, never where it lies on the server.
    const seen = await ok(server.as('manager')(`{ jobs(first: 50, filter: { kind: [BACKUP, BACKUP_DRILL] }) { nodes { kind result error } } }`));
    const results = seen.jobs.nodes.map((j: any) => j.result);
    expect(results).toHaveLength(2);
    for (const result of results) expect(result.file).toBe(`${name}.cbk`);
    expect(JSON.stringify(seen)).not.toContain(backupDir);
    const rotation = await ok(gql(`mutation($r: String) { startKeyRotation(input: { reason: $r }) { job { id } } }`, { r: `key seen by ${P.email2}` }));
    await finished(rotation.startKeyRotation.job.id);

    // Staff data: the new user's email is another person's personal data.
    await ok(gql(`mutation { createUser(input: { email: "staff.planted@probe-mail.cn", displayName: "Probe staff", role: SALES, password: "0123456789ab" }) { user { id } } }`));

    // The audit log as the auditor downloads it.
    const auditExport = await ok(server.as('auditor')(EXPORT, { input: { resource: 'AUDIT_EVENTS' } }));
    auditCsv = await download(auditExport.createExport.url);
    expect(auditExport.createExport.rowCount).toBeGreaterThan(30);
  }, 300_000);

  it('finds none of them in any audit event, job result or used export link', async () => {
    const findings = await personalDataFindings(server.db, [...PLANTED, 'staff.planted@probe-mail.cn']);
    expect(findings).toEqual([]);
  });

  it('finds none of them in the audit log as exported (CSV)', () => {
    for (const value of [...PLANTED, 'staff.planted@probe-mail.cn']) expect({ value, found: auditCsv.includes(value) }).toEqual({ value, found: false });
    expect(auditCsv).toContain('[hmac:email:');
  });

  it('keeps a job parameter only where the job needs it to run (ADMIN and MANAGER read those)', async () => {
    const jobs = await server.db.query<{ kind: string; params: any }>(`select kind, params from job where params::text like '%probe-mail%' or params::text like '%139 8765%'`);
    for (const job of jobs) expect(Object.keys(JOB_PARAMS_IN_USE)).toContain(job.kind);
  });

  it('replaces search criteria by a keyed hash that stays comparable', async () => {
    const events = await server.db.query<{ search: string }>(
      `select changes->'filter'->'to'->>'search' as search from audit_event where action = 'EXPORT_REQUESTED' order by seq`,
    );
    const tokens = events.map((e) => e.search).filter(Boolean);
    expect(tokens).toHaveLength(3);
    for (const token of tokens) expect(token).toMatch(/^\[hmac:text:test1:[0-9a-f]{24}\]$/);
    expect(new Set(tokens).size).toBe(3);
    // The same term asked for again (any case, extra spaces) gives the same token.
    await ok(server.gql(EXPORT, { input: { resource: 'CUSTOMERS', customers: { search: `  ${P.email2.toUpperCase()} ` } } }));
    const [again] = await server.db.query<{ search: string }>(
      `select changes->'filter'->'to'->>'search' as search from audit_event where action = 'EXPORT_REQUESTED' order by seq desc limit 1`,
    );
    expect(again!.search).toBe(tokens[0]);
    const [segment] = await server.db.query<{ changes: any }>(`select changes from audit_event where action = 'SEGMENT_UPDATED'`);
    expect(segment!.changes.filter.from.search).toMatch(/^\[hmac:text:/);
    expect(segment!.changes.description.to).toMatch(/^\[hmac:text:/);
  });

  it('keeps what an auditor needs: masked fields, reasons around the tokens, ids and states', async () => {
    const [voided] = await server.db.query<{ reason: string }>(`select reason from audit_event where action = 'CUSTOMER_VOIDED'`);
    expect(voided!.reason).toMatch(/^OTHER: duplicate of \[hmac:email:test1:[0-9a-f]{24}\], call \[hmac:phone:test1:[0-9a-f]{24}\]$/);
    const [user] = await server.db.query<{ changes: any }>(`select changes from audit_event where action = 'USER_CREATED' order by seq desc limit 1`);
    expect(user!.changes.email).toEqual({ to: 's***@probe-mail.cn' });
    const [created] = await server.db.query<{ changes: any }>(`select changes from audit_event where action = 'CUSTOMER_CREATED' order by seq limit 1`);
    expect(created!.changes).toMatchObject({ email: { to: 'z***@probe-mail.cn' }, phone: { to: '+86 139 **** 4321' }, name: { to: '周***' } });
    const [archived] = await server.db.query<{ changes: any }>(`select changes from audit_event where action = 'CUSTOMER_ARCHIVED' order by seq limit 1`);
    expect(archived!.changes.status).toEqual({ from: 'ACTIVE', to: 'ARCHIVED' });
    const verified = await server.as('auditor')(`{ verifyAuditChain { ok } }`);
    expect(verified.data.verifyAuditChain.ok).toBe(true);
  });

  it('finds what it looks for (the scan itself is checked)', async () => {
    await server.db.query(`select audit_append(null, null, 'PROBE', 'Probe', null, $1, $2::jsonb, null)`, [`call ${P.mobile}`, JSON.stringify({ filter: { to: { search: P.name } } })]);
    await server.db.query(`insert into job (kind, params, state, result) values ('BACKUP', '{}', 'SUCCEEDED', $1::jsonb)`, [JSON.stringify({ file: `${backupDir}/x.cbk` })]);
    const findings = await personalDataFindings(server.db, PLANTED);
    expect(findings.map((f) => [f.where, f.value])).toEqual(
      expect.arrayContaining([['audit_event PROBE', P.mobile], ['audit_event PROBE', P.name], ['job BACKUP', `${backupDir}/x.cbk`]]),
    );
  });
});

describe('the scrubber', () => {
  it('replaces contact data and identifiers inside free text, and nothing else', () => {
    const token = (kind: string) => new RegExp(`\\[hmac:${kind}:test1:[0-9a-f]{24}\\]`);
    expect(scrubText(`mail ${P.email}, call ${P.phone} or ${P.mobile}, id ${P.personId}`)).toMatch(
      new RegExp(`^mail ${token('email').source}, call ${token('phone').source} or ${token('phone').source}, id ${token('id').source}$`),
    );
    expect(scrubText('021-6123-4567 and 张三@例子.中国')).toMatch(new RegExp(`^${token('phone').source} and ${token('email').source}$`));
    for (const kept of [
      'z***@example.com', '+86 139 **** 4321', '2026-12-04T10:11:12.123Z', '2026-12-04 10:11:12.5+08', 'policy:12:2026-12-04', 'custos-20261204T101112Z-ab12cd',
      'k20261204ab12cd34', 'a'.repeat(64).replace(/a/g, 'f0').slice(0, 64), 'archived 1234 customers in 3 batches', 'v1.2.3', 'CN-SH',
    ]) {
      expect(scrubText(kept)).toBe(kept);
    }
  });

  it('keeps tokens stable: the same value (any case or spacing) gives the same token, and scrubbing twice changes nothing', () => {
    expect(auditPseudonym('email', ' Zhou.Planted@PROBE-mail.cn ')).toBe(auditPseudonym('email', P.email));
    expect(auditPseudonym('phone', '+86 139-8765-4321')).toBe(auditPseudonym('phone', P.phone));
    expect(auditPseudonym('text', 'a')).not.toBe(auditPseudonym('text', 'b'));
    const once = auditSafe({ filter: { to: { search: P.email, tags: ['vip'] } }, note: `call ${P.mobile}` });
    expect(auditSafe(once)).toEqual(once);
    expect(once).toMatchObject({ filter: { to: { tags: ['vip'] } } });
  });
});
