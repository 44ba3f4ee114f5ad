import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  criterionAccess,
  DUPLICATE_EVIDENCE_FIELDS,
  duplicateEvidenceAccess,
  ROW_VALUE_CRITERIA,
  type RowValueCriterion,
} from '../src/policy/criteria.js';
import { ACTIONS, Action, FieldAccess, RowScope } from '../src/policy/policy.js';
import { insertCustomer, setTaxId } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, TEST_USERS, type TestServer, type TestUser } from './helpers/test-server.js';
import { dbId } from './helpers/global-ids.js';

/**
 * The permission matrix for values that stand for customer data without being customer
 * fields (src/policy/criteria.ts), generated from the policy: every role × every criterion
 * of a saved segment × every path a segment leaves by; every role × every kind of duplicate
 * evidence, listed, filtered and counted; every role × the results of backup jobs. The
 * field matrix is test/permission-matrix.test.ts.
 */

const ROLE_USERS: TestUser[] = ['admin', 'manager', 'sales1', 'support', 'auditor', 'reporting'];
const EMAIL = 'matrix.criteria@example.com';
const PHONE = '+86 137 0000 4242';
const DESCRIPTION = 'VIP contact, see the search term';
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-matrix-criteria-'));
const BACKUPS = { BACKUP_DIR: backupDir, BACKUP_KEY: 'matrix-criteria-backup-key-matrix-criteria-0123' };

let server: TestServer;
let customerId: string;
const segments = {} as Record<RowValueCriterion | 'public', { id: string; value: unknown }>;

const allows = (user: TestUser, action: Action) => ACTIONS[action][TEST_USERS[user]] !== RowScope.NONE;

beforeAll(async () => {
  server = await startTestServer(BACKUPS);
  customerId = await insertCustomer(server.db, { name: 'Criteria Matrix', email: EMAIL, phone: PHONE, ownerId: server.users.sales1, region: 'CN-SH' });
  // One saved segment per criterion (taxId cannot be stored: exact lookups are list-only).
  const values: Record<string, unknown> = { search: EMAIL, ids: [customerId], public: ['CN-SH'] };
  for (const [criterion, value] of Object.entries(values)) {
    const filter = criterion === 'public' ? { region: value } : { [criterion]: value };
    const res = await server.gql(`mutation($i: SaveSegmentInput!) { saveSegment(input: $i) { segment { id } } }`, {
      i: { name: `Matrix ${criterion}`, description: DESCRIPTION, filter },
    });
    expect(res.errors).toBeUndefined();
    segments[criterion as RowValueCriterion] = { id: res.data.saveSegment.segment.id, value };
  }
}, 60_000);
afterAll(async () => {
  await server?.close();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

describe('segments (generated from the policy)', () => {
  const SEGMENT_FIELDS = 'id name description filter hiddenCriteria customerCount';
  const PATHS: { name: string; read: (user: TestUser, id: string) => Promise<any> }[] = [
    { name: 'segments', read: async (user, id) => ((await server.as(user)(`{ segments { ${SEGMENT_FIELDS} } }`)).data?.segments ?? []).find((s: any) => s.id === id) },
    { name: 'segment(id)', read: async (user, id) => (await server.as(user)(`{ segment(id: "${id}") { ${SEGMENT_FIELDS} } }`)).data?.segment },
  ];
  const cases: [string, TestUser, RowValueCriterion | 'public', (typeof PATHS)[number]][] = [];
  for (const user of ROLE_USERS) {
    for (const criterion of ['search', 'ids', 'public'] as const) for (const p of PATHS) cases.push([`${TEST_USERS[user]} ${criterion} via ${p.name}`, user, criterion, p]);
  }

  it.each(cases)('%s', async (_name, user, criterion, p) => {
    const segment = await p.read(user, segments[criterion].id);
    const access = criterion === 'public' ? FieldAccess.FULL : criterionAccess(TEST_USERS[user], criterion);
    expect(segment).toBeDefined();
    if (access === FieldAccess.FULL) {
      expect(segment.hiddenCriteria).toEqual([]);
      expect(segment.description).toBe(DESCRIPTION);
      const key = criterion === 'public' ? 'region' : criterion;
      expect(segment.filter[key]).toEqual(segments[criterion].value);
    } else {
      expect(segment.hiddenCriteria).toEqual([criterion]);
      expect(segment.description).toBeNull();
      expect(segment.filter).not.toHaveProperty(criterion);
      expect(JSON.stringify(segment)).not.toContain(EMAIL);
      expect(JSON.stringify(segment.filter)).not.toContain(customerId);
    }
    // Using the segment matches what the role may search, on the rows it may read: the
    // count is the role's own list through the segment, never more.
    const listed = await server.as(user)(`{ customers(filter: { segmentId: "${segments[criterion].id}" }) { totalCount } }`);
    expect(segment.customerCount).toBe(listed.data.customers.totalCount);
    if (criterion === 'search' && access === FieldAccess.NONE) {
      const direct = await server.as(user)(`{ customers(filter: { search: "${EMAIL}" }) { totalCount } }`);
      expect(segment.customerCount).toBe(direct.data.customers.totalCount);
    }
  });

  const saves: [string, TestUser, RowValueCriterion][] = [];
  for (const user of ROLE_USERS.filter((u) => allows(u, Action.CLASSIFICATION_MANAGE))) {
    for (const criterion of ['search', 'ids'] as const) saves.push([`${TEST_USERS[user]} saves a segment on ${criterion}`, user, criterion]);
  }

  it.each(saves)('%s only when it may see the criterion', async (_name, user, criterion) => {
    const res = await server.as(user)(`mutation($i: SaveSegmentInput!) { saveSegment(input: $i) { segment { filter hiddenCriteria } } }`, {
      i: { name: `Saved by ${user} ${criterion}`, filter: { [criterion]: segments[criterion].value } },
    });
    if (criterionAccess(TEST_USERS[user], criterion) === FieldAccess.FULL) {
      expect(res.errors).toBeUndefined();
      expect(res.data.saveSegment.segment).toEqual({ filter: { [criterion]: segments[criterion].value }, hiddenCriteria: [] });
    } else {
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('lets nobody store a tax id criterion (exact lookups belong to the lists)', async () => {
    const res = await server.gql(`mutation { saveSegment(input: { name: "Tax", filter: { taxId: "91310000MA1K4XY12B" } }) { segment { id } } }`);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('duplicate evidence (generated from the policy)', () => {
  const groups: Record<string, string> = {};

  beforeAll(async () => {
    for (const kind of Object.keys(DUPLICATE_EVIDENCE_FIELDS)) {
      const a = await insertCustomer(server.db, { name: `Evidence ${kind} A`, ownerId: server.users.sales1 });
      const b = await insertCustomer(server.db, { name: `Evidence ${kind} B`, ownerId: server.users.sales1 });
      if (kind === 'TAX_ID') for (const id of [a, b]) await setTaxId(server.db, id, '91310000MA1K4EVID9');
      const [row] = await server.db.query<{ id: string }>(
        `insert into duplicate_group (score, reasons, member_ids) values ($1, $2::jsonb, array[$3, $4]::bigint[]) returning id::text`,
        [0.8, JSON.stringify([{ kind, score: 0.8, pairs: 1 }]), a, b],
      );
      groups[kind] = row!.id;
    }
  });

  const cases: [string, TestUser, string][] = [];
  for (const user of ROLE_USERS) for (const kind of Object.keys(DUPLICATE_EVIDENCE_FIELDS)) cases.push([`${TEST_USERS[user]} ${kind}`, user, kind]);

  it.each(cases)('%s: listed, filtered and counted alike', async (_name, user, kind) => {
    const role = TEST_USERS[user];
    const visible = duplicateEvidenceAccess(role, kind) === FieldAccess.FULL;
    const listed = await server.as(user)(`{ duplicateCandidates(first: 100) { nodes { id reasons { kind } } } }`);
    const filtered = await server.as(user)(`{ duplicateCandidates(filter: { reason: ["${kind}"] }) { totalCount nodes { id } } }`);
    if (!allows(user, Action.CUSTOMER_MERGE)) {
      expect(listed.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(filtered.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    } else if (visible) {
      expect(listed.data.duplicateCandidates.nodes).toContainEqual({ id: groups[kind], reasons: [{ kind }] });
      expect(filtered.data.duplicateCandidates.nodes.map((n: any) => n.id)).toContain(groups[kind]);
    } else {
      expect(JSON.stringify(listed.data)).not.toContain(kind);
      expect(listed.data.duplicateCandidates.nodes.map((n: any) => n.id)).not.toContain(groups[kind]);
      expect(filtered.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const stats = await server.as(user)(`{ cleanupStats { duplicatesByReason { kind groups } } }`);
    if (!allows(user, Action.REPORT_READ)) {
      expect(stats.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    } else {
      const counted = stats.data.cleanupStats.duplicatesByReason.find((r: any) => r.kind === kind);
      expect({ kind, counted: Boolean(counted) }).toEqual({ kind, counted: visible });
    }
  });
});

describe('job results (generated from the policy)', () => {
  beforeAll(async () => {
    const worker = startWorker(server, BACKUPS);
    try {
      const backup = await server.gql(`mutation { startBackup(input: { reason: "matrix" }) { job { id } } }`);
      expect((await waitForJob(server.db, backup.data.startBackup.job.id, undefined, 120_000)).state).toBe('SUCCEEDED');
      const [{ name }] = await server.db.query<{ name: string }>(`select params->>'name' as name from job where id = $1`, [dbId(backup.data.startBackup.job.id)]);
      const drill = await server.gql(`mutation($id: ID!) { startBackupDrill(input: { id: $id }) { job { id } } }`, { id: name });
      expect((await waitForJob(server.db, drill.data.startBackupDrill.job.id, undefined, 120_000)).state).toBe('SUCCEEDED');
    } finally {
      await worker.stop();
    }
  }, 180_000);

  it.each(ROLE_USERS.map((u) => [TEST_USERS[u], u] as const))('%s reads no server path in any job', async (_role, user) => {
    const res = await server.as(user)(`{ jobs(first: 50) { nodes { kind params result error } } }`);
    if (!allows(user, Action.JOB_READ)) {
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      return;
    }
    expect(res.errors).toBeUndefined();
    const kinds = res.data.jobs.nodes.map((j: any) => j.kind);
    expect(kinds).toEqual(expect.arrayContaining(['BACKUP', 'BACKUP_DRILL']));
    const text = JSON.stringify(res.data);
    expect(text).not.toContain(backupDir);
    expect(text).not.toMatch(/"\/(tmp|var|home|data|srv|opt)\//);
    for (const job of res.data.jobs.nodes.filter((j: any) => j.kind.startsWith('BACKUP'))) expect(job.result.file).toMatch(/^[^/]+\.cbk$/);
  });

  it('lets only roles that may use every stored criterion read job parameters (they hold the filters jobs run on)', () => {
    for (const role of Object.values(TEST_USERS)) {
      if (ACTIONS[Action.JOB_READ][role] === RowScope.NONE) continue;
      for (const criterion of Object.keys(ROW_VALUE_CRITERIA) as RowValueCriterion[]) {
        if (criterion === 'taxId') continue; // never stored in a job (see customerConditions)
        expect({ role, criterion, access: criterionAccess(role, criterion) }).toEqual({ role, criterion, access: FieldAccess.FULL });
      }
    }
  });
});

describe('criteria policy', () => {
  it('matches the reviewed snapshot (change it only on purpose)', () => {
    const table = Object.fromEntries(
      Object.values(TEST_USERS).map((role) => [
        role,
        {
          criteria: Object.fromEntries((Object.keys(ROW_VALUE_CRITERIA) as RowValueCriterion[]).map((c) => [c, criterionAccess(role, c)])),
          duplicateEvidence: Object.fromEntries(Object.keys(DUPLICATE_EVIDENCE_FIELDS).map((k) => [k, duplicateEvidenceAccess(role, k)])),
        },
      ]),
    );
    expect({ ROW_VALUE_CRITERIA, DUPLICATE_EVIDENCE_FIELDS, table }).toMatchSnapshot();
  });
});
