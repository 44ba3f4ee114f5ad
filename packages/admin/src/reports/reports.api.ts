/**
 * What the Reports screen and the home charts read (customerStats, lifecycleActivity,
 * archiveStats, cleanupStats): registered operations with their generated types, the
 * screen's switches turned into variables, and the calendar arithmetic of the activity
 * chart. Plain TypeScript, so the unit tests run it under Node.
 */
import type {
  ActivityInZoneQuery, ArchiveOverviewQuery, CleanupStatsQuery, CustomerDimension, CustomerStatsQuery, CustomerStatsQueryVariables, TimeBucket,
} from '@custos/schema';

export type { CustomerDimension, TimeBucket };
export type CustomerStat = CustomerStatsQuery['customerStats'][number];
export type LifecycleActivityRow = ActivityInZoneQuery['lifecycleActivity'][number];
export type ArchiveStats = ArchiveOverviewQuery['archiveStats'];
/** Pending cleanup work (`cleanupStats`), under the caller's row and field rules. */
export type CleanupStats = CleanupStatsQuery['cleanupStats'];

export const ACTIVITY_SERIES = ['archived', 'restored', 'voided', 'unvoided', 'purged', 'merged', 'unmerged'] as const satisfies readonly (keyof LifecycleActivityRow)[];

/** What the Reports screen asks for: its switches, not the API's filter. */
export interface StatsRequest {
  groupBy: CustomerDimension[];
  /** Counts VOID customers next to ACTIVE ones (the API counts only ACTIVE by default). */
  includeVoided?: boolean;
  /** Given as is (e.g. `{ status: ['VOID'] }` for voids by reason); wins over includeVoided. */
  filter?: CustomerStatsQueryVariables['filter'];
}

export function customerStatsVariables(request: StatsRequest): CustomerStatsQueryVariables {
  if (request.groupBy.length === 0 || request.groupBy.length > 4) throw new Error('customerStats groups by one to four dimensions');
  const filter = request.filter ?? (request.includeVoided ? { status: ['ACTIVE', 'VOID'] } : undefined);
  return { groupBy: request.groupBy, ...(filter ? { filter } : {}) };
}

const DAY_MS = 24 * 3600 * 1000;

/** The user's time zone: report days, weeks and months follow the user's calendar. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** How far `zone`'s wall clock is ahead of UTC at `instant` (ms). */
function zoneOffset(instant: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!) - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) begins in `zone` (re-checked once, for days a DST change moves). */
export function zonedMidnight(day: string, zone: string): Date {
  const wall = Date.parse(`${day}T00:00:00.000Z`);
  const first = wall - zoneOffset(wall, zone);
  return new Date(wall - zoneOffset(first, zone));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `zone`. */
export function dayIn(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Picked days in `zone` → the API's range; `to` is exclusive there, so the last day is included. */
export function activityRange(fromDay: string, toDay: string, zone = 'UTC'): { from: string; to: string } {
  const next = new Date(Date.parse(`${toDay}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
  return { from: zonedMidnight(fromDay, zone).toISOString(), to: zonedMidnight(next, zone).toISOString() };
}

export interface ActivityRequest {
  from: string;
  to: string;
  bucket: TimeBucket;
  timeZone?: string;
}

/**
 * Totals per value of the first dimension from a grouped result (TAG counts a customer
 * once per tag, so tag totals are not customer totals).
 */
export function totalsBy(rows: readonly CustomerStat[], position = 0): Map<string | null, number> {
  const out = new Map<string | null, number>();
  for (const row of rows) {
    const key = row.keys[position] ?? null;
    out.set(key, (out.get(key) ?? 0) + row.count);
  }
  return out;
}

/** A two-dimension result as a table: row keys, column keys (largest first) and cells. */
export function crossTable(rows: readonly CustomerStat[]): { rows: (string | null)[]; columns: (string | null)[]; cell: (r: string | null, c: string | null) => number } {
  const byRow = totalsBy(rows, 0);
  const byColumn = totalsBy(rows, 1);
  const cells = new Map<string, number>();
  const id = (r: string | null, c: string | null) => JSON.stringify([r, c]);
  for (const row of rows) cells.set(id(row.keys[0] ?? null, row.keys[1] ?? null), row.count);
  const order = (m: Map<string | null, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  return { rows: order(byRow), columns: order(byColumn), cell: (r, c) => cells.get(id(r, c)) ?? 0 };
}
