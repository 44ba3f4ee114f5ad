// Report latency at scale: customerStats, lifecycleActivity and archiveStats over the real
// GraphQL server, on 1M customers and a large audit log, as ADMIN (all rows) and SALES
// (own rows). Prints the median and worst of several runs per query.
// Usage: pnpm build && pnpm --filter @custos/bench reports [--customers 1000000] [--events 300000] [--runs 5]
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

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '1000000' }, events: { type: 'string', default: '300000' }, runs: { type: 'string', default: '5' } },
});
const customers = Number(values.customers);
const events = Number(values.events);
const runs = Number(values.runs);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-reports-'));
fs.chmodSync(dataDir, 0o755);
const db = await startEmbeddedPostgres({ dataDir, database: 'bench', persistent: false });
const orm = await openOrm(db.url, 10);
const conn = orm.em.getConnection();
const started = Date.now();
await conn.execute(`insert into app_user (email, display_name, role) select 'u' || g || '@example.com', 'User ' || g, case when g = 1 then 'ADMIN' else 'SALES' end from generate_series(1, 50) g`);
await conn.execute(`
  insert into customer (code, name, type, tier, region, industry, lifecycle_stage, status, void_reason, voided_at, owner_id, tags, created_at)
  select 'C' || g, 'Customer ' || g,
         (array['ENTERPRISE','SMB','INDIVIDUAL'])[1 + g % 3], (array['KEY_ACCOUNT','LONG_TERM','STANDARD'])[1 + g % 7 % 3],
         (array['CN-SH','CN-BJ','CN-GD','CN-ZJ','US-CA','HK-HK', null])[1 + g % 7], (array['Retail','Software','Manufacturing','Logistics','Finance'])[1 + g % 5],
         (array['NEW','ACTIVE','INACTIVE','CHURNED'])[1 + g % 4],
         case when g % 20 = 0 then 'VOID' else 'ACTIVE' end, case when g % 20 = 0 then 'DUPLICATE' end, case when g % 20 = 0 then now() end,
         2 + g % 49, case when g % 3 = 0 then array['vip'] when g % 3 = 1 then array['north', 'b2b'] else '{}' end,
         now() - (g % 2000) * interval '1 day'
    from generate_series(1, ${customers}) g`);
// Audit events spread over a year. audit_append stamps the current time, so the bench
// writes rows directly (their hash chain is not valid; nothing here verifies it).
await conn.execute(`
  insert into audit_event (seq, at, actor_id, actor_role, action, entity_type, entity_id, changes, prev_hash, hash)
  select g, now() - (g % 365) * interval '1 day', 1, 'ADMIN',
         (array['CUSTOMER_ARCHIVED','CUSTOMER_RESTORED','CUSTOMER_VOIDED','CUSTOMER_UNVOIDED','CUSTOMER_UPDATED','CUSTOMER_CREATED'])[1 + g % 6],
         'Customer', (1 + g % ${customers})::text, '{}', '\\x', sha256(g::text::bytea)
    from generate_series(1, ${events}) g`);
await conn.execute('vacuum analyze');
const seedSeconds = (Date.now() - started) / 1000;

const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: db.url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent' });
const app = await createApp(config, orm, { logger: false });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const signer = new TokenSigner(config.JWT_SECRET, 3600);
const tokens = { ADMIN: (await signer.sign({ userId: '1', tokenVersion: 1 })).token, SALES: (await signer.sign({ userId: '2', tokenVersion: 1 })).token };

const year = { from: new Date(Date.now() - 365 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
const queries = [
  ['customerStats by stage', '{ customerStats(groupBy: [LIFECYCLE_STAGE]) { keys count } }'],
  ['customerStats by region × industry', '{ customerStats(groupBy: [REGION, INDUSTRY]) { keys count } }'],
  ['customerStats by tag', '{ customerStats(groupBy: [TAG]) { keys count } }'],
  ['customerStats by owner, filtered', '{ customerStats(groupBy: [OWNER], filter: { region: ["CN-SH"], tier: [KEY_ACCOUNT] }) { keys count } }'],
  ['customerStats by status incl. void', '{ customerStats(groupBy: [STATUS, VOID_REASON], filter: { status: [ACTIVE, VOID] }) { keys count } }'],
  ['lifecycleActivity, a year by week', `{ lifecycleActivity(from: "${year.from}", to: "${year.to}", bucket: WEEK) { bucket archived voided } }`],
  ['lifecycleActivity, a year by day', `{ lifecycleActivity(from: "${year.from}", to: "${year.to}", bucket: DAY) { bucket archived voided } }`],
  ['archiveStats', '{ archiveStats { customers interactions byAge { age count } } }'],
];

async function time(query, role) {
  const t = process.hrtime.bigint();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[role]}` },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const rows = [];
for (const [name, query] of queries) {
  for (const role of ['ADMIN', 'SALES']) {
    await time(query, role); // warm-up
    const ms = [];
    for (let i = 0; i < runs; i += 1) ms.push(await time(query, role));
    ms.sort((a, b) => a - b);
    rows.push({ report: name, as: role, 'median ms': ms[Math.floor(ms.length / 2)].toFixed(1), 'max ms': ms.at(-1).toFixed(1) });
  }
}
console.log(`\nReports over GraphQL: ${customers.toLocaleString('en-US')} customers, ${events.toLocaleString('en-US')} audit events, ${runs} runs each, ${os.cpus().length} cores; seeding took ${seedSeconds.toFixed(0)} s`);
console.table(rows);

await app.close();
await orm.close(true);
await db.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
