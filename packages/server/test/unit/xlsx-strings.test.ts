import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openImportFile } from '../../src/modules/intake/import.parse.js';
import { SpilledStrings } from '../../src/modules/intake/import.xlsx-strings.js';
import { until } from '../helpers/until.js';

/** The XLSX shared strings table kept on disk (import.xlsx-strings.ts). */
describe('SpilledStrings', () => {
  it('gives back every string in the order added, across blocks, in any order of reading', () => {
    const strings = new SpilledStrings();
    try {
      // Long enough to cross the 64 kB blocks and the write buffer many times; some longer than a block.
      const added = Array.from({ length: 30_000 }, (_, i) => (i % 997 === 0 ? `长${'x'.repeat(70_000)}${i}` : i % 5 === 0 ? '' : `客户 ${i} Trading Ltd ✓`));
      for (const text of added) strings.add(text);
      strings.flush();
      expect(strings.size).toBe(added.length);
      const order = [...added.keys()].sort((a, b) => ((a * 7919) % 30_011) - ((b * 7919) % 30_011));
      for (const i of order) expect(strings.get(i)).toBe(added[i]);
      for (let i = added.length - 1; i >= 0; i -= 3) expect(strings.get(i)).toBe(added[i]);
      expect(strings.get(added.length)).toBeUndefined();
      expect(strings.get(-1)).toBeUndefined();
    } finally {
      strings.close();
    }
  });

  it('leaves nothing in the temporary directory after reading a workbook ordered as Excel writes it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-xlsx-test-'));
    const spool = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-xlsx-spool-'));
    const tmpdir = process.env.TMPDIR;
    try {
      const file = path.join(dir, 'ordered.xlsx');
      // The streaming writer puts the worksheet before the shared strings table, as Excel does.
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
      for (const name of ['客户', 'Other']) {
        const sheet = workbook.addWorksheet(name);
        for (let i = 0; i < 500; i++) sheet.addRow([`${name} ${i}`, 'CN-SH']).commit();
        sheet.commit();
      }
      await workbook.commit();
      // Temporary files of this process go to a directory of the test's own (os.tmpdir reads TMPDIR).
      process.env.TMPDIR = spool;
      const opened = await openImportFile(file, 'ordered.xlsx');
      const rows: string[][] = [];
      for await (const row of opened.rows) rows.push(row);
      expect(rows).toHaveLength(500);
      expect(rows[499]).toEqual(['客户 499', 'CN-SH']);
      // exceljs deletes its spooled copy asynchronously once the iteration has moved past it.
      await until(async () => fs.readdirSync(spool).length === 0, "the spooled worksheet removed from the test's temporary directory");
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(spool, { recursive: true, force: true });
    }
  });

  it('reads a workbook whose text cells are shared strings, rich text included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-xlsx-test-'));
    try {
      const file = path.join(dir, 'shared.xlsx');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('客户');
      sheet.addRow(['客户名称', 'Phone', 'Region']);
      for (let i = 0; i < 3_000; i++) sheet.addRow([`公司 ${i}`, `+86139${10_000_000 + i}`, ['CN-SH', 'CN-BJ'][i % 2]]);
      sheet.getCell('A2').value = { richText: [{ text: '上海' }, { font: { bold: true }, text: '越越' }, { text: ' Ltd' }] };
      await workbook.xlsx.writeFile(file);
      const opened = await openImportFile(file, 'shared.xlsx');
      const rows: string[][] = [];
      for await (const row of opened.rows) rows.push(row);
      expect(rows).toHaveLength(3_001);
      expect(rows[0]).toEqual(['客户名称', 'Phone', 'Region']);
      expect(rows[1]).toEqual(['上海越越 Ltd', '+8613910000000', 'CN-SH']);
      expect(rows[3_000]).toEqual(['公司 2999', '+8613910002999', 'CN-BJ']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
