import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { DomainError } from '../../common/domain-error.js';
import { Params } from '../../db/sql.js';
import { createRequestContext, inTransaction, type RequestContext } from '../../graphql/context.js';
import { pseudonymizedFilter } from '../audit/audit.personal.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Role } from '../identity/role.js';
import type { TokenSigner } from '../identity/tokens.js';
import { EXPORT_SOURCES } from './export.columns.js';
import { ExportFormat, ExportLanguage, type ExportResource } from './export.enums.js';
import { exportLinkInvalid } from './export.errors.js';
import { exportConditions, guardCell, visibleColumns, type VisibleColumn } from './export.scope.js';
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
}

/**
 * GET /exports/:id — the single-use link handed out by `createExport`. The file is built
 * as it is sent: rows are read in id order in batches from one REPEATABLE READ snapshot
 * (so the file is consistent however long the download takes) and written through a
 * streaming CSV or XLSX writer with backpressure, so memory stays flat at any size.
 */
export function registerExportRoute(app: FastifyInstance, orm: MikroORM, config: Config, tokens: TokenSigner): void {
  app.get<{ Params: { id: string } }>('/exports/:id', async (req, reply) => {
    const ctx = createRequestContext(orm, config, tokens, String(req.id));
    let request: ConsumedRequest;
    let columns: VisibleColumn[];
    let where: string[];
    const params = new Params();
    try {
      request = await consume(ctx, req.params.id);
      await actAs(ctx, request.userId);
      where = exportConditions(ctx, request.resource, request.filter, params);
      columns = visibleColumns(ctx.actor!.role, request.resource);
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
      const rows = await streamRows(ctx, source, columns, where, params, request.language, sink);
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
      `select user_id::text as "userId", resource, format, language, filter from export_request
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

async function streamRows(
  ctx: RequestContext,
  source: (typeof EXPORT_SOURCES)[ExportResource],
  columns: VisibleColumn[],
  where: string[],
  params: Params,
  language: ExportLanguage,
  sink: RowSink,
): Promise<number> {
  const client = await connectClient(ctx.em.config.get('clientUrl') as string, 'custos-export');
  try {
    await client.query('begin isolation level repeatable read read only');
    await sink.header(columns.map((c) => (language === ExportLanguage.ZH_CN ? c.zh : c.en)));
    const select = columns.map((c, i) => `${c.sql} as c${i}`).join(', ');
    const afterParam = `$${params.values.length + 1}`;
    const sql = `select ${source.key}::text as k, ${select} from ${source.from}
                  where ${[...where, `${source.key} > ${afterParam}::bigint`].join(' and ')}
                  order by ${source.key} limit ${BATCH}`;
    let after = '0';
    let rows = 0;
    for (;;) {
      const { rows: batch } = await client.query<Record<string, string | null>>(sql, [...params.values, after]);
      for (const row of batch) await sink.row(columns.map((c, i) => guardCell(c, row[`c${i}`] ?? null, row.k!)));
      rows += batch.length;
      if (batch.length < BATCH) break;
      after = batch.at(-1)!.k!;
    }
    await client.query('commit');
    return rows;
  } finally {
    await client.end();
  }
}
