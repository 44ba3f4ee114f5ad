import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { CustosDataProvider } from '../data-provider/index.ts';
import type { OperationName, OperationResult, OperationVariables } from '../data-provider/operations.ts';

export interface OperationQueryOptions<R, T> {
  enabled?: boolean;
  /** How long an answer stays fresh (reports: a minute). */
  staleTime?: number;
  /** Paged screens keep the page shown (and its total) while the next one loads. */
  keepPrevious?: boolean;
  /** The part of the result the screen reads. */
  select?: (result: R) => T;
  /** Asks again after this many ms (given the last answer), e.g. while a job it shows runs. */
  refetchInterval?: (result: R | undefined) => number | false;
}

/**
 * A registered operation read through the data provider and react-query, cached under
 * its name and variables; `no-cache` at the Apollo level, so a refetch reaches the server.
 */
export function useOperationQuery<N extends OperationName, T = OperationResult<N>>(
  name: N,
  variables: OperationVariables<N>,
  { enabled = true, staleTime, keepPrevious = false, select, refetchInterval }: OperationQueryOptions<OperationResult<N>, T> = {},
) {
  const dataProvider = useDataProvider<CustosDataProvider>();
  return useQuery({
    queryKey: ['custos', name, variables],
    queryFn: async () => (await dataProvider.operation(name, variables)).data,
    enabled,
    ...(staleTime !== undefined ? { staleTime } : {}),
    ...(keepPrevious ? { placeholderData: <P>(previous: P) => previous } : {}),
    ...(refetchInterval ? { refetchInterval: (query: { state: { data: OperationResult<N> | undefined } }) => refetchInterval(query.state.data) } : {}),
    select: (select ?? ((result: OperationResult<N>) => result as unknown as T)) as (result: OperationResult<N>) => T,
  });
}
