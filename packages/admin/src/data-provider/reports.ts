/**
 * Report and backup reads: `customerStats`, `lifecycleActivity`, `archiveStats` and
 * `backups` as fixed documents (their shapes are reports, not react-admin records).
 * Plain TypeScript on `graphql`, so the unit tests run it under Node.
 */
import { parse } from 'graphql';
import { checkResponse, type GraphQLErrorLike } from './errors.ts';

export type CustomerDimension = 'LIFECYCLE_STAGE' | 'TYPE' | 'TIER' | 'REGION' | 'INDUSTRY' | 'OWNER' | 'STATUS' | 'TAG' | 'VOID_REASON';
export type TimeBucket = 'DAY' | 'WEEK' | 'MONTH';

export interface CustomerStat {
  keys: (string | null)[];
  count: number;
}

export interface LifecycleActivityRow {
  bucket: string;
  archived: number;
  restored: number;
  voided: number;
  unvoided: number;
  purged: number;
  merged: number;
  unmerged: number;
}

export const ACTIVITY_SERIES = ['archived', 'restored', 'voided', 'unvoided', 'purged', 'merged', 'unmerged'] as const;

export interface ArchiveStats {
  customers: number;
  interactions: number;
  oldestArchivedAt: string | null;
  legalHolds: number;
  pastRetention: number;
  byAge: { age: string; count: number }[];
  byPolicy: { policyId: string | null; policyName: string | null; count: number }[];
}

export interface BackupRow {
  id: string;
  createdAt: string;
  createdBy: string | null;
  reason: string | null;
  sizeBytes: number;
  totalRows: number;
  migration: string;
  serverVersion: string;
  tables: { name: string; rows: number }[];
  lastDrill: { jobId: string; state: string; finishedAt: string | null; error: string | null; seconds: number | null } | null;
}

/** What the Reports screen asks for: its switches, not the API's filter. */
export interface StatsRequest {
  groupBy: CustomerDimension[];
  /** Counts VOID customers next to ACTIVE ones (the API counts only ACTIVE by default). */
  includeVoided?: boolean;
  /** Given as is (e.g. `{ status: ['VOID'] }` for voids by reason); wins over includeVoided. */
  filter?: Record<string, unknown>;
}

interface Response {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLErrorLike[];
}

export interface BuiltRead<T> {
  query: ReturnType<typeof parse>;
  variables: Record<string, unknown>;
  parseResponse: (response: Response) => T;
}

const root = <T>(response: Response): T => {
  checkResponse('data', response.data, response.errors);
  return response.data?.['data'] as T;
};

const STATS = parse(`query CustomerStats($groupBy: [CustomerDimension!]!, $filter: CustomerFilter) {
  data: customerStats(groupBy: $groupBy, filter: $filter) { keys count }
}`);

export function customerStatsQuery(request: StatsRequest): BuiltRead<CustomerStat[]> {
  if (request.groupBy.length === 0 || request.groupBy.length > 4) throw new Error('customerStats groups by one to four dimensions');
  const filter = request.filter ?? (request.includeVoided ? { status: ['ACTIVE', 'VOID'] } : undefined);
  return {
    query: STATS,
    variables: { groupBy: request.groupBy, ...(filter ? { filter } : {}) },
    parseResponse: (response) => root<CustomerStat[]>(response),
  };
}

const ACTIVITY = parse(`query LifecycleActivity($from: DateTime!, $to: DateTime!, $bucket: TimeBucket!, $timeZone: String!) {
  data: lifecycleActivity(from: $from, to: $to, bucket: $bucket, timeZone: $timeZone) { bucket ${ACTIVITY_SERIES.join(' ')} }
}`);

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

export function lifecycleActivityQuery(params: { from: string; to: string; bucket: TimeBucket; timeZone?: string }): BuiltRead<LifecycleActivityRow[]> {
  return { query: ACTIVITY, variables: { timeZone: 'UTC', ...params }, parseResponse: (response) => root<LifecycleActivityRow[]>(response) };
}

const ARCHIVE = parse(`query ArchiveStats {
  data: archiveStats { customers interactions oldestArchivedAt legalHolds pastRetention byAge { age count } byPolicy { policyId policyName count } }
}`);

export function archiveStatsQuery(): BuiltRead<ArchiveStats> {
  return { query: ARCHIVE, variables: {}, parseResponse: (response) => root<ArchiveStats>(response) };
}

/** Pending cleanup work (`cleanupStats`), under the caller's row and field rules. */
export interface CleanupStats {
  duplicateGroupsPending: number;
  duplicateCustomersPending: number;
  dataQualityIssues: { field: string; problem: string; count: number }[];
  dataQualityCustomers: number;
  /** When the data-quality figures were counted (null: never). */
  dataQualityCountedAt: string | null;
  lastDuplicateDetectionAt: string | null;
}

const CLEANUP = parse(`query CleanupStats {
  data: cleanupStats { duplicateGroupsPending duplicateCustomersPending dataQualityIssues { field problem count } dataQualityCustomers dataQualityCountedAt lastDuplicateDetectionAt }
}`);

export function cleanupStatsQuery(): BuiltRead<CleanupStats> {
  return { query: CLEANUP, variables: {}, parseResponse: (response) => root<CleanupStats>(response) };
}

const BACKUPS = parse(`query Backups {
  data: backups { id createdAt createdBy reason sizeBytes totalRows migration serverVersion tables { name rows } lastDrill { jobId state finishedAt error seconds } }
}`);

export function backupsQuery(): BuiltRead<BackupRow[]> {
  return { query: BACKUPS, variables: {}, parseResponse: (response) => root<BackupRow[]>(response) };
}

export interface BackupSettings {
  keepDaily: number;
  keepWeekly: number;
  schedule: string | null;
  drillSchedule: string | null;
}

const BACKUP_SETTINGS = parse('query BackupSettings { data: backupSettings { keepDaily keepWeekly schedule drillSchedule } }');

export function backupSettingsQuery(): BuiltRead<BackupSettings> {
  return { query: BACKUP_SETTINGS, variables: {}, parseResponse: (response) => root<BackupSettings>(response) };
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
