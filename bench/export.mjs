// Memory and speed of streamed exports: 1M customers downloaded as CSV and as XLSX over
// HTTP from the real server, as ADMIN (every field) and REPORTING (masked). The server
// runs in this process; its memory (RSS, and JS heap + buffers) is sampled every 50 ms
// during each download and reported next to the same figures just before it.
// Usage: pnpm build && pnpm --filter @custos/bench export [--customers 1000000]
import 'reflect-metadata';
import { BENCH_ENCRYPTION_KEY } from './keys.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@custos/server/dist/config.js';
import { startEmbeddedPostgres } from '@custos/server/dist/db/embedded-postgres.js';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { createApp } from '@custos/server/dist/app/server.js';
import { TokenSigner } from '@custos/server/dist/core/tokens.js';

const { values } = parseArgs({ options: { customers: { type: 'string', default: '1000000' } } });
const customers = Number(values.customers);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-export-'));
fs.chmodSync(dataDir, 0o755);
const db = await startEmbeddedPostgres({ dataDir, database: 'bench', persistent: false });
const orm = await openOrm(db.url, 10);
const conn = orm.em.getConnection();
await conn.execute(`insert into app_user (email, display_name, role) values ('admin@example.com', 'Admin', 'ADMIN'), ('reporting@example.com', 'Reporting', 'REPORTING')`);
await conn.execute(`
  insert into customer (code, name, type, region, industry, email, phone, address, notes, tax_id, tags, owner_id)
  select 'E' || g, '客户 Customer ' || g, 'SMB', 'CN-SH', 'Retail', 'c' || g || '@example.com', '+8613800' || lpad((g % 1000000)::text, 6, '0'),
         '上海市 Street ' || g, 'note ' || g, '9131' || lpad(g::text, 14, '0'), array['vip', 'north'], 1
    from generate_series(1, ${customers}) g`);
await conn.execute('vacuum analyze');

const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: db.url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent' });
const app = await createApp(config, orm, { logger: false });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const signer = new TokenSigner(config.JWT_SECRET, 3600);
const tokens = { ADMIN: (await signer.sign({ userId: '1', tokenVersion: 1 })).token, REPORTING: (await signer.sign({ userId: '2', tokenVersion: 1 })).token };

async function exportOnce(role, format) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[role]}` },
    body: JSON.stringify({ query: `mutation { createExport(input: { resource: CUSTOMERS, format: ${format} }) { url rowCount } }` }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  global.gc?.();
  // RSS rarely shrinks once the heap has grown, so the JavaScript heap plus buffers is the
  // figure that shows whether memory grows with the size of the export.
  const live = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = process.memoryUsage().rss;
  const liveBefore = live();
  let peak = before;
  let livePeak = liveBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    livePeak = Math.max(livePeak, live());
  }, 50);
  const started = process.hrtime.bigint();
  const download = await fetch(`${url}${body.data.createExport.url}`);
  let bytes = 0;
  // Read the body as a client would, without keeping it: only the server's memory counts.
  for await (const chunk of download.body) bytes += chunk.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  return {
    format,
    as: role,
    rows: body.data.createExport.rowCount,
    'MB out': (bytes / 1e6).toFixed(1),
    seconds: seconds.toFixed(1),
    'rows/s': Math.round(body.data.createExport.rowCount / seconds).toLocaleString('en-US'),
    'RSS before MB': (before / 1e6).toFixed(0),
    'RSS peak MB': (peak / 1e6).toFixed(0),
    'heap+buffers before MB': (liveBefore / 1e6).toFixed(0),
    'heap+buffers peak MB': (livePeak / 1e6).toFixed(0),
  };
}

const rows = [];
for (const [role, format] of [['ADMIN', 'CSV'], ['REPORTING', 'CSV'], ['ADMIN', 'XLSX']]) rows.push(await exportOnce(role, format));
console.log(`\nStreamed exports of ${customers.toLocaleString('en-US')} customers over HTTP, server in this process, ${os.cpus().length} cores`);
console.table(rows);

await app.close();
await orm.close(true);
await db.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
