import { inTransaction, type RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { outboxStatus } from '../../search/outbox.js';
import { openSearchIndex } from '../../search/search-engine.js';
import type { FacetField, SearchField, SearchFilter } from '../../search/search-index.js';
import { FACET_FIELDS, SearchUnavailableError } from '../../search/search-index.js';
import { findArchivedByIds } from '../archive/archive.reader.js';
import type { ArchivedCustomerRecord } from '../archive/archive.record.js';
import { archiveReadScope } from '../archive/archive.service.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { customerReadScope } from '../customer/customer.service.js';
import { JobKind } from '../job/job.enums.js';
import { enqueueJob, findActiveJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import { checkConsistency, type ConsistencyReport } from './search.consistency.js';
import { SearchScope } from './search.enums.js';
import { invalidSearchCursor, MAX_QUERY_LENGTH, queryTooLong, reindexRunning, searchPageTooLarge, searchUnavailable } from './search.errors.js';
import { highlight, type Highlight } from './search.highlight.js';
import type { ArchiveSearchFilter, CustomerSearchFilter, ReindexArchiveInput } from './search.inputs.js';
import { searchLiveCustomers } from './search.live.js';
import { loadSearchSegment, segmentSearchFilter } from './search.segment.js';
import type { SegmentRecord } from '../customer/customer.segment.js';
import { isBigintId } from '../../db/keyset.js';

export const MAX_SEARCH_PAGE = 100;
const DEFAULT_SEARCH_PAGE = 20;

export interface SearchArgs<F> {
  query: string;
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

/** Cursors are offsets into one result list; opaque so the scheme can change. */
function window(args: SearchArgs<unknown>): { query: string; limit: number; offset: number } {
  const query = args.query.trim();
  if (query.length > MAX_QUERY_LENGTH) throw queryTooLong();
  const limit = args.first ?? DEFAULT_SEARCH_PAGE;
  if (limit < 0 || limit > MAX_SEARCH_PAGE) throw searchPageTooLarge(MAX_SEARCH_PAGE);
  let offset = 0;
  if (args.after) {
    const match = /^o:(\d{1,7})$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
    if (!match) throw invalidSearchCursor();
    offset = Number(match[1]);
  }
  return { query, limit, offset };
}

const cursor = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

function portFilter(f: ArchiveSearchFilter | null | undefined): SearchFilter {
  const filter = f ?? {};
  return {
    types: filter.type, tiers: filter.tier, industries: filter.industry, regions: filter.region,
    lifecycleStages: filter.lifecycleStage, tags: filter.tags,
    ownerIds: filter.ownerId?.map((id) => (isBigintId(id) ? id : '0')),
    archiveReasons: filter.archiveReason, archivedYears: filter.archivedYear, archivedAfter: filter.archivedAfter,
    archivedBefore: filter.archivedBefore, previousStatuses: filter.previousStatus, legalHold: filter.legalHold,
  };
}

function withSearchSegment(filter: SearchFilter, segment: SegmentRecord | undefined): SearchFilter {
  return segment ? { ...filter, also: [...(filter.also ?? []), segmentSearchFilter(segment)] } : filter;
}

export interface ArchiveHit {
  score: number;
  highlights: Highlight[];
  customer: ArchivedCustomerRecord;
}

/** An engine that does not answer becomes SEARCH_UNAVAILABLE; the cause (which may name
 * hosts and ports) goes to the log only. */
async function fromEngine<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    ctx.log?.warn({ err: error }, `archive search unavailable: ${error.message}`);
    throw searchUnavailable();
  }
}

/** Archived reads are access-logged whichever fields are asked for, search included. */
function logArchiveRead(ctx: RequestContext, records: readonly { id: string }[]): void {
  for (const record of records) ctx.accessLog.record('ArchivedCustomer', 'record', record.id);
}

async function archiveHits(ctx: RequestContext, args: { query: string; filter: SearchFilter; limit: number; offset: number; facets: boolean }) {
  const scope = archiveReadScope(ctx);
  const fields = scope.searchable as SearchField[];
  const index = openSearchIndex(ctx.config, ctx.sql);
  const found = await fromEngine(ctx, () => index.search({ ...args, fields, ownerScope: scope.ownerId }));
  // The archive is the source of truth: a hit the index still holds but the archive no
  // longer does (the outbox has not caught up) is dropped, and rows are re-checked
  // against the caller's owner scope where they are read.
  const records = new Map((await findArchivedByIds(ctx.sql, found.hits.map((h) => h.id), scope.ownerId)).map((r) => [String(r.id), r]));
  const hits: ArchiveHit[] = found.hits
    .filter((h) => records.has(h.id))
    .map((h) => ({ score: h.score, highlights: highlight(records.get(h.id)!, args.query, fields), customer: records.get(h.id)! }));
  logArchiveRead(ctx, hits.map((h) => h.customer));
  return { found, hits, engine: index.engine };
}

/** `facets: false` (the caller does not read them) spares the engine counting them. */
export async function searchArchive(ctx: RequestContext, args: SearchArgs<ArchiveSearchFilter> & { facets?: boolean }) {
  const { query, limit, offset } = window(args);
  archiveReadScope(ctx);
  const segment = await loadSearchSegment(ctx.sql, args.filter?.segmentId);
  const filter = withSearchSegment(portFilter(args.filter), segment);
  const { found, hits, engine } = await archiveHits(ctx, { query, filter, limit, offset, facets: args.facets ?? true });
  const facets = FACET_FIELDS.map((field: FacetField) => ({ field, values: found.facets[field] ?? [] }));
  const next = offset + found.hits.length;
  return {
    totalCount: found.totalCount,
    totalCountExact: found.totalExact,
    hits,
    facets,
    engine,
    endCursor: limit > 0 && found.hits.length === limit && next < found.totalCount ? cursor(next) : null,
  };
}

export interface CustomerHit {
  score: number;
  highlights: Highlight[];
  store: SearchScope;
  customer: CustomerRecord | null;
  archivedCustomer: ArchivedCustomerRecord | null;
}

/** Live and/or archived customers. With ALL, each store returns its best `offset +
 * first` and the two lists are merged by score, so paging stays consistent. */
export async function searchCustomers(ctx: RequestContext, args: SearchArgs<CustomerSearchFilter> & { scope: SearchScope }) {
  const { query, limit, offset } = window(args);
  const wantLive = args.scope !== SearchScope.ARCHIVED;
  const wantArchive = args.scope !== SearchScope.LIVE;
  const liveScope = wantLive ? customerReadScope(ctx) : undefined;
  if (wantArchive) archiveReadScope(ctx);
  const segment = await loadSearchSegment(ctx.sql, args.filter?.segmentId);
  // Refused up front, before any store is read, when the archive index cannot apply it.
  const archiveFilter = wantArchive ? withSearchSegment(portFilter(args.filter), segment) : undefined;
  const both = wantLive && wantArchive;
  const take = both ? offset + limit : limit;
  const from = both ? 0 : offset;
  const hits: CustomerHit[] = [];
  let total = 0;
  let exact = true;
  if (liveScope) {
    const fields = liveScope.searchable as SearchField[];
    const live = await searchLiveCustomers(ctx.sql, {
      query, fields, filter: args.filter ?? {}, segment: segment?.filter, ownerScope: customerRowOwner(ctx), limit: take + from, cap: ctx.config.SEARCH_CANDIDATE_LIMIT,
    });
    total += live.total;
    exact &&= live.exact;
    for (const hit of live.hits.slice(from)) {
      hits.push({ score: hit.score, highlights: highlight(hit.record, query, fields), store: SearchScope.LIVE, customer: hit.record, archivedCustomer: null });
    }
  }
  let engine = openSearchIndex(ctx.config, ctx.sql).engine;
  if (archiveFilter) {
    const archived = await archiveHits(ctx, { query, filter: archiveFilter, limit: take, offset: from, facets: false });
    engine = archived.engine;
    total += archived.found.totalCount;
    exact &&= archived.found.totalExact;
    for (const hit of archived.hits) {
      hits.push({ score: hit.score, highlights: hit.highlights, store: SearchScope.ARCHIVED, customer: null, archivedCustomer: hit.customer });
    }
  }
  const ordered = both ? hits.sort((a, b) => b.score - a.score).slice(offset, offset + limit) : hits.slice(0, limit);
  const next = offset + ordered.length;
  return {
    totalCount: total,
    totalCountExact: exact,
    hits: ordered,
    engine,
    endCursor: limit > 0 && ordered.length === limit && next < total ? cursor(next) : null,
  };
}

export async function searchIndexStatus(ctx: RequestContext) {
  requireAction(ctx, Action.SEARCH_ADMIN);
  const index = openSearchIndex(ctx.config, ctx.sql);
  const status = await outboxStatus(ctx.sql);
  return {
    engine: index.engine,
    lag: Math.round(status.lagSeconds * 1000) / 1000,
    pending: status.pending,
    failing: status.failing,
    oldestPendingAt: status.oldestPendingAt,
    indexedCount: await fromEngine(ctx, () => index.count()),
  };
}

export async function searchConsistency(ctx: RequestContext): Promise<ConsistencyReport> {
  requireAction(ctx, Action.SEARCH_ADMIN);
  return fromEngine(ctx, () => checkConsistency(ctx.sql, openSearchIndex(ctx.config, ctx.sql)));
}

/** Queues a rebuild of the index (one at a time); its one audit event is JOB_ENQUEUED. */
export async function reindexArchive(ctx: RequestContext, input: ReindexArchiveInput): Promise<JobRecord> {
  requireAction(ctx, Action.SEARCH_ADMIN);
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:reindex-search'))`);
    const active = await findActiveJob(tx.sql, JobKind.REINDEX_SEARCH);
    if (active) throw reindexRunning(active);
    return enqueueJob(tx, JobKind.REINDEX_SEARCH, {}, { reason: input.reason.trim() });
  });
}
