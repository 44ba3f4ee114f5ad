// Archive throughput: an archive policy run (the real job: id-range batches, checksums,
// audit events, checkpoints) next to a raw single-statement move of an identical data
// set, in one database, so machine noise hits both.
import { loadConfig } from '@custos/server/dist/config.js';
import { BENCH_ENCRYPTION_KEY } from '../keys.mjs';
import { runPolicyInForeground } from '@custos/server/dist/modules/archive-policy/archive-policy.cli.js';
import { runJobInForeground } from '@custos/server/dist/app/jobs.js';
import { fmt, seconds } from './stats.mjs';

/**
 * On a migrated, empty database (`orm` open on `url`): seeds two identical sets told
 * apart by one tag (`job` for the policy run, `raw` for the baseline), moves each, checks
 * every row moved and returns a row per move and the job's speed relative to the raw move.
 */
export async function compareArchive({ orm, url, customers, per, batch = 1000 }) {
  const conn = orm.em.getConnection();
  const seedSeconds = await seconds(async () => {
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

  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent', ARCHIVE_BATCH_SIZE: String(batch) });
  const [policy] = await conn.execute(
    `insert into archive_policy (name, action, criteria) values ('bench', 'ARCHIVE_CUSTOMERS', '{"tags":["job"]}') returning id::text as id`,
  );
  const jobTime = await seconds(() => runPolicyInForeground(orm, config, policy.id, () => {}, (job, unit) => runJobInForeground(orm, config, job, unit, () => {})));
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
  if (jobCheck.customers !== customers || jobCheck.interactions !== customers * per) throw new Error('the job did not move everything');

  const rows = customers * (1 + per);
  return {
    seedSeconds,
    ratio: rawTime / jobTime,
    job: { seconds: jobTime, rowsPerSecond: rows / jobTime },
    raw: { seconds: rawTime, rowsPerSecond: rows / rawTime },
    rows: [
      { move: 'archive policy job (batches, checksums, audit, checkpoints)', customers: jobCheck.customers, interactions: jobCheck.interactions, seconds: jobTime.toFixed(2), 'rows/s': fmt(rows / jobTime), 'vs raw': (rawTime / jobTime).toFixed(2) },
      { move: 'raw single-statement move (baseline)', customers: rawCheck.customers, interactions: rawCheck.interactions, seconds: rawTime.toFixed(2), 'rows/s': fmt(rows / rawTime), 'vs raw': '1.00' },
    ],
  };
}
