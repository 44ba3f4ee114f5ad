import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { SpilledStrings } from './import.xlsx-strings.js';

/**
 * Reading an uploaded customer file row by row, never whole: CSV in UTF-8 (with or
 * without a BOM) or GB18030 (what Excel in Chinese Windows saves as "CSV"), and XLSX
 * through exceljs's streaming reader (first worksheet). Every cell comes out as trimmed
 * text; a row is an array of cells in column order. An XLSX file's shared strings are read
 * from disk (import.xlsx-strings.ts), so memory does not grow with the file.
 */

export type ImportFormat = 'CSV' | 'XLSX';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function detectFormat(fileName: string, head: Buffer): ImportFormat {
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || /\.xlsx$/i.test(fileName)) return 'XLSX';
  return 'CSV';
}

/** UTF-8 when every byte sequence is valid UTF-8 (a BOM says so too), GB18030 otherwise:
 * GB18030 text is almost never valid UTF-8, while ASCII is both. */
export function detectEncoding(sample: Buffer): 'utf-8' | 'gb18030' {
  if (sample.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return 'utf-8';
  // A sample may end inside a character: ignore an incomplete sequence at its end.
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** RFC 4180 fields from decoded text chunks: quoted fields may hold commas, quotes ("")
 * and line breaks. The delimiter is the header line's most frequent of , ; and tab. */
export async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let delimiter: string | null = null;
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
    }
    if (delimiter === null) {
      const line = chunk.split(/\r?\n/, 1)[0] ?? '';
      const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const).sort((a, b) => b[1] - a[1]);
      delimiter = counts[0]![1] > 1 ? counts[0]![0] : ',';
    }
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (quoted) {
        if (ch === '"') {
          if (chunk[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else field += ch;
        continue;
      }
      if (ch === '"' && field === '' && !afterQuote) {
        quoted = true;
      } else if (ch === delimiter) {
        row.push(field);
        field = '';
        afterQuote = false;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && chunk[i + 1] === '\n') i++;
        row.push(field);
        field = '';
        afterQuote = false;
        if (row.some((c) => c.trim() !== '')) yield row.map((c) => c.trim());
        row = [];
      } else if (!afterQuote) {
        field += ch;
      }
    }
  }
  row.push(field);
  if (row.some((c) => c.trim() !== '')) yield row.map((c) => c.trim());
}

async function* decoded(stream: Readable, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

type CellValue = unknown;

/** A cell as text: rich text joined, hyperlinks by their text, formulas by their result,
 * dates as ISO dates, numbers as written (phone numbers stored as numbers stay whole). */
function cellText(value: CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(Math.round(value)).toString() : String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    if (v.error) return '';
  }
  return String(value).trim();
}

/** A shared string as text: rich text runs joined, an empty entry empty. */
function sharedText(text: unknown): string {
  if (text == null) return '';
  if (typeof text === 'object' && 'richText' in text) return ((text as { richText: { text: string | null }[] }).richText ?? []).map((r) => r.text ?? '').join('');
  return String(text);
}

/** The parts of exceljs 4.4's streaming reader this file relies on (it is pinned). */
interface ReaderInternals {
  sharedStrings?: unknown;
  _parseSharedStrings(entry: unknown): AsyncGenerator<{ index: number; text: unknown }>;
}

async function* xlsxRows(file: string): AsyncGenerator<string[]> {
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
    sharedStrings: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  } as never);
  // The shared strings table goes to disk (import.xlsx-strings.ts), not into exceljs's
  // in-memory cache. The reader streams a worksheet only once `sharedStrings` is set
  // (a worksheet before the table in the zip, as Excel writes them, is spooled to a temp
  // file by exceljs and read after it), so it is set when the table has been read, to a
  // view that resolves a cell's index on disk.
  const strings = new SpilledStrings();
  const internals = reader as unknown as ReaderInternals;
  const parseStrings = internals._parseSharedStrings.bind(reader);
  internals._parseSharedStrings = async function* (entry: unknown) {
    for await (const shared of parseStrings(entry)) strings.add(sharedText(shared.text));
    strings.flush();
    internals.sharedStrings = new Proxy([], {
      get: (target, key) => {
        const index = typeof key === 'string' ? Number(key) : Number.NaN;
        return Number.isInteger(index) ? strings.get(index) : Reflect.get(target, key);
      },
    });
  };
  try {
    let first = true;
    for await (const sheet of reader) {
      if (!first) {
        // The first worksheet only. The loop still runs to its end: exceljs deletes a
        // worksheet it spooled to a temporary file (one before the strings table, as Excel
        // orders them) only when its iteration moves past it, so leaving early left a copy
        // of the sheet in the temporary directory per upload. Later sheets are not read;
        // a spooled one's open file is closed.
        (sheet as { iterator?: { destroy?: () => void } }).iterator?.destroy?.();
        continue;
      }
      first = false;
      for await (const row of sheet as AsyncIterable<{ values: CellValue[] }>) {
        const values = (row.values as CellValue[]).slice(1).map(cellText);
        if (values.some((c) => c !== '')) yield values;
      }
    }
  } finally {
    strings.close();
  }
}

export interface OpenedFile {
  format: ImportFormat;
  encoding: string | null;
  rows: AsyncGenerator<string[]>;
}

/** Opens a stored upload for reading, row by row. */
export async function openImportFile(file: string, fileName: string): Promise<OpenedFile> {
  const handle = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(64 * 1024);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  await handle.close();
  const sample = head.subarray(0, bytesRead);
  const format = detectFormat(fileName, sample);
  if (format === 'XLSX') return { format, encoding: null, rows: xlsxRows(file) };
  const encoding = detectEncoding(sample);
  return { format, encoding, rows: csvRows(decoded(fs.createReadStream(file, { highWaterMark: 64 * 1024 }), encoding)) };
}
