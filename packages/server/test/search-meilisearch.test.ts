import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { buildFilter, quote } from '../src/search/meilisearch/meilisearch-filter.js';
import { MeilisearchSearchIndex, MeiliTaskError, toMeiliDocument } from '../src/search/meilisearch/meilisearch-search-index.js';
import { INDEX_SETTINGS, settingsToApply } from '../src/search/meilisearch/meilisearch-settings.js';
import type { SearchDocument } from '../src/search/search-index.js';

/**
 * Everything of the Meilisearch adapter that can be checked without a Meilisearch
 * server: filter building and escaping, document mapping, settings reconciliation, and
 * the official client's requests and task handling against a fake HTTP server that
 * answers with responses shaped like Meilisearch's documented ones. The behaviour of a
 * real server is covered by the contract suite when MEILI_HOST is set.
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
    const same = { ...INDEX_SETTINGS, filterableAttributes: [...INDEX_SETTINGS.filterableAttributes].reverse(), rankingRules: ['words'],
      typoTolerance: { ...INDEX_SETTINGS.typoTolerance, disableOnWords: [], disableOnAttributes: [] } };
    expect(settingsToApply(same as never)).toEqual({});
    expect(settingsToApply({ ...same, searchableAttributes: ['code', 'name', 'email', 'phone', 'phoneDigits'] } as never)).toEqual({
      searchableAttributes: INDEX_SETTINGS.searchableAttributes,
    });
  });
});

interface Recorded {
  method: string;
  path: string;
  body: any;
}

/** A fake Meilisearch: the endpoints the adapter uses, tasks that succeed (or fail on demand). */
class FakeMeili {
  requests: Recorded[] = [];
  settings: Record<string, unknown> | null = null;
  failNextTask = false;
  searchResponse: unknown = { hits: [], estimatedTotalHits: 0, processingTimeMs: 1, query: '', limit: 20, offset: 0 };
  #tasks = new Map<number, Record<string, unknown>>();
  #server = http.createServer((req, res) => this.#handle(req, res));
  url = '';

  async start() {
    await new Promise<void>((r) => this.#server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise((r) => this.#server.close(r));
  }

  #enqueue(type: string): Record<string, unknown> {
    const uid = this.#tasks.size + 1;
    const failed = this.failNextTask;
    this.failNextTask = false;
    // First poll: still processing; second: done.
    this.#tasks.set(uid, { uid, indexUid: 'idx', type, status: 'processing', polls: 0, failed });
    return { taskUid: uid, indexUid: 'idx', status: 'enqueued', type, enqueuedAt: new Date().toISOString() };
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, this.url);
      const body = raw ? JSON.parse(raw) : undefined;
      this.requests.push({ method: req.method!, path: url.pathname + url.search, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const p = url.pathname;
      if (req.method === 'GET' && /^\/tasks\/\d+$/.test(p)) {
        const task = this.#tasks.get(Number(p.split('/')[2]))!;
        task.polls = (task.polls as number) + 1;
        const status = (task.polls as number) < 2 ? 'processing' : task.failed ? 'failed' : 'succeeded';
        return send(200, { ...task, status, error: status === 'failed' ? { message: 'Index `idx`: invalid document', code: 'invalid_document_fields' } : null });
      }
      if (req.method === 'GET' && p === '/indexes/idx') {
        if (!this.settings) return send(404, { message: 'Index `idx` not found.', code: 'index_not_found', type: 'invalid_request', link: '' });
        return send(200, { uid: 'idx', primaryKey: 'id', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' });
      }
      if (req.method === 'POST' && p === '/indexes') {
        this.settings = {};
        return send(202, this.#enqueue('indexCreation'));
      }
      if (req.method === 'GET' && p === '/indexes/idx/settings') return send(200, this.settings);
      if (req.method === 'PATCH' && p === '/indexes/idx/settings') {
        this.settings = { ...this.settings, ...body };
        return send(202, this.#enqueue('settingsUpdate'));
      }
      if (req.method === 'POST' && p === '/indexes/idx/documents') return send(202, this.#enqueue('documentAdditionOrUpdate'));
      if (req.method === 'POST' && p === '/indexes/idx/documents/delete-batch') return send(202, this.#enqueue('documentDeletion'));
      if (req.method === 'POST' && p === '/indexes/idx/search') return send(200, this.searchResponse);
      return send(404, { message: `no route ${req.method} ${p}`, code: 'not_found', type: 'invalid_request', link: '' });
    });
  }
}

describe('the adapter against a fake Meilisearch', () => {
  const fake = new FakeMeili();
  let index: MeilisearchSearchIndex;
  beforeAll(async () => {
    await fake.start();
    index = new MeilisearchSearchIndex({ host: fake.url, apiKey: 'test-key', index: 'idx', batchSize: 2, taskTimeoutMs: 5000, taskIntervalMs: 1 });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.requests = [];
  });
  const writes = () => fake.requests.filter((r) => r.method !== 'GET');

  it('creates the index and applies settings once; a second prepare changes nothing', async () => {
    await index.prepare();
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /indexes', 'PATCH /indexes/idx/settings']);
    expect(writes()[0]!.body).toEqual({ uid: 'idx', primaryKey: 'id' });
    expect(writes()[1]!.body).toEqual(INDEX_SETTINGS);
    // Every task was polled until it finished.
    expect(fake.requests.filter((r) => r.path.startsWith('/tasks/')).length).toBeGreaterThanOrEqual(4);
    fake.requests = [];
    await index.prepare();
    expect(writes()).toEqual([]);
  });

  it('writes documents in batches and waits for each task', async () => {
    await index.upsert([DOC, { ...DOC, id: '43' }, { ...DOC, id: '44' }, { ...DOC, id: '45' }, { ...DOC, id: '46' }]);
    const posts = writes();
    expect(posts.map((r) => r.path)).toEqual(Array(3).fill('/indexes/idx/documents?primaryKey=id'));
    expect(posts.map((r) => r.body.length)).toEqual([2, 2, 1]);
    expect(posts[0]!.body[0]).toMatchObject({ id: '42', idNum: 42, phoneDigits: ['8613800135678', '13800135678'] });
    await index.remove(['42', '43', '44']);
    expect(writes().slice(3).map((r) => [r.path, r.body])).toEqual([
      ['/indexes/idx/documents/delete-batch', ['42', '43']],
      ['/indexes/idx/documents/delete-batch', ['44']],
    ]);
  });

  it('fails a write whose task failed, so the outbox keeps the row', async () => {
    fake.failNextTask = true;
    await expect(index.upsert([DOC])).rejects.toThrow(MeiliTaskError);
    await expect(index.upsert([DOC])).resolves.toBeUndefined();
  });

  it('sends the role restrictions with the search and maps the response', async () => {
    fake.searchResponse = {
      hits: [{ id: '42', _rankingScore: 0.91 }, { id: '7', _rankingScore: 0.4 }],
      estimatedTotalHits: 2, processingTimeMs: 1, query: '5678', limit: 20, offset: 0,
      facetDistribution: { region: { 'CN-SH': 1, 'CN-BJ': 1 }, type: { SMB: 1, ENTERPRISE: 3 } },
    };
    const res = await index.search({ query: '5678', fields: ['name', 'code', 'phone'], filter: { regions: ['CN-BJ'] }, ownerScope: '7', limit: 20, offset: 0, facets: true });
    const request = fake.requests.find((r) => r.path === '/indexes/idx/search')!;
    expect(request.body).toMatchObject({
      q: '5678',
      filter: '(ownerId = "7") AND (region IN ["CN-BJ"])',
      attributesToSearchOn: ['name', 'code', 'phone', 'phoneDigits'],
      facets: ['type', 'tier', 'region', 'lifecycleStage', 'tags', 'archiveReason', 'archivedYear'],
      showRankingScore: true,
      matchingStrategy: 'all',
      limit: 20,
      offset: 0,
    });
    expect(res).toEqual({
      hits: [{ id: '42', score: 0.91 }, { id: '7', score: 0.4 }],
      totalCount: 2,
      totalExact: true,
      facets: { region: [{ value: 'CN-BJ', count: 1 }, { value: 'CN-SH', count: 1 }], type: [{ value: 'ENTERPRISE', count: 3 }, { value: 'SMB', count: 1 }] },
    });
  });

  it('sorts an empty query by archive time and sends nothing for a role with no searchable field', async () => {
    await index.search({ query: '', fields: ['name'], filter: {}, limit: 5, offset: 10, facets: false });
    const request = fake.requests.find((r) => r.path === '/indexes/idx/search')!;
    expect(request.body).toMatchObject({ q: '', sort: ['archivedAtTs:desc'], limit: 5, offset: 10 });
    expect(request.body.attributesToSearchOn).toBeUndefined();
    fake.requests = [];
    expect(await index.search({ query: 'x', fields: [], filter: {}, limit: 5, offset: 0, facets: false })).toMatchObject({ hits: [], totalCount: 0 });
    expect(await index.search({ query: '%', fields: ['name'], filter: {}, limit: 5, offset: 0, facets: false })).toMatchObject({ hits: [], totalCount: 0 });
    expect(fake.requests).toEqual([]);
  });
});
