import { useOperationQuery } from '../shared/use-operation.ts';
import { searchArchiveVariables } from './search.api.ts';

export function useArchiveSearch(params: { query: string; selected?: Record<string, string[]>; first?: number }) {
  return useOperationQuery('SearchArchive', searchArchiveVariables(params), { select: (r) => r.searchArchive });
}
