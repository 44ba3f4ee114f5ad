import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { JobWorker } from '../src/modules/job/job.worker.js';
import { personalDataFindings } from './helpers/audit-scan.js';
import { setTaxId } from './helpers/fixtures.js';
import { dbId } from './helpers/global-ids.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * Ids: `ids` and request ids are the API's (global ids); the database and the export
 * bundle hold database ids, read from them with dbId.
 *
 * Data-subject requests end to end over GraphQL and HTTP on a real database: the register
 * (due dates, masking, validation), the subject access export (everything planted about
 * the subject across live, archived, merged and interaction tables, and the access log —
 * and nothing about a similar-but-different person), erasure and correction through the
 * ordinary paths, linked to the request in steps and audit rows.
 */

let server: TestServer;
let worker: JobWorker;

const SUBJECT = { subjectName: 'Zhang Wei', email: 'zhang.wei@example.com', phone: '13800135678', taxId: '91310000MA1K4XY12B' };
/** The same name, another person. */
const OTHER = { email: 'zhang.wei.other@example.com', phone: '+86 139 0000 1111', taxId: '91110000MA2B7QR34C' };

const ids: Record<string, string> = {};
/** Text planted in rows about the subject (each must reach the bundle) and about the other person (none may). */
const MINE = ['SUBJ-LIVE-NOTE', 'SUBJ-LIVE-INT', 'SUBJ-OLD-INT', 'SUBJ-ARCH-NOTE', 'SUBJ-ARCH-INT', 'SUBJ-MERGED-INT', 'SUBJ-SURVIVOR-INT'];
const THEIRS = ['OTHER-LIVE-NOTE', 'OTHER-LIVE-INT', 'OTHER-ARCH-INT', OTHER.email, OTHER.taxId, '139 0000 1111'];

async function ok(res: { data?: any; errors?: unknown[] }) {
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function create(input: Record<string, unknown>, name: string): Promise<string> {
  const data = await ok(await server.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`, { input: { type: 'INDIVIDUAL', name, ...input } }));
  return data.createCustomer.customer.id;
}

async function log(customerId: string, body: string, occurredAt?: string) {
  if (occurredAt) {
    await server.db.query(`insert into interaction (customer_id, kind, occurred_at, subject, body) values ($1, 'CALL', $2, 'call', $3)`, [dbId(customerId), occurredAt, body]);
    return;
  }
  await ok(await server.gql(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { interaction { id } } }`, {
    input: { customerId, kind: 'CALL', subject: 'call', body },
  }));
}

async function download(url: string) {
  const res = await fetch(`${server.url}${url}`);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

const REQUEST_FIELDS = 'id kind regime status receivedOn dueOn overdue language reference subjectName email phone taxId outcome closedAt steps { action customerId customerCode jobId fields } accessExport { customers interactions history merges accessLog }';

async function newRequest(input: Record<string, unknown>) {
  const data = await ok(await server.gql(`mutation($input: CreateSubjectRequestInput!) { createSubjectRequest(input: $input) { subjectRequest { ${REQUEST_FIELDS} } } }`, {
    input: { kind: 'ACCESS', regime: 'GDPR', receivedOn: '2026-12-01', language: 'EN', ...input },
  }));
  return data.createSubjectRequest.subjectRequest;
}

beforeAll(async () => {
  server = await startTestServer();
  worker = startWorker(server);
  // Live: matched by email, phone and tax id; one interaction logged, one old one archived on its own.
  ids.live = await create({ email: 'Zhang.Wei@Example.com', phone: '+86 138 0013 5678', taxId: SUBJECT.taxId, notes: 'SUBJ-LIVE-NOTE' }, 'Zhang Wei');
  await log(ids.live, 'SUBJ-LIVE-INT');
  await log(ids.live, 'SUBJ-OLD-INT', '2019-05-01T10:00:00Z');
  await ok(await server.gql(`mutation { archiveInteractions(input: { customerId: "${ids.live}", olderThan: "2021-01-01T00:00:00Z", reason: "old calls" }) { archivedCount } }`));
  // Archived: matched by the phone written another way only.
  ids.archived = await create({ phone: '0086-138-0013-5678', notes: 'SUBJ-ARCH-NOTE' }, '张伟');
  await log(ids.archived, 'SUBJ-ARCH-INT');
  await ok(await server.gql(`mutation { archiveCustomers(input: { ids: ["${ids.archived}"], reason: "inactive" }) { customers { id } } }`));
  // Merged: a record matched by email folded into a survivor that matches nothing itself.
  ids.merged = await create({ email: 'zhang.wei@EXAMPLE.COM' }, 'Wei Zhang');
  await log(ids.merged, 'SUBJ-MERGED-INT');
  ids.survivor = await create({ email: 'w.zhang@work.example' }, 'W. Zhang');
  await log(ids.survivor, 'SUBJ-SURVIVOR-INT');
  await ok(await server.gql(`mutation { mergeCustomers(input: { survivorId: "${ids.survivor}", mergedIds: ["${ids.merged}"], versions: [{ id: "${ids.survivor}", version: 1 }, { id: "${ids.merged}", version: 1 }] }) { merge { id } } }`));
  // The other Zhang Wei: same name, nothing else in common; one live, one archived.
  ids.other = await create({ email: OTHER.email, phone: OTHER.phone, taxId: OTHER.taxId, notes: 'OTHER-LIVE-NOTE' }, 'Zhang Wei');
  await log(ids.other, 'OTHER-LIVE-INT');
  ids.otherArchived = await create({ email: 'someone.else@example.com' }, 'Zhang Wei');
  await setTaxId(server.db, dbId(ids.otherArchived), '91440300MA5F000001');
  await log(ids.otherArchived, 'OTHER-ARCH-INT');
  await ok(await server.gql(`mutation { archiveCustomers(input: { ids: ["${ids.otherArchived}"], reason: "inactive" }) { customers { id } } }`));
  // Staff reading: one read of the subject alone, one list that shows both people.
  await ok(await server.as('support')(`{ customer(id: "${ids.live}") { email notes } }`));
  await ok(await server.as('manager')(`{ customers(filter: { ids: ["${ids.live}", "${ids.other}"] }) { nodes { email phone } } }`));
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
});

describe('the register', () => {
  it('computes the due date per regime and flags overdue requests', async () => {
    const gdpr = await newRequest({ ...SUBJECT, receivedOn: '2026-01-31', reference: 'DSR-A' });
    expect(gdpr).toMatchObject({ status: 'OPEN', dueOn: '2026-02-28', overdue: true, steps: [{ action: 'RECEIVED' }] });
    const pipl = await newRequest({ email: SUBJECT.email, regime: 'PIPL', receivedOn: '2026-12-04' });
    expect(pipl.dueOn).toBe('2026-12-25');
    const overdue = await ok(await server.as('auditor')(`{ subjectRequests(filter: { overdue: true }) { totalCount nodes { id dueOn overdue } } }`));
    expect(overdue.subjectRequests.nodes.map((n: { id: string }) => n.id)).toContain(gdpr.id);
    expect(overdue.subjectRequests.nodes.every((n: { overdue: boolean }) => n.overdue)).toBe(true);
    const all = await ok(await server.gql(`{ subjectRequests(first: 50) { nodes { dueOn } } }`));
    const dues = all.subjectRequests.nodes.map((n: { dueOn: string }) => n.dueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it('shows identifiers by role: in clear to ADMIN, masked to MANAGER and AUDITOR (no tax id for AUDITOR)', async () => {
    const request = await newRequest(SUBJECT);
    expect(request).toMatchObject({ email: SUBJECT.email, phone: SUBJECT.phone, taxId: SUBJECT.taxId, subjectName: 'Zhang Wei' });
    const manager = await ok(await server.as('manager')(`{ subjectRequest(id: "${request.id}") { email phone taxId subjectName } }`));
    expect(manager.subjectRequest).toEqual({ email: 'z***@example.com', phone: '138****5678', taxId: '91************Y12B', subjectName: 'Z***' });
    const auditor = await server.as('auditor')(`{ subjectRequest(id: "${request.id}") { email taxId } }`);
    expect(auditor.data.subjectRequest.email).toBe('z***@example.com');
    expect(auditor.errors?.[0]).toMatchObject({ path: ['subjectRequest', 'taxId'], extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(auditor)).not.toContain(SUBJECT.taxId);
    // The register stores them sealed: no identifier in clear in the row.
    const [row] = await server.db.query<{ text: string }>(`select to_jsonb(r)::text as text from subject_request r where id = $1`, [dbId(request.id)]);
    for (const value of Object.values(SUBJECT)) expect(row!.text).not.toContain(value);
  });

  it('refuses a name alone, a date that is not one, and a future date, writing nothing', async () => {
    const [{ n: before }] = await server.db.query<{ n: number }>(`select count(*)::int as n from subject_request`);
    for (const input of [{ subjectName: 'Zhang Wei' }, { ...SUBJECT, receivedOn: '2026-02-30' }, { ...SUBJECT, receivedOn: '2999-01-01' }]) {
      const res = await server.gql(`mutation($input: CreateSubjectRequestInput!) { createSubjectRequest(input: $input) { subjectRequest { id } } }`, {
        input: { kind: 'ACCESS', regime: 'GDPR', receivedOn: '2026-12-01', language: 'EN', ...input },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const [{ n: after }] = await server.db.query<{ n: number }>(`select count(*)::int as n from subject_request`);
    expect(after).toBe(before);
  });
});

describe('the subject access export', () => {
  let request: { id: string };
  let bundle: any;
  let bundleText: string;

  beforeAll(async () => {
    request = await newRequest({ ...SUBJECT, language: 'ZH_CN', reference: 'DSR-EXPORT' });
    const matches = await ok(await server.gql(`{ subjectMatches(id: "${request.id}") { customerId archived matchedBy } }`));
    expect(matches.subjectMatches).toEqual([
      { customerId: ids.live, archived: false, matchedBy: ['EMAIL', 'PHONE', 'TAX_ID', 'NAME'] },
      { customerId: ids.archived, archived: true, matchedBy: ['PHONE'] },
      { customerId: ids.merged, archived: false, matchedBy: ['EMAIL'] },
      { customerId: ids.survivor, archived: false, matchedBy: ['MERGE'] },
    ].sort((a, b) => Number(dbId(a.customerId)) - Number(dbId(b.customerId))));
    const run = await ok(await server.gql(`mutation { runSubjectAccessExport(input: { id: "${request.id}" }) { job { id } subjectRequest { status } } }`));
    expect(run.runSubjectAccessExport.subjectRequest.status).toBe('IN_PROGRESS');
    const job = await waitForJob(server.db, run.runSubjectAccessExport.job.id, undefined, 60_000);
    expect(job.state).toBe('SUCCEEDED');
    const link = await ok(await server.gql(`mutation { subjectAccessExportLink(input: { id: "${request.id}", format: JSON }) { url } }`));
    const file = await download(link.subjectAccessExportLink.url);
    expect(file.status).toBe(200);
    expect(file.type).toContain('application/json');
    bundleText = file.text;
    bundle = JSON.parse(file.text);
    // Single use.
    expect((await download(link.subjectAccessExportLink.url)).status).toBe(404);
  });

  it('holds every customer record about the subject, live, archived and merged, and no other', () => {
    expect(bundle.customers.map((c: { id: string }) => c.id).sort()).toEqual([ids.live, ids.archived, ids.merged, ids.survivor].map(dbId).sort());
    const live = bundle.customers.find((c: { id: string }) => c.id === dbId(ids.live));
    expect(live).toMatchObject({ store: 'LIVE', email: 'Zhang.Wei@Example.com', taxId: SUBJECT.taxId, notes: 'SUBJ-LIVE-NOTE' });
    expect(bundle.customers.find((c: { id: string }) => c.id === dbId(ids.archived))).toMatchObject({ store: 'ARCHIVE', notes: 'SUBJ-ARCH-NOTE' });
    expect(bundle.customers.find((c: { id: string }) => c.id === dbId(ids.merged))).toMatchObject({ status: 'MERGED', mergedInto: dbId(ids.survivor) });
  });

  it('holds every interaction planted about the subject (live and archived), exactly', async () => {
    const planted = await server.db.query<{ id: string }>(
      `select id::text from interaction where customer_id = any($1::bigint[]) union all select id::text from archive.interaction where customer_id = any($1::bigint[])`,
      [[ids.live, ids.archived, ids.merged, ids.survivor].map(dbId)],
    );
    expect(bundle.interactions.map((i: { id: string }) => i.id).sort()).toEqual(planted.map((p) => p.id).sort());
    for (const marker of MINE) expect(bundleText).toContain(marker);
    expect(bundle.interactions.find((i: { body: string }) => i.body === 'SUBJ-OLD-INT').store).toBe('ARCHIVE');
  });

  it('holds the merge, history and the reads of the records, by role only', () => {
    expect(bundle.merges).toHaveLength(1);
    expect(bundle.merges[0].records.map((r: { id: string }) => r.id).sort()).toEqual([ids.merged, ids.survivor].map(dbId).sort());
    expect(bundle.history.filter((h: { customerId: string }) => h.customerId === dbId(ids.live)).map((h: { action: string }) => h.action)).toContain('CUSTOMER_CREATED');
    const reads = bundle.accessLog.filter((a: { recordIds: string[] }) => a.recordIds.includes(dbId(ids.live)));
    expect(reads.map((a: { actorRole: string }) => a.actorRole)).toEqual(expect.arrayContaining(['SUPPORT', 'MANAGER']));
    // Staff are other people: their roles only.
    expect(bundleText).not.toMatch(/"actorId"|"ownerId"|"owner_id"|@example\.com"?,?\s*"displayName/);
    expect(bundleText).not.toContain('manager@example.com');
  });

  it('holds nothing about the other Zhang Wei', async () => {
    for (const marker of THEIRS) expect(bundleText).not.toContain(marker);
    const theirs = [ids.other, ids.otherArchived].map(dbId);
    const customerIds = [
      ...bundle.customers.flatMap((c: { id: string; mergedInto: string | null }) => [c.id, c.mergedInto]),
      ...bundle.interactions.map((i: { customerId: string }) => i.customerId),
      ...bundle.history.map((h: { customerId: string }) => h.customerId),
      ...bundle.merges.flatMap((m: { survivorId: string | null; mergedIds: string[]; records: { id: string }[] }) => [m.survivorId, ...m.mergedIds, ...m.records.map((r) => r.id)]),
      ...bundle.accessLog.filter((a: { entityType: string }) => /Customer$/.test(a.entityType)).flatMap((a: { recordIds: string[] }) => a.recordIds),
    ];
    for (const id of theirs) expect(customerIds).not.toContain(id);
    // The list that showed both people is in the log, with the subject's record only.
    const both = bundle.accessLog.find((a: { actorRole: string; field: string }) => a.actorRole === 'MANAGER' && a.field === 'email');
    expect(both.recordIds).toEqual([dbId(ids.live)]);
    const theirInteractions = await server.db.query<{ id: string }>(`select id::text from interaction where customer_id = $1 union all select id::text from archive.interaction where customer_id = $2`, theirs);
    expect(theirInteractions.length).toBe(2);
    for (const { id } of theirInteractions) expect(bundle.interactions.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('has a readable summary in the subject\u2019s language', async () => {
    const link = await ok(await server.gql(`mutation { subjectAccessExportLink(input: { id: "${request.id}", format: HTML }) { url } }`));
    const html = await download(link.subjectAccessExportLink.url);
    expect(html.type).toContain('text/html');
    expect(html.text).toContain('<html lang="zh-CN">');
    expect(html.text).toContain('我们持有的您的个人信息');
    expect(html.text).toContain('SUBJ-ARCH-INT');
    for (const marker of THEIRS) expect(html.text).not.toContain(marker);
  });

  it('records every step, and closing drops the identifiers and the export', async () => {
    const done = await ok(await server.gql(`mutation { completeSubjectRequest(input: { id: "${request.id}", note: "sent by post" }) { subjectRequest { ${REQUEST_FIELDS} } } }`));
    const closed = done.completeSubjectRequest.subjectRequest;
    expect(closed.steps.map((s: { action: string }) => s.action)).toEqual(['RECEIVED', 'EXPORT_QUEUED', 'EXPORT_READY', 'EXPORT_DOWNLOADED', 'EXPORT_DOWNLOADED', 'FULFILLED']);
    expect(closed).toMatchObject({ status: 'FULFILLED', email: 'z***@example.com', taxId: '91************Y12B', accessExport: null, outcome: 'sent by post' });
    const [row] = await server.db.query<{ identifiers: string | null }>(`select identifiers from subject_request where id = $1`, [dbId(request.id)]);
    expect(row!.identifiers).toBeNull();
    expect(await server.db.query(`select 1 from subject_request_bundle where request_id = $1`, [dbId(request.id)])).toEqual([]);
    const again = await server.gql(`mutation { runSubjectAccessExport(input: { id: "${request.id}" }) { job { id } } }`);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
    const audit = await server.db.query<{ action: string }>(`select action from audit_event where entity_type = 'SubjectRequest' and entity_id = $1 order by audit_event.seq`, [dbId(request.id)]);
    expect(audit.map((a) => a.action)).toEqual([
      'SUBJECT_REQUEST_RECEIVED', 'SUBJECT_ACCESS_EXPORT_STARTED', 'SUBJECT_ACCESS_EXPORT_LINK_CREATED', 'SUBJECT_ACCESS_EXPORT_DOWNLOADED',
      'SUBJECT_ACCESS_EXPORT_LINK_CREATED', 'SUBJECT_ACCESS_EXPORT_DOWNLOADED', 'SUBJECT_REQUEST_FULFILLED',
    ]);
  });
});

describe('fulfilment through the ordinary paths', () => {
  it('erases matched customers, each audit event carrying the request, after a count confirmation', async () => {
    const customer = await create({ email: 'li.na@example.com', notes: 'ERASE-ME' }, 'Li Na');
    await log(customer, 'ERASE-ME-TOO');
    const bystander = await create({ email: 'li.na.2@example.com' }, 'Li Na');
    const request = await newRequest({ kind: 'ERASURE', email: 'li.na@example.com', regime: 'PIPL' });
    const erase = (customerIds: string[], confirmCount: number) =>
      server.gql(`mutation($input: EraseSubjectDataInput!) { eraseSubjectData(input: $input) { subjectRequest { ${REQUEST_FIELDS} } } }`, {
        input: { id: request.id, customerIds, confirmCount },
      });
    expect((await erase([customer], 2)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await erase([bystander], 1)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await server.as('manager')(`mutation { eraseSubjectData(input: { id: "${request.id}", customerIds: ["${customer}"], confirmCount: 1 }) { subjectRequest { id } } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [{ notes }] = await server.db.query<{ notes: string }>(`select notes from customer where id = $1`, [dbId(customer)]);
    expect(notes).toBe('ERASE-ME');

    const done = (await ok(await erase([customer], 1))).eraseSubjectData.subjectRequest;
    expect(done.status).toBe('IN_PROGRESS');
    expect(done.steps.at(-1)).toMatchObject({ action: 'ERASED', customerId: customer, fields: expect.arrayContaining(['email', 'taxId']) });
    const [row] = await server.db.query<{ email: string | null; notes: string | null }>(`select email, notes from customer where id = $1`, [dbId(customer)]);
    expect(row).toEqual({ email: null, notes: null });
    const events = await server.db.query<{ action: string; entity_id: string; changes: any }>(
      `select action, entity_id, changes from audit_event where changes -> 'subjectRequest' ->> 'to' = $1 order by audit_event.seq`,
      [dbId(request.id)],
    );
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([['CUSTOMER_PERSONAL_DATA_ERASED', dbId(customer)]]);
    const [last] = await server.db.query<{ action: string }>(`select action from audit_event order by audit_event.seq desc limit 1`);
    expect(last!.action).toBe('SUBJECT_REQUEST_ERASURE_DONE');
    // An erasure request is not answered by a correction, nor the other way round.
    const wrong = await server.gql(`mutation { correctSubjectData(input: { id: "${request.id}", customer: { id: "${customer}", version: 1, tier: KEY_ACCOUNT } }) { subjectRequest { id } } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_STATE');
  });

  it('corrects a matched customer through updateCustomer, linked to the request', async () => {
    const customer = await create({ email: 'wang.fang@example.com', phone: '+86 137 1111 2222' }, 'Wang Fang');
    const request = await newRequest({ kind: 'CORRECTION', email: 'wang.fang@example.com' });
    const [{ version }] = await server.db.query<{ version: number }>(`select version from customer where id = $1`, [dbId(customer)]);
    const res = await ok(await server.as('manager')(`mutation($input: CorrectSubjectDataInput!) { correctSubjectData(input: $input) { subjectRequest { steps { action customerId fields } } } }`, {
      input: { id: request.id, customer: { id: customer, version, phone: '+86 137 3333 4444' } },
    }));
    expect(res.correctSubjectData.subjectRequest.steps.at(-1)).toEqual({ action: 'CORRECTED', customerId: customer, fields: ['phone'] });
    const [event] = await server.db.query<{ action: string; changes: any }>(
      `select action, changes from audit_event where entity_type = 'Customer' and entity_id = $1 order by audit_event.seq desc limit 1`,
      [dbId(customer)],
    );
    expect(event).toMatchObject({ action: 'CUSTOMER_UPDATED', changes: { subjectRequest: { to: dbId(request.id) }, phone: { to: expect.stringContaining('****') } } });
  });

  it('leaves no planted identifier in clear in the audit log or the jobs', async () => {
    const planted = [SUBJECT.phone, SUBJECT.taxId, '138 0013 5678', OTHER.taxId, 'li.na', 'wang.fang'];
    expect(await personalDataFindings(server.db, planted, { emails: false })).toEqual([]);
    const [{ text }] = await server.db.query<{ text: string }>(`select coalesce(string_agg(changes::text || coalesce(reason, ''), ' '), '') as text from audit_event`);
    expect(text).not.toContain(SUBJECT.email);
  });
});
