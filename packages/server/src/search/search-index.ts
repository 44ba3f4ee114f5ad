/**
 * The archive search port. Two adapters implement it (postgres/, meilisearch/) and one
 * contract test suite (test/search-contract.test.ts) holds both to the same behaviour.
 *
 * The port knows nothing about roles: callers pass what a role may do as data (which
 * fields it may match on, which owner's rows it may see), and the adapters apply it in
 * the engine, so totals and facet counts are computed under the same restriction as the
 * hits themselves.
 */

export enum SearchEngine {
  POSTGRES = 'POSTGRES',
  MEILISEARCH = 'MEILISEARCH',
}

/** Fields a query can match on. A role only gets those it reads in full. */
export type SearchField = 'name' | 'code' | 'email' | 'phone';
export const SEARCH_FIELDS: readonly SearchField[] = ['name', 'code', 'email', 'phone'];

/** What the index holds about one archived customer. */
export interface SearchDocument {
  id: string;
  ownerId: string | null;
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  type: string;
  tier: string;
  industry: string | null;
  region: string | null;
  lifecycleStage: string;
  tags: string[];
  archiveReason: string;
  /** RFC 3339 */
  archivedAt: string;
  archivedYear: number;
  previousStatus: string;
  legalHold: boolean;
  /** The archive row's checksum: changes with every audited edit, so the consistency
   * check can compare index and archive without comparing every field. */
  checksum: string;
}

export type FacetField = 'type' | 'tier' | 'region' | 'lifecycleStage' | 'tags' | 'archiveReason' | 'archivedYear';
export const FACET_FIELDS: readonly FacetField[] = ['type', 'tier', 'region', 'lifecycleStage', 'tags', 'archiveReason', 'archivedYear'];

/** Conjunction of conditions; within one list any value matches. */
export interface SearchFilter {
  ownerIds?: readonly string[];
  types?: readonly string[];
  tiers?: readonly string[];
  industries?: readonly string[];
  regions?: readonly string[];
  lifecycleStages?: readonly string[];
  tags?: readonly string[];
  archiveReasons?: readonly string[];
  archivedYears?: readonly number[];
  archivedAfter?: string;
  archivedBefore?: string;
  previousStatuses?: readonly string[];
  legalHold?: boolean;
  /** Further filters that must match too (a saved segment, `tagsAll` as one filter per tag). */
  also?: readonly SearchFilter[];
}

export interface SearchRequest {
  /** Free text; empty lists everything under the filter (newest archived first). */
  query: string;
  /** Fields the query may match; an empty list matches nothing (unless `query` is empty). */
  fields: readonly SearchField[];
  filter: SearchFilter;
  /** Row restriction from the caller's role (SALES: its own id), applied before anything. */
  ownerScope?: string | null;
  limit: number;
  offset: number;
  facets: boolean;
}

export interface SearchHit {
  id: string;
  /** Relevance, higher is better; comparable within one response only. */
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResponse {
  hits: SearchHit[];
  totalCount: number;
  /** False when the engine stopped counting at its candidate bound. */
  totalExact: boolean;
  facets: Partial<Record<FacetField, FacetCount[]>>;
}

/** One entry of the index's id-ordered listing: used by reindex (to drop documents no
 * longer archived) and by the consistency check (digest over id and checksum). */
export interface IndexedFingerprint {
  id: string;
  checksum: string;
}

/** The engine did not answer (down, slow, refusing our key): callers report the search as
 * unavailable; the outbox keeps every change until the engine is back. */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
}

export interface SearchIndex {
  readonly engine: SearchEngine;
  /** True when writes go through the SqlExecutor the index was opened on (PostgreSQL),
   * so they can commit or roll back with the caller's transaction; false when they are
   * calls to another service, which no transaction should stay open waiting for. */
  readonly writesJoinTransaction: boolean;
  /** Idempotent: creates the index and applies its settings when they differ. */
  prepare(): Promise<void>;
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResponse>;
  /** Up to `limit` documents with an id greater than `afterId`, ordered by id. */
  fingerprints(afterId: string, limit: number): Promise<IndexedFingerprint[]>;
  count(): Promise<number>;
}
