import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Meilisearch } from 'meilisearch';
import { buildFilter, quote } from '../src/search/meilisearch/meilisearch-filter.js';
import { MeilisearchSearchIndex, MeiliTaskError, toMeiliDocument } from '../src/search/meilisearch/meilisearch-search-index.js';
import { INDEX_SETTINGS, settingsToApply } from '../src/search/meilisearch/meilisearch-settings.js';
import { SearchUnavailableError, type SearchDocument } from '../src/search/search-index.js';
import { meiliEnv, NO_MEILISEARCH } from './helpers/search.js';

/**
 * The Meilisearch adapter: filter building and escaping, document mapping and settings
 * reconciliation as functions, then its requests, task handling and failures against the
 * run's real Meilisearch (test/global-setup.js). Search behaviour is the contract suite's.
 */

/** Reads one Meilisearch double-quoted literal starting at `at`; returns it and the end. */
function readLiteral(text: string, at: number): { value: string; end: number } {
  if (text[at] !== '"') throw new Error(`expected a quote at ${at} in ${text}`);
  let value = '';
  for (let i = at + 1; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\\') {
      value += text[i + 1];
      i += 1;
    } else if (c === '"') return { value, end: i + 1 };
    else value += c;
  }
  throw new Error('unterminated literal');
}

describe('filter building', () => {
  it('quotes and escapes so that no value can leave its literal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const quoted = quote(value);
        const read = readLiteral(quoted, 0);
        expect(read.value).toBe(value);
        expect(read.end).toBe(quoted.length);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['closing the quote and adding OR', `x" OR ownerId = "2`],
    ['a trailing backslash that would escape the closing quote', `tech\\`],
    ['escaped quote sequences', `\\" OR legalHold = true OR "`],
    ['brackets and commas in an IN list', `a"], ownerId IN ["1`],
    ['NOT and parentheses', `") OR NOT (type = "SMB`],
  ])('keeps an injection attempt (%s) one literal', (_name, attack) => {
    const filter = buildFilter({ tags: [attack], types: ['SMB'] }, { ownerScope: '7' })!;
    // Structure stays: owner scope AND type IN [...] AND tags IN [<one literal>]
    expect(filter.startsWith('(ownerId = "7") AND (type IN ["SMB"]) AND (tags IN [')).toBe(true);
    const start = filter.indexOf('tags IN [') + 'tags IN ['.length;
    const literal = readLiteral(filter, start);
    expect(literal.value).toBe(attack);
    expect(filter.slice(literal.end)).toBe('])');
  });

  it('builds every supported condition, and refuses non-integers where numbers go', () => {
    expect(buildFilter({})).toBeUndefined();
    expect(
      buildFilter(
        { ownerIds: ['3'], regions: ['CN-SH', 'CN-BJ'], archivedYears: [2024], archivedAfter: '2024-01-01T00:00:00Z', legalHold: false },
        { afterId: '10' },
      ),
    ).toBe('(idNum > 10) AND (ownerId IN ["3"]) AND (region IN ["CN-SH", "CN-BJ"]) AND (archivedYear IN [2024]) AND (archivedAtTs >= 1704067200) AND (legalHold = false)');
    expect(() => buildFilter({ archivedYears: [2024.5] })).toThrow(TypeError);
    // Further filters (a segment, one per tagsAll tag) are ANDed as their own groups.
    expect(buildFilter({ types: ['SMB'], also: [{ regions: ['CN-BJ'], also: [{ tags: ['a'] }, { tags: ['b'] }] }, {}] })).toBe(
      '(type IN ["SMB"]) AND ((region IN ["CN-BJ"]) AND ((tags IN ["a"])) AND ((tags IN ["b"])))',
    );
    expect(() => buildFilter({ archivedYears: [Number.NaN] })).toThrow(TypeError);
    expect(() => buildFilter({}, { afterId: '1 OR 1' })).toThrow(TypeError);
    expect(() => buildFilter({ archivedBefore: 'yesterday' })).toThrow(TypeError);
  });
});

const DOC: SearchDocument = {
  id: '42', ownerId: '7', code: 'C42', name: '张伟科技有限公司', email: 'zw@example.com', phone: '+86 138 0013 5678', type: 'ENTERPRISE',
  tier: 'STANDARD', industry: null, region: 'CN-BJ', lifecycleStage: 'CHURNED', tags: ['vip'], archiveReason: 'inactive',
  archivedAt: '2025-06-01T12:00:00.000000Z', archivedYear: 2025, previousStatus: 'ACTIVE', legalHold: false, checksum: 'ab'.repeat(32),
};

describe('documents and settings', () => {
  it('maps a document with numeric id, epoch seconds and phone digits with and without the country code', () => {
    expect(toMeiliDocument(DOC)).toMatchObject({ id: '42', idNum: 42, archivedAtTs: 1748779200, phoneDigits: ['8613800135678', '13800135678'] });
    expect(toMeiliDocument({ ...DOC, phone: null }).phoneDigits).toEqual([]);
  });

  it('asks only for the settings a server does not have', () => {
    expect(Object.keys(settingsToApply({})).sort()).toEqual(Object.keys(INDEX_SETTINGS).sort());
    const same = { ...INDEX_SETTINGS, filterableAttributes: [...INDEX_SETTINGS.filterableAttributes].reverse(), dictionary: [],
      typoTolerance: { ...INDEX_SETTINGS.typoTolerance, disableOnWords: [], disableOnAttributes: [...INDEX_SETTINGS.typoTolerance.disableOnAttributes].reverse() } };
    expect(settingsToApply(same as never)).toEqual({});
    expect(settingsToApply({ ...same, searchableAttributes: ['code', 'name', 'email', 'phone', 'phoneDigits'] } as never)).toEqual({
      searchableAttributes: INDEX_SETTINGS.searchableAttributes,
    });
  });
});


/** A TCP server that accepts connections and never answers: a Meilisearch too slow to use. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

(NO_MEILISEARCH ? describe.skip : describe)(`the adapter against the real Meilisearch${NO_MEILISEARCH ? ` (not run: ${NO_MEILISEARCH})` : ''}`, () => {
  let env: Record<string, string>;
  let admin: Meilisearch;
  let index: MeilisearchSearchIndex;
  const open = (overrides: Partial<ConstructorParameters<typeof MeilisearchSearchIndex>[0]> = {}) =>
    new MeilisearchSearchIndex({ host: env.MEILI_HOST!, apiKey: env.MEILI_API_KEY, index: env.MEILI_INDEX!, batchSize: 2, taskTimeoutMs: 60_000, taskIntervalMs: 5, ...overrides });
  const tasks = async (types: string[]) =>
    (await admin.tasks.getTasks({ indexUids: [env.MEILI_INDEX!], types: types as never, limit: 1000 })).results;

  beforeAll(() => {
    env = meiliEnv('adapter');
    admin = new Meilisearch({ host: env.MEILI_HOST!, apiKey: env.MEILI_API_KEY });
    index = open();
  });

  it('creates the index and applies every setting before any document; a second prepare changes nothing', async () => {
    await index.prepare();
    const settings = await admin.index(env.MEILI_INDEX!).getSettings();
    expect(settingsToApply(settings)).toEqual({});
    expect(settings.searchableAttributes).toEqual(INDEX_SETTINGS.searchableAttributes);
    expect(settings.rankingRules).toEqual(INDEX_SETTINGS.rankingRules);
    expect(settings.faceting).toMatchObject(INDEX_SETTINGS.faceting);
    const before = (await tasks(['settingsUpdate', 'indexCreation'])).length;
    await open().prepare();
    expect((await tasks(['settingsUpdate', 'indexCreation'])).length).toBe(before);
  });

  it('writes documents in batches, waiting for each task, and removes them', async () => {
    const before = (await tasks(['documentAdditionOrUpdate'])).length;
    await index.upsert([DOC, { ...DOC, id: '43' }, { ...DOC, id: '44' }, { ...DOC, id: '45' }, { ...DOC, id: '46' }]);
    expect((await tasks(['documentAdditionOrUpdate'])).length - before).toBe(3);
    // Every write waited for its task: the documents are searchable at once.
    expect(await index.count()).toBe(5);
    expect((await index.fingerprints('0', 10)).map((f) => f.id)).toEqual(['42', '43', '44', '45', '46']);
    await index.remove(['42', '43', '44']);
    expect((await index.fingerprints('0', 10)).map((f) => f.id)).toEqual(['45', '46']);
  });

  it('fails a write whose task failed, so the outbox keeps the row', async () => {
    // Meilisearch refuses this document id; the task fails after it was accepted.
    await expect(index.upsert([{ ...DOC, id: 'not a valid id!' }])).rejects.toThrow(MeiliTaskError);
    await expect(index.upsert([DOC])).resolves.toBeUndefined();
  });

  it('re-applies settings to an index someone recreated bare, and searches it', async () => {
    await admin.index(env.MEILI_INDEX!).delete().waitTask();
    await admin.createIndex(env.MEILI_INDEX!, { primaryKey: 'id' }).waitTask();
    const res = await index.search({ query: '张伟', fields: ['name', 'phone'], filter: {}, ownerScope: '7', limit: 20, offset: 0, facets: true });
    expect(res).toEqual({ hits: [], totalCount: 0, totalExact: true, facets: expect.any(Object) });
    expect(settingsToApply(await admin.index(env.MEILI_INDEX!).getSettings())).toEqual({});
    await index.upsert([DOC]);
    const found = await index.search({ query: '张伟', fields: ['name'], filter: { regions: ['CN-BJ'] }, ownerScope: '7', limit: 20, offset: 0, facets: true });
    expect(found.hits.map((h) => h.id)).toEqual(['42']);
    expect(found.facets.region).toEqual([{ value: 'CN-BJ', count: 1 }]);
  });

  it('reports an engine that refuses the key, does not listen or does not answer in time as unavailable', async () => {
    const request = { query: 'x', fields: ['name'] as const, filter: {}, limit: 5, offset: 0, facets: false };
    await expect(open({ apiKey: 'wrong-key-wrong-key' }).search({ ...request, fields: ['name'] })).rejects.toThrow(SearchUnavailableError);
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    await expect(open({ host: `http://127.0.0.1:${closed}` }).search({ ...request, fields: ['name'] })).rejects.toThrow(SearchUnavailableError);
    const silent = await silentServer();
    try {
      const started = Date.now();
      await expect(open({ host: silent.url, requestTimeoutMs: 300 }).upsert([DOC])).rejects.toThrow(SearchUnavailableError);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await silent.close();
    }
  });

  it('sends nothing for a role with no searchable field or a query of punctuation only', async () => {
    expect(await index.search({ query: 'x', fields: [], filter: {}, limit: 5, offset: 0, facets: false })).toMatchObject({ hits: [], totalCount: 0 });
    expect(await index.search({ query: '%', fields: ['name'], filter: {}, limit: 5, offset: 0, facets: false })).toMatchObject({ hits: [], totalCount: 0 });
  });
});
