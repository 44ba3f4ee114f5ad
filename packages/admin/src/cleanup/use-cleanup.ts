import { useMutation, useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { CustosDataProvider } from '../data-provider/index.ts';

type Provider = CustosDataProvider;
type ReadName = 'duplicateCandidates' | 'merges' | 'dataQualityIssues' | 'searchArchive' | 'segments';

/**
 * A cleanup read through the data provider's extra methods, cached under its name and
 * parameters; `no-cache` at the Apollo level, so a refetch always reaches the server.
 */
export function useCleanupRead<N extends ReadName>(name: N, params: Parameters<Provider[N]>[0], enabled = true, { keepPrevious = false } = {}) {
  const dataProvider = useDataProvider<Provider>();
  return useQuery({
    queryKey: ['custos', name, params],
    // `as never`: the four methods take different parameter shapes, checked at the call site.
    queryFn: async () => (await dataProvider[name](params as never)).data as Awaited<ReturnType<Provider[N]>>['data'],
    enabled,
    // Paged screens keep the page shown (and its total) while the next one loads.
    ...(keepPrevious ? { placeholderData: <T>(previous: T) => previous } : {}),
  });
}

export { useMutation };
