// Cost of the operation metrics and per-operation log lines: the same small query against
// three servers on one database, interleaved so machine noise hits all of them.
//   off:  no metrics, no logger
//   metrics: metrics on (counter + histogram per operation, HTTP histogram), no logger
//   metrics + logs: metrics on, pino at info writing to /dev/null (Fastify's request lines too)
// Usage: pnpm build && node bench/observability.mjs [--seconds 5] [--rounds 3]
import 'reflect-metadata';
import { BENCH_ENCRYPTION_KEY } from './keys.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '@custos/server/dist/config.js';
import { startEmbeddedPostgres } from '@custos/server/dist/db/embedded-postgres.js';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { createApp } from '@custos/server/dist/app/server.js';
import { TokenSigner } from '@custos/server/dist/core/tokens.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'));
fs.chmodSync(dataDir, 0o755);
const db = await startEmbeddedPostgres({ dataDir, database: 'bench', persistent: false });
const orm = await openOrm(db.url, 10);
const conn = orm.em.getConnection();
await conn.execute(`insert into app_user (email, display_name, role) values ('admin@example.com', 'Admin', 'ADMIN')`);
await conn.execute(`
  insert into customer (code, name, type, region, industry, tier, owner_id)
  select 'B' || g, 'Customer ' || g, 'SMB', 'CN-SH', 'Retail', 'STANDARD', 1 from generate_series(1, 1000) g`);
await conn.execute('analyze');

const base = { NODE_ENV: 'production', DATABASE_URL: db.url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, METRICS_TOKEN: 'm'.repeat(32), DB_POOL_MAX: '10' };
const devNull = fs.createWriteStream('/dev/null');
const servers = {};
for (const [name, env, options] of [
  ['off', { LOG_LEVEL: 'silent' }, { logger: false, metrics: false }],
  ['metrics', { LOG_LEVEL: 'silent' }, { logger: false }],
  ['metrics + logs', { LOG_LEVEL: 'info' }, { logStream: devNull }],
]) {
  const app = await createApp(loadConfig({ ...base, ...env }), orm, options);
  servers[name] = { app, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
}
const token = (await new TokenSigner(base.JWT_SECRET, 3600).sign({ userId: '1', tokenVersion: 1 })).token;
const QUERY = 'query Names { customers(first: 10) { nodes { id name region } } }';

async function run(name) {
  const result = await autocannon({
    url: `${servers[name].url}/graphql`,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
  if (result.non2xx) throw new Error(`${name}: ${result.non2xx} non-2xx responses`);
  return result.requests.average;
}

const names = Object.keys(servers);
for (const name of names) await run(name); // warm-up, not reported
const rows = [];
for (let round = 1; round <= rounds; round += 1) {
  // Rotate the order each round so no variant always runs first.
  const order = names.map((_, i) => names[(i + round) % names.length]);
  const rps = {};
  for (const name of order) rps[name] = await run(name);
  for (const name of names) rows.push({ round, variant: name, 'req/s': rps[name].toFixed(0), 'vs off': (rps[name] / rps.off).toFixed(2) });
}
console.log(`\n${QUERY}\n10 connections, ${seconds} s per run, ${os.cpus().length} cores`);
console.table(rows);
const scrape = await fetch(`${servers.metrics.url}/metrics`, { headers: { authorization: `Bearer ${base.METRICS_TOKEN}` } });
console.log(`/metrics scrape: ${scrape.status}, ${(await scrape.text()).length} bytes`);

for (const { app } of Object.values(servers)) await app.close();
await orm.close(true);
await db.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
