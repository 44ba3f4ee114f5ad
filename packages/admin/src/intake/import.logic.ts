/**
 * The customer import wizard's rules (issue 22), apart from its screens so the unit tests
 * run them under Node: the registered operations' types, the fields a column can fill, a
 * template applied by header, the mapping checks the server makes (shown before asking
 * it), which step an import is at, and what the upload's refusals mean.
 */
import type { CustomerImportRowsQuery, CustomerImportSetupQuery, CustomerImportStatusQuery } from '@custos/schema';

export type ImportStatus = NonNullable<CustomerImportStatusQuery['customerImport']>;
export type ImportColumn = ImportStatus['columns'][number];
export type ImportCounts = ImportStatus['counts'];
export type ImportProgress = NonNullable<ImportStatus['progress']>;
export type PreviewRow = NonNullable<CustomerImportRowsQuery['customerImport']>['preview'][number];
export type DuplicateRow = NonNullable<CustomerImportRowsQuery['customerImport']>['duplicateRows'][number];
export type ImportTemplate = CustomerImportSetupQuery['customerImportSetup']['templates'][number];
export type DuplicateAction = 'SKIP' | 'UPDATE' | 'CREATE' | 'QUEUE_MERGE';

/** The customer fields a column can fill (packages/server/src/modules/intake/import.mapping.ts). */
export const IMPORT_FIELDS = ['code', 'name', 'type', 'tier', 'industry', 'region', 'email', 'phone', 'address', 'taxId', 'tags', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const DUPLICATE_ACTIONS: DuplicateAction[] = ['SKIP', 'UPDATE', 'CREATE', 'QUEUE_MERGE'];

/** Index → field (null: not imported). */
export type Mapping = Record<number, string | null>;

export const mappingOf = (columns: readonly ImportColumn[]): Mapping => Object.fromEntries(columns.map((c) => [c.index, c.field ?? null]));

/** What configureCustomerImport takes: the mapped columns only. */
export const mappingInput = (mapping: Mapping) =>
  Object.entries(mapping)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([index, field]) => ({ index: Number(index), field }))
    .sort((a, b) => a.index - b.index);

/** Headers compared as the server compares them: case, spacing and punctuation aside. */
const headerKey = (header: string) => header.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：()（）*]+/gu, ' ').trim();

/**
 * A saved template laid over this file's columns by header (a template is made for one
 * header row; a file whose columns moved or gained one still gets the fields of the
 * headers it shares). Columns the template does not know keep their current field
 * unless the template gives it to another column.
 */
export function applyTemplate(columns: readonly ImportColumn[], current: Mapping, template: ImportTemplate): Mapping {
  const byHeader = new Map(template.columns.map((c) => [headerKey(c.header), c.field ?? null]));
  const next: Mapping = {};
  const taken = new Set<string>();
  for (const column of columns) {
    const key = headerKey(column.header);
    if (byHeader.has(key)) {
      next[column.index] = byHeader.get(key) ?? null;
      if (next[column.index]) taken.add(next[column.index]!);
    }
  }
  for (const column of columns) {
    if (column.index in next) continue;
    const field = current[column.index] ?? null;
    next[column.index] = field && !taken.has(field) ? field : null;
  }
  return next;
}

/** How many headers of the file a template knows (to offer the templates that fit first). */
export const templateFit = (columns: readonly ImportColumn[], template: ImportTemplate) => {
  const known = new Set(template.columns.map((c) => headerKey(c.header)));
  return columns.filter((c) => known.has(headerKey(c.header))).length;
};

export interface MappingProblem {
  /** custos.intake.mapping_problem.<key> */
  key: 'name_missing' | 'twice' | 'not_writable';
  field?: string;
}

/** The server's own checks of a mapping, made before asking it (it checks again). */
export function mappingProblems(mapping: Mapping, mayWrite: (field: string) => boolean): MappingProblem[] {
  const fields = Object.values(mapping).filter((f): f is string => !!f);
  const problems: MappingProblem[] = [];
  if (!fields.includes('name')) problems.push({ key: 'name_missing' });
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field) && !problems.some((p) => p.key === 'twice' && p.field === field)) problems.push({ key: 'twice', field });
    seen.add(field);
  }
  for (const field of new Set(fields)) if (!mayWrite(field)) problems.push({ key: 'not_writable', field });
  return problems;
}

export const isJobActive = (progress: { state: string } | null | undefined) => !!progress && (progress.state === 'QUEUED' || progress.state === 'RUNNING');

export type Step = 'mapping' | 'checked' | 'importing' | 'stopped' | 'imported' | 'undone';

/**
 * Where the wizard is: UPLOADED (mapping, preview, dry run), CHECKED (dry run counts,
 * duplicate rows, run), IMPORTING with its job running or stopped (cancelled or failed:
 * resume), IMPORTED (result, error file, undo), UNDONE.
 */
export function stepOf(status: Pick<ImportStatus, 'state' | 'progress'>): Step {
  switch (status.state) {
    case 'UPLOADED':
      return 'mapping';
    case 'CHECKED':
      return 'checked';
    case 'IMPORTING':
      return isJobActive(status.progress) ? 'importing' : 'stopped';
    case 'IMPORTED':
      return 'imported';
    default:
      return 'undone';
  }
}

/** The counts a wizard step shows: a dry run's only while the import is at its result. */
export const countsOf = (counts: ImportCounts) => ({
  created: counts.created ?? 0,
  updated: counts.updated ?? 0,
  skipped: counts.skipped ?? 0,
  queued: counts.queued ?? 0,
  errored: counts.errored ?? 0,
  duplicates: counts.duplicates ?? 0,
});

/** Why an upload was refused, as a catalogue key (the server's words stay on the server). */
export function uploadRefusal(status: number, code: string | undefined): string {
  if (status === 413) return 'custos.intake.upload.too_large';
  if (status === 401) return 'custos.intake.upload.signed_out';
  if (status === 403 || code === 'FORBIDDEN') return 'custos.refusals.reasons.ACTION_FORBIDDEN';
  if (status === 400) return 'custos.intake.upload.unreadable';
  return 'custos.intake.upload.failed';
}

/** Formats the server reads from the bytes: anything else is refused before uploading. */
export const ACCEPTED = /\.(csv|txt|tsv|xlsx)$/i;

/** Splits CSV text into rows of cells ("" for a quote, separators and line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The server's error file (`row,field,reason`, then the row's cells) in the reader's
 * language: its header words and each row's field and reason through the dashboard's
 * catalogue; the file's own cells as they were. UTF-8 with a BOM, so Excel reads Chinese.
 */
export function localizeErrorFile(
  csv: string,
  words: { row: string; field: string; reason: string },
  fieldName: (field: string) => string,
  reason: (message: string) => string,
): string {
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
  if (rows.length === 0) return '\uFEFF';
  const [header, ...lines] = rows;
  const out = [[words.row, words.field, words.reason, ...header!.slice(3)]];
  for (const line of lines) out.push([line[0] ?? '', fieldName(line[1] ?? ''), reason(line[2] ?? ''), ...line.slice(3)]);
  return `\uFEFF${out.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
