/** The approvals inbox's and the recycle bin's reads: registered operations with their generated types. */
import type { ApprovalRequestsQuery, ScheduledPurgesQuery } from '@custos/schema';
import { useOperationQuery } from '../../shared/use-operation.ts';

export type ApprovalList = ApprovalRequestsQuery['approvalRequests'];
export type ApprovalRow = ApprovalList['nodes'][number];
export type BinList = ScheduledPurgesQuery['scheduledPurges'];
export type BinRow = BinList['nodes'][number];

export function useApprovalRequests(state: string | null) {
  return useOperationQuery('ApprovalRequests', { state } as never, { select: (r) => r.approvalRequests });
}

export function useScheduledPurges(state: string) {
  return useOperationQuery('ScheduledPurges', { state } as never, { select: (r) => r.scheduledPurges });
}

/** "in 29 days", "3 hours ago": a countdown people read, in the screen's language. */
export function relativeTime(iso: string, locale: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en', { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(Math.round(seconds), 'second');
}
