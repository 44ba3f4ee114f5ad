import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum SearchErrorCode {
  QUERY_TOO_LONG = 'SEARCH_QUERY_TOO_LONG',
  INVALID_CURSOR = 'SEARCH_INVALID_CURSOR',
  PAGE_TOO_LARGE = 'SEARCH_PAGE_TOO_LARGE',
  REINDEX_RUNNING = 'SEARCH_REINDEX_RUNNING',
  UNAVAILABLE = 'SEARCH_UNAVAILABLE',
}

export const MAX_QUERY_LENGTH = 200;

export const queryTooLong = () =>
  new DomainError(SearchErrorCode.QUERY_TOO_LONG, `The search query is longer than ${MAX_QUERY_LENGTH} characters`, [
    { field: 'query', message: `at most ${MAX_QUERY_LENGTH} characters` },
  ]);

export const invalidSearchCursor = () =>
  new DomainError(SearchErrorCode.INVALID_CURSOR, 'The cursor does not come from this search', [{ field: 'after', message: 'invalid cursor' }]);

export const searchPageTooLarge = (max: number) =>
  new DomainError(SearchErrorCode.PAGE_TOO_LARGE, `At most ${max} hits per page`, [{ field: 'first', message: `at most ${max}` }]);

export const reindexRunning = (id: string) =>
  new DomainError(SearchErrorCode.REINDEX_RUNNING, `A reindex is already queued or running (job ${idForClient('Job', id)})`);

/** The engine is down or too slow. Not answered from the other engine: with Meilisearch
 * configured, the PostgreSQL index is not kept up to date, and a stale or empty answer
 * passed off as complete would be worse than a clear error. */
export const searchUnavailable = () =>
  new DomainError(SearchErrorCode.UNAVAILABLE, 'Archive search is unavailable right now (the search engine does not answer); changes are kept and indexed when it is back');
