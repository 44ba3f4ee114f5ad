// Throughput of the customers query with guarded fields vs the same shape with unguarded
// fields, on one server in one run, interleaved so machine noise hits both.
// Usage: pnpm build && pnpm --filter @custos/bench guards [--seconds 8] [--rounds 2]
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '@custos/server/dist/config.js';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { createApp } from '@custos/server/dist/app/server.js';
import { BENCH_ENCRYPTION_KEY } from './keys.mjs';
import { openCluster } from './lib/cluster.mjs';
import { compareGuards } from './lib/guards.mjs';
import { JWT_SECRET, tokensFor } from './lib/servers.mjs';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '2' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

const cluster = await openCluster();
await cluster.create('bench');
const url = cluster.url('bench');
const orm = await openOrm(url, 10);
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

const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET, ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent', DB_POOL_MAX: '10' });
const app = await createApp(config, orm, { logger: false });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const tokens = await tokensFor(url, ['admin@example.com', 'support@example.com']);
const { rows } = await compareGuards({
  url: address,
  headers: { ADMIN: tokens['admin@example.com'], SUPPORT: tokens['support@example.com'] },
  seconds,
  rounds,
});
console.log(`\nCustomers query, 50 customers × 5 interactions, 10 connections, ${seconds} s per run, ${os.cpus().length} cores`);
console.table(rows);

await app.close();
await orm.close(true);
await cluster.stop();
