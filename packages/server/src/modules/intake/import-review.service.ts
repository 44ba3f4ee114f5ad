import type { RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { customerByIdLoader } from '../customer/customer.loaders.js';
import type { ColumnMapping, ImportField } from './import.mapping.js';
import { mapRow } from './import.rows.js';
import { ownImport } from './import.service.js';
import { readRows, type DuplicateAction } from './import.store.js';

/**
 * What the import wizard reads besides the import itself: the limits and saved templates
 * before a file is chosen, and the rows a dry run found matching existing customers, so
 * a person can choose per row what happens to them.
 */

export interface TemplateRecord {
  id: string;
  name: string;
  columns: { index: number; header: string; field: ImportField | null }[];
}

export async function importSetup(ctx: RequestContext) {
  requireAction(ctx, Action.CUSTOMER_CREATE);
  const rows = await ctx.sql.query<{ id: string; name: string; headers: string[]; mapping: ColumnMapping }>(
    `select t.id::text as id, t.name, t.headers, t.mapping from import_template t order by t.updated_at desc, t.id desc limit 200`,
  );
  const templates: TemplateRecord[] = rows.map((t) => ({
    id: t.id,
    name: t.name,
    columns: t.headers.map((header, index) => ({ index, header, field: t.mapping[String(index)] ?? null })),
  }));
  return { maxBytes: ctx.config.IMPORT_MAX_BYTES, maxRows: ctx.config.IMPORT_MAX_ROWS, templates };
}

export interface DuplicateRowRecord {
  rowNo: number;
  values: { field: string; value: string }[];
  action: DuplicateAction | null;
  matchCount: number;
  earlierRows: number[];
  customers: unknown[];
}

/** Rows with matches, in row order; the file's values go only to whoever uploaded it
 * (as the preview), the matched customers only where the caller may see them. */
export async function duplicateRows(ctx: RequestContext, id: string, first: number, offset: number): Promise<DuplicateRowRecord[]> {
  const found = await ownImport(ctx, id);
  const limit = Math.min(Math.max(first, 1), 200);
  const from = await ctx.sql.one<{ rowNo: number | null }>(
    `select r.row_no as "rowNo" from customer_import_row r where r.import_id = $1::bigint and (r.match_ids is not null or r.match_rows is not null) order by r.row_no offset $2 limit 1`,
    [found.id, Math.max(offset, 0)],
  );
  if (!from?.rowNo) return [];
  const rows = await readRows(ctx.sql, found.id, from.rowNo, limit, '(r.match_ids is not null or r.match_rows is not null)');
  const loader = customerByIdLoader(ctx);
  return Promise.all(
    rows.map(async (row) => {
      const mapped = await mapRow(row.raw, found.mapping, ctx.config.PHONE_DEFAULT_REGION);
      const matchIds = row.matchIds ?? [];
      const customers = (await loader.loadMany(matchIds)).filter((c) => c && !(c instanceof Error));
      return {
        rowNo: row.rowNo,
        values: Object.entries(mapped.values).map(([field, value]) => ({ field, value: Array.isArray(value) ? value.join(',') : String(value) })),
        action: row.action,
        matchCount: matchIds.length,
        earlierRows: row.matchRows ?? [],
        customers,
      };
    }),
  );
}
