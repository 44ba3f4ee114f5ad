import type { SqlExecutor } from '../../db/sql.js';
import type { ColumnMapping } from './import.mapping.js';
import type { RowProblem } from './import.rows.js';

/** SQL of the import tables (migration-2026120702-customer-import). */

export type DuplicateAction = 'SKIP' | 'UPDATE' | 'CREATE' | 'QUEUE_MERGE';
export type RowOutcome = 'CREATED' | 'UPDATED' | 'SKIPPED' | 'ERRORED' | 'QUEUED';
export type ImportState = 'UPLOADED' | 'CHECKED' | 'IMPORTING' | 'IMPORTED' | 'UNDONE';

export interface ImportCounts {
  rows?: number;
  created?: number;
  updated?: number;
  skipped?: number;
  errored?: number;
  queued?: number;
  /** Rows that matched an existing customer. */
  duplicates?: number;
  dryRun?: boolean;
  /** Undo: customers removed, voided (touched since), restored, and left as they were. */
  removed?: number;
  voided?: number;
  restored?: number;
  kept?: number;
}

export interface ImportRecord {
  id: string;
  fileName: string;
  format: 'CSV' | 'XLSX';
  encoding: string | null;
  headers: string[];
  mapping: ColumnMapping;
  templateId: string | null;
  duplicateAction: DuplicateAction;
  state: ImportState;
  rowCount: number;
  counts: ImportCounts;
  jobId: string | null;
  undoJobId: string | null;
  createdBy: string;
  createdAt: string;
}

const COLUMNS = `i.id::text as id, i.file_name as "fileName", i.format, i.encoding, i.headers, i.mapping,
  i.template_id::text as "templateId", i.duplicate_action as "duplicateAction", i.state, i.row_count as "rowCount", i.counts,
  i.job_id::text as "jobId", i.undo_job_id::text as "undoJobId", i.created_by::text as "createdBy", i.created_at as "createdAt"`;

export async function readImport(sql: SqlExecutor, id: string, lock = false): Promise<ImportRecord | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return sql.one<ImportRecord>(`select ${COLUMNS} from customer_import i where i.id = $1::bigint${lock ? ' for update' : ''}`, [id]);
}

export async function insertImport(
  sql: SqlExecutor,
  row: { fileName: string; format: string; encoding: string | null; headers: string[]; mapping: ColumnMapping; templateId: string | null; createdBy: string },
): Promise<string> {
  const inserted = await sql.one<{ id: string }>(
    `insert into customer_import (file_name, format, encoding, headers, mapping, template_id, created_by)
     values ($1, $2, $3, $4::text[], $5::jsonb, $6::bigint, $7::bigint) returning id::text as id`,
    [row.fileName, row.format, row.encoding, row.headers, JSON.stringify(row.mapping), row.templateId, row.createdBy],
  );
  return inserted!.id;
}

export async function insertRows(sql: SqlExecutor, importId: string, first: number, rows: string[][]): Promise<void> {
  await sql.query(
    `insert into customer_import_row (import_id, row_no, raw)
     select $1::bigint, $2::int + r.ord - 1, r.raw from jsonb_array_elements($3::jsonb) with ordinality as r(raw, ord)`,
    [importId, first, JSON.stringify(rows)],
  );
}

export interface StagedRow {
  rowNo: number;
  raw: string[];
  errors: RowProblem[] | null;
  matchIds: string[] | null;
  action: DuplicateAction | null;
  outcome: RowOutcome | null;
  customerId: string | null;
  beforeImage: Record<string, unknown> | null;
  versionAfter: number | null;
  undone: string | null;
  matchRows: number[] | null;
}

const ROW_COLUMNS = `r.row_no as "rowNo", r.raw, r.errors, r.match_ids::text[] as "matchIds", r.action, r.outcome,
  r.customer_id::text as "customerId", r.before_image as "beforeImage", r.version_after as "versionAfter", r.undone,
  r.match_rows as "matchRows"`;

export function readRows(sql: SqlExecutor, importId: string, from: number, limit: number, where = 'true'): Promise<StagedRow[]> {
  return sql.query<StagedRow>(
    `select ${ROW_COLUMNS} from customer_import_row r where r.import_id = $1::bigint and r.row_no >= $2 and ${where} order by r.row_no limit $3`,
    [importId, from, limit],
  );
}

export interface RowResult {
  rowNo: number;
  errors: RowProblem[] | null;
  matchIds: string[] | null;
  outcome: RowOutcome | null;
  customerId: string | null;
  beforeImage: Record<string, unknown> | null;
  versionAfter: number | null;
  /** For a row that (would) write a customer: its keys (customer_import_key), that
   * customer and its owner (migration-2026120722-import-match-keys). */
  matchKeys?: string[] | null;
  matchTarget?: string | null;
  matchOwner?: string | null;
  /** Dry run: earlier rows of the file it repeats whose customers do not exist yet. */
  matchRows?: number[] | null;
}

export async function saveRowResults(sql: SqlExecutor, importId: string, results: RowResult[]): Promise<void> {
  if (results.length === 0) return;
  await sql.query(
    `update customer_import_row r set errors = v.errors, match_ids = v.match_ids, outcome = v.outcome,
            customer_id = v.customer_id, before_image = v.before_image, version_after = v.version_after,
            match_target = v.match_target, match_owner = v.match_owner, match_rows = v.match_rows
       from jsonb_to_recordset($2::jsonb) as v("rowNo" int, errors jsonb, match_ids bigint[], outcome text, customer_id bigint, before_image jsonb, version_after int,
                                              match_target text, match_owner bigint, match_rows int[])
      where r.import_id = $1::bigint and r.row_no = v."rowNo"`,
    [
      importId,
      JSON.stringify(
        results.map((r) => ({
          rowNo: r.rowNo,
          errors: r.errors,
          match_ids: r.matchIds,
          outcome: r.outcome,
          customer_id: r.customerId,
          before_image: r.beforeImage,
          version_after: r.versionAfter,
          match_target: r.matchTarget ?? null,
          match_owner: r.matchOwner ?? null,
          match_rows: r.matchRows ?? null,
        })),
      ),
    ],
  );
  // The file's own index: this batch's rows' keys replace whatever an earlier run left.
  await sql.query(`delete from customer_import_key k where k.import_id = $1::bigint and k.row_no = any($2::int[])`, [importId, results.map((r) => r.rowNo)]);
  await sql.query(
    `insert into customer_import_key (import_id, key, row_no)
     select distinct $1::bigint, k.key, v."rowNo" from jsonb_to_recordset($2::jsonb) as v("rowNo" int, keys text[]) cross join unnest(v.keys) as k(key)`,
    [importId, JSON.stringify(results.filter((r) => r.matchKeys?.length).map((r) => ({ rowNo: r.rowNo, keys: r.matchKeys })))],
  );
}

export async function updateImport(sql: SqlExecutor, id: string, set: Partial<Pick<ImportRecord, 'state' | 'counts' | 'jobId' | 'undoJobId' | 'mapping' | 'duplicateAction' | 'templateId' | 'rowCount'>>): Promise<void> {
  const columns: Record<string, [string, string]> = {
    state: ['state', 'text'], counts: ['counts', 'jsonb'], jobId: ['job_id', 'bigint'], undoJobId: ['undo_job_id', 'bigint'],
    mapping: ['mapping', 'jsonb'], duplicateAction: ['duplicate_action', 'text'], templateId: ['template_id', 'bigint'], rowCount: ['row_count', 'int'],
  };
  const keys = Object.keys(set) as (keyof typeof set)[];
  if (keys.length === 0) return;
  const values = keys.map((k) => (columns[k]![1] === 'jsonb' ? JSON.stringify(set[k]) : set[k]));
  await sql.query(
    `update customer_import set ${keys.map((k, i) => `${columns[k]![0]} = $${i + 2}::${columns[k]![1]}`).join(', ')} where id = $1::bigint`,
    [id, ...values],
  );
}

/** An earlier row of the file that (would) write a customer, found by one of `keys`. */
export interface FileEntry {
  rowNo: number;
  keys: string[];
  target: string;
  owner: string | null;
}

/** The earlier rows (before `beforeRow`) that share a key with a batch, with the keys
 * they share: the file's own duplicate index (customer_import_key), read by index probes
 * rather than held in memory. */
export function readFileEntries(sql: SqlExecutor, importId: string, beforeRow: number, keys: readonly string[]): Promise<FileEntry[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return sql.query<FileEntry>(
    `select r.row_no as "rowNo", array_agg(k.key order by k.key) as keys, r.match_target as target, r.match_owner::text as owner
       from customer_import_key k join customer_import_row r on r.import_id = k.import_id and r.row_no = k.row_no
      where k.import_id = $1::bigint and k.key = any($3::text[]) and k.row_no < $2
      group by r.row_no, r.match_target, r.match_owner
      order by r.row_no`,
    [importId, beforeRow, [...new Set(keys)]],
  );
}

/** Which of `ids` this import created (a run compares its rows with them through the
 * file's own index, as its dry run does, not as customers found in the table). */
export async function createdByImport(sql: SqlExecutor, importId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>(
    `select r.customer_id::text as id from customer_import_row r
      where r.import_id = $1::bigint and r.customer_id = any($2::bigint[]) and r.outcome in ('CREATED', 'QUEUED')`,
    [importId, [...new Set(ids)]],
  );
  return new Set(rows.map((r) => r.id));
}
