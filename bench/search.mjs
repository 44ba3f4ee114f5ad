// Archive search latency on the PostgreSQL engine at 100k and 1M archived customers:
// the engine's full query (bounded ranking, count, seven facets) next to the raw SQL of
// the same match with LIMIT 20 (no ranking, count or facets) and a naive ILIKE over the
// archive table, all in the same run on the same database.
// Usage: pnpm build && pnpm --filter @custos/bench search [--sizes 100000,1000000] [--runs 30] [--cap 1000]
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { SqlExecutor } from '@custos/server/dist/db/sql.js';
import { openCluster } from './lib/cluster.mjs';
import { growArchive, loadNames, measureSearch } from './lib/search.mjs';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100000,1000000' }, runs: { type: 'string', default: '30' }, cap: { type: 'string', default: '1000' } },
});
const sizes = values.sizes.split(',').map(Number).sort((a, b) => a - b);
const runs = Number(values.runs);
const cap = Number(values.cap);

const cluster = await openCluster();
await cluster.create('bench');
const orm = await openOrm(cluster.url('bench'), 4);
const sql = new SqlExecutor(orm.em.fork());
const say = (m) => process.stderr.write(`[bench] ${m}\n`);

const nameCount = await loadNames(sql, say);
let loaded = 0;
for (const size of sizes) {
  await growArchive(sql, loaded, size, nameCount, say);
  loaded = size;
  const { rows } = await measureSearch(sql, { cap, runs });
  console.log(`\nPostgreSQL engine, ${size.toLocaleString('en')} archived customers, candidate bound ${cap}, ${runs} runs per query after 3 warm-ups, ${os.cpus().length} cores (shared)`);
  console.table(rows);
}

await orm.close(true);
await cluster.stop();
