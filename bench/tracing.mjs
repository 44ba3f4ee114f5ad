// Cost of tracing: the same small query against one server, in three tracing modes taken
// in turn (tracing is process-wide), interleaved over rounds so machine noise hits all.
//   none:     tracing never registered (the server before tracing existed)
//   ids only: startTracing without an exporter, the default (trace context, ids in logs)
//   spans:    spans recorded (HTTP, GraphQL, every SQL statement) and batch-exported to
//             an exporter that drops them (the cost of recording, not of the network)
// Besides req/s it prints the process's CPU time per request (server and autocannon),
// which waiting for a core on a busy machine does not inflate.
// Usage: pnpm build && node bench/tracing.mjs [--seconds 5] [--rounds 3]
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
import { startTracing } from '@custos/server/dist/telemetry/tracing.js';

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

const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: db.url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent', DB_POOL_MAX: '10' });
const app = await createApp(config, orm, { logger: false, metrics: false });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const token = (await new TokenSigner(config.JWT_SECRET, 3600).sign({ userId: '1', tokenVersion: 1 })).token;
const QUERY = 'query Names { customers(first: 10) { nodes { id name region } } }';

let exported = 0;
const dropping = {
  export(spans, done) {
    exported += spans.length;
    done({ code: 0 });
  },
  shutdown: async () => undefined,
  forceFlush: async () => undefined,
};
const MODES = {
  none: () => undefined,
  'ids only': () => startTracing(config),
  spans: () => startTracing(config, { exporter: dropping }),
};

async function run(mode) {
  const tracing = MODES[mode]();
  const cpu = process.cpuUsage();
  try {
    const result = await autocannon({
      url: `${url}/graphql`,
      method: 'POST',
      connections: 10,
      duration: seconds,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      body: JSON.stringify({ query: QUERY }),
    });
    if (result.non2xx) throw new Error(`${mode}: ${result.non2xx} non-2xx responses`);
    const used = process.cpuUsage(cpu);
    // CPU of this process (server and load generator) per request: steadier than req/s
    // on a busy machine, since time waiting for a core is not counted.
    return { rps: result.requests.average, cpuUs: (used.user + used.system) / result.requests.total };
  } finally {
    await tracing?.shutdown();
  }
}

const names = Object.keys(MODES);
for (const name of names) await run(name); // warm-up, not reported
const rows = [];
for (let round = 1; round <= rounds; round += 1) {
  const order = names.map((_, i) => names[(i + round) % names.length]);
  const rps = {};
  for (const name of order) rps[name] = await run(name);
  for (const name of names) {
    const { rps: r, cpuUs } = rps[name];
    rows.push({ round, mode: name, 'req/s': r.toFixed(0), 'vs none': (r / rps.none.rps).toFixed(2), 'CPU µs/req': cpuUs.toFixed(0), 'CPU vs none': (cpuUs / rps.none.cpuUs).toFixed(2) });
  }
}
console.log(`\n${QUERY}\n10 connections, ${seconds} s per run, ${os.cpus().length} cores, sampled traceparent on every request`);
console.table(rows);
console.log(`spans exported (and dropped) in the 'spans' runs: ${exported}`);

await app.close();
await orm.close(true);
await db.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
