import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { CustosDataProvider } from '../data-provider/index.ts';
import type { StatsRequest, TimeBucket } from '../data-provider/reports.ts';

/**
 * Report reads through the data provider and react-query. Reports are cheap aggregate
 * queries but not free on a million rows: kept fresh for a minute, refetched on demand.
 */
const STALE_MS = 60_000;

export function useCustomerStats(request: StatsRequest) {
  const dataProvider = useDataProvider<CustosDataProvider>();
  return useQuery({
    queryKey: ['custos', 'customerStats', request],
    queryFn: async () => (await dataProvider.customerStats(request)).data,
    staleTime: STALE_MS,
  });
}

export function useLifecycleActivity(params: { from: string; to: string; bucket: TimeBucket; timeZone?: string }) {
  const dataProvider = useDataProvider<CustosDataProvider>();
  return useQuery({
    queryKey: ['custos', 'lifecycleActivity', params],
    queryFn: async () => (await dataProvider.lifecycleActivity(params)).data,
    staleTime: STALE_MS,
  });
}

export function useArchiveStats(enabled: boolean) {
  const dataProvider = useDataProvider<CustosDataProvider>();
  return useQuery({
    queryKey: ['custos', 'archiveStats'],
    queryFn: async () => (await dataProvider.archiveStats()).data,
    staleTime: STALE_MS,
    enabled,
  });
}

export function useCleanupStats(enabled: boolean) {
  const dataProvider = useDataProvider<CustosDataProvider>();
  return useQuery({
    queryKey: ['custos', 'cleanupStats'],
    queryFn: async () => (await dataProvider.cleanupStats()).data,
    staleTime: STALE_MS,
    enabled,
  });
}
