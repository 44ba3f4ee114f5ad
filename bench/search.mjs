// Archive search on both engines in one run, on the same rows (issue 15):
// 1. latency: `--size` archived customers (default 1M) loaded set-based (generate_series)
//    into PostgreSQL and indexed into an embedded Meilisearch through the server's adapter
//    (documents/s); both kept under --data and reused by later runs. Then (a) each engine
//    in process (the port's search, facets on and off) and (b) `searchArchive` end to end:
//    GraphQL over HTTP to one Custos process per engine, the archive list's search box and
//    the dashboard's search page, both engines interleaved run by run, next to a
//    `{ __typename }` baseline measured the same way.
// 2. sync: an archive policy run over `--sync-customers` live customers (default 100k) on a
//    Custos with its job worker and search sync on, per engine: documents/s into the index
//    and the outbox lag while it runs.
// The machine is shared: load averages are printed with every table; compare ratios.
// Usage: pnpm build && pnpm --filter @custos/bench search [--size 1000000] [--runs 40]
//   [--cap 1000] [--sync-customers 100000] [--sync-runs POSTGRES,MEILISEARCH:5000]
//   [--phases latency,sync] [--data DIR]
// (`--sync-runs`: the sync phase's runs in order, each an engine with an optional
// SEARCH_SYNC_BATCH, the server's default when left out.)
// (`--phases seed` only builds the archive and its index, to time them apart later.)
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { SqlExecutor } from '@custos/server/dist/db/sql.js';
import { PostgresSearchIndex } from '@custos/server/dist/search/postgres/postgres-search-index.js';
import { openCluster } from './lib/cluster.mjs';
import { indexArchive, openMeili } from './lib/meili-search.mjs';
import { growArchive, loadNames, SEARCH_CASES } from './lib/search.mjs';
import { ensureBenchUsers, measureHttp } from './lib/search-http.mjs';
import { archiveRun, ensureSyncTemplate } from './lib/search-sync.mjs';
import { ensureDatabase } from './lib/seed.mjs';
import { latencies, percentile } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '40' }, cap: { type: 'string', default: '1000' },
    'sync-customers': { type: 'string', default: '100000' }, 'sync-runs': { type: 'string', default: 'POSTGRES,MEILISEARCH' },
    phases: { type: 'string', default: 'latency,sync' }, data: { type: 'string' },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
const cap = Number(values.cap);
const syncCustomers = Number(values['sync-customers']);
const phases = new Set(values.phases.split(','));
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(values.data ?? path.join(repoRoot, '.data', 'bench-search'));
const say = (m) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const machine = () => `${os.cpus().length} cores shared with other work, load average (1/5/15 min) ${load()}`;
const fmt = (n) => n.toLocaleString('en');

const cluster = await openCluster({ dataDir });
const meili = await openMeili(say, { dir: path.join(dataDir, 'meili'), index: `archive_${size}` });
say(`Meilisearch ${meili.version} at ${meili.url}; PostgreSQL under ${dataDir}`);
try {
  if (phases.has('latency') || phases.has('seed')) await latencyPhase();
  if (phases.has('sync')) await syncPhase();
} finally {
  await meili.stop();
  await cluster.stop();
}

async function latencyPhase() {
  const built = await ensureDatabase(cluster, {
    name: `bench_search_${size}`,
    size: `${size} archived customers`,
    say,
    build: async (url) => {
      const orm = await openOrm(url, 2);
      try {
        const sql = new SqlExecutor(orm.em.fork());
        await growArchive(sql, 0, size, await loadNames(sql, say), say);
      } finally {
        await orm.close(true);
      }
    },
  });
  await ensureBenchUsers(built.url);
  const orm = await openOrm(built.url, 4);
  try {
    const sql = new SqlExecutor(orm.em.fork());
    console.log(`\nArchive: ${fmt(size)} archived customers in PostgreSQL, ${built.reused ? `reused (loaded set-based in ${built.seconds.toFixed(0)} s by an earlier run)` : `loaded set-based in ${built.seconds.toFixed(0)} s`}`);
    const indexedBefore = await meili.index.count();
    if (indexedBefore === size) {
      console.log(`Meilisearch ${meili.version}: index archive_${size} reused (${fmt(indexedBefore)} documents)`);
    } else {
      const indexed = await indexArchive(sql, meili.index, 0, size, say);
      console.log(`Meilisearch ${meili.version}: indexed ${fmt(indexed.documents)} documents in ${indexed.seconds.toFixed(1)} s = ${fmt(indexed.perSecond)} documents/s through the server's adapter (batches of 10,000, each waited for; ${machine()})`);
    }
    if (!phases.has('latency')) return;

    // (a) The engines in process: the port's search as searchArchive calls it.
    const engines = { postgres: new PostgresSearchIndex(sql, cap), meilisearch: meili.index };
    const inProcess = [];
    for (const c of SEARCH_CASES) {
      const request = { query: c.query, fields: ['name', 'code', 'email', 'phone'], filter: c.filter ?? {}, ownerScope: c.ownerScope, limit: 20, offset: 0 };
      const row = { query: c.name };
      const hits = [];
      for (const [name, engine] of Object.entries(engines)) {
        const res = await engine.search({ ...request, facets: true });
        hits.push(`${res.hits.length}/${res.totalCount}${res.totalExact ? '' : '+'}`);
        for (const facets of [true, false]) {
          const s = await latencies(() => engine.search({ ...request, facets }), runs);
          row[`${name}${facets ? '' : ' no facets'} p50/p95`] = `${percentile(s, 0.5).toFixed(1)} / ${percentile(s, 0.95).toFixed(1)}`;
        }
      }
      inProcess.push({ query: c.name, hits: hits.join(' | '), ...row });
    }
    console.log(`\n(a) The engines in process (no HTTP, no GraphQL), ${fmt(size)} archived customers, PostgreSQL candidate bound ${cap}, ${runs} runs per cell after 3 warm-ups, ms; hits = page/total for postgres | meilisearch (+: at least); ${machine()}`);
    console.table(inProcess);

    // (b) searchArchive over HTTP, one Custos process per engine on the same database.
    const http = await measureHttp(built.url, {
      POSTGRES: { SEARCH_ENGINE: 'postgres', SEARCH_CANDIDATE_LIMIT: String(cap) },
      MEILISEARCH: { SEARCH_ENGINE: 'meilisearch', MEILI_HOST: meili.url, MEILI_API_KEY: meili.masterKey, MEILI_INDEX: meili.indexName },
    }, { runs, say });
    console.log(`\n(b) searchArchive end to end (GraphQL over HTTP, ADMIN unless SALES), ${fmt(size)} archived customers, ${runs} runs per cell after 3 warm-ups, engines interleaved run by run, ms; p95 ratio = POSTGRES / MEILISEARCH; ${machine()}`);
    console.table(http.rows);
    const [a, b] = http.names;
    const summary = http.names.map((n) => ({
      engine: n,
      'six required kinds × both shapes, pooled p50/p95 ms': `${percentile(http.pooled[n], 0.5).toFixed(1)} / ${percentile(http.pooled[n], 0.95).toFixed(1)}`,
      'baseline p50/p95 ms': `${percentile(http.baseline[n], 0.5).toFixed(1)} / ${percentile(http.baseline[n], 0.95).toFixed(1)}`,
      'pooled p95 / baseline p95': (percentile(http.pooled[n], 0.95) / percentile(http.baseline[n], 0.95)).toFixed(1),
    }));
    console.log(`Pooled over the six required query kinds and both shapes (${a} / ${b} p95 ratio ${(percentile(http.pooled[a], 0.95) / percentile(http.pooled[b], 0.95)).toFixed(2)})`);
    console.table(summary);
  } finally {
    await orm.close(true);
  }
}

async function syncPhase() {
  const template = await ensureSyncTemplate(cluster, syncCustomers, say);
  const rows = [];
  const timelines = [];
  for (const spec of values['sync-runs'].split(',')) {
    const [engine, batch] = spec.split(':');
    const env = {
      ...(engine === 'POSTGRES'
        ? { SEARCH_ENGINE: 'postgres' }
        : { SEARCH_ENGINE: 'meilisearch', MEILI_HOST: meili.url, MEILI_API_KEY: meili.masterKey, MEILI_INDEX: `sync_${Date.now()}` }),
      ...(batch ? { SEARCH_SYNC_BATCH: batch } : {}),
    };
    const loadBefore = load();
    const run = await archiveRun(cluster, template.name, { engine, env, customers: syncCustomers, meili: engine === 'MEILISEARCH' ? meili : undefined, say });
    rows.push({ ...run.row, 'SEARCH_SYNC_BATCH': batch ?? 'default', 'load before / after': `${loadBefore} → ${load()}` });
    timelines.push(...run.timeline);
    if (engine === 'MEILISEARCH') await fetch(`${meili.url}/indexes/${env.MEILI_INDEX}`, { method: 'DELETE', headers: { authorization: `Bearer ${meili.masterKey}` } });
  }
  console.log(`\nIndexing under an archive run: an archive policy moves ${fmt(syncCustomers)} live customers (ARCHIVE_BATCH_SIZE 1,000) on a Custos with its job worker and search sync on (MEILI_BATCH_SIZE 1,000), sampled every 250 ms; documents/s from the first indexed document to the last; ${machine()}`);
  console.table(rows);
  console.log('Timeline (a line per tenth archived)');
  console.table(timelines);
}
