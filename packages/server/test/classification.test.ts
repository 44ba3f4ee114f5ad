import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

let server: TestServer;
const ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ BULK_TAG_LIMIT: '5' });
  for (let i = 0; i < 4; i++) {
    ids.push(await insertCustomer(server.db, { name: `Tagged ${i}`, tags: i < 2 ? ['vip'] : [], region: i % 2 ? 'CN-SH' : 'CN-BJ', ownerId: i === 0 ? server.users.sales1 : null }));
  }
});
afterAll(async () => {
  await server.close();
});

const tagsOf = async (id: string) => (await server.db.query<{ tags: string[] }>(`select tags from customer where id = $1`, [id]))[0]!.tags;
const auditCount = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;

describe('tags', () => {
  it('counts tags under row rules', async () => {
    const all = await server.gql(`{ tags { name count color } }`);
    expect(all.data.tags).toEqual([{ name: 'vip', count: 2, color: null }]);
    const own = await server.as('sales1')(`{ tags { name count } }`);
    expect(own.data.tags).toEqual([{ name: 'vip', count: 1 }]);
  });

  it('sets one customer’s tags with version check, own rows for SALES', async () => {
    const res = await server.as('sales1')(`mutation { setCustomerTags(input: { id: "${ids[0]}", version: 1, tags: ["vip", "重点客户", "vip"] }) { customer { id tags version } } }`);
    expect(res.data.setCustomerTags.customer).toEqual({ id: gid('Customer', ids[0]!), tags: ['vip', '重点客户'], version: 2 });
    const stale = await server.gql(`mutation { setCustomerTags(input: { id: "${ids[0]}", version: 1, tags: [] }) { customer { id } } }`);
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const other = await server.as('sales1')(`mutation { setCustomerTags(input: { id: "${ids[1]}", tags: ["x"] }) { customer { id } } }`);
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const bad = await server.gql(`mutation { setCustomerTags(input: { id: "${ids[1]}", tags: [" padded "] }) { customer { id } } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'tags' }] });
    for (const user of ['support', 'auditor', 'reporting'] as const) {
      const res = await server.as(user)(`mutation { setCustomerTags(input: { id: "${ids[1]}", tags: ["x"] }) { customer { id } } }`);
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect(await tagsOf(ids[1]!)).toEqual(['vip']);
  });

  it('bulk-tags set-based with a preview count, one audit event per changed customer', async () => {
    const preview = await server.gql(`mutation { bulkTagCustomers(input: { filter: { region: ["CN-SH"] }, add: ["shanghai"], remove: ["vip"], dryRun: true }) { matched changed dryRun } }`);
    expect(preview.data.bulkTagCustomers).toEqual({ matched: 2, changed: 2, dryRun: true });
    expect(await tagsOf(ids[1]!)).toEqual(['vip']);
    const before = await auditCount();
    const res = await server.gql(`mutation { bulkTagCustomers(input: { filter: { region: ["CN-SH"] }, add: ["shanghai"], remove: ["vip"] }) { matched changed dryRun } }`);
    expect(res.data.bulkTagCustomers).toEqual({ matched: 2, changed: 2, dryRun: false });
    expect(await tagsOf(ids[1]!)).toEqual(['shanghai']);
    expect(await tagsOf(ids[3]!)).toEqual(['shanghai']);
    expect(await auditCount()).toBe(before + 2);
    const again = await server.gql(`mutation { bulkTagCustomers(input: { filter: { region: ["CN-SH"] }, add: ["shanghai"] }) { matched changed } }`);
    expect(again.data.bulkTagCustomers).toEqual({ matched: 2, changed: 0 });
    expect(await auditCount()).toBe(before + 2);
    // SALES tags only its own customers, whatever the filter says.
    const sales = await server.as('sales1')(`mutation { bulkTagCustomers(input: { filter: {}, add: ["mine"] }) { matched changed } }`);
    expect(sales.data.bulkTagCustomers).toEqual({ matched: 1, changed: 1 });
  });

  it('refuses bad bulk input per field and too large a match, changing nothing', async () => {
    const before = await server.db.query(`select c::text from customer c order by id`);
    const none = await server.gql(`mutation { bulkTagCustomers(input: { filter: {} }) { matched } }`);
    expect(none.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'add' }] });
    const both = await server.gql(`mutation { bulkTagCustomers(input: { filter: {}, add: ["a"], remove: ["a"] }) { matched } }`);
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'remove' }] });
    const status = await server.gql(`mutation { bulkTagCustomers(input: { filter: { status: [VOID] }, add: ["a"] }) { matched } }`);
    expect(status.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.status' }] });
    for (let i = 0; i < 2; i++) await insertCustomer(server.db, { name: `Extra ${i}` });
    const big = await server.gql(`mutation { bulkTagCustomers(input: { filter: {}, add: ["a"] }) { matched } }`);
    expect(big.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter' }] });
    const after = await server.db.query(`select c::text from customer c order by id`);
    expect(after.slice(0, before.length)).toEqual(before);
  });

  it('creates, colours, renames and deletes tags (ADMIN and MANAGER)', async () => {
    const created = await server.as('manager')(`mutation { saveTag(input: { name: "shanghai", color: "#ff8800", description: "上海客户" }) { tag { name color description count } customersChanged } }`);
    expect(created.data.saveTag).toEqual({ tag: { name: 'shanghai', color: '#ff8800', description: '上海客户', count: 2 }, customersChanged: 0 });
    const renamed = await server.gql(`mutation { saveTag(input: { name: "shanghai", newName: "上海" }) { tag { name color count } customersChanged } }`);
    expect(renamed.data.saveTag).toEqual({ tag: { name: '上海', color: '#ff8800', count: 2 }, customersChanged: 2 });
    expect(await tagsOf(ids[1]!)).toEqual(['上海']);
    const clash = await server.gql(`mutation { saveTag(input: { name: "上海", newName: "mine" }) { tag { name } } }`);
    expect(clash.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'newName' }] });
    const badColor = await server.gql(`mutation { saveTag(input: { name: "x", color: "red" }) { tag { name } } }`);
    expect(badColor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'color' }] });
    const deleted = await server.gql(`mutation { deleteTag(input: { name: "上海" }) { tag { name } customersChanged } }`);
    expect(deleted.data.deleteTag).toEqual({ tag: { name: '上海' }, customersChanged: 2 });
    expect(await tagsOf(ids[1]!)).toEqual([]);
    expect((await server.gql(`mutation { deleteTag(input: { name: "上海" }) { tag { name } } }`)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    for (const user of ['sales1', 'support', 'auditor', 'reporting'] as const) {
      expect((await server.as(user)(`mutation { saveTag(input: { name: "y" }) { tag { name } } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('saves segments, uses them in lists and bulk tagging, under row rules', async () => {
    const created = await server.as('manager')(`mutation { saveSegment(input: { name: "Beijing", description: "北京客户", filter: { region: ["CN-BJ"] } }) { segment { id name version filter customerCount createdBy { id } } } }`);
    expect(created.errors).toBeUndefined();
    const segment = created.data.saveSegment.segment;
    expect(segment).toMatchObject({ name: 'Beijing', version: 1, filter: { region: ['CN-BJ'] }, createdBy: { id: gid('User', server.users.manager) } });
    const bj = (await server.db.query<{ id: string }>(`select c.id::text from customer c where c.region = 'CN-BJ' and c.status = 'ACTIVE' order by c.id`)).map((r) => r.id);
    expect(segment.customerCount).toBe(bj.length);
    const listed = await server.gql(`{ customers(first: 50, filter: { segmentId: "${segment.id}", search: "Tagged" }) { totalCount nodes { id region } } }`);
    expect(listed.data.customers.nodes.every((n: any) => n.region === 'CN-BJ')).toBe(true);
    expect(listed.data.customers.totalCount).toBe(2);
    const own = await server.as('sales1')(`{ segment(id: "${segment.id}") { customerCount } customers(filter: { segmentId: "${segment.id}" }) { totalCount } }`);
    expect(own.data).toEqual({ segment: { customerCount: 1 }, customers: { totalCount: 1 } });
    const tagged = await server.gql(`mutation { bulkTagCustomers(input: { filter: { segmentId: "${segment.id}" }, add: ["beijing"], dryRun: true }) { matched } }`);
    expect(tagged.data.bulkTagCustomers.matched).toBe(bj.length);
    const renamed = await server.gql(`mutation { saveSegment(input: { id: "${segment.id}", version: 1, name: "Beijing and Shanghai", filter: { region: ["CN-BJ", "CN-SH"] } }) { segment { version customerCount } } }`);
    expect(renamed.data.saveSegment.segment.version).toBe(2);
    const stale = await server.gql(`mutation { saveSegment(input: { id: "${segment.id}", version: 1, name: "x", filter: {} }) { segment { id } } }`);
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const taken = await server.gql(`mutation { saveSegment(input: { name: "beijing AND shanghai", filter: {} }) { segment { id } } }`);
    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'name' }] });
    const nested = await server.gql(`mutation { saveSegment(input: { name: "Nested", filter: { segmentId: "${segment.id}" } }) { segment { id } } }`);
    expect(nested.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.segmentId' }] });
    const unknown = await server.gql(`{ customers(filter: { segmentId: "999999" }) { totalCount } }`);
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.segmentId' }] });
    for (const user of ['sales1', 'support', 'auditor', 'reporting'] as const) {
      const res = await server.as(user)(`mutation { saveSegment(input: { name: "Mine", filter: {} }) { segment { id } } }`);
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const deleted = await server.gql(`mutation { deleteSegment(input: { id: "${segment.id}", version: 2 }) { segment { name } } }`);
    expect(deleted.data.deleteSegment.segment.name).toBe('Beijing and Shanghai');
    expect((await server.gql(`{ segments { id } }`)).data.segments).toEqual([]);
  });
});
