import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { purgeNowForTest } from './helpers/purge.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { gid, rawId } from './helpers/global-ids.js';

/**
 * Customer history (issue 21): complete and ordered through every lifecycle move, time
 * travel that returns exactly the state at each point, and revert through the one write
 * path (one audit event, optimistic lock, per-field write rules).
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const FIELDS = 'id code name type tier industry lifecycleStage status email phone address taxId tags notes version';

async function ok<T = any>(promise: Promise<{ data?: any; errors?: unknown }>): Promise<T> {
  const res = await promise;
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** The database's clock right now: a point after every committed change so far. */
const now = async () => (await server.db.query<{ t: string }>(`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t`))[0]!.t;

async function create(name: string, extra = ''): Promise<{ id: string; version: number }> {
  const data = await ok(server.gql(`mutation($n: String!) { createCustomer(input: { name: $n, type: SMB ${extra} }) { customer { id version } } }`, { n: name }));
  return data.createCustomer.customer;
}

async function update(id: string, changes: Record<string, unknown>): Promise<any> {
  const [{ version }] = await server.db.query<{ version: number }>(`select version from customer where id = $1`, [rawId(id)]);
  const data = await ok(
    server.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { ${FIELDS} } } }`, {
      input: { id, version, ...changes },
    }),
  );
  return data.updateCustomer.customer;
}

const history = async (id: string, as = server.gql) =>
  as(`{ customerHistory(id: "${id}") { id seq at action actorRole reason store version valuesKept actor { id } changes { field from to hidden revertible } } }`);

const auditCount = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;

describe('history through the whole lifecycle', () => {
  it('is complete and ordered: create → edits → void → archive → restore → unvoid → merge → unmerge', async () => {
    const x = await create('历史客户', ', email: "hist@example.com", tags: ["a"]');
    const other = await create('Survivor Co');
    const states: { at: string; read: () => Promise<any>; expect: any }[] = [];
    const live = (id: string) => async () => (await ok(server.gql(`{ customer(id: "${id}") { ${FIELDS} } }`))).customer;
    const snap = async () => states.push({ at: await now(), read: live(x.id), expect: await live(x.id)() });

    await snap();
    await update(x.id, { name: '历史客户 二', tier: 'KEY_ACCOUNT' });
    await snap();
    await update(x.id, { email: 'hist2@example.com', tags: ['a', 'b'], notes: 'first note' });
    await snap();
    await ok(server.gql(`mutation { voidCustomer(input: { id: "${x.id}", reason: DUPLICATE }) { customer { id } } }`));
    await snap();
    await ok(server.gql(`mutation { archiveCustomers(input: { ids: ["${x.id}"], reason: "history test" }) { customers { id } } }`));
    const archivedAt = await now();
    const archived = (await ok(server.gql(`{ archivedCustomer(id: "${rawId(x.id)}") { ${FIELDS} } }`))).archivedCustomer;
    await ok(server.gql(`mutation { restoreCustomers(input: { ids: ["${x.id}"], reason: "history test back" }) { customers { id } } }`));
    await snap();
    await ok(server.gql(`mutation { unvoidCustomer(input: { id: "${x.id}", note: "valid after all" }) { customer { id } } }`));
    await snap();
    const versions = (await server.db.query<{ id: string; version: number }>(`select id::text, version from customer where id = any($1::bigint[]) order by customer.id`, [[rawId(x.id), rawId(other.id)]]))
      .map((r) => `{ id: "${r.id}", version: ${r.version} }`);
    const merged = await ok(server.gql(`mutation { mergeCustomers(input: { survivorId: "${other.id}", mergedIds: ["${x.id}"], versions: [${versions.join(', ')}] }) { merge { id } } }`));
    await snap();
    await ok(server.gql(`mutation { unmergeCustomers(input: { mergeId: "${merged.mergeCustomers.merge.id}", reason: "not the same" }) { customers { id } } }`));
    await snap();

    const res = await history(x.id);
    expect(res.errors).toBeUndefined();
    const entries = res.data.customerHistory as any[];
    expect(entries.map((e) => e.action)).toEqual([
      'CUSTOMER_CREATED', 'CUSTOMER_UPDATED', 'CUSTOMER_UPDATED', 'CUSTOMER_VOIDED', 'CUSTOMER_ARCHIVED', 'CUSTOMER_RESTORED',
      'CUSTOMER_UNVOIDED', 'CUSTOMER_MERGED', 'CUSTOMER_UNMERGED',
    ]);
    // Ordered by time and by audit sequence; every step has its values kept and its actor.
    const seqs = entries.map((e) => Number(e.seq));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
    for (const e of entries) expect(e).toMatchObject({ valuesKept: true, actorRole: 'ADMIN', actor: { id: gid('User', server.users.admin) } });
    const change = (i: number, field: string) => entries[i].changes.find((c: any) => c.field === field);
    expect(change(0, 'name')).toMatchObject({ from: null, to: '历史客户' });
    expect(change(1, 'name')).toMatchObject({ from: '历史客户', to: '历史客户 二', revertible: true });
    expect(change(1, 'tier')).toMatchObject({ from: 'STANDARD', to: 'KEY_ACCOUNT' });
    expect(change(2, 'email')).toMatchObject({ from: 'hist@example.com', to: 'hist2@example.com' });
    expect(change(2, 'tags')).toMatchObject({ from: ['a'], to: ['a', 'b'] });
    expect(change(3, 'status')).toMatchObject({ from: 'ACTIVE', to: 'VOID', revertible: false });
    expect(change(4, 'status')).toMatchObject({ from: 'VOID', to: 'ARCHIVED' });
    expect(entries[4].store).toBe('ARCHIVE');
    expect(change(5, 'status')).toMatchObject({ from: 'ARCHIVED', to: 'VOID' });
    expect(change(6, 'status')).toMatchObject({ from: 'VOID', to: 'ACTIVE' });
    expect(change(7, 'status')).toMatchObject({ from: 'ACTIVE', to: 'MERGED' });
    expect(change(8, 'status')).toMatchObject({ from: 'MERGED', to: 'ACTIVE' });

    // Time travel: exactly the state read at each point.
    for (const state of states) {
      const asOf = (await ok(server.gql(`{ customerAsOf(id: "${x.id}", at: "${state.at}") { ${FIELDS} } }`))).customerAsOf;
      expect(asOf).toEqual(state.expect);
    }
    const whileArchived = (await ok(server.gql(`{ customerAsOf(id: "${x.id}", at: "${archivedAt}") { ${FIELDS} } }`))).customerAsOf;
    // The same record read as of then: customerAsOf answers a Customer, so it names it by its Customer id.
    expect(rawId(archived.id)).toBe(rawId(x.id));
    expect(whileArchived).toEqual({ ...archived, id: x.id, status: 'ARCHIVED' });
    // Before it existed: no state.
    const before = (await ok(server.gql(`{ customerAsOf(id: "${x.id}", at: "2000-01-01T00:00:00Z") { id } }`))).customerAsOf;
    expect(before).toBeNull();
  });

  it('keeps the history of an archived customer, read through archivedCustomerAsOf', async () => {
    const c = await create('Archived history', ', notes: "kept"');
    const beforeEdit = await now();
    await update(c.id, { notes: 'changed' });
    await ok(server.gql(`mutation { archiveCustomers(input: { ids: ["${c.id}"], reason: "history archive" }) { customers { id } } }`));
    const res = await history(c.id);
    expect(res.data.customerHistory.map((e: any) => e.action)).toEqual(['CUSTOMER_CREATED', 'CUSTOMER_UPDATED', 'CUSTOMER_ARCHIVED']);
    // Archived: nothing to revert until restored.
    expect(res.data.customerHistory[1].changes.every((ch: any) => !ch.revertible)).toBe(true);
    const then = await ok(server.gql(`{ archivedCustomerAsOf(id: "${c.id}", at: "${beforeEdit}") { id status notes archiveReason } }`));
    expect(then.archivedCustomerAsOf).toEqual({ id: gid('ArchivedCustomer', rawId(c.id)), status: 'ACTIVE', notes: 'kept', archiveReason: 'history archive' });
    // Not live: customerAsOf answers null, exactly like customer(id).
    expect((await ok(server.gql(`{ customerAsOf(id: "${c.id}", at: "${beforeEdit}") { id } }`))).customerAsOf).toBeNull();
  });

  it('forgets a purged customer\'s states, keeping the audit tombstone', async () => {
    const c = await create('Purged history');
    await ok(server.gql(`mutation { voidCustomer(input: { id: "${c.id}", reason: TEST_RECORD }) { customer { id code } } }`));
    const [{ code }] = await server.db.query<{ code: string }>(`select code from customer where id = $1`, [rawId(c.id)]);
    await purgeNowForTest(server, c.id, code);
    const [{ n }] = await server.db.query<{ n: number }>(`select count(*)::int as n from customer_history where customer_id = $1`, [rawId(c.id)]);
    expect(n).toBe(0);
    expect((await history(c.id)).data.customerHistory).toBeNull();
  });
});

describe('time travel (property)', () => {
  const edit = fc.record(
    {
      name: fc.constantFrom('Acme', '甲公司', 'Beta Ltd', 'Gamma'),
      tier: fc.constantFrom('KEY_ACCOUNT', 'LONG_TERM', 'STANDARD'),
      industry: fc.constantFrom(null, 'Retail', 'Software'),
      email: fc.constantFrom(null, 'p@example.com', 'q@example.org'),
      tags: fc.uniqueArray(fc.constantFrom('vip', 'east', 'new', '重点'), { maxLength: 3 }),
      notes: fc.constantFrom(null, 'n1', '备注'),
      lifecycleStage: fc.constantFrom('NEW', 'ACTIVE', 'INACTIVE'),
    },
    { requiredKeys: [] },
  );

  it('customerAsOf returns exactly the state at each point of a random edit sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const c = await create('Property');
        const points: { at: string; state: any }[] = [];
        const read = async () => (await ok(server.gql(`{ customer(id: "${c.id}") { ${FIELDS} } }`))).customer;
        points.push({ at: await now(), state: await read() });
        for (const change of edits) {
          if (Object.keys(change).length) await update(c.id, change);
          points.push({ at: await now(), state: await read() });
        }
        for (const point of points) {
          const asOf = (await ok(server.gql(`{ customerAsOf(id: "${c.id}", at: "${point.at}") { ${FIELDS} } }`))).customerAsOf;
          expect(asOf).toEqual(point.state);
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('revert', () => {
  it('puts back the values of an entry through the write path, as one audited event', async () => {
    const c = await create('Revert me', ', email: "old@example.com", tags: ["x"]');
    const changed = await update(c.id, { name: 'Reverted name', email: 'new@example.com', tags: ['x', 'y'] });
    const entry = (await history(c.id)).data.customerHistory.at(-1);
    expect(entry.action).toBe('CUSTOMER_UPDATED');
    const events = await auditCount();
    const res = await ok(
      server.gql(`mutation { revertCustomer(input: { id: "${c.id}", version: ${changed.version}, seq: "${entry.seq}", reason: "wrong edit" }) {
        revertedFields customer { name email tags version } } }`),
    );
    expect(res.revertCustomer).toEqual({
      revertedFields: ['name', 'email', 'tags'],
      customer: { name: 'Revert me', email: 'old@example.com', tags: ['x'], version: changed.version + 1 },
    });
    expect(await auditCount()).toBe(events + 1);
    const [event] = await server.db.query<{ action: string; reason: string; changes: any }>(
      `select action, reason, changes from audit_event where entity_type = 'Customer' and entity_id = $1 order by seq desc limit 1`,
      [rawId(c.id)],
    );
    expect(event).toMatchObject({ action: 'CUSTOMER_REVERTED', reason: 'wrong edit', changes: { revertedSeq: { to: entry.seq } } });
    expect(Object.keys(event!.changes).sort()).toEqual(['email', 'name', 'revertedSeq', 'tags']);
    const last = (await history(c.id)).data.customerHistory.at(-1);
    expect(last).toMatchObject({ action: 'CUSTOMER_REVERTED', reason: 'wrong edit' });
  });

  it('reverts one field only when named, and refuses a stale version, a field the role may not write, and fields that are not revertible', async () => {
    const c = await create('One field', ', email: "one@example.com", taxId: "91310000MA1K4XY12B"');
    let current = await update(c.id, { name: 'One field changed', email: 'two@example.com', taxId: '91310000MA1K4XY99Z' });
    const entry = (await history(c.id)).data.customerHistory.at(-1);
    const revert = (version: number, fields: string, as = server.gql) =>
      as(`mutation { revertCustomer(input: { id: "${c.id}", version: ${version}, seq: "${entry.seq}", fields: ${fields}, reason: "one field" }) {
        revertedFields customer { name email version } } }`);

    const events = await auditCount();
    const stale = await revert(current.version - 1, '["email"]');
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // MANAGER may not write the tax id: the revert is refused whole and changes nothing.
    const forbidden = await revert(current.version, '["email", "taxId"]', server.as('manager'));
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const status = await revert(current.version, '["status"]');
    expect(status.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const support = await revert(current.version, '["email"]', server.as('support'));
    expect(support.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await auditCount()).toBe(events);

    const done = await ok(revert(current.version, '["email"]', server.as('manager')));
    expect(done.revertCustomer).toEqual({ revertedFields: ['email'], customer: { name: 'One field changed', email: 'one@example.com', version: current.version + 1 } });
    current = done.revertCustomer.customer;
    const taxBack = await ok(revert(current.version, '["taxId"]'));
    expect(taxBack.revertCustomer.revertedFields).toEqual(['taxId']);
    expect((await ok(server.gql(`{ customer(id: "${c.id}") { taxId } }`))).customer.taxId).toBe('91310000MA1K4XY12B');
  });

  it('refuses an entry of another customer and one without kept values', async () => {
    const a = await create('Entry owner');
    const b = await create('Someone else');
    const edited = await update(a.id, { name: 'Entry owner 2' });
    const seq = (await history(a.id)).data.customerHistory.at(-1).seq;
    const [{ version }] = await server.db.query<{ version: number }>(`select version from customer where id = $1`, [rawId(b.id)]);
    const res = await server.gql(`mutation { revertCustomer(input: { id: "${b.id}", version: ${version}, seq: "${seq}", reason: "wrong one" }) { revertedFields } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const creation = (await history(a.id)).data.customerHistory[0].seq;
    const first = await server.gql(`mutation { revertCustomer(input: { id: "${a.id}", version: ${edited.version}, seq: "${creation}", reason: "no before" }) { revertedFields } }`);
    expect(first.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
