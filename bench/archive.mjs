// Archive throughput: an archive policy run (the real job: id-range batches, checksums,
// audit events, checkpoints) next to a raw single-statement move of an identical data
// set, on one embedded PostgreSQL in one run, so machine noise hits both.
// Usage: pnpm build && pnpm --filter @custos/bench archive [--customers 100000] [--per 10] [--batch 1000]
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { compareArchive } from './lib/archive.mjs';
import { openCluster } from './lib/cluster.mjs';
import { fmt } from './lib/stats.mjs';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, per: { type: 'string', default: '10' }, batch: { type: 'string', default: '1000' } },
});
const customers = Number(values.customers);
const per = Number(values.per);

const cluster = await openCluster();
await cluster.create('bench');
const url = cluster.url('bench');
const orm = await openOrm(url, 4);
const result = await compareArchive({ orm, url, customers, per, batch: Number(values.batch) });
console.log(`\nArchive ${fmt(customers)} customers with ${fmt(customers * per)} interactions; batch ${values.batch}; ${os.cpus().length} cores; seeding took ${result.seedSeconds.toFixed(1)} s`);
console.table(result.rows);

await orm.close(true);
await cluster.stop();
