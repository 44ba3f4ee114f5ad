import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer, insertInteractions } from './helpers/fixtures.js';
import { PURGED_EXPORTS, purgeNowForTest, sweepNow } from './helpers/purge.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

const C = (id: string) => gid('Customer', id);
const A = (id: string) => gid('ArchivedCustomer', id);

/**
 * The state machine of DESIGN.md over real GraphQL: every transition, every refused
 * transition (INVALID_STATE, nothing changed), who may do what, and the audit trail.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function customer(name: string, options: { ownerId?: string; status?: string; interactions?: number } = {}) {
  const id = await insertCustomer(server.db, { name, ownerId: options.ownerId ?? server.users.sales1, status: options.status });
  await server.db.query(`update customer set email = $2, phone = '+86 138 0013 5678' where id = $1`, [id, `c${id}@example.com`]);
  if (options.interactions) {
    const times = Array.from({ length: options.interactions }, (_, i) => `2024-0${(i % 9) + 1}-15T08:30:00.${String(123456 + i)}Z`);
    await insertInteractions(server.db, id, times, 'ORDER');
  }
  return id;
}

async function rowState(id: string) {
  const [row] = await server.db.query<{ live: string | null; archived: string | null; interactions: number; archivedInteractions: number }>(
    `select (select status from customer where id = $1) as live, (select status from archive.customer where id = $1) as archived,
            (select count(*)::int from interaction where customer_id = $1) as interactions,
            (select count(*)::int from archive.interaction where customer_id = $1) as "archivedInteractions"`,
    [id],
  );
  return row!;
}

async function auditActions(id: string) {
  const rows = await server.db.query<{ action: string }>(
    `select action from audit_event where entity_type = 'Customer' and entity_id = $1 order by seq`, [id]);
  return rows.map((r) => r.action);
}

const VOID = `mutation($id: ID!, $reason: VoidReason!, $note: String) {
  voidCustomer(input: { id: $id, reason: $reason, note: $note }) { customer { id status voidReason voidNote voidedAt version } } }`;
const UNVOID = `mutation($id: ID!, $note: String!) { unvoidCustomer(input: { id: $id, note: $note }) { customer { id status voidReason } } }`;
const ARCHIVE = `mutation($ids: [ID!]!, $reason: String!) {
  archiveCustomers(input: { ids: $ids, reason: $reason }) { customers { id status previousStatus archiveReason retainUntil checksum }
  failures { id code message } archivedInteractions } }`;
const RESTORE = `mutation($ids: [ID!]!, $reason: String!) {
  restoreCustomers(input: { ids: $ids, reason: $reason }) { customers { id status } failures { id code message } restoredInteractions } }`;

describe('void / unvoid', () => {
  it('voids an ACTIVE customer with a reason, hides it from default lists and counts, and unvoids it', async () => {
    const id = await customer('作废测试 A');
    const voided = await server.gql(VOID, { id, reason: 'DUPLICATE', note: '与 C0001 重复' });
    expect(voided.errors).toBeUndefined();
    expect(voided.data.voidCustomer.customer).toMatchObject({ id: C(id), status: 'VOID', voidReason: 'DUPLICATE', voidNote: '与 C0001 重复' });
    expect(voided.data.voidCustomer.customer.voidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const lists = await server.gql(`query($id: ID!) {
      all: customers(filter: { ids: [$id] }) { totalCount }
      voided: customers(filter: { ids: [$id], status: [VOID] }) { totalCount nodes { id } }
      one: customer(id: $id) { status } }`, { id });
    expect(lists.data).toEqual({ all: { totalCount: 0 }, voided: { totalCount: 1, nodes: [{ id: C(id) }] }, one: { status: 'VOID' } });

    const back = await server.gql(UNVOID, { id, note: 'not a duplicate after all' });
    expect(back.data.unvoidCustomer.customer).toEqual({ id: C(id), status: 'ACTIVE', voidReason: null });
    expect(await auditActions(id)).toEqual(['CUSTOMER_VOIDED', 'CUSTOMER_UNVOIDED']);
  });

  it('refuses transitions the state machine does not draw, changing nothing', async () => {
    const id = await customer('作废测试 B');
    const unvoidActive = await server.gql(UNVOID, { id, note: 'was never void' });
    expect(unvoidActive.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    await server.gql(VOID, { id, reason: 'TEST_RECORD' });
    const twice = await server.gql(VOID, { id, reason: 'TEST_RECORD' });
    expect(twice.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    const other = await server.gql(VOID, { id: await customer('作废测试 C'), reason: 'OTHER' });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'note' }] });
    expect(await auditActions(id)).toEqual(['CUSTOMER_VOIDED']);
  });

  it('lets SALES void its own customers only, and not unvoid', async () => {
    const own = await customer('销售自己的', { ownerId: server.users.sales1 });
    const others = await customer('别人的', { ownerId: server.users.sales2 });
    expect((await server.as('sales1')(VOID, { id: own, reason: 'INVALID_DATA' })).data.voidCustomer.customer.status).toBe('VOID');
    const foreign = await server.as('sales1')(VOID, { id: others, reason: 'INVALID_DATA' });
    expect(foreign.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await rowState(others)).live).toBe('ACTIVE');
    const unvoid = await server.as('sales1')(UNVOID, { id: own, note: 'mistake' });
    expect(unvoid.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    for (const user of ['support', 'auditor', 'reporting'] as const) {
      const refused = await server.as(user)(VOID, { id: others, reason: 'INVALID_DATA' });
      expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('voids in bulk and reports per-id failures', async () => {
    const a = await customer('批量 A');
    const b = await customer('批量 B', { status: 'VOID' });
    const res = await server.gql(`mutation($ids: [ID!]!) { voidCustomers(input: { ids: $ids, reason: LEFT_MARKET }) {
      customers { id status } failures { id code } } }`, { ids: [a, b, '999999', 'x'] });
    expect(res.data.voidCustomers.customers).toEqual([{ id: C(a), status: 'VOID' }]);
    expect(res.data.voidCustomers.failures).toEqual([
      { id: C(b), code: 'INVALID_STATE' }, { id: C('999999'), code: 'NOT_FOUND' }, { id: C('x'), code: 'NOT_FOUND' },
    ]);
  });
});

describe('archive / restore', () => {
  it('moves customers with their history out of the hot tables and back, exactly, with the previous status', async () => {
    const active = await customer('归档 A', { interactions: 3 });
    const voided = await customer('归档 B', { interactions: 2 });
    await server.gql(VOID, { id: voided, reason: 'LEFT_MARKET' });
    const snapshot = async () =>
      server.db.query<{ r: string }>(
        `select c::text as r from customer c where id = any($1::bigint[]) union all
         select i::text from interaction i where customer_id = any($1::bigint[]) order by 1`, [[active, voided]]);
    const before = await snapshot();

    const archived = await server.gql(ARCHIVE, { ids: [active, voided, active], reason: 'no orders for three years' });
    expect(archived.errors).toBeUndefined();
    expect(archived.data.archiveCustomers.customers).toEqual([
      expect.objectContaining({ id: A(active), status: 'ARCHIVED', previousStatus: 'ACTIVE', archiveReason: 'no orders for three years' }),
      expect.objectContaining({ id: A(voided), status: 'ARCHIVED', previousStatus: 'VOID' }),
    ]);
    expect(archived.data.archiveCustomers.archivedInteractions).toBe(5);
    expect(archived.data.archiveCustomers.customers[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await rowState(active)).toEqual({ live: null, archived: 'ACTIVE', interactions: 0, archivedInteractions: 3 });

    const read = await server.gql(`query($id: ID!) { customer(id: $id) { id }
      archivedCustomer(id: $id) { name email interactionCount interactions(first: 2) { totalCount nodes { kind amount archivedWithCustomer } } } }`,
    { id: active });
    expect(read.data.customer).toBeNull();
    expect(read.data.archivedCustomer).toMatchObject({
      name: '归档 A', email: `c${active}@example.com`, interactionCount: 3, interactions: { totalCount: 3 },
    });
    expect(read.data.archivedCustomer.interactions.nodes[0]).toMatchObject({ kind: 'ORDER', archivedWithCustomer: true });

    const edit = await server.gql(`mutation($id: ID!) { updateCustomer(input: { id: $id, version: 1, name: "x" }) { customer { id } } }`, { id: active });
    expect(edit.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    const log = await server.gql(`mutation($id: ID!) { logInteraction(input: { customerId: $id, kind: CALL, subject: "hi" }) { interaction { id } } }`, { id: active });
    expect(log.errors![0]!.extensions!.code).toBe('INVALID_STATE');

    const restored = await server.gql(RESTORE, { ids: [active, voided], reason: 'customer called back' });
    expect(restored.data.restoreCustomers).toEqual({
      customers: [{ id: C(active), status: 'ACTIVE' }, { id: C(voided), status: 'VOID' }], failures: [], restoredInteractions: 5,
    });
    expect(await snapshot()).toEqual(before);
    expect(await auditActions(active)).toEqual(['CUSTOMER_ARCHIVED', 'CUSTOMER_RESTORED']);
  });

  it('reports per-id failures for states that cannot be archived or restored', async () => {
    const merged = await customer('已合并', { status: 'MERGED' });
    const live = await customer('在用');
    const res = await server.gql(ARCHIVE, { ids: [merged, '424242'], reason: 'cleanup run' });
    expect(res.data.archiveCustomers.customers).toEqual([]);
    expect(res.data.archiveCustomers.failures).toEqual([
      expect.objectContaining({ id: C(merged), code: 'INVALID_STATE' }), expect.objectContaining({ id: C('424242'), code: 'NOT_FOUND' }),
    ]);
    const restore = await server.gql(RESTORE, { ids: [live], reason: 'nothing to restore' });
    expect(restore.data.restoreCustomers.failures).toEqual([expect.objectContaining({ id: C(live), code: 'INVALID_STATE' })]);
    const again = await server.gql(ARCHIVE, { ids: [live], reason: 'first time' });
    expect(again.data.archiveCustomers.customers).toHaveLength(1);
    const twice = await server.gql(ARCHIVE, { ids: [live], reason: 'second time' });
    expect(twice.data.archiveCustomers.failures).toEqual([expect.objectContaining({ id: C(live), code: 'INVALID_STATE' })]);
  });

  it('follows the policy table: SALES reads its own archive but cannot archive; SUPPORT reads masked; AUDITOR cannot read', async () => {
    const own = await customer('销售归档', { ownerId: server.users.sales1, interactions: 1 });
    const others = await customer('他人归档', { ownerId: server.users.sales2 });
    await server.gql(ARCHIVE, { ids: [own, others], reason: 'policy table check' });
    const refused = await server.as('sales1')(ARCHIVE, { ids: [own], reason: 'try' });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const q = `query($a: ID!, $b: ID!) { a: archivedCustomer(id: $a) { id email } b: archivedCustomer(id: $b) { id }
      archivedCustomers(filter: { ids: [$a, $b] }) { totalCount } }`;
    const sales = await server.as('sales1')(q, { a: own, b: others });
    expect(sales.data).toEqual({ a: { id: A(own), email: `c${own}@example.com` }, b: null, archivedCustomers: { totalCount: 1 } });
    const support = await server.as('support')(q, { a: own, b: others });
    expect(support.data.a.email).toBe('c***@example.com');
    expect(support.data.archivedCustomers.totalCount).toBe(2);
    const auditor = await server.as('auditor')(q, { a: own, b: others });
    expect(auditor.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(JSON.stringify(auditor)).not.toContain('@example.com');

    await server.accessLogWritten();
    const [logged] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from access_log where entity_type = 'ArchivedCustomer' and $1::bigint = any(entity_ids) and actor_id = $2`,
      [own, server.users.support]);
    expect(logged!.n).toBeGreaterThan(0);
  });

  it('lists archived customers with archive filters', async () => {
    const id = await customer('筛选归档');
    await server.gql(ARCHIVE, { ids: [id], reason: 'filter by reason XYZ' });
    const res = await server.gql(`{ archivedCustomers(filter: { reason: "reason xyz", manual: true, previousStatus: [ACTIVE] },
      orderBy: [{ field: ARCHIVED_AT, direction: DESC }]) { totalCount nodes { id archivedBy { email } } } }`);
    expect(res.data.archivedCustomers).toEqual({ totalCount: 1, nodes: [{ id: A(id), archivedBy: { email: 'admin@example.com' } }] });
  });

  it('archives a customer\'s old interactions on their own and keeps the customer live', async () => {
    const id = await customer('只归档互动', { interactions: 4 });
    await insertInteractions(server.db, id, ['2026-01-10T10:00:00Z']);
    const res = await server.gql(`mutation($id: ID!) { archiveInteractions(input: { customerId: $id, olderThan: "2025-01-01T00:00:00Z", reason: "older than a year" }) { archivedCount customerCount } }`, { id });
    expect(res.data.archiveInteractions).toEqual({ archivedCount: 4, customerCount: 1 });
    expect(await rowState(id)).toEqual({ live: 'ACTIVE', archived: null, interactions: 1, archivedInteractions: 4 });
    expect(await auditActions(id)).toEqual(['INTERACTIONS_ARCHIVED']);
  });

  it('lets one of an edit and an archive of the same customer win cleanly', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await customer(`并发 ${round}`, { interactions: 2 });
      const [edit, archive] = await Promise.all([
        server.gql(`mutation($id: ID!) { updateCustomer(input: { id: $id, version: 1, notes: "edited" }) { customer { version } } }`, { id }),
        server.gql(ARCHIVE, { ids: [id], reason: 'race' }),
      ]);
      const state = await rowState(id);
      expect(state.archived).toBe('ACTIVE');
      expect(archive.data.archiveCustomers.customers).toHaveLength(1);
      const [{ notes }] = await server.db.query<{ notes: string | null }>(`select notes from archive.customer where id = $1`, [id]);
      if (edit.errors) {
        expect(['CONFLICT', 'INVALID_STATE']).toContain(edit.errors[0]!.extensions!.code);
        expect(notes).toBeNull();
      } else {
        expect(notes).toBe('edited');
      }
    }
  });
});

describe('purge, legal hold and erasure', () => {
  // Purge goes through the recycle bin: scheduled here, carried out by the retention sweep
  // once due (test/helpers/purge.ts makes it due and runs the sweep).
  const PURGE = `mutation($id: ID!, $confirm: String!) { purgeCustomer(input: { id: $id, reason: "customer asked for deletion", confirm: $confirm }) { scheduledPurge { id customerId code state } } }`;

  it('purges only VOID or ARCHIVED customers, after the code is typed, and keeps a tombstone without personal data', async () => {
    const id = await customer('待删除', { interactions: 2 });
    const [{ code }] = await server.db.query<{ code: string }>(`select code from customer where id = $1`, [id]);
    const active = await server.gql(PURGE, { id, confirm: code });
    expect(active.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    await server.gql(VOID, { id, reason: 'CUSTOMER_REQUEST' });
    const wrong = await server.gql(PURGE, { id, confirm: 'C-WRONG' });
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'confirm' }] });
    const manager = await server.as('manager')(PURGE, { id, confirm: code });
    expect(manager.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await rowState(id)).live).toBe('VOID');
    expect(await server.db.query(`select 1 from purge_schedule where customer_id = $1`, [id])).toEqual([]);

    const scheduled = await server.gql(PURGE, { id, confirm: code });
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data.purgeCustomer.scheduledPurge).toMatchObject({ customerId: C(id), code, state: 'SCHEDULED' });
    // Nothing is removed until the countdown ends.
    expect((await rowState(id)).live).toBe('VOID');
    await sweepNow(server, [scheduled.data.purgeCustomer.scheduledPurge.id]);
    const bin = (await server.gql(PURGED_EXPORTS)).data.scheduledPurges.nodes;
    const exported = bin.find((r: { customerId: string }) => r.customerId === C(id)).export;
    expect(exported).toMatchObject({ store: 'LIVE', customer: { id: Number(id), email: `c${id}@example.com` } });
    expect(exported.interactions).toHaveLength(2);
    expect(await rowState(id)).toEqual({ live: null, archived: null, interactions: 0, archivedInteractions: 0 });
    const [tombstone] = await server.db.query<{ changes: unknown; reason: string }>(
      `select changes, reason from audit_event where entity_id = $1 and action = 'CUSTOMER_PURGED'`, [id]);
    expect(tombstone).toEqual({ reason: 'customer asked for deletion', changes: {
      code: { from: code, to: null }, status: { from: 'VOID', to: null }, interactions: { from: 2, to: 0 } } });
    expect(JSON.stringify(await server.db.query(`select changes from audit_event where entity_id = $1`, [id]))).not.toContain('@example.com');
  });

  it('purges archived customers with their archived history; a legal hold blocks it', async () => {
    const id = await customer('归档待删', { interactions: 3 });
    const [{ code }] = await server.db.query<{ code: string }>(`select code from customer where id = $1`, [id]);
    await server.gql(ARCHIVE, { ids: [id], reason: 'archive before purge' });
    const hold = await server.gql(`mutation($id: ID!) { setLegalHold(input: { id: $id, hold: true, reason: "case 2026-17" }) { archivedCustomer { legalHold } } }`, { id });
    expect(hold.data.setLegalHold.archivedCustomer.legalHold).toBe(true);
    const blocked = await server.gql(PURGE, { id, confirm: code });
    expect(blocked.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    expect((await server.gql(`{ verifyArchive { ok } }`)).data.verifyArchive.ok).toBe(true);
    await server.gql(`mutation($id: ID!) { setLegalHold(input: { id: $id, hold: false, reason: "case closed" }) { archivedCustomer { legalHold } } }`, { id });
    const exported = await purgeNowForTest(server, id, code);
    expect(exported).toMatchObject({ store: 'ARCHIVE' });
    expect(exported.archivedInteractions).toHaveLength(3);
    expect(await rowState(id)).toEqual({ live: null, archived: null, interactions: 0, archivedInteractions: 0 });
  });

  it('erases personal data in both stores, keeps the facts, and the archive still verifies', async () => {
    const id = await customer('个人客户', { interactions: 2 });
    await server.db.query(`update customer set type = 'INDIVIDUAL', address = '上海市某路 1 号', tax_id = 'X1' where id = $1`, [id]);
    await server.db.query(`update interaction set body = '私人信息' where customer_id = $1`, [id]);
    const [{ code }] = await server.db.query<{ code: string }>(`select code from customer where id = $1`, [id]);
    await server.gql(`mutation($id: ID!) { archiveInteractions(input: { customerId: $id, olderThan: "2024-06-01T00:00:00Z", reason: "old" }) { archivedCount } }`, { id });
    const res = await server.gql(`mutation($id: ID!, $code: String!) { erasePersonalData(input: { id: $id, reason: "PIPL request 88", confirm: $code }) {
      customer { name email phone address taxId type } } }`, { id, code });
    expect(res.data.erasePersonalData.customer).toEqual({ name: `Erased ${code}`, email: null, phone: null, address: null, taxId: null, type: 'INDIVIDUAL' });
    const [left] = await server.db.query<{ bodies: number; amounts: number }>(
      `select (select count(*)::int from interaction where customer_id = $1 and body is not null)
            + (select count(*)::int from archive.interaction where customer_id = $1 and body is not null) as bodies,
              (select count(*)::int from interaction where customer_id = $1 and amount is not null)
            + (select count(*)::int from archive.interaction where customer_id = $1 and amount is not null) as amounts`, [id]);
    expect(left).toEqual({ bodies: 0, amounts: 2 });
    expect((await server.gql(`{ verifyArchive { ok } }`)).data.verifyArchive.ok).toBe(true);
  });

  it('finds an archived row changed behind the application\'s back', async () => {
    const id = await customer('篡改');
    await server.gql(ARCHIVE, { ids: [id], reason: 'tamper check' });
    await server.db.query(`update archive.customer set name = '篡改了' where id = $1`, [id]);
    const res = await server.as('auditor')(`{ verifyArchive { ok mismatches { kind id } } }`);
    expect(res.data.verifyArchive).toEqual({ ok: false, mismatches: [{ kind: 'CUSTOMER', id }] });
    const restore = await server.gql(RESTORE, { ids: [id], reason: 'try to restore tampered' });
    expect(restore.data.restoreCustomers.failures).toEqual([expect.objectContaining({ id: C(id), code: 'INVALID_STATE' })]);
    expect((await rowState(id)).archived).toBe('ACTIVE');
    await server.db.query(`delete from archive.customer where id = $1`, [id]);
  });
});
