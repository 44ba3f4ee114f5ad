import { DomainError } from '../../common/domain-error.js';

export enum SearchErrorCode {
  QUERY_TOO_LONG = 'SEARCH_QUERY_TOO_LONG',
  INVALID_CURSOR = 'SEARCH_INVALID_CURSOR',
  PAGE_TOO_LARGE = 'SEARCH_PAGE_TOO_LARGE',
  REINDEX_RUNNING = 'SEARCH_REINDEX_RUNNING',
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
  new DomainError(SearchErrorCode.REINDEX_RUNNING, `A reindex is already queued or running (job ${id})`);
