import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { open } from '../src/crypto/sealed.js';
import { insertCustomer, insertInteractions, setTaxId } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

/**
 * Undo of one's own recent change (issue 18), over GraphQL on a real database: each kind
 * (void, archive, bulk tags, normalization) put back and audited as an undo; only by its
 * author, once, within the window; customers changed since are left alone and reported;
 * the journal keeps no values past the window or past an erasure.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ UNDO_WINDOW_MINUTES: '10' });
});
afterAll(async () => {
  await server.close();
});

const UNDO = `mutation($id: ID!) { undoOperation(input: { id: $id }) {
  operation { id kind customerCount undoneAt } customers { id status voidReason tags } failures { id code message } restoredInteractions } }`;
const VOID = `mutation($ids: [ID!]!) { voidCustomers(input: { ids: $ids, reason: DUPLICATE, note: "entered twice" }) {
  customers { id } failures { id } undo { id kind customerCount expiresAt undoneAt } } }`;

const row = async (id: string) =>
  (await server.db.query<{ status: string; void_reason: string | null; void_note: string | null; voided_at: string | null; tags: string[]; version: number }>(
    `select status, void_reason, void_note, voided_at, tags, version from customer where id = $1`, [id],
  ))[0];

describe('undo of a void', () => {
  it('lets SALES take back its own void, which unvoid would refuse, once, audited as an undo', async () => {
    const id = await insertCustomer(server.db, { name: 'Sales own', ownerId: server.users.sales1 });
    const before = await row(id);
    const voided = await server.as('sales1')(VOID, { ids: [id] });
    expect(voided.errors).toBeUndefined();
    const undo = voided.data.voidCustomers.undo;
    expect(undo).toMatchObject({ kind: 'VOID', customerCount: 1, undoneAt: null });
    const minutes = (Date.parse(undo.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    // The reverse action is not SALES's own…
    const unvoid = await server.as('sales1')(`mutation($id: ID!) { unvoidCustomer(input: { id: $id, note: "it was right after all" }) { customer { id } } }`, { id });
    expect(unvoid.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // …but taking back its own void is.
    const res = await server.as('sales1')(UNDO, { id: undo.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.undoOperation).toMatchObject({
      operation: { id: undo.id, kind: 'VOID', customerCount: 1, undoneAt: expect.any(String) },
      customers: [{ id: gid('Customer', id), status: 'ACTIVE', voidReason: null }],
      failures: [],
    });
    const after = await row(id);
    expect({ ...after, version: undefined }).toEqual({ ...before, version: undefined });
    expect(after!.version).toBe(before!.version + 2);
    const events = await server.db.query<{ action: string; actor_id: string; reason: string; changes: any }>(
      `select action, actor_id::text, reason, changes from audit_event where entity_type = 'Customer' and entity_id = $1 order by seq`, [id],
    );
    expect(events.map((e) => e.action)).toEqual(['CUSTOMER_VOIDED', 'CUSTOMER_VOID_UNDONE']);
    expect(events[1]).toMatchObject({ actor_id: server.users.sales1, reason: `undo of operation ${undo.id} (VOID)`, changes: { status: { from: 'VOID', to: 'ACTIVE' } } });
    const again = await server.as('sales1')(UNDO, { id: undo.id });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', reason: 'UNDO_ALREADY_UNDONE' });
  });

  it('is its author\u2019s alone: anyone else is told there is no such operation', async () => {
    const id = await insertCustomer(server.db, { name: 'Not yours', ownerId: server.users.sales1 });
    const undo = (await server.as('sales1')(VOID, { ids: [id] })).data.voidCustomers.undo;
    for (const user of ['sales2', 'manager', 'admin'] as const) {
      const res = await server.as(user)(UNDO, { id: undo.id });
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'UNDO_NOT_FOUND' });
    }
    for (const user of ['support', 'auditor', 'reporting'] as const) {
      expect((await server.as(user)(UNDO, { id: undo.id })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await row(id))!.status).toBe('VOID');
    for (const bad of ['0', 'abc', '99999999999999999999']) {
      expect((await server.as('sales1')(UNDO, { id: bad })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    }
  });

  it('is refused once the window has passed, and the journal then forgets the values', async () => {
    const id = await insertCustomer(server.db, { name: 'Too late', ownerId: server.users.sales1 });
    const undo = (await server.as('sales1')(VOID, { ids: [id] })).data.voidCustomers.undo;
    await server.db.query(`update undo_operation set expires_at = now() - interval '1 second' where id = $1`, [undo.id]);
    const res = await server.as('sales1')(UNDO, { id: undo.id });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', reason: 'UNDO_EXPIRED' });
    expect(res.errors![0]!.message).toContain('10 minutes');
    expect((await row(id))!.status).toBe('VOID');
    // The next journaled change tidies expired entries away.
    const other = await insertCustomer(server.db, { name: 'Next one', ownerId: server.users.sales1 });
    await server.as('sales1')(VOID, { ids: [other] });
    expect(await server.db.query(`select 1 from undo_entry where operation_id = $1`, [undo.id])).toEqual([]);
  });

  it('puts back only customers nothing changed since, and says why for the others', async () => {
    const a = await insertCustomer(server.db, { name: 'Bulk A' });
    const b = await insertCustomer(server.db, { name: 'Bulk B' });
    const undo = (await server.as('manager')(VOID, { ids: [a, b] })).data.voidCustomers.undo;
    expect(undo.customerCount).toBe(2);
    await server.gql(`mutation($id: ID!) { unvoidCustomer(input: { id: $id, note: "admin knew better" }) { customer { id } } }`, { id: b });
    const res = await server.as('manager')(UNDO, { id: undo.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.undoOperation.customers.map((c: { id: string }) => c.id)).toEqual([gid('Customer', a)]);
    expect(res.data.undoOperation.failures).toEqual([{ id: gid('Customer', b), code: 'CONFLICT', message: `Customer ${gid('Customer', b)} changed since` }]);
    expect((await row(a))!.status).toBe('ACTIVE');
  });
});

describe('undo of an archive, of bulk tags and of a normalization', () => {
  it('restores customers archived by hand, with their interactions', async () => {
    const id = await insertCustomer(server.db, { name: 'Archived by mistake' });
    await insertInteractions(server.db, id, ['2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z']);
    const archived = await server.as('manager')(`mutation($id: ID!) { archiveCustomers(input: { ids: [$id], reason: "oops" }) {
      customers { id } undo { id kind customerCount } } }`, { id });
    expect(archived.errors).toBeUndefined();
    const undo = archived.data.archiveCustomers.undo;
    expect(undo).toMatchObject({ kind: 'ARCHIVE', customerCount: 1 });
    const res = await server.as('manager')(UNDO, { id: undo.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.undoOperation).toMatchObject({ customers: [{ id: gid('Customer', id), status: 'ACTIVE' }], failures: [], restoredInteractions: 3 });
    expect(await server.db.query(`select 1 from archive.customer where id = $1`, [id])).toEqual([]);
    const [event] = await server.db.query<{ action: string }>(`select action from audit_event where entity_id = $1 order by seq desc limit 1`, [id]);
    expect(event!.action).toBe('CUSTOMER_ARCHIVE_UNDONE');
  });

  it('gives each customer its tags back as they were', async () => {
    const a = await insertCustomer(server.db, { name: 'Tags A', tags: ['vip'], region: 'CN-GZ' });
    const b = await insertCustomer(server.db, { name: 'Tags B', tags: ['lead', 'vip'], region: 'CN-GZ' });
    const res = await server.as('manager')(`mutation { bulkTagCustomers(input: { filter: { region: ["CN-GZ"] }, add: ["q4"], remove: ["vip"] }) {
      changed undo { id kind customerCount } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.bulkTagCustomers).toMatchObject({ changed: 2, undo: { kind: 'TAGS', customerCount: 2 } });
    expect((await row(b))!.tags).toEqual(['lead', 'q4']);
    const undone = await server.as('manager')(UNDO, { id: res.data.bulkTagCustomers.undo.id });
    expect(undone.errors).toBeUndefined();
    expect((await row(a))!.tags).toEqual(['vip']);
    expect((await row(b))!.tags).toEqual(['lead', 'vip']);
    const dry = await server.as('manager')(`mutation { bulkTagCustomers(input: { filter: { region: ["CN-GZ"] }, add: ["q4"], dryRun: true }) { undo { id } } }`);
    expect(dry.data.bulkTagCustomers.undo).toBeNull();
  });

  it('takes back a normalization job once it has finished, tax id included', async () => {
    const id = await insertCustomer(server.db, { name: ' Normal  Co ', email: ' INFO@Normal.CN ', phone: '021-6123 4567', region: 'CN-SH' });
    await setTaxId(server.db, id, '9131 0000 ma1k4xy12b');
    const res = await server.gql(`mutation($ids: [ID!]) { normalizeCustomers(input: { dryRun: false, filter: { ids: $ids } }) { job { id } undo { id kind customerCount } } }`, { ids: [id] });
    expect(res.errors).toBeUndefined();
    const { job, undo } = res.data.normalizeCustomers;
    expect(undo).toMatchObject({ kind: 'NORMALIZE', customerCount: 0 });
    const worker = startWorker(server);
    try {
      expect((await waitForJob(server.db, job.id, undefined, 60_000)).state).toBe('SUCCEEDED');
    } finally {
      await worker.stop();
    }
    const [normalized] = await server.db.query<{ email: string; tax_id: string }>(`select email, tax_id from customer where id = $1`, [id]);
    expect(normalized!.email).toBe('info@normal.cn');
    // The journal keeps the tax id as the customer table does: sealed.
    const [entry] = await server.db.query<{ restore: Record<string, string> }>(`select restore from undo_entry where operation_id = $1`, [undo.id]);
    expect(entry!.restore['taxId']).toMatch(/^v1:/);
    expect(JSON.stringify(entry)).not.toContain('ma1k4xy12b');
    const undone = await server.gql(UNDO, { id: undo.id });
    expect(undone.errors).toBeUndefined();
    expect(undone.data.undoOperation.operation).toMatchObject({ kind: 'NORMALIZE', customerCount: 1 });
    const [back] = await server.db.query<{ name: string; email: string; phone: string; tax_id: string }>(`select name, email, phone, tax_id from customer where id = $1`, [id]);
    expect({ ...back, tax_id: open('customer.tax_id', back!.tax_id, 'test') }).toEqual({
      name: ' Normal  Co ', email: ' INFO@Normal.CN ', phone: '021-6123 4567', tax_id: '9131 0000 ma1k4xy12b',
    });
    expect(await server.db.query(`select 1 from undo_entry where operation_id = $1`, [undo.id])).toEqual([]);
  });
});

describe('the journal and personal data', () => {
  it('drops a customer\u2019s earlier values when its personal data is erased', async () => {
    const id = await insertCustomer(server.db, { name: 'Erase me', email: 'erase.me@example.com', tags: ['x'] });
    const res = await server.gql(`mutation($ids: [ID!]!) { voidCustomers(input: { ids: $ids, reason: TEST_RECORD }) { undo { id } } }`, { ids: [id] });
    const undo = res.data.voidCustomers.undo;
    expect(await server.db.query(`select 1 from undo_entry where operation_id = $1`, [undo.id])).toHaveLength(1);
    const [{ code }] = await server.db.query<{ code: string }>(`select code from customer where id = $1`, [id]);
    const erased = await server.gql(`mutation($id: ID!, $code: String!) { erasePersonalData(input: { id: $id, confirm: $code, reason: "request" }) { customer { id } } }`, { id, code });
    expect(erased.errors).toBeUndefined();
    expect(await server.db.query(`select 1 from undo_entry where customer_id = $1`, [id])).toEqual([]);
  });
});
