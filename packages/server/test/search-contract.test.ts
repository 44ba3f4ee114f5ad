import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Config } from '../src/config.js';
import { SqlExecutor } from '../src/db/sql.js';
import { openSearchIndex } from '../src/search/search-engine.js';
import { SearchEngine, type SearchIndex, type SearchRequest } from '../src/search/search-index.js';
import { insertCustomer, insertUsers } from './helpers/fixtures.js';
import { testConfig } from './helpers/jobs.js';
import { archiveDirectly, searchEngines, syncIndex } from './helpers/search.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

/**
 * One contract, every engine: the same data, the same queries, the same expectations,
 * against the PostgreSQL engine and the run's real Meilisearch (test/global-setup.js; off
 * Linux x64 it has no binary and says so at the start of the run, and CI fails instead).
 */

const engines = searchEngines('contract');
const ids: Record<string, string> = {};
let owners: Record<string, string>;

async function seed(db: TestDatabase) {
  owners = await insertUsers(db, [
    { email: 'rep-a@example.com', role: 'SALES' },
    { email: 'rep-b@example.com', role: 'SALES' },
  ]);
  const a = owners['rep-a@example.com']!;
  const b = owners['rep-b@example.com']!;
  const rows = [
    { key: 'zhangwei', name: '张伟科技有限公司', code: 'ARC-0001', type: 'ENTERPRISE', region: 'CN-BJ', tags: ['vip', 'tech'], ownerId: a, phone: '+86 138 0013 5678', email: 'zhang.wei@example.com' },
    { key: 'yunduan', name: '北京云端科技发展有限公司', code: 'ARC-0002', type: 'ENTERPRISE', region: 'CN-BJ', tags: ['tech'], ownerId: b, phone: '+86 139 1111 2222', email: 'info@yunduan.cn' },
    { key: 'acme', name: 'Acme Trading Ltd', code: 'ARC-0003', type: 'SMB', region: 'US-CA', tags: [], ownerId: a, phone: '+1 415 555 0199', email: 'sales@acme.example' },
    { key: 'lihua', name: '李华', code: 'ARC-0004', type: 'INDIVIDUAL', region: 'CN-SH', tags: ['vip'], ownerId: b, phone: '+86 137 9999 0000', email: 'li.hua@example.com' },
    { key: 'globex', name: 'Globex Logistics', code: 'ARC-0005', type: 'SMB', region: 'CN-SH', tags: [], ownerId: null, phone: null, email: null },
  ];
  for (const row of rows) {
    const { key, ...customer } = row;
    ids[key] = await insertCustomer(db, customer);
  }
  // A live customer with a matching name: archive search must not see it.
  ids.live = await insertCustomer(db, { name: '张伟贸易', code: 'LIVE-0001' });
  await archiveDirectly(db, rows.map((r) => ids[r.key]!), 'contract');
  await db.query(`update archive.customer set archive_reason = 'left market', archived_at = '2024-03-01T00:00:00Z' where id = $1`, [ids.lihua]);
}

const ALL_FIELDS = ['name', 'code', 'email', 'phone'] as const;

for (const { engine, env } of engines) {
  describe(`search contract: ${engine}, empty index`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db.close());

    it('answers every kind of query with zero hits before the first document, whether prepared or not', async () => {
      // Not prepared first: a new installation's first search may come before anything
      // applied the settings, and must still find nothing rather than fail.
      const index = openSearchIndex(testConfig(db, env()), new SqlExecutor(db.orm.em.fork()));
      for (const query of ['张伟', 'acme', 'Logistcs', '5678', 'ARC-0003', '']) {
        const res = await index.search({ query, fields: ALL_FIELDS, filter: { regions: ['CN-BJ'] }, ownerScope: '7', limit: 20, offset: 0, facets: true });
        expect([query, res.hits, res.totalCount]).toEqual([query, [], 0]);
      }
      expect(await index.count()).toBe(0);
      expect(await index.fingerprints('0', 10)).toEqual([]);
    });
  });

  describe(`search contract: ${engine}`, () => {
    let db: TestDatabase;
    let config: Config;
    let index: SearchIndex;
    const search = (query: string, extra: Partial<SearchRequest> = {}) =>
      index.search({ query, fields: ALL_FIELDS, filter: {}, limit: 20, offset: 0, facets: false, ...extra });
    const found = async (query: string, extra: Partial<SearchRequest> = {}) => (await search(query, extra)).hits.map((h) => h.id).sort();
    const idsOf = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

    beforeAll(async () => {
      db = await createTestDatabase();
      config = testConfig(db, env());
      index = openSearchIndex(config, new SqlExecutor(db.orm.em.fork()));
      await index.prepare();
      await seed(db);
      expect(await syncIndex(db, config)).toEqual({ applied: 5, failed: 0 });
    });
    afterAll(async () => {
      await db.close();
    });

    it('reports its engine', () => {
      expect(index.engine).toBe(engine);
    });

    it('finds a 2-character Chinese name at the start of a longer name (张伟 → 张伟科技有限公司)', async () => {
      expect(await found('张伟')).toEqual(idsOf('zhangwei'));
    });

    it('finds a Chinese word in the middle of names (科技)', async () => {
      expect(await found('科技')).toEqual(idsOf('zhangwei', 'yunduan'));
    });

    it('finds longer Chinese phrases and single-character names', async () => {
      expect(await found('云端科技')).toEqual(idsOf('yunduan'));
      expect(await found('李华')).toEqual(idsOf('lihua'));
    });

    it('finds English words by prefix, case-insensitively', async () => {
      expect(await found('acme')).toEqual(idsOf('acme'));
      expect(await found('LOGIST')).toEqual(idsOf('globex'));
    });

    it('tolerates a typo', async () => {
      expect(await found('Tradng')).toEqual(idsOf('acme'));
      expect(await found('Logistcs')).toEqual(idsOf('globex'));
    });

    it('finds phone numbers by their last digits and without spaces or country code', async () => {
      expect(await found('5678')).toEqual(idsOf('zhangwei'));
      expect(await found('13800135678')).toEqual(idsOf('zhangwei'));
      // Numbers take no typos: one digit off is another customer's number.
      expect(await found('13800135679')).toEqual([]);
    });

    it('finds emails and codes', async () => {
      expect(await found('zhang.wei')).toEqual(idsOf('zhangwei'));
      expect(await found('ARC-0003')).toEqual(idsOf('acme'));
    });

    it('matches emails as written, without typo tolerance', async () => {
      // One letter off 'example' is in three emails; as for codes, a near miss is another address.
      expect(await found('exampel', { fields: ['email'] })).toEqual([]);
      expect(await found('example', { fields: ['email'] })).toEqual(idsOf('zhangwei', 'lihua', 'acme'));
    });

    it('matches only the fields it is given', async () => {
      expect(await found('5678', { fields: ['name', 'code'] })).toEqual([]);
      expect(await found('zhang.wei', { fields: ['name', 'code', 'phone'] })).toEqual([]);
      expect(await found('acme', { fields: [] })).toEqual([]);
      expect(await found('5678', { fields: ['phone'] })).toEqual(idsOf('zhangwei'));
      expect(await found('zhang.wei', { fields: ['email'] })).toEqual(idsOf('zhangwei'));
    });

    it('ranks the better match first', async () => {
      const res = await search('ARC-0003');
      expect(res.hits[0]!.id).toBe(ids.acme);
    });

    it('filters, and computes totals and facets under the filter', async () => {
      const res = await search('', { filter: { regions: ['CN-BJ'] }, facets: true });
      expect(res.hits.map((h) => h.id).sort()).toEqual(idsOf('zhangwei', 'yunduan'));
      expect(res.totalCount).toBe(2);
      expect(res.totalExact).toBe(true);
      expect(res.facets.type).toEqual([{ value: 'ENTERPRISE', count: 2 }]);
      expect(res.facets.tags).toEqual([{ value: 'tech', count: 2 }, { value: 'vip', count: 1 }]);
      expect(await found('', { filter: { types: ['SMB'], tags: ['vip'] } })).toEqual([]);
      expect(await found('', { filter: { archiveReasons: ['left market'] } })).toEqual(idsOf('lihua'));
      expect(await found('', { filter: { archivedYears: [2024] } })).toEqual(idsOf('lihua'));
      // Years apart, and a year no timestamp has: the PostgreSQL engine also reads the years
      // as a range of archived_at, which must neither widen nor fail the filter.
      expect(await found('', { filter: { archivedYears: [2020, 2024] } })).toEqual(idsOf('lihua'));
      expect(await found('', { filter: { archivedYears: [0] } })).toEqual([]);
      expect(await found('', { filter: { archivedBefore: '2025-01-01T00:00:00Z' } })).toEqual(idsOf('lihua'));
      expect(await found('', { filter: { ownerIds: [owners['rep-b@example.com']!] } })).toEqual(idsOf('yunduan', 'lihua'));
    });

    it('ANDs further filters (a saved segment, one per required tag) with the filter', async () => {
      expect(await found('', { filter: { regions: ['CN-BJ'], also: [{ tags: ['vip'] }] } })).toEqual(idsOf('zhangwei'));
      expect(await found('', { filter: { also: [{ tags: ['tech'] }, { tags: ['vip'] }] } })).toEqual(idsOf('zhangwei'));
      expect(await found('', { filter: { regions: ['CN-BJ'], also: [{ regions: ['CN-SH'] }] } })).toEqual([]);
      const res = await search('', { filter: { also: [{ regions: ['CN-BJ'] }] }, facets: true });
      expect(res.totalCount).toBe(2);
      expect(res.facets.region).toEqual([{ value: 'CN-BJ', count: 2 }]);
    });

    it('restricts hits, totals and facets to the owner scope', async () => {
      const res = await search('', { ownerScope: owners['rep-a@example.com']!, facets: true });
      expect(res.hits.map((h) => h.id).sort()).toEqual(idsOf('zhangwei', 'acme'));
      expect(res.totalCount).toBe(2);
      expect(res.facets.region?.map((f) => f.value).sort()).toEqual(['CN-BJ', 'US-CA']);
      expect(await found('科技', { ownerScope: owners['rep-a@example.com']! })).toEqual(idsOf('zhangwei'));
    });

    it('lists everything newest-archived first for an empty query, with facets for all seven fields', async () => {
      const res = await search('', { facets: true });
      expect(res.totalCount).toBe(5);
      expect(res.hits.at(-1)!.id).toBe(ids.lihua);
      expect(Object.keys(res.facets).sort()).toEqual(['archiveReason', 'archivedYear', 'lifecycleStage', 'region', 'tags', 'tier', 'type']);
    });

    it('pages with limit and offset', async () => {
      const first = await search('', { limit: 2 });
      const second = await search('', { limit: 2, offset: 2 });
      expect(first.hits).toHaveLength(2);
      expect(second.hits).toHaveLength(2);
      expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(4);
    });

    it('lists fingerprints in id order and counts documents', async () => {
      const listed = await index.fingerprints('0', 100);
      expect(listed.map((f) => f.id)).toEqual(idsOf('zhangwei', 'yunduan', 'acme', 'lihua', 'globex').sort((x, y) => Number(x) - Number(y)));
      expect(listed.every((f) => /^[0-9a-f]{64}$/.test(f.checksum))).toBe(true);
      expect(await index.count()).toBe(5);
      expect((await index.fingerprints(listed[2]!.id, 100)).map((f) => f.id)).toEqual(listed.slice(3).map((f) => f.id));
    });

    it('treats query syntax as plain text', async () => {
      for (const q of [`'`, `a & !b`, `:*`, `"ARC`, `%`, `_`, `\\`, `(张伟)`, `OR 1=1`]) {
        await expect(search(q)).resolves.toBeDefined();
      }
      expect(await found('%')).toEqual([]);
    });

    it('removes and re-adds documents idempotently', async () => {
      await index.remove([ids.acme!]);
      await index.remove([ids.acme!]);
      expect(await found('acme')).toEqual([]);
      await syncIndex(db, config); // nothing pending: the index keeps its state
      await db.query(`insert into search_outbox (customer_id) values ($1), ($1)`, [ids.acme]);
      await syncIndex(db, config);
      expect(await found('acme')).toEqual(idsOf('acme'));
      expect(await index.count()).toBe(5);
    });
  });
}
