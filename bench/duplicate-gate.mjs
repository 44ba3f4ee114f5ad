// The duplicate gate at scale (issue 22): createCustomer through the gate (the real
// service: rules read, the cleanup module's match query, the insert and its audit event)
// next to the same create without the gate, and the check alone, on the demo seed
// (bilingual customers with 1.5 % planted near-duplicates). Half the creates reuse an
// existing customer's phone, email or name, reformatted, so the lookups find something;
// half are new. Both variants run interleaved in one run so machine noise hits both.
// The similar-name index's pending list (migration-2026120723-gate-pending-list) is
// compared in the same run: blocks of creates alternate between the shipped cap (256 kB)
// and the default 4 MB with the list as full as it is on average there (--pending names
// written since the last flush, half of what 4 MB holds; 0 skips the comparison). The
// statement alone (reader, raw client) is timed too: what the engine takes, without the
// service's rules read and transaction.
// Usage: pnpm build && pnpm --filter @custos/bench duplicate-gate [--customers 1000000] [--creates 400] [--pending 3000] [--keep DIR]
import 'reflect-metadata';
import crypto from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_ENCRYPTION_KEY } from './keys.mjs';
import { loadConfig } from '@custos/server/dist/config.js';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { createRequestContext, inTransaction } from '@custos/server/dist/core/context.js';
import { TokenSigner } from '@custos/server/dist/core/tokens.js';
import { createCustomer } from '@custos/server/dist/modules/customer/customer.service.js';
import { createCheckedCustomer } from '@custos/server/dist/modules/intake/customer-entry.service.js';
import { findMatchingCustomers } from '@custos/server/dist/modules/cleanup/duplicate.reader.js';
import { checkCandidate } from '@custos/server/dist/modules/intake/duplicate-gate.service.js';
import { openCluster } from './lib/cluster.mjs';
import { ensureSeeded } from './lib/seed.mjs';
import { fmt, percentile } from './lib/stats.mjs';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '1000000' }, creates: { type: 'string', default: '400' }, pending: { type: 'string', default: '3000' }, keep: { type: 'string' } },
});
const customers = Number(values.customers);
const creates = Number(values.creates);
const pending = Number(values.pending);
const say = (m) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

const cluster = await openCluster({ dataDir: values.keep });
const seeded = await ensureSeeded(cluster, { customers, interactions: 0, say });
const orm = await openOrm(seeded.url, 4);
const client = new pg.Client({ connectionString: seeded.url });
await client.connect();
const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: seeded.url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent' });
const { rows: [admin] } = await client.query(`select id::text as id, email from app_user where role = 'ADMIN' order by id limit 1`);
const context = () => {
  const ctx = createRequestContext(orm, config, new TokenSigner(config.JWT_SECRET, 60), 'bench');
  ctx.actor = { userId: admin.id, role: 'ADMIN', email: admin.email };
  return ctx;
};

// Inputs: existing values reformatted (a hit), or values nobody has (a miss).
const { rows: sample } = await client.query(
  `select name, region, email, phone from customer where status = 'ACTIVE' order by random() limit $1`,
  [creates],
);
const reformat = (phone) => (phone ? phone.replace(/^\+86/, '').replace(/(\d{3})(\d{4})(\d+)/, '$1 $2 $3') : null);
// A miss shares nothing with anyone: random name, email and phone per input and run (a
// run-wide prefix would make the run's own new names similar to each other, and fixed
// phones would match an earlier run's creates on a kept database). The plain create of
// a miss gets its own values, so the gated create never finds it.
const fresh = () => {
  const tag = crypto.randomBytes(6).toString('hex');
  return { name: `Bench Newco ${tag}`, email: `new.${tag}@bench.example`, phone: `+86 139${String(crypto.randomInt(1e8)).padStart(8, '0')}` };
};
const inputs = sample.map((c, i) => {
  const hit = i % 2 === 0;
  const n = `${Date.now().toString(36)}${i}`;
  return hit
    ? [{ name: c.name, type: 'SMB', region: c.region, email: c.email?.toUpperCase() ?? null, phone: reformat(c.phone) }, { name: `${c.name} ${n}`, type: 'SMB', region: c.region, phone: reformat(c.phone) }][i % 4 === 0 ? 0 : 1]
    : { type: 'SMB', region: c.region, ...fresh() };
});
const plainInputs = inputs.map((input, i) => (i % 2 === 0 ? { ...input, name: `${input.name} plain` } : { ...input, ...fresh() }));

const STATES = pending > 0 ? ['capped', 'default'] : ['capped'];
const samples = Object.fromEntries(STATES.map((st) => [st, { gate: [], plain: [], check: [], lookup: [] }]));
let hits = 0;
let missesFound = 0;
const timed = async (list, work) => {
  const started = process.hrtime.bigint();
  const out = await work();
  list.push(Number(process.hrtime.bigint() - started) / 1e6);
  return out;
};
// The similar-name index: one per region bucket (migration-2026120725-gate-region-buckets).
const { rows: trgm } = await client.query(`select indexname from pg_indexes where tablename = 'customer' and indexname like 'customer\\_name\\_key\\_trgm\\_%' order by indexname`);
const INDEXES = trgm.map((r) => r.indexname);
await client.query('create extension if not exists pgstattuple');
const pendingNames = async () => (await client.query(`select sum(pending_tuples)::int as n from unnest($1::text[]) i, pgstatginindex(i::regclass)`, [INDEXES])).rows[0].n;
/** The index as shipped (list capped, emptied), or as before (default 4 MB, `pending`
 * names written since the last flush: rolled-back inserts leave their entries in the list). */
async function indexState(state) {
  await client.query(`select gin_clean_pending_list(i::regclass) from unnest($1::text[]) i`, [INDEXES]);
  for (const index of INDEXES) await client.query(`alter index ${index} ${state === 'capped' ? 'set (gin_pending_list_limit = 256)' : 'reset (gin_pending_list_limit)'}`);
  if (state === 'capped') return;
  await client.query('begin');
  await client.query(
    `insert into customer (code, name, type, region)
     select 'BENCH-PENDING-' || id, name || ' pending', type, region from customer where status = 'ACTIVE' order by id desc limit $1`,
    [pending],
  );
  await client.query('rollback');
}
const lookupClient = new pg.Client({ connectionString: seeded.url });
await lookupClient.connect();
const rawSql = { stats: { statements: 0 }, query: async (text, params) => (await lookupClient.query(text, params)).rows };
const lookup = async (input) => {
  await lookupClient.query('begin');
  try {
    return await findMatchingCustomers(rawSql, input, { kinds: ['EMAIL', 'PHONE', 'TAX_ID', 'NAME', 'SIMILAR_NAME'], similarity: config.DUPLICATE_NAME_SIMILARITY, defaultCountry: config.PHONE_DEFAULT_REGION, limit: 20 });
  } finally {
    await lookupClient.query('rollback');
  }
};
for (let i = 0; i < 5; i += 1) await createCheckedCustomer(context(), { ...inputs[i], name: `${inputs[i].name} warm` });
const BLOCK = 25;
const listSeen = Object.fromEntries(STATES.map((st) => [st, []]));
for (let from = 0; from < inputs.length; from += BLOCK) {
  const state = STATES[(from / BLOCK) % STATES.length];
  await indexState(state);
  listSeen[state].push(await pendingNames());
  for (const [j, input] of inputs.slice(from, from + BLOCK).entries()) {
    const i = from + j;
    const s = samples[state];
    // Interleaved, alternating which goes first.
    const runs = [
      async () => {
        const out = await timed(s.gate, () => createCheckedCustomer(context(), input));
        if (out.possibleDuplicates.length) hits += 1;
        if (out.possibleDuplicates.length && i % 2 === 1) missesFound += 1;
      },
      () => timed(s.plain, () => createCustomer(context(), plainInputs[i])),
      () => timed(s.check, () => inTransaction(context(), (tx) => checkCandidate(tx, input, { kinds: ['EMAIL', 'PHONE', 'TAX_ID', 'NAME', 'SIMILAR_NAME'], enforce: false }))),
      () => timed(s.lookup, () => lookup(input)),
    ];
    for (const run of i % 2 ? runs : runs.reverse()) await run();
  }
}
await indexState('capped');
const row = (label, list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { '': label, n: list.length, p50: percentile(sorted, 0.5).toFixed(1), p95: percentile(sorted, 0.95).toFixed(1), p99: percentile(sorted, 0.99).toFixed(1) };
};
const { rows: [{ n: total }] } = await client.query(`select count(*)::int as n from customer`);
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`\nDuplicate gate on ${fmt(total)} customers (demo seed${seeded.reused ? ', reused' : `, built in ${seeded.seconds.toFixed(0)} s`}), ${creates} creates per variant, ${hits} of ${creates} gated creates found a match (${missesFound} of the ${Math.floor(creates / 2)} new ones); ${os.cpus().length} cores, shared noisy machine, load average at the end ${load}; ms`);
const LABEL = { capped: 'pending list capped at 256 kB (shipped)', default: `default 4 MB list, ${fmt(pending)} names pending (before)` };
const table = [];
for (const st of STATES) {
  const seen = listSeen[st];
  const s = samples[st];
  table.push(
    row(`${LABEL[st]}: createCustomer with the gate`, s.gate),
    row(`${LABEL[st]}: createCustomer without it (baseline)`, s.plain),
    row(`${LABEL[st]}: the check alone (rules + match query, own transaction)`, s.check),
    row(`${LABEL[st]}: the match statement alone (raw client)`, s.lookup),
  );
  console.error(`${st}: names pending at the start of each block ${seen.join(', ')}`);
}
console.table(table);
const p95 = (list) => percentile([...list].sort((a, b) => a - b), 0.95);
for (const st of STATES) {
  const s = samples[st];
  console.log(`${LABEL[st]}: check / baseline create at p95 ${(p95(s.check) / p95(s.plain)).toFixed(2)}×, gate / baseline at p95 ${(p95(s.gate) / p95(s.plain)).toFixed(2)}×`);
}
if (STATES.length === 2) {
  console.log(`check before / after at p95: ${(p95(samples.default.check) / p95(samples.capped.check)).toFixed(2)}×; statement alone ${(p95(samples.default.lookup) / p95(samples.capped.lookup)).toFixed(2)}×`);
}

await lookupClient.end();
await client.end();
await orm.close(true);
await cluster.stop();
