// An authenticated request's latency while wrong-password sign-ins flood the server
// (issue 17: 40 parallel wrong-password logins once pushed `{ me { id } }` from ~20 ms to
// 4–50 s, argon2 holding libuv's threads). The server runs in its own process; 40
// attackers run in a worker thread while this thread times sequential `{ me { id } }`
// calls with a real session token.
//
// Attacks: `waves` sends 40 wrong-password logins in parallel, and the next 40 as soon as
// all have answered (the scenario, repeated); `loop` has each of the 40 send its
// next login the moment the last one answered, ignoring Retry-After (a request flood at
// whatever rate the server answers); `no-token` loops requests without a token, refused
// before any resolver (401): what any request flood at that rate costs, for comparison.
// Configurations: the defaults as deployed (a looping client is held at the door for
// requests without a token); sign-in limits and that door off (a distributed attacker:
// every attempt reaches the hashing pool, the pool alone protects); the pool opened up too
// (hashes unbounded, as before issue 17). `nice0-*` run the hashing process at the server's
// own CPU priority (PASSWORD_HASH_NICE=0): the comparison for the niced default.
// Usage: pnpm build && node bench/sign-in-flood.mjs [--samples 200] [--max-seconds 30] [--attackers 40]
//   [--only defaults-waves,defaults-loop,limits-off-waves,limits-off-loop,nice0-limits-off-waves,nice0-limits-off-loop,unbounded-waves,no-token-loop]
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { hashPassword } from '@custos/server/dist/modules/identity/passwords.js';
import { openCluster, query } from './lib/cluster.mjs';
import { graphql } from './lib/load.mjs';
import { startCustos } from './lib/servers.mjs';
import { percentile } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '200' },
    attackers: { type: 'string', default: '40' },
    only: { type: 'string', default: 'defaults-waves,defaults-loop,limits-off-waves,limits-off-loop,nice0-limits-off-waves,nice0-limits-off-loop,unbounded-waves,no-token-loop' },
    'max-seconds': { type: 'string', default: '30' },
  },
});
const say = (m) => process.stderr.write(`[sign-in-flood] ${m}\n`);
const SAMPLES = Number(values.samples);
const ATTACKERS = Number(values.attackers);
/** A phase ends after this long even with fewer samples (the unbounded flood is slow). */
const MAX_MS = Number(values['max-seconds']) * 1000;
const NO_LIMITS = {
  LOGIN_ACCOUNT_FREE_FAILURES: '1000', LOGIN_ACCOUNT_LOCK_FAILURES: '10000',
  LOGIN_ADDRESS_FREE_FAILURES: '100000', LOGIN_ADDRESS_LOCK_FAILURES: '1000000',
  ANONYMOUS_REQUESTS_PER_SECOND: '0',
};
const UNBOUNDED = { ...NO_LIMITS, PASSWORD_HASH_CONCURRENCY: '64', PASSWORD_HASH_QUEUE_MAX: '10000' };
const CONFIGS = [
  { name: 'defaults-waves', env: {}, attack: 'waves' },
  { name: 'defaults-loop', env: {}, attack: 'loop' },
  { name: 'limits-off-waves', env: NO_LIMITS, attack: 'waves' },
  { name: 'limits-off-loop', env: NO_LIMITS, attack: 'loop' },
  { name: 'nice0-limits-off-waves', env: { ...NO_LIMITS, PASSWORD_HASH_NICE: '0' }, attack: 'waves' },
  { name: 'nice0-limits-off-loop', env: { ...NO_LIMITS, PASSWORD_HASH_NICE: '0' }, attack: 'loop' },
  { name: 'unbounded-waves', env: UNBOUNDED, attack: 'waves' },
  { name: 'no-token-loop', env: { ANONYMOUS_REQUESTS_PER_SECOND: '0' }, attack: 'no-token' },
].filter((c) => values.only.split(',').includes(c.name));

// The attackers: a worker thread so their event loop is not the one that times requests.
const ATTACK = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, attackers, attack } = workerData;
let stop = false;
let n = 0;
const counts = {};
parentPort.on('message', () => { stop = true; });
async function one(i) {
  n += 1;
  const body = attack === 'no-token'
    ? '{"query":"{ me { id } }"}'
    : JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
        variables: { i: { email: 'flood.' + i + '.' + n + '@example.com', password: 'wrong-password' } } });
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await res.json();
    const error = answer.errors?.[0]?.extensions;
    const key = res.status + ' ' + (error?.reason ?? error?.code ?? 'OK');
    counts[key] = (counts[key] ?? 0) + 1;
  } catch {
    counts['network error'] = (counts['network error'] ?? 0) + 1;
  }
}
async function run() {
  if (attack === 'waves') {
    while (!stop) await Promise.all(Array.from({ length: attackers }, (_, i) => one(i)));
  } else {
    await Promise.all(Array.from({ length: attackers }, async (_, i) => { while (!stop) await one(i); }));
  }
  parentPort.postMessage(counts);
}
run();
`;

function startFlood(url, attack) {
  const worker = new Worker(ATTACK, { eval: true, workerData: { url, attackers: ATTACKERS, attack } });
  const started = Date.now();
  return {
    async stop() {
      const done = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      const counts = await done;
      await worker.terminate();
      return { counts, seconds: (Date.now() - started) / 1000 };
    },
  };
}

/** Latencies (ms, ascending) of sequential calls; failed answers are timed and counted. */
async function timeMe(url, headers) {
  const samples = [];
  samples.failed = 0;
  const started = Date.now();
  for (let i = 0; i < SAMPLES && Date.now() - started < MAX_MS; i += 1) {
    const started = process.hrtime.bigint();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ me { id } }"}' });
    const body = await res.json();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (!body.data?.me) {
      samples.failed += 1;
      if (samples.failed === 1) say(`me failed: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
  }
  const failed = samples.failed;
  return Object.assign(samples.sort((a, b) => a - b), { failed });
}

const cluster = await openCluster();
const rows = [];
try {
  for (const config of CONFIGS) {
    const name = `custos_bench_signin_${config.name.replace(/-/g, '_')}`;
    if (await cluster.exists(name)) await cluster.drop(name);
    await cluster.create(name);
    const dbUrl = cluster.url(name);
    const server = await startCustos(dbUrl, config.env);
    try {
      await query(dbUrl, `insert into app_user (email, display_name, role, password_hash) values ('admin@example.com', 'Admin', 'ADMIN', $1)`, [
        await hashPassword('bench-password-1'),
      ]);
      const url = `${server.url}/graphql`;
      const session = await graphql(url, `mutation { login(input: { email: "admin@example.com", password: "bench-password-1" }) { token } }`);
      const headers = { authorization: `Bearer ${session.login.token}` };
      await timeMe(url, headers); // warm-up: JIT, pool connections
      say(`${config.name}: idle`);
      const idle = await timeMe(url, headers);
      say(`${config.name}: flood of ${ATTACKERS} (${config.attack})`);
      const flood = startFlood(url, config.attack);
      // Let the flood fill the queue before timing.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const during = await timeMe(url, headers);
      const attack = await flood.stop();
      const again = await timeMe(url, headers);
      const baseline = percentile(idle, 0.95) <= percentile(again, 0.95) ? idle : again;
      for (const [phase, samples] of [['idle', idle], [`${ATTACKERS} attackers`, during], ['idle again', again]]) {
        rows.push({ config: config.name, phase, samples, ratio: percentile(samples, 0.95) / percentile(baseline, 0.95), attack: phase.includes('attackers') ? attack : null });
      }
    } finally {
      await server.stop();
      await cluster.drop(name);
    }
  }
} finally {
  await cluster.stop();
}

const f = (n) => n.toFixed(1);
const load = os.loadavg()[0].toFixed(2);
console.log(`\n## Authenticated \`{ me { id } }\` while wrong-password sign-ins flood the server\n`);
console.log(`up to ${SAMPLES} sequential requests (at most ${MAX_MS / 1000} s) per phase; ${os.availableParallelism()} cores, load average ${load} at the end; ${ATTACKERS} attackers\n`);
console.log('| config | phase | samples | p50 ms | p95 ms | max ms | p95 ÷ idle | failed | attacker answers (per s) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const attack = r.attack
    ? Object.entries(r.attack.counts).map(([k, v]) => `${k}: ${Math.round(v / r.attack.seconds)}`).join(', ')
    : '';
  console.log(`| ${r.config} | ${r.phase} | ${r.samples.length} | ${f(percentile(r.samples, 0.5))} | ${f(percentile(r.samples, 0.95))} | ${f(r.samples.at(-1))} | ${f(r.ratio)} | ${r.samples.failed} | ${attack} |`);
}
