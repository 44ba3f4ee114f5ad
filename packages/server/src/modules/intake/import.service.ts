import { DomainError, invalidInput } from '../../common/domain-error.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { actionForbidden, fieldWriteForbidden } from '../../policy/policy.errors.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action, CUSTOMER_WRITABLE } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { JobKind } from '../job/job.enums.js';
import { enqueueJob } from '../job/job.queue.js';
import { openImportFile } from './import.parse.js';
import { mappingProblems, sameHeaders, suggestMapping, type ColumnMapping } from './import.mapping.js';
import { mapRow, type RowProblem } from './import.rows.js';
import { insertImport, insertRows, readImport, readRows, updateImport, type DuplicateAction, type ImportRecord } from './import.store.js';
import { importNotFound, importState } from './intake.errors.js';

/**
 * Customer imports, start to end: a file is read row by row into staging (its header row
 * gives the columns, a template or the header words suggest the mapping), the mapping is
 * set, a dry run checks every row (validation and duplicates) and counts what would
 * happen, the run writes through the one customer write path (createCustomer /
 * updateCustomer, audited with the import id), and undo puts back exactly what the run
 * changed. Runs and undos are jobs (import.job.ts): progress, cancel and resume.
 *
 * SALES imports customers it will own (createCustomer makes it the owner) and may update
 * only its own; a mapping naming a field the role may not write is refused by name.
 */

const STAGE_BATCH = 1_000;

/** The import as its creator, ADMIN or MANAGER may see it; others get NOT_FOUND. */
export async function visibleImport(ctx: RequestContext, id: string, lock = false): Promise<ImportRecord> {
  requireAction(ctx, Action.CUSTOMER_CREATE);
  const found = await readImport(ctx.sql, id, lock);
  const owner = customerRowOwner(ctx);
  if (!found || (owner !== undefined && found.createdBy !== owner)) throw importNotFound(id);
  return found;
}

/** Reads an uploaded file into staging; the mapping comes from a template made for the
 * same header row, else from the header words. */
export async function stageUpload(ctx: RequestContext, fileName: string, file: string): Promise<ImportRecord> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_CREATE);
  const opened = await openImportFile(file, fileName);
  const first = await opened.rows.next();
  if (first.done) throw invalidInput([{ field: 'file', message: 'the file has no header row' }]);
  const headers = first.value;
  const templates = await ctx.sql.query<{ id: string; headers: string[]; mapping: ColumnMapping }>(
    `select id::text, headers, mapping from import_template order by updated_at desc limit 200`,
  );
  const template = templates.find((t) => sameHeaders(t.headers, headers));
  const id = await inTransaction(ctx, async (tx) => {
    const importId = await insertImport(tx.sql, {
      fileName: fileName.slice(0, 255),
      format: opened.format,
      encoding: opened.encoding,
      headers,
      mapping: template?.mapping ?? suggestMapping(headers),
      templateId: template?.id ?? null,
      createdBy: actor.userId,
    });
    let count = 0;
    let batch: string[][] = [];
    for await (const row of opened.rows) {
      batch.push(row);
      if (batch.length === STAGE_BATCH) {
        await insertRows(tx.sql, importId, count + 1, batch);
        count += batch.length;
        batch = [];
        if (count > tx.config.IMPORT_MAX_ROWS) throw invalidInput([{ field: 'file', message: `has more than ${tx.config.IMPORT_MAX_ROWS} rows` }]);
      }
    }
    await insertRows(tx.sql, importId, count + 1, batch);
    count += batch.length;
    await updateImport(tx.sql, importId, { rowCount: count });
    await recordAudit(tx, {
      action: 'CUSTOMER_IMPORT_UPLOADED',
      entityType: 'CustomerImport',
      entityId: importId,
      changes: { fileName: { to: fileName }, format: { to: opened.format }, rows: { to: count } },
    });
    return importId;
  });
  return (await readImport(ctx.sql, id))!;
}

/** Fields of the mapping the caller's role may not write, by name. */
function refuseUnwritable(ctx: RequestContext, mapping: ColumnMapping): void {
  const allowed = new Set(CUSTOMER_WRITABLE[ctx.actor!.role]);
  const refused = [...new Set(Object.values(mapping))].filter((f) => !allowed.has(f));
  if (refused.length) throw fieldWriteForbidden(refused);
}

export interface ImportSettings {
  id: string;
  mapping?: ColumnMapping | null;
  duplicateAction?: DuplicateAction | null;
  /** Remember the mapping under this name for files with the same header row. */
  templateName?: string | null;
}

export async function configureImport(ctx: RequestContext, input: ImportSettings): Promise<ImportRecord> {
  return inTransaction(ctx, async (tx) => {
    const found = await visibleImport(tx, input.id, true);
    if (found.state !== 'UPLOADED' && found.state !== 'CHECKED') throw importState(found.id, found.state, 'configure');
    const mapping = input.mapping ?? found.mapping;
    const problems = mappingProblems(mapping, found.headers.length);
    if (problems.length) throw invalidInput(problems.map((message) => ({ field: 'mapping', message })));
    refuseUnwritable(tx, mapping);
    let templateId = found.templateId;
    if (input.templateName?.trim()) {
      const row = await tx.sql.one<{ id: string }>(
        `insert into import_template (name, headers, mapping, created_by) values ($1, $2::text[], $3::jsonb, $4::bigint)
         on conflict (lower(name)) do update set headers = excluded.headers, mapping = excluded.mapping, updated_at = now()
         returning id::text as id`,
        [input.templateName.trim(), found.headers, JSON.stringify(mapping), tx.actor!.userId],
      );
      templateId = row!.id;
    }
    await updateImport(tx.sql, found.id, { mapping, duplicateAction: input.duplicateAction ?? found.duplicateAction, templateId, state: 'UPLOADED' });
    await recordAudit(tx, {
      action: 'CUSTOMER_IMPORT_CONFIGURED',
      entityType: 'CustomerImport',
      entityId: found.id,
      changes: { mapping: { from: found.mapping, to: mapping }, duplicateAction: { from: found.duplicateAction, to: input.duplicateAction ?? found.duplicateAction } },
    });
    return (await readImport(tx.sql, found.id))!;
  });
}

/** Per-row choices that differ from the import's duplicate action. */
export async function chooseRowActions(ctx: RequestContext, id: string, rows: { rowNo: number; action: DuplicateAction | null }[]): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const found = await visibleImport(tx, id, true);
    if (found.state === 'IMPORTING' || found.state === 'IMPORTED' || found.state === 'UNDONE') throw importState(found.id, found.state, 'configure');
    const updated = await tx.sql.query(
      `update customer_import_row r set action = v.action from jsonb_to_recordset($2::jsonb) as v("rowNo" int, action text)
        where r.import_id = $1::bigint and r.row_no = v."rowNo" returning 1`,
      [id, JSON.stringify(rows)],
    );
    await recordAudit(tx, {
      action: 'CUSTOMER_IMPORT_ROWS_CHOSEN',
      entityType: 'CustomerImport',
      entityId: found.id,
      changes: { rows: { to: rows.map((r) => `${r.rowNo}:${r.action ?? 'DEFAULT'}`) } },
    });
    return updated.length;
  });
}

export interface PreviewRow {
  rowNo: number;
  values: Record<string, unknown>;
  problems: RowProblem[];
}

/** The first rows as they would be written (after normalization), with their problems. */
/** The file's own values (a preview, the error file) go only to whoever uploaded it:
 * another role reading the import may not read every field the file holds. */
export async function ownImport(ctx: RequestContext, id: string): Promise<ImportRecord> {
  const found = await visibleImport(ctx, id);
  if (found.createdBy !== ctx.actor!.userId) throw actionForbidden(Action.CUSTOMER_CREATE);
  return found;
}

export async function previewImport(ctx: RequestContext, id: string, first: number): Promise<PreviewRow[]> {
  const found = await ownImport(ctx, id);
  const rows = await readRows(ctx.sql, found.id, 1, Math.min(Math.max(first, 1), 100));
  const out: PreviewRow[] = [];
  for (const row of rows) {
    const mapped = await mapRow(row.raw, found.mapping, ctx.config.PHONE_DEFAULT_REGION);
    out.push({ rowNo: row.rowNo, values: mapped.values, problems: mapped.problems });
  }
  return out;
}

async function startJob(ctx: RequestContext, id: string, kind: JobKind, dryRun: boolean) {
  return inTransaction(ctx, async (tx) => {
    const found = await visibleImport(tx, id, true);
    const allowed: Record<string, string[]> = {
      [JobKind.IMPORT_CUSTOMERS]: ['UPLOADED', 'CHECKED'],
      [JobKind.UNDO_CUSTOMER_IMPORT]: ['IMPORTED'],
    };
    const resumable = kind === JobKind.IMPORT_CUSTOMERS && !dryRun && found.state === 'IMPORTING' && found.jobId
      && ['CANCELLED', 'FAILED'].includes((await tx.sql.one<{ state: string }>(`select state from job where id = $1::bigint`, [found.jobId]))?.state ?? '');
    if (!allowed[kind]!.includes(found.state) && !resumable) throw importState(found.id, found.state, kind === JobKind.UNDO_CUSTOMER_IMPORT ? 'undo' : 'import');
    if (kind === JobKind.IMPORT_CUSTOMERS) {
      const problems = mappingProblems(found.mapping, found.headers.length);
      if (problems.length) throw invalidInput(problems.map((message) => ({ field: 'mapping', message })));
      refuseUnwritable(tx, found.mapping);
    }
    const job = await enqueueJob(tx, kind, { importId: found.id, dryRun }, { reason: `customer import ${found.id}` });
    if (kind === JobKind.UNDO_CUSTOMER_IMPORT) await updateImport(tx.sql, found.id, { undoJobId: job.id });
    else await updateImport(tx.sql, found.id, { jobId: job.id, ...(dryRun ? {} : { state: 'IMPORTING' as const }) });
    return { job, import: (await readImport(tx.sql, found.id))! };
  });
}

/** A dry run: every row checked, counts of what would happen, nothing written. */
export const checkImport = (ctx: RequestContext, id: string) => startJob(ctx, id, JobKind.IMPORT_CUSTOMERS, true);
export const runImport = (ctx: RequestContext, id: string) => startJob(ctx, id, JobKind.IMPORT_CUSTOMERS, false);
export const undoImport = (ctx: RequestContext, id: string) => startJob(ctx, id, JobKind.UNDO_CUSTOMER_IMPORT, false);

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The rows with problems, as a CSV file (UTF-8 with BOM, so Excel reads Chinese): row
 * number, field, reason, then the row's cells as they were in the file. */
export async function importErrorFile(ctx: RequestContext, id: string): Promise<string> {
  const found = await ownImport(ctx, id);
  const lines = [['row', 'field', 'reason', ...found.headers].map(csvCell).join(',')];
  for (let from = 1; ; ) {
    const rows = await readRows(ctx.sql, found.id, from, 2_000, 'r.errors is not null');
    if (rows.length === 0) break;
    for (const row of rows) {
      for (const problem of row.errors ?? []) {
        lines.push([String(row.rowNo), problem.field, problem.message, ...row.raw].map(csvCell).join(','));
      }
    }
    from = rows.at(-1)!.rowNo + 1;
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function isImportError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
