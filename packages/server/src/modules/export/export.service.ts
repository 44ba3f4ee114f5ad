import { randomBytes } from 'node:crypto';
import { invalidInput } from '../../common/domain-error.js';
import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireActor } from '../../policy/guard.js';
import { recordAudit } from '../audit/audit.service.js';
import { EXPORT_SOURCES } from './export.columns.js';
import { ExportResource, type ExportFormat, type ExportLanguage } from './export.enums.js';
import { exportFilterMismatch } from './export.errors.js';
import { checkValueLabels, exportConditions, exportOrderBy, visibleColumns, type ExportOrder, type ValueLabel } from './export.scope.js';
import { checkedTimeZone } from '../../common/time-zone.js';

/** A download link is good for one download within this time. */
const LINK_TTL_MINUTES = 10;

const FILTER_FIELD: Record<ExportResource, 'customers' | 'archivedCustomers' | 'interactions' | 'auditEvents'> = {
  [ExportResource.CUSTOMERS]: 'customers',
  [ExportResource.ARCHIVED_CUSTOMERS]: 'archivedCustomers',
  [ExportResource.INTERACTIONS]: 'interactions',
  [ExportResource.AUDIT_EVENTS]: 'auditEvents',
};

const ORDER_FIELD: Partial<Record<ExportResource, 'customersOrderBy' | 'archivedCustomersOrderBy' | 'interactionsOrderBy'>> = {
  [ExportResource.CUSTOMERS]: 'customersOrderBy',
  [ExportResource.ARCHIVED_CUSTOMERS]: 'archivedCustomersOrderBy',
  [ExportResource.INTERACTIONS]: 'interactionsOrderBy',
};

export interface CreateExportRequest {
  resource: ExportResource;
  format: ExportFormat;
  language: ExportLanguage;
  customers?: object | null;
  archivedCustomers?: object | null;
  interactions?: object | null;
  auditEvents?: object | null;
  customersOrderBy?: ExportOrder | null;
  archivedCustomersOrderBy?: ExportOrder | null;
  interactionsOrderBy?: ExportOrder | null;
  timeZone?: string | null;
  valueLabels?: ValueLabel[] | null;
}

export interface ExportLink {
  id: string;
  url: string;
  expiresAt: string;
  rowCount: number;
  columns: string[];
}

/**
 * Checks the caller may export this resource with this filter (same checks as the list),
 * counts the rows under their row rules, and hands out a single-use link valid for a few
 * minutes. The request is audited with its filter and row count; the download itself is
 * audited again with the rows actually written.
 */
export async function createExport(ctx: RequestContext, input: CreateExportRequest): Promise<ExportLink> {
  const actor = requireActor(ctx);
  const own = FILTER_FIELD[input.resource];
  const ownOrder = ORDER_FIELD[input.resource];
  const others = [
    ...Object.values(FILTER_FIELD).filter((field) => field !== own && input[field] != null),
    ...Object.values(ORDER_FIELD).filter((field) => field !== ownOrder && input[field] != null),
  ];
  if (others.length) throw exportFilterMismatch(input.resource, others);
  const orderBy = ownOrder ? plainList<unknown>((input[ownOrder] as unknown[] | null | undefined) ?? null) : null;
  // Checked now (a field the role may not sort by), used when the file is written.
  exportOrderBy(ctx, input.resource, orderBy as ExportOrder | null);
  const labels = input.valueLabels ? plainList(input.valueLabels) as ValueLabel[] : null;
  if (labels) checkValueLabels(actor.role, input.resource, labels);
  const timeZone = input.timeZone ? await knownTimeZone(ctx, input.timeZone) : null;
  const filter = plain(input[own] ?? null);
  const source = EXPORT_SOURCES[input.resource];
  const params = new Params();
  const where = exportConditions(ctx, input.resource, filter, params);
  const columns = visibleColumns(actor.role, input.resource).map((c) => c.key);
  if (columns.length === 0) throw invalidInput([{ field: 'resource', message: 'your role may read none of its columns' }]);
  return inTransaction(ctx, async (tx) => {
    const count = await tx.sql.one<{ n: number }>(`select count(*)::int as n from ${source.from} where ${where.join(' and ') || 'true'}`, params.values);
    const id = randomBytes(24).toString('base64url');
    const row = await tx.sql.one<{ expiresAt: string }>(
      `insert into export_request (id, user_id, resource, format, language, filter, row_count, expires_at, order_by, time_zone, value_labels)
       values ($1, $2::bigint, $3, $4, $5, $6::jsonb, $7, now() + $8 * interval '1 minute', $9::jsonb, $10, $11::jsonb)
       returning to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "expiresAt"`,
      [id, actor.userId, input.resource, input.format, input.language, JSON.stringify(filter), count!.n, LINK_TTL_MINUTES,
        JSON.stringify(orderBy), timeZone, JSON.stringify(labels)],
    );
    await forgetExpiredFilters(tx);
    await recordAudit(tx, {
      action: 'EXPORT_REQUESTED',
      entityType: 'Export',
      entityId: id.slice(0, 12),
      changes: {
        resource: { to: input.resource },
        format: { to: input.format },
        filter: { to: filter },
        ...(orderBy ? { orderBy: { to: orderBy } } : {}),
        ...(timeZone ? { timeZone: { to: timeZone } } : {}),
        rows: { to: count!.n },
        columns: { to: columns },
      },
    });
    return { id, url: `/exports/${id}`, expiresAt: row!.expiresAt, rowCount: count!.n, columns };
  });
}

/**
 * Links that expired unused lose their filter (a search term may be an email); the audit
 * log keeps what was asked for, pseudonymized. Each new request tidies them in one
 * set-based statement, so no schedule is needed.
 */
async function forgetExpiredFilters(tx: RequestContext): Promise<void> {
  // SKIP LOCKED: two requests tidying at once never wait on (or deadlock with) each other.
  await tx.sql.query(
    `update export_request set filter = null where id in (
       select id from export_request where used_at is null and expires_at <= now() and filter is not null for update skip locked)`,
  );
}

/** An IANA zone both ICU and this PostgreSQL know (the file is written in SQL). */
async function knownTimeZone(ctx: RequestContext, name: string): Promise<string> {
  const zone = checkedTimeZone(name);
  const known = await ctx.sql.one<{ ok: boolean }>(`select exists (select 1 from pg_timezone_names where name = $1) as ok`, [zone]);
  if (!known?.ok) throw invalidInput([{ field: 'timeZone', message: `unknown time zone ${zone}` }]);
  return zone;
}

function plainList<T>(value: readonly T[] | null): T[] | null {
  return value === null || value.length === 0 ? null : (JSON.parse(JSON.stringify(value)) as T[]);
}

/** GraphQL input objects are class instances with undefined fields; store plain JSON. */
function plain(value: object | null): Record<string, unknown> | null {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}
