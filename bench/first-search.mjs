// Fresh clone → ./scripts/start.sh → first answered archive search, then a restart (issue 15).
// Clones the repository into a temporary directory, runs start.sh as a new user would
// (PATH without this checkout's .tools, so bootstrap does what it does on a machine with an
// older Node), and times, from the moment start.sh is spawned: the steps it logs, /readyz,
// the first signed-in `searchArchive` answered without error, and how long an archived
// customer takes to become findable. Then SIGTERM, a check that nothing of the clone is
// left running, and the same for a restart. Prints one table.
// Usage: node first-search.mjs [--repo PATH] [--ref main] [--keep]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '@custos/server/dist/db/embedded-postgres.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { repo: { type: 'string', default: path.resolve(here, '..') }, ref: { type: 'string', default: 'HEAD' }, keep: { type: 'boolean', default: false } },
});
const say = (m) => process.stderr.write(`[first-search ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-first-search-'));
const clone = path.join(root, 'custos');
const cloneStarted = Date.now();
execFileSync('git', ['clone', '--quiet', values.repo, clone]);
execFileSync('git', ['-C', clone, 'checkout', '--quiet', execFileSync('git', ['-C', values.repo, 'rev-parse', values.ref]).toString().trim()]);
const commit = execFileSync('git', ['-C', clone, 'log', '-1', '--format=%h %s']).toString().trim().slice(0, 80);
const cloneSeconds = (Date.now() - cloneStarted) / 1000;
say(`cloned ${commit} into ${clone} in ${cloneSeconds.toFixed(1)} s`);

// What start.sh prints when each of its steps is over (first line that matches).
const MILESTONES = [
  ['bootstrap done', /^bootstrap: node/],
  ['packages installed', /^Done in [\d.]+m?s|^start: packages unchanged/],
  ['dashboard built', /^\[start\] dashboard: (built in|unchanged)/],
  ['server built', /^\[start\] server: (built in|unchanged)/],
  ['search engine started', /search engine: /],
];

async function post(url, body, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

const SEARCH = `query($q: String!) { searchArchive(query: $q, first: 5) { totalCount engine hits { customer { id code } } } }`;

/** One start: spawn → each milestone → ready → first answered search; `code` is looked for when given. */
async function start(label, code) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const PATH = process.env.PATH.split(':').filter((p) => !p.includes('/.tools/')).join(':');
  const loadBefore = load();
  const t0 = Date.now();
  const child = spawn('bash', ['scripts/start.sh'], { cwd: clone, env: { ...process.env, PATH, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const at = {};
  const logFile = fs.createWriteStream(path.join(root, `${label}.log`));
  let exited = false;
  child.once('exit', () => (exited = true));
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const s = (Date.now() - t0) / 1000;
        logFile.write(`${s.toFixed(2)} ${line}\n`);
        for (const [name, re] of MILESTONES) if (at[name] === undefined && re.test(line.replace(/\x1b\[[0-9;]*m/g, '').trim())) at[name] = s;
      }
    });
  }
  const since = () => (Date.now() - t0) / 1000;
  let token;
  let engine;
  let hits;
  for (;;) {
    if (exited) throw new Error(`start.sh exited early; see ${path.join(root, `${label}.log`)}`);
    if (since() > 900) throw new Error(`no answered search after 900 s; see ${root}`);
    try {
      if (at.ready === undefined && (await fetch(`${url}/readyz`)).ok) at.ready = since();
      if (at.ready !== undefined && !token) {
        const res = await post(url, { query: `mutation { login(input: { email: "admin@example.com", password: "custos-demo" }) { token } }` });
        token = res.data?.login?.token;
        if (token) at['signed in'] = since();
      }
      if (token) {
        const res = await post(url, { query: SEARCH, variables: { q: code ?? '张伟' } }, token);
        if (!res.errors) {
          at['first archive search answered'] ??= since();
          engine = res.data.searchArchive.engine;
          hits = res.data.searchArchive.totalCount;
          if (!code || res.data.searchArchive.hits.some((h) => h.customer.code === code)) break;
        }
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  if (code) at['archived customer found'] = since();
  return { label, url, token, child, at, engine, hits, loadBefore, exited: () => exited };
}

/** SIGTERM to start.sh's process group; seconds until it exited, and what of the clone still runs. */
async function stop(run) {
  const t = Date.now();
  process.kill(-run.child.pid, 'SIGTERM');
  while (!run.exited() && Date.now() - t < 60_000) await sleep(50);
  const seconds = (Date.now() - t) / 1000;
  await sleep(1000);
  const left = execFileSync('ps', ['-eo', 'pid=,args=']).toString().split('\n').filter((l) => l.includes(clone) && !l.includes('ps -eo'));
  return { seconds, left };
}

const rows = [];
const row = (run, stopped, extra = {}) => {
  const r = { start: run.label, 'load before': run.loadBefore };
  for (const [name] of MILESTONES) r[name] = run.at[name]?.toFixed(1) ?? '-';
  r['ready (/readyz)'] = run.at.ready.toFixed(1);
  r['first archive search answered'] = `${run.at['first archive search answered'].toFixed(1)} (${run.engine}, ${run.hits} hits)`;
  Object.assign(r, extra);
  r['SIGTERM → exited s'] = stopped.seconds.toFixed(1);
  r['left running'] = stopped.left.length;
  rows.push(r);
};

try {
  const first = await start('fresh clone');
  // An archived customer, then the time until the index (outbox → engine) finds it.
  const gql = (query, variables) => post(first.url, { query, variables }, first.token);
  const customer = (await gql(`{ customers(first: 1) { nodes { id code } } }`)).data.customers.nodes[0];
  const archived = Date.now();
  const moved = await gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "first-search bench" }) { customers { id } } }`, { ids: [customer.id] });
  if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  for (;;) {
    const res = await gql(SEARCH, { q: customer.code });
    if (!res.errors && res.data.searchArchive.hits.some((h) => h.customer.code === customer.code)) break;
    if (Date.now() - archived > 60_000) throw new Error('the archived customer was not findable within 60 s');
    await sleep(50);
  }
  const findable = (Date.now() - archived) / 1000;
  row(first, await stop(first), { 'archived → findable s': findable.toFixed(2) });
  const again = await start('restart', customer.code);
  row(again, await stop(again), { 'archived → findable s': `found at ${again.at['archived customer found'].toFixed(1)}` });
  console.log(`\nFresh clone (${commit}, cloned in ${cloneSeconds.toFixed(1)} s) → ./scripts/start.sh → first answered searchArchive, then a restart; seconds from spawning start.sh; ${os.cpus().length} cores shared, load average (1/5/15 min) now ${load()}`);
  console.table(rows);
  if (values.keep) say(`logs in ${root}`);
} finally {
  if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
}
