import { useOperationQuery } from '../shared/use-operation.ts';
import { customerStatsVariables, type ActivityRequest, type StatsRequest } from './reports.api.ts';

/**
 * Report reads as registered operations through react-query. Reports are cheap aggregate
 * queries but not free on a million rows: kept fresh for a minute, refetched on demand.
 */
const STALE_MS = 60_000;

export function useCustomerStats(request: StatsRequest) {
  return useOperationQuery('CustomerStats', customerStatsVariables(request), { staleTime: STALE_MS, select: (r) => r.customerStats });
}

export function useLifecycleActivity(params: ActivityRequest) {
  return useOperationQuery('ActivityInZone', { timeZone: 'UTC', ...params }, { staleTime: STALE_MS, select: (r) => r.lifecycleActivity });
}

export function useArchiveStats(enabled: boolean) {
  return useOperationQuery('ArchiveOverview', {}, { staleTime: STALE_MS, enabled, select: (r) => r.archiveStats });
}

export function useCleanupStats(enabled: boolean) {
  return useOperationQuery('CleanupStats', {}, { staleTime: STALE_MS, enabled, select: (r) => r.cleanupStats });
}
