// Benchmark databases built once and reused: above all the demo seed (realistic bilingual
// customers and their interaction history, set-based in PostgreSQL) at a given size,
// migrated like a real deployment.
import pg from 'pg';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { seedDemoData } from '@custos/server/dist/modules/seed/seed.service.js';
import { query } from './cluster.mjs';
import { seconds } from './stats.mjs';

/**
 * A database built once by `build(url)` and reused by later runs: a finished build leaves
 * a `bench_seed` row with its size and time; a database without one (an interrupted build)
 * is dropped and built again. `size` must match for reuse.
 */
export async function ensureDatabase(cluster, { name, size, build, say = () => undefined }) {
  const url = cluster.url(name);
  if (await cluster.exists(name)) {
    const done = await seedMark(url);
    if (done && done.size === size) {
      say(`reusing ${name} (built in ${done.seconds.toFixed(0)} s on ${done.at.toISOString()})`);
      return { name, url, reused: true, seconds: done.seconds };
    }
    say(`${name} exists but its build did not finish: starting again`);
    await cluster.drop(name);
  }
  await cluster.create(name);
  const took = await seconds(() => build(url));
  await query(url, `create table bench_seed (size text not null, seconds float8 not null, at timestamptz not null default now())`);
  await query(url, `insert into bench_seed (size, seconds) values ($1, $2)`, [size, took]);
  say(`built ${name} in ${took.toFixed(0)} s`);
  return { name, url, reused: false, seconds: took };
}

/** The demo seed at `customers` / `interactions`, migrated first. */
export function ensureSeeded(cluster, { customers, interactions, say = () => undefined }) {
  return ensureDatabase(cluster, {
    name: `bench_${customers}_${interactions}`,
    size: `${customers} customers, ${interactions} interactions`,
    say,
    build: async (url) => {
      const orm = await openOrm(url, 2);
      await orm.close(true);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // Bench-only speed-up: the secondary indexes (17 on customer, six of them GIN, and
        // six on interaction) are dropped during the load and built once after it. With
        // them in place every interaction batch's last_interaction_at update rewrites all.
        const indexes = await secondaryIndexes(client, ['customer', 'interaction']);
        for (const { name: index } of indexes) await client.query(`drop index ${index}`);
        let last = 0;
        await seedDemoData(client, {
          customers,
          interactions,
          batchCustomers: 100_000,
          batchInteractions: 1_000_000,
          onProgress: (p) => {
            if (p.done === p.total || Date.now() - last > 15_000) {
              last = Date.now();
              say(`seeding ${p.phase}: ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}`);
            }
          },
        });
        say(`building ${indexes.length} indexes`);
        await client.query(`set maintenance_work_mem = '512MB'`);
        for (const { def } of indexes) await client.query(def);
        say('vacuum analyze');
        await client.query('vacuum analyze');
        await client.query('checkpoint');
      } finally {
        await client.end();
      }
    },
  });
}

/** Indexes of `tables` that back no constraint, with their definitions. */
export async function secondaryIndexes(client, tables) {
  const { rows } = await client.query(
    `select quote_ident(n.nspname) || '.' || quote_ident(i.relname) as name, pg_get_indexdef(x.indexrelid) as def
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relname = any($1::text[])
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
    [tables],
  );
  return rows;
}

async function seedMark(url) {
  const [table] = await query(url, `select to_regclass('bench_seed') is not null as ok`);
  if (!table.ok) return undefined;
  return (await query(url, `select size, seconds, at from bench_seed limit 1`))[0];
}
