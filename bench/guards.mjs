// Throughput of the customers query with guarded fields vs the same shape with
// unguarded fields, on one server in one run, interleaved so machine noise hits both.
// Usage: pnpm build && pnpm --filter @custos/bench guards [--seconds 8] [--rounds 2]
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
import { createApp } from '@custos/server/dist/http/app.js';
import { TokenSigner } from '@custos/server/dist/modules/identity/tokens.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '2' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'));
fs.chmodSync(dataDir, 0o755);
const db = await startEmbeddedPostgres({ dataDir, database: 'bench', persistent: false });
const orm = await openOrm(db.url, 10);
const conn = orm.em.getConnection();
await conn.execute(`insert into app_user (email, display_name, role) values ('admin@example.com', 'Admin', 'ADMIN'), ('support@example.com', 'Support', 'SUPPORT')`);
await conn.execute(`
  insert into customer (code, name, type, region, industry, tier, email, phone, address, notes, tax_id, owner_id)
  select 'B' || g, 'Customer ' || g, 'SMB', 'CN-SH', 'Retail', 'STANDARD', 'c' || g || '@example.com',
         '+86 138 ' || lpad(g::text, 8, '0'), 'Street ' || g, 'note ' || g, '91310000' || lpad(g::text, 10, '0'), 1
    from generate_series(1, 10000) g`);
await conn.execute(`
  insert into interaction (customer_id, kind, occurred_at, subject, body, amount, currency, owner_id)
  select c.id, 'ORDER', now() - g * interval '1 day', 'order ' || g, 'body ' || g, 100 + g, 'CNY', 1
    from customer c, generate_series(1, 5) g`);
await conn.execute('analyze');

const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: db.url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent', DB_POOL_MAX: '10' });
const app = await createApp(config, orm, { logger: false });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const signer = new TokenSigner(config.JWT_SECRET, 3600);
const token = async (id) => (await signer.sign({ userId: id, tokenVersion: 1 })).token;
const tokens = { ADMIN: await token('1'), SUPPORT: await token('2') };

const GUARDED = `{ customers(first: 50) { nodes { id name email phone address notes taxId interactions(first: 5) { nodes { subject body amount currency } } } } }`;
const UNGUARDED = `{ customers(first: 50) { nodes { id name code region industry tier interactions(first: 5) { nodes { subject kind occurredAt channel } } } } }`;
const variants = [
  { name: 'unguarded fields (ADMIN)', query: UNGUARDED, role: 'ADMIN' },
  { name: 'guarded fields, FULL + access log (ADMIN)', query: GUARDED, role: 'ADMIN' },
  { name: 'guarded fields, MASKED/NONE (SUPPORT)', query: GUARDED, role: 'SUPPORT' },
];

async function run(variant) {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[variant.role]}` },
    body: JSON.stringify({ query: variant.query }),
  });
  if (result.non2xx) throw new Error(`${variant.name}: ${result.non2xx} non-2xx responses`);
  return result.requests.average;
}

for (const v of variants) await run({ ...v }); // warm-up, not reported
const rows = [];
for (let round = 1; round <= rounds; round += 1) {
  const baseline = await run(variants[0]);
  rows.push({ round, variant: variants[0].name, 'req/s': baseline.toFixed(0), 'vs unguarded': '1.00' });
  for (const v of variants.slice(1)) {
    const rps = await run(v);
    rows.push({ round, variant: v.name, 'req/s': rps.toFixed(0), 'vs unguarded': (rps / baseline).toFixed(2) });
  }
}
console.log(`\nCustomers query, 50 customers × 5 interactions, 10 connections, ${seconds} s per run, ${os.cpus().length} cores`);
console.table(rows);

await app.close();
await orm.close(true);
await db.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
