// The benchmark suite in one command (issue 8): one embedded PostgreSQL seeded at scale
// (kept under --data and reused by later runs of the same size), then every benchmark,
// and one markdown table. Custos and PostGraphile v5 run in processes of their own on the
// same database; load comes from autocannon in this process, in interleaved rounds, so
// the noise of a shared machine hits both sides alike: compare the ratios.
// Usage: pnpm build && pnpm bench [--quick] [--customers 1000000] [--interactions 10000000]
//   [--data DIR] [--seconds 10] [--rounds 3] [--connections 10] [--page 50] [--startups 3]
//   [--archive-customers 100000] [--search-size 1000000] [--search-runs 30]
//   [--skip throughput,sql,guards,startup,search,archive]
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { SqlExecutor } from '@custos/server/dist/db/sql.js';
import { compareArchive } from './lib/archive.mjs';
import { openCluster, query } from './lib/cluster.mjs';
import { compareGuards } from './lib/guards.mjs';
import { graphql, load } from './lib/load.mjs';
import { growArchive, loadNames, measureSearch } from './lib/search.mjs';
import { ensureDatabase, ensureSeeded } from './lib/seed.mjs';
import { startCustos, startPostGraphile, tokensFor } from './lib/servers.mjs';
import { statementsDuring } from './lib/sql-count.mjs';
import { fmt, markdown, median, percentile, ratioText } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    customers: { type: 'string' },
    interactions: { type: 'string' },
    data: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    connections: { type: 'string' },
    page: { type: 'string' },
    startups: { type: 'string' },
    'archive-customers': { type: 'string' },
    'search-size': { type: 'string' },
    'search-runs': { type: 'string' },
    skip: { type: 'string', default: '' },
  },
});
const quick = values.quick;
/** A numeric option: given, or its full-scale or --quick default. */
const opt = (name, full, small) => Number(values[name] ?? (quick ? small : full));
const customers = opt('customers', 1_000_000, 20_000);
const interactions = opt('interactions', 10_000_000, 200_000);
const runSeconds = opt('seconds', 10, 4);
const rounds = opt('rounds', 3, 2);
const connections = opt('connections', 10, 10);
const page = opt('page', 50, 50);
const startups = opt('startups', 3, 3);
const archiveCustomers = opt('archive-customers', 100_000, 5_000);
const searchSize = opt('search-size', 1_000_000, 20_000);
const searchRuns = opt('search-runs', 30, 10);
const skip = new Set(values.skip.split(',').filter(Boolean));
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(values.data ?? path.join(repoRoot, '.data', 'bench'));
const PAGE_SIZES = [10, 50, 200];
const PER_CUSTOMER = 5;

const say = (m) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const phases = [];
async function phase(name, work) {
  say(`${name}: start`);
  const started = Date.now();
  try {
    return await work();
  } finally {
    const s = (Date.now() - started) / 1000;
    phases.push({ phase: name, seconds: s.toFixed(1) });
    say(`${name}: ${s.toFixed(1)} s`);
  }
}

// The same query shape on both servers: a page of ACTIVE customers, newest first, each
// with its latest interactions, the same columns (none of them guarded in Custos).
const CUSTOS_QUERY = `query($first: Int!) {
  customers(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
    nodes { id code name type tier region industry lastInteractionAt
      interactions(first: ${PER_CUSTOMER}, orderBy: [{ field: OCCURRED_AT, direction: DESC }]) { nodes { id kind occurredAt channel subject } } } } }`;
const PGL_QUERY = `query($first: Int!) {
  allCustomers(first: $first, condition: { status: "ACTIVE" }, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
    nodes { rowId code name type tier region industry lastInteractionAt
      interactionsByCustomerId(first: ${PER_CUSTOMER}, orderBy: [OCCURRED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId kind occurredAt channel subject } } } } }`;

const table = [];
const details = [];
const failures = [];
/** Runs one benchmark; a failure is reported in the table and the suite goes on. */
async function bench(name, work) {
  if (skip.has(name)) {
    say(`${name}: skipped (--skip)`);
    return;
  }
  try {
    await phase(name, work);
  } catch (error) {
    failures.push(name);
    say(`${name} FAILED: ${error.stack ?? error}`);
    table.push({ metric: name, Custos: 'failed', comparison: '', ratio: '', notes: String(error.message ?? error).slice(0, 200) });
  }
}

const startLoad = os.loadavg();
const startedAt = new Date();
const cluster = await phase('start PostgreSQL', () => openCluster({ dataDir }));
let custos;
let pgl;
try {
  const seeded = await phase('seed', () => ensureSeeded(cluster, { customers, interactions, say }));
  // A reused database may predate the latest migrations: apply them now, so that start-up
  // time measures a start and not a migration.
  await phase('migrate', async () => {
    const orm = await openOrm(seeded.url, 2);
    await orm.close(true);
  });
  const [counts] = await query(seeded.url, `select (select count(*) from customer)::int as customers, (select count(*) from interaction)::int as interactions`);
  table.push({
    metric: `seed: ${fmt(counts.customers)} customers, ${fmt(counts.interactions)} interactions`,
    Custos: `${seeded.seconds.toFixed(0)} s${seeded.reused ? ' (reused)' : ''}`,
    comparison: '',
    ratio: '',
    notes: `demo seed (set-based SQL), secondary indexes built after the load, vacuum analyze; ${seeded.reused ? 'seeded by an earlier run, reused' : 'seeded now'}`,
  });
  const tokens = await tokensFor(seeded.url, ['admin@example.com', 'support@example.com']);
  const admin = tokens['admin@example.com'];

  await bench('startup', async () => {
    const ms = { custos: [], pgl: [] };
    for (let i = 0; i < startups; i += 1) {
      const c = await startCustos(seeded.url);
      ms.custos.push(c.readyMs);
      await c.stop();
      const p = await startPostGraphile(seeded.url);
      ms.pgl.push(p.readyMs);
      await p.stop();
    }
    table.push({
      metric: 'start-up: spawn → ready (ms)',
      Custos: fmt(median(ms.custos)),
      comparison: `PostGraphile ${fmt(median(ms.pgl))}`,
      ratio: (median(ms.custos) / median(ms.pgl)).toFixed(2),
      notes: `median of ${startups}, interleaved; Custos: /readyz answers (migrations checked, pool open); PostGraphile: first GraphQL answer (schema introspected). Custos runs: ${ms.custos.map(fmt).join(', ')}; PostGraphile: ${ms.pgl.map(fmt).join(', ')}`,
    });
  });

  const servers = !['throughput', 'sql', 'guards'].every((b) => skip.has(b));
  if (servers) {
    custos = await startCustos(seeded.url);
    pgl = await startPostGraphile(seeded.url);
    // Same shape, same rows: the first page's customer and interaction ids must agree.
    const a = await graphql(`${custos.url}/graphql`, CUSTOS_QUERY, { first: 10 }, admin);
    const b = await graphql(`${pgl.url}/graphql`, PGL_QUERY, { first: 10 });
    const ids = (nodes, id, rel) => JSON.stringify(nodes.map((n) => [String(n[id]), n[rel].nodes.map((i) => String(i[id]))]));
    if (ids(a.customers.nodes, 'id', 'interactions') !== ids(b.allCustomers.nodes, 'rowId', 'interactionsByCustomerId')) {
      throw new Error(`Custos and PostGraphile disagree on the first page:\n${ids(a.customers.nodes, 'id', 'interactions')}\n${ids(b.allCustomers.nodes, 'rowId', 'interactionsByCustomerId')}`);
    }
  }

  await bench('throughput', async () => {
    const sides = [
      { name: 'Custos', url: `${custos.url}/graphql`, query: CUSTOS_QUERY, headers: admin },
      { name: 'PostGraphile', url: `${pgl.url}/graphql`, query: PGL_QUERY, headers: {} },
    ];
    const run = (s, seconds) => load({ url: s.url, query: s.query, variables: { first: page }, headers: s.headers, connections, seconds });
    for (const s of sides) await run(s, Math.min(5, runSeconds)); // warm-up, not reported
    const results = { Custos: [], PostGraphile: [] };
    const rows = [];
    for (let round = 1; round <= rounds; round += 1) {
      // Alternate which side goes first, so neither always runs on a warmer or calmer box.
      for (const s of round % 2 ? sides : [...sides].reverse()) {
        const r = await run(s, runSeconds);
        results[s.name].push(r);
        rows.push({ round, server: s.name, 'req/s': r.rps.toFixed(1), 'p50 ms': r.p50, 'p99 ms': r.p99, requests: r.requests, 'timeouts (> 30 s)': r.timeouts, errors: r.errors });
      }
    }
    const ratio = median(results.Custos.map((r, i) => r.rps / results.PostGraphile[i].rps));
    const m = (side, key) => median(results[side].map((r) => r[key]));
    const caveat = 'PostGraphile runs as superuser with no JWT, row rules, field guards or access log; Custos does all of those';
    const late = (side) => results[side].reduce((n, r) => n + r.timeouts + r.errors, 0);
    const failed = ['Custos', 'PostGraphile'].filter((side) => late(side)).map((side) => `${side}: ${late(side)} requests timed out or failed`);
    table.push({
      metric: `nested customers query req/s (${page} customers × ${PER_CUSTOMER} interactions, ${connections} connections)`,
      Custos: m('Custos', 'rps').toFixed(1),
      comparison: `PostGraphile ${m('PostGraphile', 'rps').toFixed(1)}`,
      ratio: ratioText(ratio),
      notes: `median of ${rounds} interleaved ${runSeconds} s rounds after a warm-up; ratio = median of per-round ratios. ${caveat}${failed.length ? `. ${failed.join('; ')}` : ''}`,
    });
    for (const [key, label] of [['p50', 'p50'], ['p99', 'p99']]) {
      table.push({
        metric: `nested customers query ${label} latency (ms)`,
        Custos: m('Custos', key),
        comparison: `PostGraphile ${m('PostGraphile', key)}`,
        ratio: ratioText(m('Custos', key) / m('PostGraphile', key)),
        notes: 'median over the same rounds (under load, not single requests)',
      });
    }
    details.push({ title: `Throughput rounds (page ${page}, ${connections} connections, ${runSeconds} s each)`, rows });
  });

  await bench('sql', async () => {
    const rows = [];
    for (const first of PAGE_SIZES) {
      const count = async (url, q, headers, list) => {
        await graphql(url, q, { first }, headers); // warm-up: a first request may open pool connections
        return statementsDuring(seeded.url, async () => {
          const data = await graphql(url, q, { first }, headers);
          if (data[list].nodes.length !== first) throw new Error(`${url}: ${data[list].nodes.length} rows for first: ${first}`);
        });
      };
      const c = await count(`${custos.url}/graphql`, CUSTOS_QUERY, admin, 'customers');
      const p = await count(`${pgl.url}/graphql`, PGL_QUERY, {}, 'allCustomers');
      rows.push({ first, c, p });
      table.push({
        metric: `SQL statements per request, page size ${first}`,
        Custos: c,
        comparison: `PostGraphile ${p}`,
        ratio: (c / p).toFixed(2),
        notes: first === PAGE_SIZES[0] ? 'pg_stat_statements, top-level statements of the database during one request (Custos: user, page, interaction pages via DataLoader, transaction statements)' : '',
      });
    }
  });

  await bench('guards', async () => {
    const { rows, summary } = await compareGuards({
      url: custos.url,
      headers: { ADMIN: admin, SUPPORT: tokens['support@example.com'] },
      seconds: runSeconds,
      rounds,
      connections,
      warmup: Math.min(5, runSeconds),
    });
    const [unguarded, ...guarded] = summary;
    for (const g of guarded) {
      table.push({
        metric: `guarded vs unguarded req/s: ${g.name}`,
        Custos: g.rps.toFixed(1),
        comparison: `unguarded ${unguarded.rps.toFixed(1)}`,
        ratio: ratioText(g.ratio),
        notes: `customers(first: 50) × 5 interactions on the seeded database, ${connections} connections; median of ${rounds} interleaved rounds' ratios`,
      });
    }
    details.push({ title: 'Guarded vs unguarded rounds', rows });
  });

  await custos?.stop();
  await pgl?.stop();
  custos = undefined;
  pgl = undefined;

  await bench('search', async () => {
    const built = await ensureDatabase(cluster, {
      name: `bench_search_${searchSize}`,
      size: `${searchSize} archived customers`,
      say,
      build: async (url) => {
        const orm = await openOrm(url, 2);
        try {
          const sql = new SqlExecutor(orm.em.fork());
          await growArchive(sql, 0, searchSize, await loadNames(sql, say), say);
        } finally {
          await orm.close(true);
        }
      },
    });
    const orm = await openOrm(built.url, 4);
    try {
      const sql = new SqlExecutor(orm.em.fork());
      const { rows, pooled, rawPooled } = await measureSearch(sql, { runs: searchRuns, naive: false });
      for (const [p, label] of [[0.5, 'p50'], [0.95, 'p95']]) {
        table.push({
          metric: `archive search ${label} (ms), PostgreSQL engine, ${fmt(searchSize)} archived customers`,
          Custos: percentile(pooled, p).toFixed(1),
          comparison: `raw SQL LIMIT 20 ${percentile(rawPooled, p).toFixed(1)}`,
          ratio: (percentile(pooled, p) / percentile(rawPooled, p)).toFixed(2),
          notes: label === 'p50'
            ? `${rows.length} query kinds × ${searchRuns} runs pooled (engine: bounded ranking, count, facets; raw: the same match, no ranking/count/facets); in-process, no HTTP; archive ${built.reused ? 'reused' : `built in ${built.seconds.toFixed(0)} s`}`
            : 'per query kind below',
        });
      }
      details.push({ title: `Archive search per query kind (${fmt(searchSize)} archived customers, ${searchRuns} runs each)`, rows });
    } finally {
      await orm.close(true);
    }
  });

  await bench('archive', async () => {
    const name = 'bench_archive';
    await cluster.drop(name);
    await cluster.create(name);
    const orm = await openOrm(cluster.url(name), 4);
    try {
      const result = await compareArchive({ orm, url: cluster.url(name), customers: archiveCustomers, per: 10 });
      table.push({
        metric: `archive: policy job vs raw SQL move (${fmt(archiveCustomers)} customers + ${fmt(archiveCustomers * 10)} interactions), rows/s`,
        Custos: fmt(result.job.rowsPerSecond),
        comparison: `raw SQL ${fmt(result.raw.rowsPerSecond)}`,
        ratio: result.ratio.toFixed(2),
        notes: `job: id-range batches of 1,000 with checksums, audit events, outbox rows and checkpoints (${result.job.seconds.toFixed(1)} s); raw: two bare DELETE … RETURNING / INSERT statements (${result.raw.seconds.toFixed(1)} s); own database, seeded in ${result.seedSeconds.toFixed(0)} s`,
      });
      details.push({ title: 'Archive job vs raw move', rows: result.rows });
    } finally {
      await orm.close(true);
      await cluster.drop(name);
    }
  });
} finally {
  await custos?.stop();
  await pgl?.stop();
  await phase('stop PostgreSQL', () => cluster.stop());
}

const cpu = os.cpus();
console.log(`\n## Custos benchmark suite — ${startedAt.toISOString()}\n`);
console.log(`${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL 18 (embedded), load average at start ${startLoad.map((l) => l.toFixed(1)).join(' / ')}, at end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.`);
console.log(`Shared machine: absolute numbers are noisy; ratios come from interleaved runs on the same box. ratio = Custos ÷ comparison.${quick ? ' --quick scale.' : ''}\n`);
console.log(markdown(table));
for (const d of details) {
  console.log(`\n### ${d.title}\n`);
  console.log(markdown(d.rows));
}
console.log('\n### Phases\n');
console.log(markdown(phases));
if (failures.length) {
  console.log(`\nFailed: ${failures.join(', ')}`);
  process.exitCode = 1;
}
