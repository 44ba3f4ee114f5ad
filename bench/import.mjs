// Customer import at scale (issue 22): a generated CSV and XLSX file of N rows each goes
// through staging (stageUpload: the file read row by row into customer_import_row), the
// dry run (checkCustomerImport) and the import job (IMPORT_CUSTOMERS: batches of 1,000 rows
// planned and written set-based), run in this process as a worker would, on a fresh
// database per file. Prints rows/s per phase and this process's peak RSS, sampled every
// 25 ms during each phase, against its RSS before the phase: memory must not grow with the
// file, so compare a small file with a large one of the same format in the same run.
// A fifth of the rows repeat an earlier row's phone in another format (duplicates of an
// earlier row of the same file, which the default SKIP action skips), one in fifty has a
// bad email (an error row); the dry run's counts must equal the run's.
// Usage: pnpm build && node --expose-gc bench/import.mjs [--rows 20000,100000] [--formats csv,xlsx] [--stage-only] [--no-check] [--names shared-word|distinct] [--xlsx-strings shared|inline] [--live]
// (--stage-only: staging alone; --no-check: no dry run; --xlsx-strings: text cells in a shared
// strings table, as Excel writes them (the default), or inline; --live: also the peak heap in
// use after a full collection once a second, which RSS hides under uncollected garbage. A build of an older commit runs the
// same script for a baseline: its import job then wrote row by row.)
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_ENCRYPTION_KEY } from './keys.mjs';
import { loadConfig } from '@custos/server/dist/config.js';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { createRequestContext } from '@custos/server/dist/core/context.js';
import { TokenSigner } from '@custos/server/dist/core/tokens.js';
import { runJobInForeground } from '@custos/server/dist/app/jobs.js';
import { checkImport, runImport, stageUpload } from '@custos/server/dist/modules/intake/import.service.js';
import { openCluster } from './lib/cluster.mjs';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000,100000' }, formats: { type: 'string', default: 'csv,xlsx' }, 'stage-only': { type: 'boolean', default: false }, 'no-check': { type: 'boolean', default: false }, names: { type: 'string', default: 'shared-word' }, 'xlsx-strings': { type: 'string', default: 'shared' }, live: { type: 'boolean', default: false }, 'write-file': { type: 'string' } } });
const sizes = values.rows.split(',').map(Number);
const formats = values.formats.split(',');
const say = (m) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const ExcelJS = createRequire(new URL('../packages/server/package.json', import.meta.url))('exceljs');

const HEADERS = ['客户名称', 'Phone', 'Email', 'Region', 'Notes'];
function row(i) {
  const phone = i % 5 === 4 ? `0086 139 ${String(10_000_000 + i - 3).slice(0, 4)} ${String(10_000_000 + i - 3).slice(4)}` : `+86139${String(10_000_000 + i)}`;
  const email = i % 50 === 7 ? `broken-${i}@` : `row${i}@import.example`;
  // Names that share no more than a word, so only the planted phones make duplicates.
  // --names distinct: not even that word. Every name then shares trigrams with few others,
  // where " Trading" puts all of them in the same trigram index entries, which each
  // similar-name lookup reads in full (its cost grows with the customers already in).
  const hex = crypto.createHash('sha1').update(String(i)).digest('hex').slice(0, 12);
  const name = values.names === 'distinct' ? hex : `${hex} Trading Ltd`;
  return [name, phone, email, ['CN-SH', 'CN-BJ', 'CN-GD', 'US-CA'][i % 4], `bench row ${i}`];
}

async function writeFile(dir, format, rows) {
  const file = path.join(dir, `customers-${rows}.${format}`);
  if (format === 'csv') {
    const out = fs.createWriteStream(file);
    out.write(`${HEADERS.join(',')}\n`);
    for (let i = 0; i < rows; i++) {
      if (!out.write(`${row(i).join(',')}\n`)) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r) => out.end(r));
  } else {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: values['xlsx-strings'] === 'shared' });
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(HEADERS).commit();
    for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
    await workbook.commit();
  }
  return file;
}

// The files are written by a child process: exceljs's writer keeps its own table of the
// strings, which would sit in this process's memory while the reading is measured.
if (values['write-file']) {
  const [format, rows, dir] = values['write-file'].split(':');
  await writeFile(dir, format, Number(rows));
  process.exit(0);
}
const writeFileApart = (dir, format, rows) => {
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--write-file', `${format}:${rows}:${dir}`, '--names', values.names, '--xlsx-strings', values['xlsx-strings']], { stdio: 'inherit' });
  return path.join(dir, `customers-${rows}.${format}`);
};

/** Runs `work` while sampling RSS; the peak above the RSS just before it started. */
async function sampled(work) {
  // Twice, a turn apart: buffers the file's writer left are freed by the second.
  global.gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  // --live: the heap still in use (after a full collection, once a second), which unlike
  // RSS does not include garbage the collector has not come to yet.
  const heap = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
  const liveBefore = heap();
  let live = liveBefore;
  const liveTimer = values.live && global.gc ? setInterval(() => {
    global.gc();
    live = Math.max(live, heap());
  }, 1000) : null;
  const started = process.hrtime.bigint();
  try {
    const out = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { out, seconds: Number(process.hrtime.bigint() - started) / 1e9, before, peak, live: live - liveBefore };
  } finally {
    clearInterval(timer);
    if (liveTimer) clearInterval(liveTimer);
  }
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const cluster = await openCluster();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-import-bench-'));
const results = [];
try {
  for (const format of formats) {
    for (const rows of sizes) {
      const name = `import_${format}_${rows}`;
      if (await cluster.exists(name)) await cluster.drop(name);
      await cluster.create(name);
      const url = cluster.url(name);
      const orm = await openOrm(url, 4);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows: [admin] } = await client.query(`insert into app_user (email, display_name, role) values ('bench@example.com', 'Bench', 'ADMIN') returning id::text as id, email`);
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent', IMPORT_MAX_ROWS: String(Math.max(rows, 10_000)) });
      const ctx = () => {
        const c = createRequestContext(orm, config, new TokenSigner(config.JWT_SECRET, 600), 'bench');
        c.actor = { userId: admin.id, role: 'ADMIN', email: admin.email };
        return c;
      };
      say(`${format} ${rows} rows: writing the file`);
      const file = writeFileApart(dir, format, rows);
      const bytes = fs.statSync(file).size;
      say(`${format} ${rows} rows (${mb(bytes)} MB): staging`);
      const stage = await sampled(() => stageUpload(ctx(), path.basename(file), file));
      const skipCheck = values['stage-only'] || values['no-check'];
      say(`${format} ${rows} rows: dry run`);
      const check = skipCheck ? null : await sampled(async () => {
        const { job } = await checkImport(ctx(), stage.out.id);
        return runJobInForeground(orm, config, job, 'rows', () => undefined);
      });
      say(`${format} ${rows} rows: importing`);
      const run = values['stage-only'] ? { out: null, seconds: NaN, before: 0, peak: 0 } : await sampled(async () => {
        const { job } = await runImport(ctx(), stage.out.id);
        return runJobInForeground(orm, config, job, 'rows', () => undefined);
      });
      const counts = run.out?.result ?? {};
      results.push({
        file: `${format.toUpperCase()} ${rows.toLocaleString('en')} rows (${mb(bytes)} MB)`,
        'stage rows/s': Math.round(rows / stage.seconds),
        'stage peak RSS MB (+ over start)': `${mb(stage.peak)} (+${mb(stage.peak - stage.before)})`,
        ...(values.live ? { 'stage peak live heap MB (+ over start)': `+${mb(stage.live)}` } : {}),
        ...(check
          ? {
              'dry run rows/s': Math.round(rows / check.seconds),
              'dry run peak RSS MB (+ over start)': `${mb(check.peak)} (+${mb(check.peak - check.before)})`,
              names: values.names,
              'dry run = run': ['created', 'updated', 'skipped', 'errored', 'queued', 'duplicates'].every((k) => check.out.result?.[k] === run.out?.result?.[k]) ? 'yes' : 'NO',
            }
          : {}),
        ...(run.out
          ? {
              'import rows/s': Math.round(rows / run.seconds),
              'import peak RSS MB (+ over start)': `${mb(run.peak)} (+${mb(run.peak - run.before)})`,
              'created / skipped / errored': `${counts.created} / ${counts.skipped} / ${counts.errored}`,
              state: run.out.state,
            }
          : {}),
      });
      console.table([results.at(-1)]);
      await client.end();
      await orm.close(true);
      await cluster.drop(name);
      fs.rmSync(file);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await cluster.stop();
}
console.log(`\nCustomer import, one fresh database per file; ${os.cpus().length} cores, shared noisy machine (load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}); RSS of this process (the worker), sampled every 25 ms`);
console.table(results);
