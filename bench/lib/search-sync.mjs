// Indexing under an archive run: a Custos server (job worker and search sync on, as
// deployed) archives N live customers through an archive policy while its outbox drain
// feeds the index; a sampler on a connection of its own records how far the index is
// behind. Each engine gets its own copy of one seeded template database.
import pg from 'pg';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { SqlExecutor } from '@custos/server/dist/db/sql.js';
import { query } from './cluster.mjs';
import { graphql } from './load.mjs';
import { loadNames } from './search.mjs';
import { BENCH_ADMIN, ensureBenchUsers } from './search-http.mjs';
import { ensureDatabase } from './seed.mjs';
import { startCustos, tokensFor } from './servers.mjs';
import { percentile } from './stats.mjs';

const TAG = 'bench-sync';

/** A migrated database with `customers` live customers (names as in the archive bench). */
export function ensureSyncTemplate(cluster, customers, say) {
  return ensureDatabase(cluster, {
    name: `bench_sync_template_${customers}`,
    size: `${customers} live customers tagged ${TAG}`,
    say,
    build: async (url) => {
      const orm = await openOrm(url, 2);
      try {
        const sql = new SqlExecutor(orm.em.fork());
        const names = await loadNames(sql, say);
        await sql.query(
          `insert into customer (code, name, type, tier, industry, region, lifecycle_stage, status, email, phone, tags, created_at)
           select 'S' || lpad(g::text, 8, '0'), n.name, (array['ENTERPRISE','SMB','INDIVIDUAL'])[1 + g % 3],
                  (array['KEY_ACCOUNT','LONG_TERM','STANDARD'])[1 + g % 3], (array['Retail','Software','Logistics','Finance','Other'])[1 + g % 5],
                  (array['CN-SH','CN-BJ','CN-GD','CN-ZJ','CN-JS','US-CA','US-NY','DE-BE'])[1 + g % 8], (array['NEW','ACTIVE','INACTIVE','CHURNED'])[1 + g % 4],
                  'ACTIVE', 'sync' || g || '@example' || (g % 97) || '.com',
                  '+86 1' || (30 + g % 60) || ' ' || lpad(((g::bigint * 7919) % 10000)::text, 4, '0') || ' ' || lpad((g % 10000)::text, 4, '0'),
                  array[$2::text], now() - interval '4 years'
             from generate_series(1, $1::int) g join bench_name n on n.n = 1 + g % ($3::int - 1)`,
          [customers, TAG, names],
        );
        await sql.query('vacuum analyze customer');
      } finally {
        await orm.close(true);
      }
      await ensureBenchUsers(url);
    },
  });
}

/**
 * One archive run on a fresh copy of the template with the engine `env` selects; samples
 * every `everyMs`. Returns the summary row and a timeline (one line per ~10 % archived).
 */
export async function archiveRun(cluster, template, { engine, env, customers, meili, everyMs = 250, say = () => undefined }) {
  const name = `bench_sync_${engine.toLowerCase()}`;
  await cluster.drop(name);
  await query(cluster.url('postgres'), `create database ${name} template ${template}`);
  const url = cluster.url(name);
  const server = await startCustos(url, { JOB_WORKER: 'on', SEARCH_SYNC: 'on', ...env });
  const sampler = new pg.Client({ connectionString: url, application_name: 'bench-sampler' });
  sampler.on('error', () => undefined);
  await sampler.connect();
  const indexed = meili
    ? async () => (await (await fetch(`${meili.url}/indexes/${env.MEILI_INDEX}/stats`, { headers: { authorization: `Bearer ${meili.masterKey}` } })).json()).numberOfDocuments ?? 0
    : async () => (await sampler.query(`select count(*)::int as n from search_document`)).rows[0].n;
  try {
    const headers = (await tokensFor(url, [BENCH_ADMIN]))[BENCH_ADMIN];
    const gql = (doc, variables) => graphql(`${server.url}/graphql`, doc, variables, headers);
    const policy = (await gql(`mutation($input: CreateArchivePolicyInput!) { createArchivePolicy(input: $input) { policy { id } } }`, {
      input: { name: 'bench sync', action: 'ARCHIVE_CUSTOMERS', criteria: { tags: [TAG] } },
    })).createArchivePolicy.policy.id;
    const started = process.hrtime.bigint();
    const job = (await gql(`mutation($id: ID!) { runArchivePolicy(input: { id: $id }) { job { id } } }`, { id: policy })).runArchivePolicy.job.id;
    const samples = [];
    let jobDone;
    for (;;) {
      const t = Number(process.hrtime.bigint() - started) / 1e9;
      const { rows: [s] } = await sampler.query(
        `select (select count(*) from archive.customer)::int as archived, count(o.id)::int as pending,
                coalesce(extract(epoch from clock_timestamp() - min(o.created_at)), 0)::float8 as lag,
                (select state from job where id = $1::bigint) as state
           from search_outbox o`,
        [job],
      );
      const n = await indexed();
      samples.push({ t, ...s, indexed: n });
      if (!jobDone && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(s.state)) {
        if (s.state !== 'SUCCEEDED') throw new Error(`archive job ${s.state}`);
        jobDone = t;
      }
      if (jobDone !== undefined && s.pending === 0 && n >= customers) break;
      if (t > 3600) throw new Error('the index did not catch up within an hour');
      await new Promise((r) => setTimeout(r, everyMs));
    }
    const end = samples[samples.length - 1].t;
    const firstIndexed = samples.find((s) => s.indexed > 0)?.t ?? 0;
    const during = samples.filter((s) => s.t <= jobDone).map((s) => s.lag).sort((a, b) => a - b);
    const all = samples.map((s) => s.lag).sort((a, b) => a - b);
    const timeline = [];
    for (const s of samples) {
      const step = Math.floor((s.archived / customers) * 10);
      if (timeline.length === 0 || step > timeline[timeline.length - 1].step || s === samples[samples.length - 1]) timeline.push({ step, ...s });
    }
    say(`${engine}: archived in ${jobDone.toFixed(1)} s, indexed all at ${end.toFixed(1)} s`);
    return {
      row: {
        engine,
        'archive job s': jobDone.toFixed(1),
        'customers/s archived': Math.round(customers / jobDone).toLocaleString('en'),
        'index complete at s': end.toFixed(1),
        'documents/s indexed': Math.round(customers / (end - Math.min(firstIndexed, end))).toLocaleString('en'),
        'catch-up after job s': (end - jobDone).toFixed(1),
        'outbox lag p50/p95/max s (during job)': `${percentile(during, 0.5).toFixed(2)} / ${percentile(during, 0.95).toFixed(2)} / ${during[during.length - 1].toFixed(2)}`,
        'max lag s (whole run)': all[all.length - 1].toFixed(2),
        'max pending': Math.max(...samples.map((s) => s.pending)).toLocaleString('en'),
      },
      timeline: timeline.map((s) => ({
        engine, 't s': s.t.toFixed(1), archived: s.archived.toLocaleString('en'), pending: s.pending.toLocaleString('en'), 'lag s': s.lag.toFixed(2), indexed: s.indexed.toLocaleString('en'),
      })),
    };
  } finally {
    await sampler.end().catch(() => undefined);
    await server.stop();
    await cluster.drop(name);
  }
}
