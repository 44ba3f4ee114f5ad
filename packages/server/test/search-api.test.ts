import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { insertCustomer } from './helpers/fixtures.js';
import { testConfig } from './helpers/jobs.js';
import { syncIndex } from './helpers/search.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { dbId, gid } from './helpers/global-ids.js';

/**
 * searchArchive and search over real GraphQL: hits are ArchivedCustomer/Customer objects
 * under the usual field guards; roles match only on fields they read in full; SALES sees
 * only its own rows in hits, totals and facets; highlights never carry unreadable text;
 * archived hits are access-logged.
 */

let server: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  const { sales1, sales2 } = server.users;
  const rows = [
    { key: 'zhangwei', name: '张伟科技有限公司', code: 'SRC-0001', region: 'CN-BJ', type: 'ENTERPRISE', ownerId: sales1, phone: '+86 138 0013 5678', email: 'zhang.wei@example.com', tags: ['vip'] },
    { key: 'yunduan', name: '北京云端科技发展有限公司', code: 'SRC-0002', region: 'CN-BJ', type: 'ENTERPRISE', ownerId: sales2, phone: '+86 139 1111 2222', email: 'info@yunduan.cn', tags: [] },
    { key: 'acme', name: 'Acme Trading Ltd', code: 'SRC-0003', region: 'US-CA', type: 'SMB', ownerId: sales1, phone: '+1 415 555 0199', email: 'sales@acme.example', tags: [] },
    { key: 'lihua', name: '李华', code: 'SRC-0004', region: 'CN-SH', type: 'INDIVIDUAL', ownerId: sales2, phone: '+86 137 9999 0000', email: 'li.hua@example.com', tags: ['vip'] },
  ];
  for (const { key, ...row } of rows) ids[key] = await insertCustomer(server.db, row);
  ids.liveZhang = await insertCustomer(server.db, { name: '张伟贸易', code: 'LIVE-0001', ownerId: sales1, phone: '+86 136 0000 5678' });
  ids.liveTech = await insertCustomer(server.db, { name: '深圳华强科技股份', code: 'LIVE-0002', ownerId: sales2 });
  const res = await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "inactive for 3 years" }) { customers { id } } }`, {
    ids: rows.map((r) => ids[r.key]),
  });
  expect(res.errors).toBeUndefined();
  await syncIndex(server.db, testConfig(server.db));
});
afterAll(() => server.close());

const SEARCH_ARCHIVE = `query($q: String!, $filter: ArchiveSearchFilter, $first: Int, $after: String) {
  searchArchive(query: $q, filter: $filter, first: $first, after: $after) {
    totalCount totalCountExact engine endCursor
    hits { score highlights { field snippet } customer { id name code status previousStatus phone email } }
    facets { field values { value count } }
  } }`;

const hitIds = (res: any) => res.data.searchArchive.hits.map((h: any) => dbId(h.customer.id)).sort();
const facet = (res: any, field: string) => res.data.searchArchive.facets.find((f: any) => f.field === field).values;

describe('searchArchive', () => {
  it('finds archived customers with score, highlights, facets and engine', async () => {
    const res = await server.gql(SEARCH_ARCHIVE, { q: '张伟' });
    expect(res.errors).toBeUndefined();
    const result = res.data.searchArchive;
    expect(result).toMatchObject({ totalCount: 1, totalCountExact: true, engine: 'POSTGRES', endCursor: null });
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]).toMatchObject({
      highlights: [{ field: 'name', snippet: '<em>张伟</em>科技有限公司' }],
      customer: { id: gid('ArchivedCustomer', ids.zhangwei!), name: '张伟科技有限公司', status: 'ARCHIVED', previousStatus: 'ACTIVE', phone: '+86 138 0013 5678' },
    });
    expect(result.hits[0].score).toBeGreaterThan(0);
    expect(result.facets.map((f: any) => f.field)).toEqual(['type', 'tier', 'region', 'lifecycleStage', 'tags', 'archiveReason', 'archivedYear']);
    expect(facet(res, 'archiveReason')).toEqual([{ value: 'inactive for 3 years', count: 1 }]);
    expect(facet(res, 'archivedYear')).toEqual([{ value: String(new Date().getUTCFullYear()), count: 1 }]);
  });

  it('filters and facets through GraphQL, and pages with cursors', async () => {
    const res = await server.gql(SEARCH_ARCHIVE, { q: '', filter: { region: ['CN-BJ', 'CN-SH'] } });
    expect(hitIds(res)).toEqual([ids.zhangwei, ids.yunduan, ids.lihua].sort());
    expect(facet(res, 'region')).toEqual([{ value: 'CN-BJ', count: 2 }, { value: 'CN-SH', count: 1 }]);
    const first = await server.gql(SEARCH_ARCHIVE, { q: '', first: 2 });
    expect(first.data.searchArchive.endCursor).toEqual(expect.any(String));
    const second = await server.gql(SEARCH_ARCHIVE, { q: '', first: 2, after: first.data.searchArchive.endCursor });
    expect(second.data.searchArchive.endCursor).toBeNull();
    expect(new Set([...hitIds(first), ...hitIds(second)]).size).toBe(4);
    const countsOnly = await server.gql(SEARCH_ARCHIVE, { q: '', first: 0 });
    expect(countsOnly.data.searchArchive).toMatchObject({ totalCount: 4, hits: [], endCursor: null });
    expect(facet(countsOnly, 'type')).toHaveLength(3);
    expect((await server.gql(SEARCH_ARCHIVE, { q: '', after: 'bm9wZQ' })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(SEARCH_ARCHIVE, { q: 'x'.repeat(201) })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(SEARCH_ARCHIVE, { q: '', first: 101 })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('counts facets only when the query asks for them (directly or through a fragment)', async () => {
    await server.db.query('create extension if not exists pg_stat_statements');
    const dbid = `(select oid from pg_database where datname = current_database())`;
    /** Searches the engine ran with and without its facet subquery during `query`. */
    const engineRuns = async (query: string) => {
      await server.db.query(`select pg_stat_statements_reset(0, ${dbid}, 0)`);
      const res = await server.gql(query, { q: '科技' });
      expect(res.errors).toBeUndefined();
      const [row] = await server.db.query<{ faceted: number; plain: number }>(
        `select coalesce(sum(calls) filter (where query like '%json_object_agg(field%'), 0)::int as faceted,
                coalesce(sum(calls) filter (where query not like '%json_object_agg(field%'), 0)::int as plain
           from pg_stat_statements where dbid = ${dbid} and query like '%from search_document d%'`,
      );
      return row;
    };
    expect(await engineRuns(`query($q: String!) { searchArchive(query: $q) { totalCount hits { customer { id } } } }`)).toEqual({ faceted: 0, plain: 1 });
    expect(await engineRuns(`query($q: String!) { searchArchive(query: $q) { totalCount facets { field } } }`)).toEqual({ faceted: 1, plain: 0 });
    expect(await engineRuns(`query($q: String!) { searchArchive(query: $q) { ...F } } fragment F on ArchiveSearchResult { ... on ArchiveSearchResult { facets { field } } }`))
      .toEqual({ faceted: 1, plain: 0 });
  });

  it('is FORBIDDEN to roles without archive access', async () => {
    for (const user of ['auditor', 'reporting'] as const) {
      const res = await server.as(user)(SEARCH_ARCHIVE, { q: '张伟' });
      expect(res.data).toBeNull();
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('gives SALES only its own customers, in hits, totalCount and facets', async () => {
    const all = await server.as('sales1')(SEARCH_ARCHIVE, { q: '' });
    expect(all.errors).toBeUndefined();
    expect(hitIds(all)).toEqual([ids.zhangwei, ids.acme].sort());
    expect(all.data.searchArchive.totalCount).toBe(2);
    expect(facet(all, 'type')).toEqual([{ value: 'ENTERPRISE', count: 1 }, { value: 'SMB', count: 1 }]);
    expect(facet(all, 'tags')).toEqual([{ value: 'vip', count: 1 }]);
    const others = await server.as('sales1')(SEARCH_ARCHIVE, { q: '云端' });
    expect(others.data.searchArchive).toMatchObject({ totalCount: 0, hits: [] });
    expect(facet(others, 'region')).toEqual([]);
    const tech = await server.as('sales2')(SEARCH_ARCHIVE, { q: '科技' });
    expect(hitIds(tech)).toEqual([ids.yunduan]);
    const asked = await server.as('sales2')(SEARCH_ARCHIVE, { q: '', filter: { ownerId: [server.users.sales1] } });
    expect(asked.data.searchArchive.totalCount).toBe(0);
  });

  it('lets SUPPORT match only fields it reads in full: no phone or email fragments, masked values in hits', async () => {
    for (const q of ['5678', '13800135678', 'zhang.wei', 'example.com']) {
      expect(hitIds(await server.gql(SEARCH_ARCHIVE, { q })).length).toBeGreaterThan(0);
      const support = await server.as('support')(SEARCH_ARCHIVE, { q });
      expect(support.errors).toBeUndefined();
      expect(support.data.searchArchive).toMatchObject({ totalCount: 0, hits: [] });
    }
    const byName = await server.as('support')(SEARCH_ARCHIVE, { q: '张伟' });
    expect(byName.data.searchArchive.hits[0].customer).toMatchObject({ id: gid('ArchivedCustomer', ids.zhangwei!), phone: '+86 138 **** 5678', email: 'z***@example.com' });
  });

  it('never puts text from fields the caller cannot read fully into highlights', async () => {
    // ADMIN searching a code fragment that also occurs in nobody's phone: code highlighted.
    const admin = await server.gql(SEARCH_ARCHIVE, { q: 'SRC-0001' });
    expect(admin.data.searchArchive.hits[0].highlights).toEqual([{ field: 'code', snippet: '<em>SRC-0001</em>' }]);
    // ADMIN: the phone digits are highlighted in the phone.
    const phone = await server.gql(SEARCH_ARCHIVE, { q: '5678' });
    expect(phone.data.searchArchive.hits[0].highlights).toEqual([{ field: 'phone', snippet: '+86 138 0013 <em>5678</em>' }]);
    // SUPPORT finds by name or code only, and highlights stay in those fields.
    for (const q of ['张伟', 'SRC-0001', 'acme']) {
      const res = await server.as('support')(SEARCH_ARCHIVE, { q });
      for (const hit of res.data.searchArchive.hits) {
        for (const h of hit.highlights) {
          expect(['name', 'code']).toContain(h.field);
          expect(h.snippet).not.toMatch(/@|5678|0013|acme\.example/);
        }
      }
    }
  });

  it('access-logs archived hits like other archived reads', async () => {
    const before = (await server.db.query<{ n: number }>(`select count(*)::int as n from access_log`))[0]!.n;
    await server.as('manager')(SEARCH_ARCHIVE, { q: '科技' });
    await server.accessLogWritten();
    const rows = await server.db.query<{ entity_type: string; field: string; ids: string[]; actor_id: string }>(
      `select entity_type, field, entity_ids::text[] as ids, actor_id::text from access_log order by id offset $1`, [before]);
    expect(rows).toContainEqual({ entity_type: 'ArchivedCustomer', field: 'record', ids: expect.arrayContaining([ids.zhangwei, ids.yunduan]), actor_id: server.users.manager });
  });
});

const SEARCH = `query($q: String!, $scope: SearchScope, $filter: CustomerSearchFilter, $first: Int, $after: String) {
  search(query: $q, scope: $scope, filter: $filter, first: $first, after: $after) {
    totalCount totalCountExact engine endCursor
    hits { score store highlights { field snippet } customer { id name phone } archivedCustomer { id name phone } }
  } }`;

describe('search across stores', () => {
  const stores = (res: any) => res.data.search.hits.map((h: any) => `${h.store}:${dbId((h.customer ?? h.archivedCustomer).id)}`).sort();

  it('finds live and archived customers together, or one store at a time', async () => {
    const all = await server.gql(SEARCH, { q: '张伟', scope: 'ALL' });
    expect(all.errors).toBeUndefined();
    expect(stores(all)).toEqual([`ARCHIVED:${ids.zhangwei}`, `LIVE:${ids.liveZhang}`].sort());
    expect(all.data.search).toMatchObject({ totalCount: 2, engine: 'POSTGRES' });
    for (const hit of all.data.search.hits) expect(hit.highlights[0]).toMatchObject({ field: 'name' });
    expect(stores(await server.gql(SEARCH, { q: '张伟', scope: 'LIVE' }))).toEqual([`LIVE:${ids.liveZhang}`]);
    expect(stores(await server.gql(SEARCH, { q: '张伟', scope: 'ARCHIVED' }))).toEqual([`ARCHIVED:${ids.zhangwei}`]);
    expect(stores(await server.gql(SEARCH, { q: '5678' }))).toEqual([`ARCHIVED:${ids.zhangwei}`, `LIVE:${ids.liveZhang}`].sort());
    // A 2-character Chinese word in the middle of a live name (served by the bigram index).
    expect(stores(await server.gql(SEARCH, { q: '科技', scope: 'ALL' }))).toEqual(
      [`ARCHIVED:${ids.zhangwei}`, `ARCHIVED:${ids.yunduan}`, `LIVE:${ids.liveTech}`].sort(),
    );
    // The condition the live search writes is one the bigram index can answer.
    const client = new pg.Client({ connectionString: server.db.url });
    await client.connect();
    try {
      await client.query(`set enable_seqscan = off`);
      const plan = await client.query(`explain select id from customer c where customer_name_bigrams(c.name) @> array['科技']`);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on customer_name_bigrams_idx/);
    } finally {
      await client.end();
    }
    const filtered = await server.gql(SEARCH, { q: '', scope: 'ALL', filter: { region: ['US-CA'] } });
    expect(stores(filtered)).toEqual([`ARCHIVED:${ids.acme}`]);
  });

  it('pages across both stores without repeating a hit', async () => {
    const first = await server.gql(SEARCH, { q: '', first: 3 });
    const second = await server.gql(SEARCH, { q: '', first: 3, after: first.data.search.endCursor });
    const seen = [...stores(first), ...stores(second)];
    expect(new Set(seen).size).toBe(seen.length);
    expect(first.data.search.totalCount).toBe(6);
  });

  it('applies each store\u2019s permissions', async () => {
    const auditorLive = await server.as('auditor')(SEARCH, { q: '张伟', scope: 'LIVE' });
    expect(stores(auditorLive)).toEqual([`LIVE:${ids.liveZhang}`]);
    expect((await server.as('auditor')(SEARCH, { q: '张伟', scope: 'ALL' })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(stores(await server.as('sales2')(SEARCH, { q: '张伟' }))).toEqual([]);
    const support = await server.as('support')(SEARCH, { q: '5678' });
    expect(support.data.search.totalCount).toBe(0);
  });
});

describe('saved segments in search', () => {
  const stores = (res: any) => res.data.search.hits.map((h: any) => `${h.store}:${dbId((h.customer ?? h.archivedCustomer).id)}`).sort();
  async function saveSegment(name: string, filter: Record<string, unknown>): Promise<string> {
    const res = await server.gql(`mutation($input: SaveSegmentInput!) { saveSegment(input: $input) { segment { id } } }`, { input: { name, filter } });
    expect(res.errors).toBeUndefined();
    return res.data.saveSegment.segment.id;
  }

  it('narrows archive search, across-store search and their totals and facets to the segment', async () => {
    const bjEnterprise = await saveSegment('Beijing enterprises', { region: ['CN-BJ'], type: ['ENTERPRISE'] });
    const archive = await server.gql(SEARCH_ARCHIVE, { q: '', filter: { segmentId: bjEnterprise } });
    expect(archive.errors).toBeUndefined();
    expect(hitIds(archive)).toEqual([ids.zhangwei, ids.yunduan].sort());
    expect(archive.data.searchArchive.totalCount).toBe(2);
    expect(facet(archive, 'region')).toEqual([{ value: 'CN-BJ', count: 2 }]);
    // The request's own filter applies too.
    expect(hitIds(await server.gql(SEARCH_ARCHIVE, { q: '', filter: { segmentId: bjEnterprise, tags: ['vip'] } }))).toEqual([ids.zhangwei]);
    // Live customers match the segment like in the customer list (the live 科技 customer has no region).
    expect(stores(await server.gql(SEARCH, { q: '科技', scope: 'ALL', filter: { segmentId: bjEnterprise } }))).toEqual(
      [`ARCHIVED:${ids.zhangwei}`, `ARCHIVED:${ids.yunduan}`].sort(),
    );
    // Row rules still apply: sales1 owns only one of them.
    const own = await server.as('sales1')(SEARCH_ARCHIVE, { q: '', filter: { segmentId: bjEnterprise } });
    expect(hitIds(own)).toEqual([ids.zhangwei]);
    expect(own.data.searchArchive.totalCount).toBe(1);

    const allVip = await saveSegment('VIP and Beijing-tagged', { tagsAll: ['vip'] });
    expect(hitIds(await server.gql(SEARCH_ARCHIVE, { q: '', filter: { segmentId: allVip } }))).toEqual([ids.zhangwei, ids.lihua].sort());
  });

  it('refuses, by name, a segment whose criteria the archive index cannot apply, and unknown segments', async () => {
    const recent = await saveSegment('Contacted this year', { lastInteractionAfter: '2026-01-01T00:00:00Z', region: ['CN-BJ'] });
    const refused = await server.gql(SEARCH_ARCHIVE, { q: '', filter: { segmentId: recent } });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.segmentId' }] });
    expect(refused.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ message: expect.stringContaining('lastInteractionAfter') })]);
    expect((await server.gql(SEARCH, { q: '', scope: 'ALL', filter: { segmentId: recent } })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    // Live search applies every criterion: no live Beijing customer was contacted this year.
    const live = await server.gql(SEARCH, { q: '', scope: 'LIVE', filter: { segmentId: recent } });
    expect(live.errors).toBeUndefined();
    expect(live.data.search.totalCount).toBe(0);
    const missing = await server.gql(SEARCH_ARCHIVE, { q: '', filter: { segmentId: '987654' } });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.segmentId', message: 'no such segment' }] });
    // A role without archive access learns nothing about segments either.
    expect((await server.as('auditor')(SEARCH_ARCHIVE, { q: '', filter: { segmentId: '987654' } })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
