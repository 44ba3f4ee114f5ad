import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { insertCustomer, insertInteractions, setTaxId } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { dbId, gid } from './helpers/global-ids.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Every stored value of the parties and of every interaction that was theirs, as text. */
async function digest(ids: string[], interactionIds: string[] = []): Promise<string[]> {
  const rows = await server.db.query<{ r: string }>(
    `select 'c' || c::text as r from customer c where c.id = any($1::bigint[])
     union all select 'i' || i::text from interaction i where i.customer_id = any($1::bigint[]) or i.id = any($2::bigint[])
     order by 1`,
    [ids, interactionIds],
  );
  return rows.map((r) => r.r);
}

const versions = async (ids: string[]) =>
  (await server.db.query<{ id: string; version: number }>(`select id::text, version from customer where id = any($1::bigint[])`, [ids])).map(
    (r) => `{ id: "${r.id}", version: ${r.version} }`,
  );

async function merge(survivorId: string, mergedIds: string[], extra = '', as = server.gql) {
  const v = await versions([survivorId, ...mergedIds]);
  return as(
    `mutation { mergeCustomers(input: { survivorId: "${survivorId}", mergedIds: ${JSON.stringify(mergedIds)}, versions: [${v.join(', ')}] ${extra} }) {
      dryRun survivor { id name email phone tags lastInteractionAt interactionCount version } merge { id survivorId mergedIds interactionCount picks { field fromId } merged { id status mergedInto { id } } } } }`,
  );
}

const auditCount = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;

describe('mergeCustomers', () => {
  it('previews on a dry run and saves nothing', async () => {
    const a = await insertCustomer(server.db, { name: '上海星辰科技有限公司', email: null, phone: '13800138000' });
    const b = await insertCustomer(server.db, { name: '上海星辰科技', email: 'info@xingchen.cn', tags: ['vip'] });
    await insertInteractions(server.db, b, ['2025-05-01T10:00:00Z']);
    const before = await digest([a, b]);
    const audits = await auditCount();
    const res = await server.gql(`mutation { mergeCustomers(input: { survivorId: "${a}", mergedIds: ["${b}"], dryRun: true }) { dryRun movedInteractions merge { id } survivor { id name email phone tags interactionCount lastInteractionAt } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.mergeCustomers).toMatchObject({
      dryRun: true,
      merge: null,
      movedInteractions: 1,
      survivor: { id: gid('Customer', a), name: '上海星辰科技有限公司', email: 'info@xingchen.cn', phone: '13800138000', tags: ['vip'] },
    });
    expect(await digest([a, b])).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('moves interactions, marks the others MERGED with a pointer, keeps lastInteractionAt right, audits once', async () => {
    const a = await insertCustomer(server.db, { name: 'Acme Trading', email: 'sales@acme.com' });
    const b = await insertCustomer(server.db, { name: 'ACME  Trading', email: 'info@acme.com', phone: '+86 21 6123 4567' });
    const c = await insertCustomer(server.db, { name: 'Acme Trading Ltd', phone: '021-61234567' });
    await insertInteractions(server.db, a, ['2024-01-01T00:00:00Z']);
    const moved = [...(await insertInteractions(server.db, b, ['2025-03-01T00:00:00Z', '2023-01-01T00:00:00Z'])), ...(await insertInteractions(server.db, c, ['2022-01-01T00:00:00Z']))];
    const audits = await auditCount();
    const res = await merge(a, [b, c], `, picks: [{ field: EMAIL, fromId: "${b}" }], reason: "same company"`);
    expect(res.errors).toBeUndefined();
    const out = res.data.mergeCustomers;
    expect(out.survivor).toMatchObject({ id: gid('Customer', a), email: 'info@acme.com', phone: '+86 21 6123 4567', interactionCount: 4, lastInteractionAt: '2025-03-01T00:00:00.000000Z' });
    const C = (id: string) => gid('Customer', id);
    expect(out.merge).toMatchObject({ survivorId: C(a), mergedIds: [C(b), C(c)], interactionCount: 3, picks: [{ field: 'EMAIL', fromId: C(b) }] });
    expect(out.merge.merged).toEqual([
      { id: C(b), status: 'MERGED', mergedInto: { id: C(a) } },
      { id: C(c), status: 'MERGED', mergedInto: { id: C(a) } },
    ]);
    const rows = await server.db.query<{ id: string; last: string | null }>(`select id::text, last_interaction_at::text as last from customer where id = any($1::bigint[])`, [[b, c]]);
    expect(rows.every((r) => r.last === null)).toBe(true);
    const owners = await server.db.query<{ n: number }>(`select count(*)::int as n from interaction where id = any($1::bigint[]) and customer_id = $2`, [moved, a]);
    expect(owners[0]!.n).toBe(3);
    // One event for the survivor and one for each merged customer (its own history says it was merged).
    expect(await auditCount()).toBe(audits + 3);
    const merged = await server.db.query<{ entity_id: string; changes: any }>(
      `select entity_id, changes from audit_event where action = 'CUSTOMER_MERGED' order by seq desc limit 2`,
    );
    expect(merged.map((m) => m.entity_id).sort()).toEqual([b, c].sort());
    for (const m of merged) expect(m.changes).toMatchObject({ status: { from: 'ACTIVE', to: 'MERGED' }, mergeId: { to: dbId(out.merge.id) }, mergedInto: { to: a } });
    const [event] = await server.db.query<{ action: string; entity_id: string; changes: any }>(`select action, entity_id, changes from audit_event order by seq desc limit 1`);
    expect(event).toMatchObject({ action: 'CUSTOMERS_MERGED', entity_id: a, changes: { email: { from: 's***@acme.com', to: 'i***@acme.com' }, mergedIds: { to: [b, c] } } });
    const list = await server.as('manager')(`{ merges(filter: { customerId: "${c}" }) { totalCount nodes { id survivor { id } mergedBy { id } } } }`);
    expect(list.data.merges).toEqual({ totalCount: 1, nodes: [{ id: out.merge.id, survivor: { id: gid('Customer', a) }, mergedBy: { id: gid('User', server.users.admin) } }] });
  });

  it('refuses bad input per field, other states, stale versions and roles without merge; changes nothing', async () => {
    const a = await insertCustomer(server.db, { name: 'Refuse A' });
    const b = await insertCustomer(server.db, { name: 'Refuse B' });
    const v = await insertCustomer(server.db, { name: 'Refuse Void', status: 'VOID' });
    const before = await digest([a, b, v]);
    const audits = await auditCount();
    const bad = await server.gql(`mutation { mergeCustomers(input: { survivorId: "${a}", mergedIds: ["${a}"], picks: [{ field: TAGS, fromId: "999" }] }) { dryRun } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors![0]!.extensions!.fields.map((f: any) => f.field)).toEqual(['mergedIds', 'picks.0.field', 'picks.0.fromId', 'versions']);
    const tooMany = await server.gql(`mutation { mergeCustomers(input: { survivorId: "${a}", mergedIds: ${JSON.stringify(Array.from({ length: 10 }, (_, i) => String(1000 + i)))}, dryRun: true }) { dryRun } }`);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'mergedIds' }] });
    const voided = await merge(a, [v]);
    expect(voided.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    const stale = await server.gql(`mutation { mergeCustomers(input: { survivorId: "${a}", mergedIds: ["${b}"], versions: [{ id: "${a}", version: 1 }, { id: "${b}", version: 7 }] }) { dryRun } }`);
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const missing = await server.gql(`mutation { mergeCustomers(input: { survivorId: "${a}", mergedIds: ["987654"], dryRun: true }) { dryRun } }`);
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const taxPick = await merge(a, [b], `, picks: [{ field: TAX_ID, fromId: "${b}" }]`, server.as('manager'));
    expect(taxPick.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    for (const user of ['sales1', 'support', 'auditor', 'reporting'] as const) {
      const res = await merge(a, [b], '', server.as(user));
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const list = await server.as(user)(`{ merges { totalCount } }`);
      expect(list.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect(await digest([a, b, v])).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('lets exactly one of two concurrent merges of the same customer succeed', async () => {
    for (let round = 0; round < 3; round++) {
      const shared = await insertCustomer(server.db, { name: `Shared ${round}` });
      const x = await insertCustomer(server.db, { name: `X ${round}` });
      const y = await insertCustomer(server.db, { name: `Y ${round}` });
      await insertInteractions(server.db, shared, ['2025-01-01T00:00:00Z']);
      const [r1, r2] = await Promise.all([merge(x, [shared]), merge(y, [shared], '', server.as('manager'))]);
      const ok = [r1, r2].filter((r) => !r.errors);
      const failed = [r1, r2].filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(['INVALID_STATE', 'CONFLICT']).toContain(failed[0]!.errors![0]!.extensions!.code);
      const [row] = await server.db.query<{ n: number }>(`select count(*)::int as n from customer_merge where merged_ids @> array[$1::bigint]`, [shared]);
      expect(row!.n).toBe(1);
    }
  });
});

describe('unmergeCustomers', () => {
  const unmerge = (mergeId: string, as = server.gql) =>
    as(`mutation { unmergeCustomers(input: { mergeId: "${mergeId}", reason: "not the same company" }) { merge { id unmergedAt unmergedBy { id } } customers { id status version lastInteractionAt } } }`);

  it('names what blocks it and changes nothing', async () => {
    const a = await insertCustomer(server.db, { name: 'Block A' });
    const b = await insertCustomer(server.db, { name: 'Block B' });
    const res = await merge(a, [b]);
    const mergeId = res.data.mergeCustomers.merge.id;
    const [{ version }] = await server.db.query<{ version: number }>(`select version from customer where id = $1`, [a]);
    await server.gql(`mutation { updateCustomer(input: { id: "${a}", version: ${version}, tier: KEY_ACCOUNT }) { customer { id } } }`);
    const before = await digest([a, b]);
    const blocked = await unmerge(mergeId);
    expect(blocked.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    expect(blocked.errors![0]!.message).toContain(`survivor ${gid('Customer', a)} was edited since the merge`);
    expect(await digest([a, b])).toEqual(before);
    for (const user of ['sales1', 'support', 'auditor', 'reporting'] as const) {
      expect((await unmerge(mergeId, server.as(user))).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect((await unmerge('424242')).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('restores every party byte for byte (property: random parties, values, interactions and picks)', async () => {
    const text = fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { nil: null });
    const party = fc.record({
      name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
      email: text,
      phone: fc.option(fc.stringMatching(/^\+?[0-9]{6,13}$/), { nil: null }),
      tags: fc.uniqueArray(fc.constantFrom('vip', '重点', 'a', 'b'), { maxLength: 3 }),
      interactions: fc.array(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), { maxLength: 4 }),
    });
    const fields = ['NAME', 'EMAIL', 'PHONE', 'TIER', 'REGION', 'NOTES'];
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(party, { minLength: 2, maxLength: 4 }), fc.array(fc.tuple(fc.constantFrom(...fields), fc.nat()), { maxLength: 3 }), async (parties, picks) => {
        runs += 1;
        const ids: string[] = [];
        const interactions: string[] = [];
        for (const p of parties) {
          const id = await insertCustomer(server.db, { name: p.name, email: p.email, phone: p.phone, tags: p.tags, region: ids.length % 2 ? 'CN-SH' : null });
          await server.db.query(`update customer set notes = $2, version = 1 + $3::int, updated_at = '2021-02-03T04:05:06.123456Z' where id = $1`, [id, p.email, ids.length]);
          interactions.push(...(await insertInteractions(server.db, id, p.interactions.map((d) => d.toISOString()))));
          ids.push(id);
        }
        const [survivor, ...merged] = ids as [string, ...string[]];
        const uniquePicks = [...new Map(picks.map(([f, n]) => [f, ids[n % ids.length]!])).entries()];
        const before = await digest(ids, interactions);
        const res = await merge(survivor, merged, `, picks: [${uniquePicks.map(([f, id]) => `{ field: ${f}, fromId: "${id}" }`).join(', ')}]`);
        expect(res.errors).toBeUndefined();
        expect(await digest(ids, interactions)).not.toEqual(before);
        const undone = await unmerge(res.data.mergeCustomers.merge.id);
        expect(undone.errors).toBeUndefined();
        expect(undone.data.unmergeCustomers.customers.map((c: any) => c.id)).toEqual(ids.map((id) => gid('Customer', id)));
        expect(await digest(ids, interactions)).toEqual(before);
      }),
      { numRuns: 25 },
    );
    expect(runs).toBe(25);
  });

  it('erasure reaches the merge snapshot, and unmerge then names the erased party', async () => {
    const a = await insertCustomer(server.db, { name: 'Erase Survivor', email: 'keep@survivor.cn' });
    const b = await insertCustomer(server.db, { name: '李雷', type: 'INDIVIDUAL', email: 'lilei@private.cn', phone: '13912345678' });
    await server.db.query(`update customer set code = 'ERASE-' || id where id = $1`, [b]);
    const mergeId = (await merge(a, [b])).data.mergeCustomers.merge.id;
    const erased = await server.gql(`mutation { erasePersonalData(input: { id: "${b}", reason: "PIPL request", confirm: "ERASE-${b}" }) { customer { id } } }`);
    expect(erased.errors).toBeUndefined();
    const [row] = await server.db.query<{ s: string }>(`select snapshot::text as s from customer_merge where id = $1`, [dbId(mergeId)]);
    expect(row!.s).not.toMatch(/lilei|13912345678|李雷/);
    expect(row!.s).toContain('keep@survivor.cn');
    const blocked = await unmerge(mergeId);
    expect(blocked.errors![0]!.message).toContain(`merged customer ${gid('Customer', b)} was edited since the merge`);
  });

  it('erasure follows the data a merge moved: carried values up a chain of survivors, moved interactions, folded customers', async () => {
    const company = await insertCustomer(server.db, { name: 'Carry Survivor Ltd', email: 'office@carry.cn' });
    const person = await insertCustomer(server.db, { name: '韩梅梅', type: 'INDIVIDUAL', email: 'hanmeimei@private.cn', phone: '13700001111' });
    const top = await insertCustomer(server.db, { name: 'Carry Top Ltd', email: 'top@carry.cn' });
    await server.db.query(`update customer set code = 'CARRY-' || id, address = '北京市海淀区 1 号' where id = $1`, [person]);
    // Stored encrypted: every write of it is another ciphertext, so carried values are found by blind index.
    await setTaxId(server.db, person, '110101199003071234');
    const [moved] = await insertInteractions(server.db, person, ['2025-06-01T10:00:00Z']);
    await server.db.query(`update interaction set body = '她的私人电话 13700001111' where id = $1`, [moved]);
    // The company takes the person's phone and address (it had none); its own email stays.
    const first = await merge(company, [person]);
    expect(first.errors).toBeUndefined();
    expect(first.data.mergeCustomers.survivor).toMatchObject({ email: 'office@carry.cn', phone: '13700001111' });
    // Then the company folds into another, which takes the phone on from it.
    const second = await merge(top, [company]);
    expect(second.data.mergeCustomers.survivor).toMatchObject({ email: 'top@carry.cn', phone: '13700001111' });

    const erased = await server.gql(`mutation { erasePersonalData(input: { id: "${person}", reason: "PIPL request 7", confirm: "CARRY-${person}" }) { customer { id } } }`);
    expect(erased.errors).toBeUndefined();
    const rows = await server.db.query<{ id: string; email: string | null; phone: string | null; address: string | null; name: string }>(
      `select c.id::text, c.email, c.phone, c.address, c.name from customer c where c.id = any($1::bigint[]) order by c.id`, [[company, person, top]]);
    const taxes = await server.db.query<{ tax_id: string | null; tax_id_hash: Buffer | null }>(
      `select tax_id, tax_id_hash from customer where id = any($1::bigint[])`, [[company, person, top]]);
    expect(taxes).toEqual([{ tax_id: null, tax_id_hash: null }, { tax_id: null, tax_id_hash: null }, { tax_id: null, tax_id_hash: null }]);
    expect(rows).toEqual([
      { id: company, email: 'office@carry.cn', phone: null, address: null, name: 'Carry Survivor Ltd' },
      { id: person, email: null, phone: null, address: null, name: `Erased CARRY-${person}` },
      { id: top, email: 'top@carry.cn', phone: null, address: null, name: 'Carry Top Ltd' },
    ]);
    const [interaction] = await server.db.query<{ customer: string; subject: string; body: string | null }>(
      `select customer_id::text as customer, subject, body from interaction where id = $1`, [moved]);
    expect(interaction).toEqual({ customer: top, subject: '[erased]', body: null });
    const snapshots = await server.db.query<{ s: string }>(`select snapshot::text as s from customer_merge where survivor_id = any($1::bigint[])`, [[company, top]]);
    for (const { s } of snapshots) expect(s).not.toMatch(/hanmeimei|13700001111|韩梅梅|海淀/);
    const snapshotTax = await server.db.query<{ n: number }>(
      `select count(*)::int as n from customer_merge m, jsonb_each(m.snapshot) e where m.survivor_id = any($1::bigint[]) and e.value ->> 'tax_id' is not null`, [[company, top]]);
    expect(snapshotTax[0]!.n).toBe(0);
    const events = await server.db.query<{ entity: string; changes: any }>(
      `select entity_id as entity, changes from audit_event where action = 'CUSTOMER_PERSONAL_DATA_ERASED' and reason = 'PIPL request 7' order by seq`);
    expect(events.map((e) => e.entity).sort()).toEqual([company, person, top].sort());
    expect(events.find((e) => e.entity === top)!.changes).toMatchObject({ erased: { to: ['phone', 'address', 'taxId'] }, carriedFrom: { to: { customerId: person } } });
  });

  it('erasing a survivor erases the customers merged into it', async () => {
    const survivor = await insertCustomer(server.db, { name: '王芳', type: 'INDIVIDUAL', email: 'wangfang@private.cn' });
    const twin = await insertCustomer(server.db, { name: '王 芳', type: 'INDIVIDUAL', email: 'wf@other.cn', phone: '13600002222' });
    await server.db.query(`update customer set code = 'FOLD-' || id where id = $1`, [survivor]);
    expect((await merge(survivor, [twin])).errors).toBeUndefined();
    const erased = await server.gql(`mutation { erasePersonalData(input: { id: "${survivor}", reason: "PIPL request 8", confirm: "FOLD-${survivor}" }) { customer { id name email phone } } }`);
    expect(erased.errors).toBeUndefined();
    expect(erased.data.erasePersonalData.customer).toEqual({ id: gid('Customer', survivor), name: `Erased FOLD-${survivor}`, email: null, phone: null });
    const [folded] = await server.db.query<{ name: string; email: string | null; phone: string | null }>(`select name, email, phone from customer where id = $1`, [twin]);
    expect(folded!.email).toBeNull();
    expect(folded!.phone).toBeNull();
    expect(folded!.name).toMatch(/^Erased /);
    const [event] = await server.db.query<{ changes: any }>(
      `select changes from audit_event where action = 'CUSTOMER_PERSONAL_DATA_ERASED' and entity_id = $1`, [twin]);
    expect(event!.changes).toMatchObject({ foldedInto: { to: survivor } });
  });

  it('shows an archived survivor as archivedSurvivor, and unmerge asks for it to be restored', async () => {
    const a = await insertCustomer(server.db, { name: 'Shelved Survivor' });
    const b = await insertCustomer(server.db, { name: 'Shelved Twin' });
    const mergeId = (await merge(a, [b])).data.mergeCustomers.merge.id;
    expect((await server.gql(`mutation { archiveCustomers(input: { ids: ["${a}"], reason: "dormant" }) { customers { id } } }`)).errors).toBeUndefined();
    const res = await server.gql(`{ merges(first: 50) { nodes { id survivor { id } archivedSurvivor { id name status } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.merges.nodes.find((m: any) => m.id === mergeId)).toEqual({
      id: mergeId, survivor: null, archivedSurvivor: { id: gid('ArchivedCustomer', a), name: 'Shelved Survivor', status: 'ARCHIVED' },
    });
    const live = res.data.merges.nodes.filter((m: any) => m.id !== mergeId && m.survivor);
    for (const m of live) expect(m.archivedSurvivor).toBeNull();
    const blocked = await unmerge(mergeId);
    expect(blocked.errors![0]!.extensions!.code).toBe('INVALID_STATE');
  });

  it('refuses a second unmerge and a merge whose survivor was merged again', async () => {
    const a = await insertCustomer(server.db, { name: 'Chain A' });
    const b = await insertCustomer(server.db, { name: 'Chain B' });
    const c = await insertCustomer(server.db, { name: 'Chain C' });
    const first = (await merge(a, [b])).data.mergeCustomers.merge.id;
    const second = (await merge(c, [a])).data.mergeCustomers.merge.id;
    const blocked = await unmerge(first);
    expect(blocked.errors![0]!.message).toContain(`survivor ${gid('Customer', a)} is now MERGED (undo the later merge first)`);
    expect((await unmerge(second)).errors).toBeUndefined();
    const done = await unmerge(first);
    expect(done.errors).toBeUndefined();
    expect(done.data.unmergeCustomers.merge.unmergedBy).toEqual({ id: gid('User', server.users.admin) });
    const again = await unmerge(first);
    expect(again.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    expect(again.errors![0]!.message).toContain('already undone');
  });
});
