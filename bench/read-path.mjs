// The GraphQL read path against PostGraphile v5 (issue 14): the nested customers list at
// several page sizes, saturated, guards on, as ADMIN; both servers in processes of their
// own on the same seeded database, load from autocannon here, in interleaved rounds (the
// side that goes first alternates), so the noise of a shared machine hits both alike.
// Per round: req/s, p99, server CPU per request and the share of it spent in garbage
// collection (read from each server through a preloaded probe, lib/probe.mjs). Also SQL
// statements per request from pg_stat_statements, SUPPORT and ADMIN on guarded fields vs
// the same list unguarded, and start-up (spawn → ready).
// Usage: pnpm build && node read-path.mjs [--customers 100000] [--interactions 1000000]
//   [--seconds 8] [--rounds 5] [--connections 10] [--pages 10,50,200] [--startups 5]
//   [--also "READ_PLAN=off GRAPHQL_EXECUTOR=graphql-js"] [--skip throughput,sql,guards,startup]
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { openCluster } from './lib/cluster.mjs';
import { compareGuards, GUARD_VARIANTS, STRIPPED_VARIANT } from './lib/guards.mjs';
import { graphql, load, rewarm } from './lib/load.mjs';
import { ensureSeeded } from './lib/seed.mjs';
import { startCustos, startPostGraphile, tokensFor } from './lib/servers.mjs';
import { sqlDuring } from './lib/sql-count.mjs';
import pg from 'pg';
import { fmt, markdown, median, ratioText } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    interactions: { type: 'string', default: '1000000' },
    data: { type: 'string' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    pages: { type: 'string', default: '10,50,200' },
    startups: { type: 'string', default: '5' },
    also: { type: 'string', default: '' },
    skip: { type: 'string', default: '' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const pages = values.pages.split(',').map(Number);
const skip = new Set(values.skip.split(',').filter(Boolean));
const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(values.data ?? path.join(here, '..', '.data', 'bench'));
const probeModule = path.join(here, 'lib', 'probe.mjs');
const PER_CUSTOMER = 5;
const say = (m) => process.stderr.write(`[read-path ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

const CUSTOS_QUERY = `query($first: Int!) {
  customers(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
    nodes { id code name type tier region industry lastInteractionAt
      interactions(first: ${PER_CUSTOMER}, orderBy: [{ field: OCCURRED_AT, direction: DESC }]) { nodes { id kind occurredAt channel subject } } } } }`;
const PGL_QUERY = `query($first: Int!) {
  allCustomers(first: $first, condition: { status: "ACTIVE" }, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
    nodes { rowId code name type tier region industry lastInteractionAt
      interactionsByCustomerId(first: ${PER_CUSTOMER}, orderBy: [OCCURRED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId kind occurredAt channel subject } } } } }`;

/** A server with its probe: `sample()` returns its CPU and GC milliseconds so far. */
async function probed(start, name) {
  const file = path.join(os.tmpdir(), `custos-probe-${process.pid}-${name.replace(/\W+/g, '-')}.json`);
  fs.rmSync(file, { force: true });
  const server = await start({ PROBE_FILE: file }, [`--import=${probeModule}`]);
  let seq = 0;
  server.sample = async () => {
    process.kill(server.pid, 'SIGUSR2');
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        const read = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (read.seq > seq) {
          seq = read.seq;
          return read;
        }
      } catch {
        // not written yet
      }
      if (Date.now() > deadline) throw new Error(`${name}: no probe answer`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return server;
}

const parseEnv = (text) => Object.fromEntries(text.split(/\s+/).filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
const variants = [{ name: 'Custos', env: {} }, ...(values.also ? [{ name: `Custos ${values.also}`, env: parseEnv(values.also) }] : [])];

async function accessLogSize(url) {
  const client = new pg.Client(url);
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query(`select count(*)::bigint::text as n, pg_size_pretty(pg_total_relation_size('access_log')) as size from access_log`);
    return rows[0];
  } finally {
    await client.end();
  }
}

let accessLog;
const startLoad = os.loadavg();
const cluster = await openCluster({ dataDir });
const table = [];
const details = [];
const guardRounds = [];
const servers = [];
try {
  const seeded = await ensureSeeded(cluster, { customers: Number(values.customers), interactions: Number(values.interactions), say });
  const orm = await openOrm(seeded.url, 2); // migrations applied before anything is timed
  await orm.close(true);
  const tokens = await tokensFor(seeded.url, ['admin@example.com', 'support@example.com']);
  const admin = tokens['admin@example.com'];
  // The access log only grows (every guarded round adds to it), and its size is part of
  // what ADMIN's guarded reads cost: printed so runs on the same data can be compared.
  accessLog = await accessLogSize(seeded.url);

  if (!skip.has('startup')) {
    say('start-up');
    const ms = { Custos: [], PostGraphile: [] };
    for (let i = 0; i < Number(values.startups); i += 1) {
      const order = i % 2 ? ['PostGraphile', 'Custos'] : ['Custos', 'PostGraphile'];
      for (const side of order) {
        const s = side === 'Custos' ? await startCustos(seeded.url) : await startPostGraphile(seeded.url);
        ms[side].push(s.readyMs);
        await s.stop();
      }
    }
    const ratios = ms.Custos.map((c, i) => c / ms.PostGraphile[i]);
    table.push({
      metric: 'start-up: spawn → ready (ms)',
      Custos: fmt(median(ms.Custos)),
      PostGraphile: fmt(median(ms.PostGraphile)),
      ratio: ratioText(median(ratios)),
      spread: `ratios ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
      notes: `median of ${ms.Custos.length} interleaved starts; Custos: /readyz (migrations checked, pool open); PostGraphile: first GraphQL answer. Custos ${ms.Custos.map(fmt).join(', ')}; PostGraphile ${ms.PostGraphile.map(fmt).join(', ')}`,
    });
  }

  const sides = [];
  for (const v of variants) {
    const s = await probed((env, args) => startCustos(seeded.url, { ...v.env, ...env }, args), v.name);
    servers.push(s);
    sides.push({ name: v.name, server: s, url: `${s.url}/graphql`, query: CUSTOS_QUERY, headers: admin, list: 'customers', id: 'id', rel: 'interactions' });
  }
  const pgl = await probed((env, args) => startPostGraphile(seeded.url, env, args), 'PostGraphile');
  servers.push(pgl);
  sides.push({ name: 'PostGraphile', server: pgl, url: `${pgl.url}/graphql`, query: PGL_QUERY, headers: {}, list: 'allCustomers', id: 'rowId', rel: 'interactionsByCustomerId' });

  // Same rows on every side before anything is timed (Custos answers opaque global ids,
  // base64url of `Type:123`; PostGraphile the row id).
  const rowId = (id) => (/^\d+$/.test(String(id)) ? String(id) : Buffer.from(String(id), 'base64url').toString().split(':')[1]);
  const shapes = [];
  for (const s of sides) {
    const data = await graphql(s.url, s.query, { first: 10 }, s.headers);
    shapes.push(JSON.stringify(data[s.list].nodes.map((n) => [rowId(n[s.id]), n[s.rel].nodes.map((i) => rowId(i[s.id]))])));
  }
  if (new Set(shapes).size !== 1) throw new Error(`the servers disagree on the first page:\n${shapes.join('\n')}`);

  if (!skip.has('sql')) {
    const REQUESTS = 20;
    for (const first of pages) {
      const per = {};
      const dbMs = {};
      const planMs = {};
      for (const s of sides) {
        // Warm-up: PostgreSQL keeps a prepared statement's generic plan only after five
        // custom ones on a connection.
        for (let i = 0; i < 10; i += 1) await graphql(s.url, s.query, { first }, s.headers);
        const n = await sqlDuring(seeded.url, async () => {
          for (let i = 0; i < REQUESTS; i += 1) await graphql(s.url, s.query, { first }, s.headers);
        });
        per[s.name] = n.statements / REQUESTS;
        dbMs[s.name] = n.ms / REQUESTS;
        planMs[s.name] = n.planMs / REQUESTS;
      }
      const others = variants.slice(1).map((v) => `${v.name}: ${per[v.name].toFixed(2)}`).join('; ');
      table.push({
        metric: `SQL statements per request, page ${first}`,
        Custos: per.Custos.toFixed(2),
        PostGraphile: per.PostGraphile.toFixed(2),
        ratio: ratioText(per.Custos / per.PostGraphile),
        spread: others,
        notes: `pg_stat_statements: top-level statements during ${REQUESTS} sequential requests ÷ ${REQUESTS}`,
      });
      table.push({
        metric: `PostgreSQL execution ms per request, page ${first}`,
        Custos: dbMs.Custos.toFixed(2),
        PostGraphile: dbMs.PostGraphile.toFixed(2),
        ratio: ratioText(dbMs.Custos / dbMs.PostGraphile),
        spread: variants.slice(1).map((v) => `${v.name}: ${dbMs[v.name].toFixed(2)}`).join('; '),
        notes: `pg_stat_statements total_exec_time of the same ${REQUESTS} requests ÷ ${REQUESTS} (sequential, so no waiting on each other)`,
      });
      table.push({
        metric: `PostgreSQL planning ms per request, page ${first}`,
        Custos: planMs.Custos.toFixed(2),
        PostGraphile: planMs.PostGraphile.toFixed(2),
        ratio: planMs.PostGraphile > 0 ? ratioText(planMs.Custos / planMs.PostGraphile) : '',
        spread: variants.slice(1).map((v) => `${v.name}: ${planMs[v.name].toFixed(2)}`).join('; '),
        notes: `pg_stat_statements total_plan_time (track_planning) of the same requests ÷ ${REQUESTS}: 0 when a prepared statement's generic plan is reused`,
      });
    }
  }

  if (!skip.has('throughput')) {
    for (const first of pages) {
      say(`throughput, page ${first}`);
      const options = (s, secs) => ({ url: s.url, query: s.query, variables: { first }, headers: s.headers, connections, seconds: secs });
      const run = (s, secs) => load(options(s, secs));
      for (const s of sides) await run(s, Math.min(5, seconds)); // warm-up (JIT, pools), not reported
      const results = Object.fromEntries(sides.map((s) => [s.name, []]));
      for (let round = 1; round <= rounds; round += 1) {
        for (const s of round % 2 ? sides : [...sides].reverse()) {
          await rewarm(options(s, seconds));
          const before = await s.server.sample();
          const started = performance.now();
          const r = await run(s, seconds);
          const wall = performance.now() - started;
          const after = await s.server.sample();
          const cpu = after.cpuMs - before.cpuMs;
          const gc = after.gcMs - before.gcMs;
          results[s.name].push({ ...r, cpuPerRequest: r.requests ? cpu / r.requests : NaN, gcPerRequest: r.requests ? gc / r.requests : NaN, gcShare: gc / wall });
          details.push({
            page: first, round, server: s.name, 'req/s': r.rps.toFixed(1), 'p50 ms': r.p50, 'p99 ms': r.p99,
            'CPU ms/req': (cpu / r.requests).toFixed(2), 'GC ms/req': (gc / r.requests).toFixed(2), 'GC % of time': `${((100 * gc) / wall).toFixed(1)}%`,
            errors: r.errors + r.timeouts,
          });
        }
      }
      const base = results.PostGraphile;
      for (const s of sides.filter((x) => x.name !== 'PostGraphile')) {
        const mine = results[s.name];
        const ratios = mine.map((r, i) => r.rps / base[i].rps);
        const m = (rs, key) => median(rs.map((r) => r[key]));
        const spread = (rs) => `${Math.min(...rs.map((r) => r.rps)).toFixed(1)}–${Math.max(...rs.map((r) => r.rps)).toFixed(1)}`;
        table.push({
          metric: `page ${first}: req/s (${s.name} vs PostGraphile)`,
          Custos: `${m(mine, 'rps').toFixed(1)} (${spread(mine)})`,
          PostGraphile: `${m(base, 'rps').toFixed(1)} (${spread(base)})`,
          ratio: ratioText(median(ratios)),
          spread: `ratios ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
          notes: `${first} customers × ${PER_CUSTOMER} interactions, ${connections} connections, median of ${rounds} interleaved ${seconds} s rounds (min–max in brackets); ratio = median of per-round ratios`,
        });
        table.push({
          metric: `page ${first}: p99 ms`,
          Custos: m(mine, 'p99'),
          PostGraphile: m(base, 'p99'),
          ratio: ratioText(m(mine, 'p99') / m(base, 'p99')),
          spread: '',
          notes: 'median of the rounds\u2019 p99 under saturation',
        });
        table.push({
          metric: `page ${first}: server CPU ms per request`,
          Custos: m(mine, 'cpuPerRequest').toFixed(2),
          PostGraphile: m(base, 'cpuPerRequest').toFixed(2),
          ratio: ratioText(m(mine, 'cpuPerRequest') / m(base, 'cpuPerRequest')),
          spread: '',
          notes: 'Node process CPU (user + system) during the round ÷ its requests (PostgreSQL not included)',
        });
        table.push({
          metric: `page ${first}: GC pauses ms per request (share of the round)`,
          Custos: `${m(mine, 'gcPerRequest').toFixed(2)} (${(100 * m(mine, 'gcShare')).toFixed(1)}%)`,
          PostGraphile: `${m(base, 'gcPerRequest').toFixed(2)} (${(100 * m(base, 'gcShare')).toFixed(1)}%)`,
          ratio: ratioText(m(mine, 'gcPerRequest') / m(base, 'gcPerRequest')),
          spread: '',
          notes: 'wall-clock GC pauses (perf_hooks gc entries) ÷ requests, and ÷ the round\u2019s duration; pauses stretch on an overloaded machine',
        });
      }
    }
  }

  if (!skip.has('guards')) {
    say('guards');
    // Each variant on a server of its own, started together: a server that answers three
    // variants in a row idles less between its rounds than one that answers one, and idle
    // servers measured slower (their first seconds after an idle spell), which favoured
    // the guarded variants sharing a server over the stripped build.
    const own = {};
    for (const v of [...GUARD_VARIANTS, STRIPPED_VARIANT]) {
      const s = await startCustos(seeded.url, v.stripped ? { CUSTOS_BUILD: 'unguarded' } : {});
      servers.push(s);
      own[v.name] = s.url;
    }
    const { rows, summary } = await compareGuards({
      urlOf: (v) => own[v.name],
      headers: { ADMIN: admin, SUPPORT: tokens['support@example.com'] },
      seconds,
      rounds,
      connections,
      warmup: Math.min(5, seconds),
    });
    const [unguarded, ...rest] = summary;
    const strippedRun = rest.at(-1);
    for (const g of rest.slice(0, -1)) {
      table.push({
        metric: `guarded vs same query, guards stripped: ${g.name}`,
        Custos: g.rps.toFixed(1),
        PostGraphile: '',
        ratio: ratioText(g.vsStripped),
        spread: `ratios ${g.strippedRatios.map((r) => r.toFixed(2)).join(', ')}`,
        notes: `stripped build ${strippedRun.rps.toFixed(1)} req/s (guarded fields, decrypted, no masks, denials or access log); customers(first: 50) × 5 interactions; median of ${rounds} interleaved rounds' ratios`,
      });
      table.push({
        metric: `guarded vs unguarded fields: ${g.name}`,
        Custos: g.rps.toFixed(1),
        PostGraphile: '',
        ratio: ratioText(g.ratio),
        spread: `ratios ${g.ratios.map((r) => r.toFixed(2)).join(', ')}`,
        notes: `unguarded fields ${unguarded.rps.toFixed(1)} req/s (other, smaller columns, nothing to decrypt); customers(first: 50) × 5 interactions; median of ${rounds} interleaved rounds' ratios`,
      });
    }
    guardRounds.push(...rows);
  }
} finally {
  for (const s of servers) await s.stop();
  await cluster.stop();
}

console.log(`\n## Read path vs PostGraphile — ${new Date().toISOString()}\n`);
console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average at start ${startLoad.map((l) => l.toFixed(1)).join(' / ')}, at end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}. Shared machine: compare ratios from the same rounds.${accessLog ? ` Access log at start: ${Number(accessLog.n).toLocaleString('en')} rows, ${accessLog.size}.` : ''}\n`);
console.log(markdown(table));
if (details.length) {
  console.log('\n### Rounds\n');
  console.log(markdown(details));
}
if (guardRounds.length) {
  console.log('\n### Guards rounds\n');
  console.log(markdown(guardRounds));
}
