import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** Where export rows go: written in order, with backpressure, never held whole in memory. */
export interface RowSink {
  contentType: string;
  extension: string;
  header(cells: string[]): Promise<void>;
  row(cells: (string | null)[]): Promise<void>;
  end(): Promise<void>;
}

function write(stream: Writable, text: string): Promise<void> {
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve));
}

/** Cells Excel would evaluate as formulas get a leading apostrophe (CSV injection);
 * signed numbers and phone numbers such as +8613812345678 (also masked, +86138****5678)
 * are not formulas and stay as they are. */
const FORMULA = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-][\d\s().*-]*$/;

export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA.test(value) && !SIGNED_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvSink(stream: Writable): RowSink {
  let buffer = '';
  const flush = async (force = false) => {
    if (buffer.length >= 64 * 1024 || (force && buffer)) {
      const out = buffer;
      buffer = '';
      await write(stream, out);
    }
  };
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    async header(cells) {
      // The byte-order mark makes Excel read the file as UTF-8 (Chinese text).
      buffer += `\uFEFF${cells.map(csvCell).join(',')}\r\n`;
      await flush();
    },
    async row(cells) {
      buffer += `${cells.map(csvCell).join(',')}\r\n`;
      await flush();
    },
    async end() {
      await flush(true);
      await new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}

/** Excel holds at most 1,048,576 rows per sheet; larger exports continue on another sheet. */
export const EXCEL_DATA_ROWS_PER_SHEET = 1_048_575;

/**
 * exceljs is loaded by the first Excel export, not by every server start (it was a fifth
 * of the start's import time: docs/developers/decisions.md). The workbook is made at the
 * header, after the caller has written the HTTP head: a workbook writes to its stream as
 * soon as it exists.
 */
export function xlsxSink(stream: Writable, sheetName: string, numeric: boolean[], rowsPerSheet = EXCEL_DATA_ROWS_PER_SHEET): RowSink {
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  let header: string[] = [];
  let sheet: ExcelJS.Worksheet | undefined;
  let sheets = 0;
  let inSheet = 0;
  let rows = 0;
  const openSheet = () => {
    sheet?.commit();
    sheets += 1;
    sheet = workbook!.addWorksheet(sheets === 1 ? sheetName : `${sheetName} (${sheets})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    const row = sheet.addRow(header);
    row.font = { bold: true };
    row.commit();
    inSheet = 0;
  };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    async header(cells) {
      const { default: Excel } = await import('exceljs');
      workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
      header = cells;
      openSheet();
    },
    async row(cells) {
      if (inSheet >= rowsPerSheet) openSheet();
      sheet!.addRow(cells.map((cell, i) => (numeric[i] && cell !== null && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell))).commit();
      inSheet += 1;
      // exceljs queues into the zip stream; yield now and then so the socket drains.
      if (++rows % 1000 === 0 && stream.writableNeedDrain) await new Promise((resolve) => stream.once('drain', resolve));
    },
    async end() {
      sheet?.commit();
      await workbook!.commit();
    },
  };
}
