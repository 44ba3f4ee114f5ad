// Archive throughput: an archive policy run (the real job: id-range batches, checksums,
// audit events, checkpoints) next to a raw single-statement move of an identical data
// set, on one embedded PostgreSQL in one run, so machine noise hits both.
// Usage: pnpm build && pnpm --filter @custos/bench archive [--customers 100000] [--per 10] [--batch 1000]
import 'reflect-metadata';
import { BENCH_ENCRYPTION_KEY } from './keys.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@custos/server/dist/config.js';
import { startEmbeddedPostgres } from '@custos/server/dist/db/embedded-postgres.js';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { runPolicyInForeground } from '@custos/server/dist/modules/job/job.cli.js';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, per: { type: 'string', default: '10' }, batch: { type: 'string', default: '1000' } },
});
const customers = Number(values.customers);
const per = Number(values.per);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-archive-'));
fs.chmodSync(dataDir, 0o755);
const db = await startEmbeddedPostgres({ dataDir, database: 'bench', persistent: false });
const orm = await openOrm(db.url, 4);
const conn = orm.em.getConnection();
const seconds = async (work) => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

// Two identical sets, told apart by one tag: `job` for the policy run, `raw` for the baseline.
const seedTime = await seconds(async () => {
  for (const tag of ['job', 'raw']) {
    await conn.execute(`
      insert into customer (code, name, type, region, industry, tier, email, phone, address, notes, tax_id, tags, created_at)
      select '${tag}-' || g, '客户 Customer ' || g, 'SMB', 'CN-SH', 'Retail', 'STANDARD', 'c' || g || '@example.com',
             '+8613800' || lpad(g::text, 6, '0'), '上海市 Street ' || g, 'note ' || g, '9131' || lpad(g::text, 14, '0'),
             array['${tag}'], now() - interval '3 years'
        from generate_series(1, ${customers}) g`);
    await conn.execute(`
      insert into interaction (customer_id, kind, occurred_at, subject, body, amount, currency)
      select c.id, 'ORDER', now() - interval '3 years' - g * interval '1 hour', 'order ' || g, '订单 body ' || g, 100.25 + g, 'CNY'
        from customer c, generate_series(1, ${per}) g where c.tags @> array['${tag}']`);
  }
  await conn.execute('vacuum analyze');
});

const config = loadConfig({
  NODE_ENV: 'production', DATABASE_URL: db.url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent', ARCHIVE_BATCH_SIZE: values.batch,
});
const [policy] = await conn.execute(
  `insert into archive_policy (name, action, criteria) values ('bench', 'ARCHIVE_CUSTOMERS', '{"tags":["job"]}') returning id::text as id`,
);

const jobTime = await seconds(() => runPolicyInForeground(orm, config, policy.id, () => {}));
const [jobCheck] = await conn.execute(
  `select (select count(*) from archive.customer where tags @> array['job'])::int as customers,
          (select count(*) from archive.interaction ai join archive.customer c on c.id = ai.customer_id where c.tags @> array['job'])::int as interactions`,
);

// The baseline: the same rows moved by two bare statements in one transaction, into plain
// copies of the hot tables (no checksums, no archive metadata, no audit, no batches).
await conn.execute(`create table bench_customer (like customer); create table bench_interaction (like interaction)`);
const rawTime = await seconds(() =>
  orm.em.fork().transactional(async (em) => {
    const c = em.getConnection();
    await c.execute(`select set_config('custos.moving', 'on', true)`);
    await c.execute(`with moved as (delete from interaction i using customer c where c.id = i.customer_id and c.tags @> array['raw'] returning i.*)
                     insert into bench_interaction select * from moved`);
    await c.execute(`with moved as (delete from customer where tags @> array['raw'] returning *) insert into bench_customer select * from moved`);
  }),
);
const [rawCheck] = await conn.execute(`select (select count(*) from bench_customer)::int as customers, (select count(*) from bench_interaction)::int as interactions`);

const rows = customers * (1 + per);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`\nArchive ${fmt(customers)} customers with ${fmt(customers * per)} interactions; batch ${values.batch}; ${os.cpus().length} cores; seeding took ${seedTime.toFixed(1)} s`);
console.table([
  { move: 'archive policy job (batches, checksums, audit, checkpoints)', customers: jobCheck.customers, interactions: jobCheck.interactions, seconds: jobTime.toFixed(2), 'rows/s': fmt(rows / jobTime), 'vs raw': (rawTime / jobTime).toFixed(2) },
  { move: 'raw single-statement move (baseline)', customers: rawCheck.customers, interactions: rawCheck.interactions, seconds: rawTime.toFixed(2), 'rows/s': fmt(rows / rawTime), 'vs raw': '1.00' },
]);
if (jobCheck.customers !== customers || jobCheck.interactions !== customers * per) throw new Error('the job did not move everything');

await orm.close(true);
await db.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
