// What keeping customer history costs writes (issue 21): the statement triggers on
// customer write one customer_history row per changed customer. Measured with the triggers
// on and off, interleaved rounds in one run so machine noise hits both:
// - a set-based bulk write (tags on a block of customers in one UPDATE, as bulk tagging and
//   tag renames do), and
// - single edits through the real service (updateCustomer: lock, write, audit event).
// Usage: pnpm build && node bench/history.mjs [--customers 100000] [--block 10000] [--rounds 4] [--edits 100] [--keep DIR]
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_ENCRYPTION_KEY } from './keys.mjs';
import { loadConfig } from '@custos/server/dist/config.js';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { createRequestContext } from '@custos/server/dist/core/context.js';
import { TokenSigner } from '@custos/server/dist/core/tokens.js';
import { updateCustomer } from '@custos/server/dist/modules/customer/customer.service.js';
import { openCluster } from './lib/cluster.mjs';
import { ensureSeeded } from './lib/seed.mjs';
import { fmt, median, percentile } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    block: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '4' },
    edits: { type: 'string', default: '100' },
    keep: { type: 'string' },
  },
});
const [customers, block, rounds, edits] = [values.customers, values.block, values.rounds, values.edits].map(Number);
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
const triggers = async (on) => {
  for (const t of ['live_customer_history_insert', 'live_customer_history_update']) {
    await client.query(`alter table customer ${on ? 'enable' : 'disable'} trigger ${t}`);
  }
};
const ms = async (work) => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const { rows: ids } = await client.query(`select c.id::text as id from customer c where c.status = 'ACTIVE' order by c.id limit $1`, [block * rounds * 2]);
const blocks = [];
for (let i = 0; i < rounds * 2; i += 1) blocks.push(ids.slice(i * block, (i + 1) * block).map((r) => r.id));
const bulk = { on: [], off: [] };
const single = { on: [], off: [] };
const { rows: editIds } = await client.query(`select c.id::text as id from customer c where c.status = 'ACTIVE' order by c.id desc limit $1`, [edits * 2]);

try {
  for (let round = 0; round < rounds; round += 1) {
    for (const on of round % 2 ? [true, false] : [false, true]) {
      await triggers(on);
      const target = blocks[round * 2 + (on ? 0 : 1)];
      bulk[on ? 'on' : 'off'].push(
        await ms(() => client.query(`update customer c set tags = array_append(c.tags, 'bench-history'), version = c.version + 1, updated_at = now() where c.id = any($1::bigint[])`, [target])),
      );
    }
    say(`bulk round ${round + 1}/${rounds}`);
  }
  for (let i = 0; i < edits; i += 1) {
    for (const on of i % 2 ? [true, false] : [false, true]) {
      await triggers(on);
      const id = editIds[i * 2 + (on ? 0 : 1)].id;
      const { rows: [{ version }] } = await client.query(`select version from customer where id = $1`, [id]);
      single[on ? 'on' : 'off'].push(await ms(() => updateCustomer(context(), { id, version, notes: `bench ${i}` })));
    }
  }
} finally {
  await triggers(true);
}

const row = (label, on, off, unit) => {
  const [a, b] = [[...on].sort((x, y) => x - y), [...off].sort((x, y) => x - y)];
  const [mOn, mOff] = [median(a), median(b)];
  return { '': label, 'history on (median)': `${mOn.toFixed(1)} ${unit}`, 'history off (median)': `${mOff.toFixed(1)} ${unit}`, 'p95 on': percentile(a, 0.95).toFixed(1), 'p95 off': percentile(b, 0.95).toFixed(1), 'on ÷ off': (mOn / mOff).toFixed(2) };
};
const { rows: [{ n: total }] } = await client.query(`select count(*)::int as n from customer`);
console.log(`\nCustomer history triggers on ${fmt(total)} customers (demo seed${seeded.reused ? ', reused' : `, built in ${seeded.seconds.toFixed(0)} s`}); ${os.cpus().length} cores, shared noisy machine`);
console.table([
  row(`bulk UPDATE of ${fmt(block)} customers (${rounds} rounds each)`, bulk.on, bulk.off, 'ms'),
  row(`updateCustomer through the service (${edits} each)`, single.on, single.off, 'ms'),
]);

await client.end();
await orm.close(true);
await cluster.stop();
