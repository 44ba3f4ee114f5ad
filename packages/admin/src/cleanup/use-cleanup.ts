/** The cleanup screens' reads: registered operations through react-query (cleanup.api.ts has the types). */
import type { DataQualityIssuesQueryVariables } from '@custos/schema';
import { useOperationQuery } from '../shared/use-operation.ts';

export function useDuplicateCandidates(first = 50) {
  return useOperationQuery('DuplicateCandidates', { filter: null, first }, { select: (r) => r.duplicateCandidates.nodes });
}

export function useMerges(first = 50) {
  return useOperationQuery('Merges', { filter: null, first }, { select: (r) => r.merges.nodes });
}

/** One page of issues (`offset` rows skipped) with the total count, for paging through all of them. */
export function useDataQualityIssues(params: { filter?: DataQualityIssuesQueryVariables['filter']; first: number; offset: number }) {
  return useOperationQuery('DataQualityIssues', { filter: params.filter ?? null, first: params.first, offset: params.offset }, {
    keepPrevious: true,
    select: (r) => ({ nodes: r.dataQualityIssues.nodes, totalCount: r.dataQualityIssues.totalCount ?? null }),
  });
}

/** Saved segments by name, for the scope pickers (normalization, the customers filter). */
export function useSegmentNames() {
  return useOperationQuery('SegmentNames', {}, { select: (r) => r.segments });
}
