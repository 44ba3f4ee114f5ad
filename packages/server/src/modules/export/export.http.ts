import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { DomainError } from '../../common/domain-error.js';
import { Params } from '../../db/sql.js';
import { createRequestContext, inTransaction, type RequestContext } from '../../core/context.js';
import { pseudonymizedFilter } from '../audit/audit.personal.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Role } from '../../policy/role.js';
import type { TokenSigner } from '../../core/tokens.js';
import { EXPORT_SOURCES } from './export.columns.js';
import { ExportFormat, ExportLanguage, type ExportResource } from './export.enums.js';
import { exportLinkInvalid } from './export.errors.js';
import { exportConditions, exportOrderBy, guardCell, labelMaps, visibleColumns, type ExportOrder, type ValueLabel, type VisibleColumn } from './export.scope.js';
import { csvSink, xlsxSink, type RowSink } from './export.writer.js';
import { connectClient } from '../../db/pg-client.js';
import { localizeForCode, negotiateLanguage } from '../../i18n/localize.js';

const BATCH = 2_000;

interface ConsumedRequest {
  userId: string;
  resource: ExportResource;
  format: ExportFormat;
  language: ExportLanguage;
  filter: Record<string, unknown> | null;
  orderBy: ExportOrder | null;
  timeZone: string | null;
  valueLabels: ValueLabel[] | null;
}

/** How the export's times are written (see export.columns.ts `iso`). */
const UTC_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
const LOCAL_FORMAT = 'YYYY-MM-DD HH24:MI:SSTZH:TZM';

/**
 * GET /exports/:id — the single-use link handed out by `createExport`. The file is built
 * as it is sent: rows are read in the list's order in batches from one REPEATABLE READ snapshot
 * (so the file is consistent however long the download takes) and written through a
 * streaming CSV or XLSX writer with backpressure, so memory stays flat at any size.
 */
export function registerExportRoute(app: FastifyInstance, orm: MikroORM, config: Config, tokens: TokenSigner): void {
  app.get<{ Params: { id: string } }>('/exports/:id', async (req, reply) => {
    const ctx = createRequestContext(orm, config, tokens, String(req.id));
    let request: ConsumedRequest;
    let columns: VisibleColumn[];
    let where: string[];
    let order: string;
    const params = new Params();
    try {
      request = await consume(ctx, req.params.id);
      await actAs(ctx, request.userId);
      where = exportConditions(ctx, request.resource, request.filter, params);
      columns = visibleColumns(ctx.actor!.role, request.resource);
      order = exportOrderBy(ctx, request.resource, request.orderBy);
    } catch (error) {
      if (error instanceof DomainError) {
        const status = error.reason === 'EXPORT_LINK_INVALID' ? 404 : 403;
        return reply.code(status).send({ error: localizeForCode(error.message, undefined, negotiateLanguage(req.headers['accept-language'])) });
      }
      throw error;
    }
    const source = EXPORT_SOURCES[request.resource];
    const stamp = new Date().toISOString().slice(0, 10);
    reply.hijack();
    const res = reply.raw;
    const sink: RowSink =
      request.format === ExportFormat.XLSX ? xlsxSink(res, request.resource, columns.map((c) => Boolean(c.numeric))) : csvSink(res);
    res.writeHead(200, {
      'content-type': sink.contentType,
      'content-disposition': `attachment; filename="custos-${request.resource.toLowerCase().replace(/_/g, '-')}-${stamp}.${sink.extension}"`,
      'cache-control': 'no-store',
      'x-request-id': String(req.id),
    });
    try {
      const rows = await streamRows(ctx, { source, columns, where, params, order, request }, sink);
      // Audited before the file's last bytes go out: a download that completes is always
      // on record, and one whose audit fails arrives truncated.
      await inTransaction(ctx, async (tx) => {
        await tx.sql.query(`update export_request set rows_written = $2, finished_at = now() where id = $1`, [req.params.id, rows]);
        await recordAudit(tx, {
          action: 'EXPORT_DOWNLOADED',
          entityType: 'Export',
          entityId: req.params.id.slice(0, 12),
          changes: { resource: { to: request.resource }, rows: { to: rows }, fullFields: { to: columns.filter((c) => c.guard && c.access === 'FULL').map((c) => c.key) } },
        });
      });
      await sink.end();
    } catch (error) {
      req.log.error({ err: error }, 'export failed while streaming');
      res.destroy(error as Error);
    }
  });
}

/**
 * Takes a link for its one download. The filter it was made with (a search term may be an
 * email) is needed only now: the row kept afterwards as the record of the download holds
 * it pseudonymized, like the audit log does.
 */
async function consume(ctx: RequestContext, id: string): Promise<ConsumedRequest> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(id)) throw exportLinkInvalid();
  return inTransaction(ctx, async (tx) => {
    const row = await tx.sql.one<ConsumedRequest>(
      `select user_id::text as "userId", resource, format, language, filter, order_by as "orderBy", time_zone as "timeZone", value_labels as "valueLabels"
         from export_request
        where id = $1 and used_at is null and expires_at > now() for update`,
      [id],
    );
    if (!row) throw exportLinkInvalid();
    await tx.sql.query(`update export_request set used_at = now(), filter = $2::jsonb where id = $1`, [id, JSON.stringify(pseudonymizedFilter(row.filter))]);
    return row;
  });
}

/** The export runs as the user who asked for it, with the role they have now. */
async function actAs(ctx: RequestContext, userId: string): Promise<void> {
  const user = await ctx.sql.one<{ id: string; role: Role; email: string; enabled: boolean }>(
    `select id::text, role, email, enabled from app_user where id = $1::bigint`,
    [userId],
  );
  if (!user?.enabled) throw exportLinkInvalid();
  ctx.actor = { userId: user.id, role: user.role, email: user.email };
}

interface ExportQuery {
  source: (typeof EXPORT_SOURCES)[ExportResource];
  columns: VisibleColumn[];
  where: string[];
  params: Params;
  /** ORDER BY (the list's order, the key last). */
  order: string;
  request: ConsumedRequest;
}

/**
 * Rows through a cursor in the export's order (any order the list offers, not just the
 * key), in batches from one REPEATABLE READ snapshot; times in the export's zone, coded
 * values in the words it was given.
 */
async function streamRows(ctx: RequestContext, query: ExportQuery, sink: RowSink): Promise<number> {
  const { source, columns, where, params, order, request } = query;
  const labels = columns.map((c) => labelMaps(request.valueLabels).get(c.key));
  const client = await connectClient(ctx.em.config.get('clientUrl') as string, 'custos-export');
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(`select set_config('TimeZone', $1, true), set_config('custos.export_time_format', $2, true)`, [
      request.timeZone ?? 'UTC',
      request.timeZone ? LOCAL_FORMAT : UTC_FORMAT,
    ]);
    await sink.header(columns.map((c) => (request.language === ExportLanguage.ZH_CN ? c.zh : c.en)));
    const select = columns.map((c, i) => `${c.sql} as c${i}`).join(', ');
    await client.query(
      `declare export_rows no scroll cursor for
         select ${source.key}::text as k, ${select} from ${source.from} where ${where.join(' and ') || 'true'} order by ${order}`,
      params.values,
    );
    let rows = 0;
    for (;;) {
      const { rows: batch } = await client.query<Record<string, string | null>>(`fetch ${BATCH} from export_rows`);
      for (const row of batch) {
        await sink.row(columns.map((c, i) => {
          const cell = row[`c${i}`] ?? null;
          return cell !== null && labels[i]?.has(cell) ? labels[i]!.get(cell)! : guardCell(c, cell, row.k!);
        }));
      }
      rows += batch.length;
      if (batch.length < BATCH) break;
    }
    await client.query('commit');
    return rows;
  } finally {
    await client.end();
  }
}
