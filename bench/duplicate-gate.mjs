// The duplicate gate at scale (issue 22): createCustomer through the gate (the real
// service: rules read, the cleanup module's match query, the insert and its audit event)
// next to the same create without the gate, and the check alone, on the demo seed
// (bilingual customers with 1.5 % planted near-duplicates). Half the creates reuse an
// existing customer's phone, email or name, reformatted, so the lookups find something;
// half are new. Both variants run interleaved in one run so machine noise hits both.
// Usage: pnpm build && pnpm --filter @custos/bench duplicate-gate [--customers 1000000] [--creates 400] [--keep DIR]
import 'reflect-metadata';
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
import { checkCandidate } from '@custos/server/dist/modules/intake/duplicate-gate.service.js';
import { openCluster } from './lib/cluster.mjs';
import { ensureSeeded } from './lib/seed.mjs';
import { fmt, percentile } from './lib/stats.mjs';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '1000000' }, creates: { type: 'string', default: '400' }, keep: { type: 'string' } },
});
const customers = Number(values.customers);
const creates = Number(values.creates);
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
const inputs = sample.map((c, i) => {
  const hit = i % 2 === 0;
  const n = `${Date.now().toString(36)}${i}`;
  return hit
    ? [{ name: c.name, type: 'SMB', region: c.region, email: c.email?.toUpperCase() ?? null, phone: reformat(c.phone) }, { name: `${c.name} ${n}`, type: 'SMB', region: c.region, phone: reformat(c.phone) }][i % 4 === 0 ? 0 : 1]
    : { name: `Bench Newco ${n}`, type: 'SMB', region: c.region, email: `new.${n}@bench.example`, phone: `+86 139${String(10_000_000 + i).slice(-8)}` };
});

const samples = { gate: [], plain: [], check: [] };
let hits = 0;
const timed = async (list, work) => {
  const started = process.hrtime.bigint();
  const out = await work();
  list.push(Number(process.hrtime.bigint() - started) / 1e6);
  return out;
};
for (let i = 0; i < 5; i += 1) await createCheckedCustomer(context(), { ...inputs[i], name: `${inputs[i].name} warm` });
for (const [i, input] of inputs.entries()) {
  // Interleaved, alternating which goes first.
  const runs = [
    async () => {
      const out = await timed(samples.gate, () => createCheckedCustomer(context(), input));
      if (out.possibleDuplicates.length) hits += 1;
    },
    () => timed(samples.plain, () => createCustomer(context(), { ...input, name: `${input.name} plain` })),
    () => timed(samples.check, () => inTransaction(context(), (tx) => checkCandidate(tx, input, { kinds: ['EMAIL', 'PHONE', 'TAX_ID', 'NAME', 'SIMILAR_NAME'], enforce: false }))),
  ];
  for (const run of i % 2 ? runs : runs.reverse()) await run();
}
const row = (label, list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { '': label, p50: percentile(sorted, 0.5).toFixed(1), p95: percentile(sorted, 0.95).toFixed(1), p99: percentile(sorted, 0.99).toFixed(1) };
};
const { rows: [{ n: total }] } = await client.query(`select count(*)::int as n from customer`);
console.log(`\nDuplicate gate on ${fmt(total)} customers (demo seed${seeded.reused ? ', reused' : `, built in ${seeded.seconds.toFixed(0)} s`}), ${creates} creates per variant, ${hits} of ${creates} gated creates found a match; ${os.cpus().length} cores, shared noisy machine; ms`);
const gate = row('createCustomer with the gate', samples.gate);
const plain = row('createCustomer without the gate (baseline)', samples.plain);
console.table([gate, plain, row('the check alone (rules + match query, own transaction)', samples.check)]);
console.log(`gate / baseline at p95: ${(Number(gate.p95) / Number(plain.p95)).toFixed(2)}×`);

await client.end();
await orm.close(true);
await cluster.stop();
