import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '../src/app/server.js';
import { TokenSigner } from '../src/core/tokens.js';
import { openPool } from '../src/db/orm.js';
import type { JobWorker } from '../src/modules/job/job.worker.js';
import { insertCustomer, insertInteractions } from './helpers/fixtures.js';
import { dbId, gid } from './helpers/global-ids.js';
import { startWorker, testConfig, waitForJob } from './helpers/jobs.js';
import { startTestServer, TEST_JWT_SECRET, type GraphQLResponse, type TestServer } from './helpers/test-server.js';

/**
 * Four-eyes approvals over real GraphQL with real workers: the requester cannot decide
 * their own request, an expired request cannot be approved (and so never runs), two
 * approvals racing through two servers on the same database queue one run, a request is
 * carried out once even when its job is queued twice, and every step is audited.
 */

const APPROVALS = { APPROVAL_REQUIRED: 'ERASE_PERSONAL_DATA,ARCHIVE_CUSTOMERS,ROTATE_ENCRYPTION_KEYS', APPROVAL_BULK_ARCHIVE_MIN: '3' };

let server: TestServer;
let admin2: string;
const signer = new TokenSigner(TEST_JWT_SECRET, 3600);
const workers: JobWorker[] = [];

beforeAll(async () => {
  server = await startTestServer(APPROVALS);
  const [row] = await server.db.query<{ id: string }>(`insert into app_user (email, display_name, role) values ('admin2@example.com', 'admin2 用户', 'ADMIN') returning id::text`);
  admin2 = row!.id;
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await server.close();
});

async function post(url: string, userId: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const { token } = await signer.sign({ userId, tokenVersion: 1 });
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse;
}
const asAdmin2 = (query: string, variables: Record<string, unknown> = {}) => post(server.url, admin2, query, variables);

const REQUEST = `mutation($input: RequestApprovalInput!) { requestApproval(input: $input) {
  request { id operation state reason customerIds preview { customers interactions held } requestedBy { id } expiresAt canDecide canCancel } } }`;
const APPROVE = `mutation($id: ID!) { approveRequest(input: { id: $id, note: "looked at it" }) { request { id state decidedBy { id } job { id kind } } } }`;
const REJECT = `mutation($id: ID!) { rejectRequest(input: { id: $id, note: "not this one" }) { request { id state } } }`;
const CANCEL = `mutation($id: ID!) { cancelApprovalRequest(input: { id: $id }) { request { id state } } }`;
const LIST = `query($state: ApprovalState) { approvalRequests(state: $state) { nodes { id state operation canDecide canCancel }
  pendingCount awaitingYouCount approvedCount executedCount rejectedCount cancelledCount expiredCount failedCount } }`;

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const reason = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.reason;
const n = async (sql: string, params: unknown[] = []) => (await server.db.query<{ n: number }>(sql, params))[0]!.n;

async function voidCustomer(tag: string, interactions = 0): Promise<{ id: string; code: string }> {
  const c = `${tag}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
  const id = await insertCustomer(server.db, { code: c, name: `Approval ${tag}`, status: 'VOID' });
  if (interactions) await insertInteractions(server.db, id, Array.from({ length: interactions }, (_, i) => `2025-0${i + 1}-01T00:00:00Z`));
  return { id, code: c };
}

async function requestPurgeNow(c: { id: string; code: string }, as = server.gql): Promise<any> {
  const res = await as(REQUEST, { input: { operation: 'PURGE_NOW', reason: 'court order, urgent', customerIds: [c.id], confirm: c.code } });
  expect(res.errors).toBeUndefined();
  return res.data.requestApproval.request;
}

describe('four-eyes requests', () => {
  it('records a request with its dry run; the requester cannot decide it, and is not offered to', async () => {
    const c = await voidCustomer('prev', 3);
    const request = await requestPurgeNow(c);
    expect(request).toMatchObject({ operation: 'PURGE_NOW', state: 'PENDING', customerIds: [gid('Customer', c.id)], preview: { customers: 1, interactions: 3, held: 0 }, canDecide: false, canCancel: true });

    const own = await server.gql(APPROVE, { id: request.id });
    expect(code(own)).toBe('FORBIDDEN');
    expect(reason(own)).toBe('APPROVAL_OWN_REQUEST');
    expect(reason(await server.gql(REJECT, { id: request.id }))).toBe('APPROVAL_OWN_REQUEST');
    // Nothing changed: still pending, and the customer is still there.
    expect(await n(`select count(*)::int as n from approval_request where id = $1 and state = 'PENDING'`, [dbId(request.id)])).toBe(1);
    expect(await n(`select count(*)::int as n from customer where id = $1`, [c.id])).toBe(1);
    // The database refuses it too, whatever a code path might do.
    await expect(server.db.query(`update approval_request set state = 'APPROVED', decided_by = requested_by, decided_at = now() where id = $1`, [dbId(request.id)])).rejects.toThrow(
      /approval_request_second_person/,
    );

    const seen = (await asAdmin2(LIST, { state: 'PENDING' })).data.approvalRequests;
    expect(seen.nodes.find((r: { id: string }) => r.id === request.id)).toMatchObject({ canDecide: true, canCancel: false });
    expect(seen.awaitingYouCount).toBeGreaterThanOrEqual(1);
    // A Node: read again by its global id under the inbox's own rule (APPROVAL_READ).
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on ApprovalRequest { state operation customerIds canDecide } } }`;
    expect((await asAdmin2(NODE, { id: request.id })).data.node).toEqual({
      __typename: 'ApprovalRequest', id: request.id, state: 'PENDING', operation: 'PURGE_NOW', customerIds: [gid('Customer', c.id)], canDecide: true,
    });
    expect(code(await server.as('sales1')(NODE, { id: request.id }))).toBe('FORBIDDEN');
    const mine = (await server.gql(LIST, { state: 'PENDING' })).data.approvalRequests;
    expect(mine.nodes.find((r: { id: string }) => r.id === request.id)).toMatchObject({ canDecide: false, canCancel: true });

    // A role without the operation's permission may read the inbox but not decide.
    const manager = await server.as('manager')(APPROVE, { id: request.id });
    expect(code(manager)).toBe('FORBIDDEN');
    expect(code(await server.as('sales1')(LIST))).toBe('FORBIDDEN');

    const rejected = await asAdmin2(REJECT, { id: request.id });
    expect(rejected.data.rejectRequest).toMatchObject({ request: { state: 'REJECTED' } });
    expect(reason(await asAdmin2(APPROVE, { id: request.id }))).toBe('APPROVAL_NOT_PENDING');
    const audit = await server.db.query<{ action: string; actor_id: string }>(
      `select action, actor_id::text from audit_event where entity_type = 'ApprovalRequest' and entity_id = $1 order by seq`,
      [dbId(request.id)],
    );
    expect(audit).toEqual([
      { action: 'APPROVAL_REQUESTED', actor_id: server.users.admin },
      { action: 'APPROVAL_REJECTED', actor_id: admin2 },
    ]);
  });

  it('refuses a request whose dry run fails (wrong code, held, not purgeable), and one not needed', async () => {
    const c = await voidCustomer('bad');
    const wrong = await server.gql(REQUEST, { input: { operation: 'PURGE_NOW', reason: 'urgent', customerIds: [c.id], confirm: 'NOPE' } });
    expect(code(wrong)).toBe('BAD_USER_INPUT');
    const two = await server.gql(REQUEST, { input: { operation: 'PURGE_NOW', reason: 'urgent', customerIds: [c.id, c.id + '1'], confirm: c.code } });
    expect(code(two)).toBe('BAD_USER_INPUT');
    const active = await insertCustomer(server.db, { code: `ACT-${c.id}`, name: 'Approval active', status: 'ACTIVE' });
    const notPurgeable = await server.gql(REQUEST, { input: { operation: 'PURGE_NOW', reason: 'urgent', customerIds: [active], confirm: `ACT-${c.id}` } });
    expect(code(notPurgeable)).toBe('INVALID_STATE');
    await server.db.query(`update customer set legal_hold = true where id = $1`, [c.id]);
    const held = await server.gql(REQUEST, { input: { operation: 'PURGE_NOW', reason: 'urgent', customerIds: [c.id], confirm: c.code } });
    expect(reason(held)).toBe('LEGAL_HOLD');
    // Archiving two customers is below APPROVAL_BULK_ARCHIVE_MIN: no second person needed.
    const small = await server.gql(REQUEST, { input: { operation: 'ARCHIVE_CUSTOMERS', reason: 'tidy up', customerIds: ['1', '2'] } });
    expect(reason(small)).toBe('APPROVAL_NOT_REQUIRED');
    expect(await n(`select count(*)::int as n from approval_request where params->'customerIds' ? $1`, [c.id])).toBe(0);
  });

  it('an expired request cannot be approved, and never runs', async () => {
    const c = await voidCustomer('exp');
    const request = await requestPurgeNow(c);
    await server.db.query(`update approval_request set expires_at = now() - interval '1 second' where id = $1`, [dbId(request.id)]);
    const late = await asAdmin2(APPROVE, { id: request.id });
    expect(code(late)).toBe('INVALID_STATE');
    expect(reason(late)).toBe('APPROVAL_EXPIRED');
    const listed = (await server.gql(LIST, { state: 'EXPIRED' })).data.approvalRequests;
    expect(listed.nodes.map((r: { id: string }) => r.id)).toContain(request.id);
    expect(listed.expiredCount).toBeGreaterThanOrEqual(1);
    expect(await n(`select count(*)::int as n from job where params->>'requestId' = $1`, [dbId(request.id)])).toBe(0);
    expect(await n(`select count(*)::int as n from customer where id = $1`, [c.id])).toBe(1);
    // The requester may withdraw it.
    expect((await server.gql(CANCEL, { id: request.id })).data.cancelApprovalRequest.request.state).toBe('CANCELLED');
  });

  it('an approved PURGE_NOW runs as a job under both names: purged at once, export kept in the bin, audited', async () => {
    const c = await voidCustomer('now', 2);
    const request = await requestPurgeNow(c);
    const approved = await asAdmin2(APPROVE, { id: request.id });
    expect(approved.errors).toBeUndefined();
    const { job } = approved.data.approveRequest.request;
    expect(approved.data.approveRequest.request).toMatchObject({ state: 'APPROVED', decidedBy: { id: gid('User', admin2) }, job: { kind: 'APPROVED_OPERATION' } });
    workers.push(startWorker(server, APPROVALS));
    expect(await waitForJob(server.db, job.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await n(`select count(*)::int as n from customer where id = $1`, [c.id])).toBe(0);
    expect(await n(`select count(*)::int as n from interaction where customer_id = $1`, [c.id])).toBe(0);
    const [bin] = await server.db.query<{ state: string; urgent: boolean; approval_request_id: string; export: any }>(
      `select state, urgent, approval_request_id::text, export from purge_schedule where customer_id = $1`,
      [c.id],
    );
    expect(bin).toMatchObject({ state: 'PURGED', urgent: true, approval_request_id: dbId(request.id) });
    expect(bin!.export.interactions).toHaveLength(2);
    const [jobRow] = await server.db.query<{ created_by: string; params: any }>(`select created_by::text, params from job where id = $1`, [dbId(job.id)]);
    expect(jobRow).toMatchObject({ created_by: admin2, params: { requestId: dbId(request.id), requestedBy: server.users.admin } });
    const tombstone = await server.db.query<{ actor_id: string; reason: string }>(
      `select actor_id::text, reason from audit_event where action = 'CUSTOMER_PURGED' and entity_id = $1`,
      [c.id],
    );
    expect(tombstone).toEqual([{ actor_id: admin2, reason: `court order, urgent (four-eyes request ${dbId(request.id)})` }]);
    const [executed] = await server.db.query<{ changes: any }>(
      `select changes from audit_event where action = 'APPROVAL_EXECUTED' and entity_id = $1`,
      [dbId(request.id)],
    );
    expect(executed!.changes).toMatchObject({ requestedBy: { to: server.users.admin }, approvedBy: { to: admin2 } });
    const listed = (await server.gql(LIST, { state: 'EXECUTED' })).data.approvalRequests;
    expect(listed.nodes.map((r: { id: string }) => r.id)).toContain(request.id);
  });

  it('gates the configured operations: erasure is refused without approval and runs once approved', async () => {
    const c = await voidCustomer('erase');
    const ERASE = `mutation($id: ID!, $code: String!) { erasePersonalData(input: { id: $id, reason: "subject asked", confirm: $code }) { customer { __typename } } }`;
    const direct = await server.gql(ERASE, { id: c.id, code: c.code });
    expect(code(direct)).toBe('FORBIDDEN');
    expect(reason(direct)).toBe('APPROVAL_REQUIRED');
    expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_PERSONAL_DATA_ERASED' and entity_id = $1`, [c.id])).toBe(0);

    const res = await server.gql(REQUEST, { input: { operation: 'ERASE_PERSONAL_DATA', reason: 'subject asked', customerIds: [c.id], confirm: c.code } });
    expect(res.errors).toBeUndefined();
    const approved = await asAdmin2(APPROVE, { id: res.data.requestApproval.request.id });
    workers.push(startWorker(server, APPROVALS));
    await waitForJob(server.db, approved.data.approveRequest.request.job.id);
    expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_PERSONAL_DATA_ERASED' and entity_id = $1`, [c.id])).toBe(1);

    // Bulk archive at or above APPROVAL_BULK_ARCHIVE_MIN is refused directly.
    const many = await Promise.all([1, 2, 3].map(() => voidCustomer('bulk')));
    const bulk = await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "bulk" }) { customers { id } } }`, { ids: many.map((m) => m.id) });
    expect(reason(bulk)).toBe('APPROVAL_REQUIRED');
    const rotate = await server.gql(`mutation { startKeyRotation { job { id } } }`);
    expect(reason(rotate)).toBe('APPROVAL_REQUIRED');
  });

  it('a request whose operation is refused when it runs ends FAILED, with nothing changed', async () => {
    const c = await voidCustomer('held');
    const request = await requestPurgeNow(c);
    await server.gql(`mutation($id: ID!) { setLegalHold(input: { id: $id, hold: true, reason: "litigation" }) { customer { __typename } } }`, { id: c.id });
    const approved = await asAdmin2(APPROVE, { id: request.id });
    workers.push(startWorker(server, APPROVALS));
    await waitForJob(server.db, approved.data.approveRequest.request.job.id);
    const [row] = await server.db.query<{ state: string; outcome: any }>(`select state, outcome from approval_request where id = $1`, [dbId(request.id)]);
    expect(row).toMatchObject({ state: 'FAILED', outcome: { error: 'LEGAL_HOLD' } });
    expect(await n(`select count(*)::int as n from customer where id = $1`, [c.id])).toBe(1);
    expect(await n(`select count(*)::int as n from audit_event where action = 'APPROVAL_FAILED' and entity_id = $1`, [dbId(request.id)])).toBe(1);
  });
});

describe('exactly once', () => {
  let second: { app: FastifyInstance; url: string; orm: MikroORM };
  beforeAll(async () => {
    const orm = await openPool(server.db.url, 4, {});
    const app = await createApp(testConfig(server.db, APPROVALS), orm, { logger: false });
    second = { app, orm, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
  });
  afterAll(async () => {
    await second.app.close();
    await second.orm.close(true);
  });

  it('two approvals racing through two servers queue one run; a duplicate job for the request purges nothing more', async () => {
    const [row] = await server.db.query<{ id: string }>(`insert into app_user (email, display_name, role) values ('admin3@example.com', 'admin3', 'ADMIN') returning id::text`);
    const admin3 = row!.id;
    for (let round = 0; round < 3; round++) {
      const c = await voidCustomer(`race${round}`, 1);
      const request = await requestPurgeNow(c);
      const results = await Promise.all([post(server.url, admin2, APPROVE, { id: request.id }), post(second.url, admin3, APPROVE, { id: request.id })]);
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(reason(lost[0]!)).toBe('APPROVAL_NOT_PENDING');
      expect(await n(`select count(*)::int as n from job where kind = 'APPROVED_OPERATION' and params->>'requestId' = $1`, [dbId(request.id)])).toBe(1);

      // A second job for the same request (as if queued twice), and two workers.
      const jobId = won[0]!.data.approveRequest.request.job.id;
      const [dup] = await server.db.query<{ id: string }>(
        `insert into job (kind, params, created_by) select kind, params, created_by from job where id = $1 returning id::text`,
        [dbId(jobId)],
      );
      workers.push(startWorker(server, APPROVALS), startWorker(server, APPROVALS));
      const runs = [await waitForJob(server.db, jobId), await waitForJob(server.db, dup!.id)];
      expect(runs.map((r) => r.state).sort()).toEqual(['FAILED', 'SUCCEEDED']);
      expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_PURGED' and entity_id = $1`, [c.id])).toBe(1);
      expect(await n(`select count(*)::int as n from audit_event where action = 'APPROVAL_EXECUTED' and entity_id = $1`, [dbId(request.id)])).toBe(1);
      expect(await n(`select count(*)::int as n from purge_schedule where customer_id = $1`, [c.id])).toBe(1);
      await Promise.all(workers.splice(0).map((w) => w.stop()));
    }
  });

  it('the counts add up', async () => {
    const all = (await server.gql(LIST)).data.approvalRequests;
    const total = await n(`select count(*)::int as n from approval_request`);
    expect(
      all.pendingCount + all.approvedCount + all.executedCount + all.rejectedCount + all.cancelledCount + all.expiredCount + all.failedCount,
    ).toBe(total);
  });
});
