import {
  Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise, type Index, type SearchParams, type SearchResponse as MeiliSearchResponse,
} from 'meilisearch';
import {
  FACET_FIELDS, SearchEngine, SearchUnavailableError, type FacetCount, type FacetField, type IndexedFingerprint, type SearchDocument, type SearchField,
  type SearchIndex, type SearchRequest, type SearchResponse,
} from '../search-index.js';
import { phoneDigits } from '../tokenize.js';
import { buildFilter } from './meilisearch-filter.js';
import { MAX_TOTAL_HITS, settingsToApply } from './meilisearch-settings.js';

/** A document as stored in Meilisearch. Ids are strings (primary key) and numbers
 * (`idNum`, for id-ordered listings); times are also epoch seconds for range filters. */
export interface MeiliDocument extends Omit<SearchDocument, 'phone'> {
  phone: string | null;
  phoneDigits: string[];
  idNum: number;
  archivedAtTs: number;
}

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
  const digits = phoneDigits(d.phone);
  const national = digits?.startsWith('86') && digits.length > 11 ? digits.slice(2) : null;
  return {
    ...d,
    phoneDigits: [digits, national].filter((v): v is string => Boolean(v)),
    idNum: Number(d.id),
    archivedAtTs: Math.floor(Date.parse(d.archivedAt) / 1000),
  };
}

const SEARCH_ON: Record<SearchField, string[]> = {
  name: ['name'],
  code: ['code'],
  email: ['email'],
  phone: ['phone', 'phoneDigits'],
};

export class MeiliTaskError extends Error {
  override name = 'MeiliTaskError';
}

/** Answers that mean the index lacks its settings (created by someone else, deleted, or
 * never prepared because the server was down at start): prepare, then ask again. */
const UNPREPARED = new Set([
  'index_not_found', 'invalid_search_attributes_to_search_on', 'invalid_search_filter', 'invalid_search_sort', 'invalid_search_facets',
]);

/** No answer, a timeout, a server error or a refused key: the engine is unavailable. */
function unavailable(error: unknown): SearchUnavailableError | undefined {
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError || error instanceof MeilisearchTaskTimeOutError) {
    return new SearchUnavailableError(`Meilisearch did not answer: ${error.message}`, { cause: error });
  }
  if (error instanceof MeilisearchApiError && (error.response.status >= 500 || [401, 403].includes(error.response.status))) {
    return new SearchUnavailableError(`Meilisearch answered ${error.response.status}: ${error.message}`, { cause: error });
  }
  return undefined;
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error) ?? error;
  }
}

export interface MeiliOptions {
  host: string;
  apiKey?: string;
  index: string;
  batchSize: number;
  taskTimeoutMs: number;
  /** Longest one HTTP request may take before the engine counts as unavailable. */
  requestTimeoutMs?: number;
  /** Poll interval while waiting for a task (tests use a small one). */
  taskIntervalMs?: number;
}

/**
 * The Meilisearch engine. Every write waits for its task and fails when the task fails,
 * so the outbox row that caused it is only deleted once the index really has the change
 * (and is retried otherwise).
 */
export class MeilisearchSearchIndex implements SearchIndex {
  readonly engine = SearchEngine.MEILISEARCH;
  readonly writesJoinTransaction = false;
  readonly #client: Meilisearch;
  readonly #index: Index<MeiliDocument>;

  constructor(private readonly options: MeiliOptions) {
    this.#client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.requestTimeoutMs,
      // Uncompressed answers: Meilisearch streams a compressed one in chunks, and the
      // second chunk waits for the client's delayed ACK (Nagle), which added ~40 ms to
      // most searches here (median 44–57 ms instead of 2–9 ms on 20k documents, with the
      // engine's own processing time at 0–1 ms). Answers are ids and counts, so small.
      requestInit: { headers: { 'accept-encoding': 'identity' } },
    });
    this.#index = this.#client.index<MeiliDocument>(options.index);
  }

  async #await(task: EnqueuedTaskPromise): Promise<void> {
    const done = await task.waitTask({ timeout: this.options.taskTimeoutMs, interval: this.options.taskIntervalMs ?? 50 });
    if (done.status !== 'succeeded') {
      throw new MeiliTaskError(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? 'no detail'}`);
    }
  }

  /** Set once settings are in place; writes and searches prepare first when that has not
   * happened in this process (the server was down at start), so an index is never used
   * without its settings. Shared, so concurrent first calls prepare once. */
  #prepared: Promise<void> | undefined;

  prepare(): Promise<void> {
    const run = call(() => this.#prepare());
    this.#prepared = run;
    run.catch(() => {
      if (this.#prepared === run) this.#prepared = undefined;
    });
    return run;
  }

  #ensurePrepared(): Promise<void> {
    return this.#prepared ?? this.prepare();
  }

  /** Creates the index and applies every setting before any document arrives: a query on
   * an index whose searchable attributes were never set fails instead of finding nothing. */
  async #prepare(): Promise<void> {
    try {
      await this.#index.getRawInfo();
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'index_not_found') throw error;
      await this.#await(this.#client.createIndex(this.options.index, { primaryKey: 'id' }));
    }
    const missing = settingsToApply(await this.#index.getSettings());
    if (Object.keys(missing).length) await this.#await(this.#index.updateSettings(missing));
  }

  /** Sends every batch, then waits for their tasks: Meilisearch runs consecutive
   * additions to one index as one indexing batch, and each batch has a fixed cost. Tasks
   * run in the order they were sent, so a later write still lands after an earlier one. */
  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.#ensurePrepared();
    const tasks: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < documents.length; i += this.options.batchSize) {
      const batch = documents.slice(i, i + this.options.batchSize).map(toMeiliDocument);
      const task = this.#index.addDocuments(batch, { primaryKey: 'id' });
      await call(() => task);
      tasks.push(task);
    }
    for (const task of tasks) await call(() => this.#await(task));
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#ensurePrepared();
    const tasks: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < ids.length; i += this.options.batchSize) {
      const task = this.#index.deleteDocuments([...ids.slice(i, i + this.options.batchSize)]);
      await call(() => task);
      tasks.push(task);
    }
    for (const task of tasks) await call(() => this.#await(task));
  }

  async count(): Promise<number> {
    await this.#ensurePrepared();
    return call(async () => (await this.#index.getStats()).numberOfDocuments);
  }

  /**
   * A search, preparing the index first when its answer says it has no settings.
   * Meilisearch also refuses `attributesToSearchOn` naming an attribute no document has
   * yet, settings or not (an empty index refuses `name`): those attributes can match
   * nothing, so the search runs on the others, or finds nothing when none is left.
   */
  async #search(query: string, params: SearchParams): Promise<MeiliSearchResponse<MeiliDocument> | undefined> {
    await this.#ensurePrepared();
    try {
      return await call(() => this.#index.search(query, params));
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || !UNPREPARED.has(error.cause?.code ?? '')) throw error;
      await this.prepare();
      let retry = params;
      // Checked whatever the first refusal was: a bare index refuses the filter first and
      // would refuse the attributes next.
      if (params.attributesToSearchOn) {
        const known = new Set(Object.keys((await call(() => this.#index.getStats())).fieldDistribution));
        const attributes = params.attributesToSearchOn.filter((a) => known.has(a));
        if (attributes.length === 0) return undefined;
        retry = { ...params, attributesToSearchOn: attributes };
      }
      return call(() => this.#index.search(query, retry));
    }
  }

  async fingerprints(afterId: string, limit: number): Promise<IndexedFingerprint[]> {
    const res = await this.#search('', {
      filter: buildFilter({}, { afterId }),
      sort: ['idNum:asc'],
      limit: Math.min(limit, MAX_TOTAL_HITS),
      attributesToRetrieve: ['id', 'checksum'],
    });
    return (res?.hits ?? []).map((h) => ({ id: String(h.id), checksum: String(h.checksum) }));
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const query = request.query.trim();
    // Meilisearch drops separators, so a query of punctuation only would list everything;
    // like the PostgreSQL engine, it matches nothing.
    if (query && (request.fields.length === 0 || !/[\p{L}\p{N}]/u.test(query))) return { hits: [], totalCount: 0, totalExact: true, facets: {} };
    const params: SearchParams = {
      filter: buildFilter(request.filter, { ownerScope: request.ownerScope }),
      limit: request.limit,
      offset: request.offset,
      attributesToRetrieve: ['id'],
      showRankingScore: true,
      matchingStrategy: 'all',
      ...(query ? { attributesToSearchOn: [...new Set(request.fields.flatMap((f) => SEARCH_ON[f]))] } : { sort: ['archivedAtTs:desc'] }),
      ...(request.facets ? { facets: [...FACET_FIELDS] } : {}),
    };
    const res = await this.#search(query, params);
    if (!res) return { hits: [], totalCount: 0, totalExact: true, facets: {} };
    const total = res.estimatedTotalHits ?? res.hits.length;
    const facets: Partial<Record<FacetField, FacetCount[]>> = {};
    for (const [field, values] of Object.entries(res.facetDistribution ?? {})) {
      facets[field as FacetField] = Object.entries(values)
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    }
    return {
      hits: res.hits.map((h) => ({ id: String(h.id), score: h._rankingScore ?? 0 })),
      totalCount: Math.min(total, MAX_TOTAL_HITS),
      totalExact: total < MAX_TOTAL_HITS,
      facets,
    };
  }
}
