// A backup and a restore drill next to API traffic: the nested customers query's latency
// with the server idle, during the backup and during the drill, from one server process
// whose job worker runs them (default settings, as deployed). The drill once froze the
// whole server; this prints how much it moves the API's latency now.
// Usage: pnpm build && node bench/drill.mjs [--customers 60000] [--interactions 900000] [--keep DIR] [--seconds 5]
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openCluster, query } from './lib/cluster.mjs';
import { ensureSeeded } from './lib/seed.mjs';
import { startCustos, tokensFor } from './lib/servers.mjs';
import { graphql } from './lib/load.mjs';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '60000' },
    interactions: { type: 'string', default: '900000' },
    keep: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '4' },
  },
});
const say = (m) => process.stderr.write(`[drill] ${m}\n`);
const QUERY = `query($first: Int!) {
  customers(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
    nodes { id code name lastInteractionAt interactions(first: 5) { nodes { id kind occurredAt subject } } } } }`;
const BACKUP_KEY = 'bench-backup-key-'.repeat(3);

const cluster = await openCluster({ dataDir: values.keep });
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-drill-'));
const rows = [];
let server;
let seedMark;
let seededUrl;
try {
  const seeded = await ensureSeeded(cluster, { customers: Number(values.customers), interactions: Number(values.interactions), say });
  // Scratch databases of an interrupted earlier run.
  for (const { datname } of await query(seeded.url, `select datname from pg_database where datname like '%_drill_%'`)) await cluster.drop(datname);
  await query(seeded.url, `delete from job where kind in ('BACKUP', 'BACKUP_DRILL') and state in ('QUEUED', 'RUNNING')`);
  // The bench's own marker table is no table of the schema a drill migrates to: it
  // leaves the database while this runs and comes back afterwards.
  seedMark = (await query(seeded.url, `select size, seconds, at from bench_seed`))[0];
  seededUrl = seeded.url;
  await query(seeded.url, `drop table bench_seed`);
  server = await startCustos(seeded.url, { JOB_WORKER: 'on', BACKUP_DIR: backupDir, BACKUP_KEY });
  const admin = (await tokensFor(seeded.url, ['admin@example.com']))['admin@example.com'];
  const url = `${server.url}/graphql`;

  /** One autocannon window; latencies in ms. */
  const window = async (phase) => {
    const r = await autocannon({
      url,
      method: 'POST',
      connections: Number(values.connections),
      duration: Number(values.seconds),
      timeout: 60,
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({ query: QUERY, variables: { first: 50 } }),
    });
    return { phase, rps: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max, timeouts: r.timeouts, non2xx: r.non2xx };
  };
  const jobState = async (id) => (await query(seeded.url, `select state, error, result, extract(epoch from finished_at - started_at)::float8 as seconds from job where id = $1`, [id]))[0];
  /** Windows of load until the job ends; the job's own run time is reported too. */
  const during = async (phase, id) => {
    const windows = [];
    for (;;) {
      const state = await jobState(id);
      if (!['QUEUED', 'RUNNING'].includes(state.state)) {
        if (state.state !== 'SUCCEEDED') throw new Error(`${phase} job ${id} ${state.state}: ${state.error}`);
        return { windows, seconds: state.seconds };
      }
      windows.push(await window(phase));
    }
  };

  await window('warm-up'); // JIT, pools and caches; not reported
  rows.push(await window('idle'));
  const backup = await graphql(url, `mutation { startBackup(input: { reason: "bench" }) { job { id } } }`, {}, admin);
  const backupRun = await during('backup', backup.startBackup.job.id);
  const backupId = (await jobState(backup.startBackup.job.id)).result.backup;
  rows.push(...backupRun.windows);
  const drill = await graphql(url, `mutation($id: ID!) { startBackupDrill(input: { id: $id }) { job { id } } }`, { id: backupId }, admin);
  const drillRun = await during('drill', drill.startBackupDrill.job.id);
  rows.push(...drillRun.windows);
  rows.push(await window('idle again'));

  // The baseline is the better of the two idle windows (before and after): the machine's
  // own noise should not make the jobs look cheaper than they are.
  const idle = [rows[0], rows[rows.length - 1]].reduce((a, b) => (a.p97_5 <= b.p97_5 ? a : b));
  const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '—');
  console.log(`\n## Backup and restore drill next to API traffic (${values.customers} customers, ${values.interactions} interactions)\n`);
  console.log(`backup ${fmt(backupRun.seconds)} s, drill ${fmt(drillRun.seconds)} s; nested customers query (50 × 5), ${values.connections} connections, ${values.seconds} s windows\n`);
  console.log('| phase | req/s | p50 ms | p97.5 ms | p99 ms | max ms | timeouts | p97.5 ÷ idle |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.phase} | ${fmt(r.rps)} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.max} | ${r.timeouts} | ${fmt(r.p97_5 / idle.p97_5)} |`);
  }
} finally {
  await server?.stop();
  if (seedMark) {
    await query(seededUrl, `create table bench_seed (size text not null, seconds float8 not null, at timestamptz not null default now())`);
    await query(seededUrl, `insert into bench_seed (size, seconds, at) values ($1, $2, $3)`, [seedMark.size, seedMark.seconds, seedMark.at]);
  }
  await cluster.stop();
  fs.rmSync(backupDir, { recursive: true, force: true });
}
