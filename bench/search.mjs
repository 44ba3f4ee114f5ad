// Archive search latency on both engines at 100k and 1M archived customers, in one run on
// the same rows: the PostgreSQL engine's full query (bounded ranking, count, seven facets)
// next to the raw SQL of the same match with LIMIT 20 and a naive ILIKE, and the embedded
// Meilisearch (indexed through the server's adapter: documents/s printed) with the same
// cases, then both side by side with their ratio.
// Usage: pnpm build && pnpm --filter @custos/bench search [--sizes 100000,1000000] [--runs 30] [--cap 1000] [--engines postgres,meilisearch]
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { SqlExecutor } from '@custos/server/dist/db/sql.js';
import { openCluster } from './lib/cluster.mjs';
import { growArchive, loadNames, measureSearch } from './lib/search.mjs';
import { indexArchive, measureMeili, openMeili } from './lib/meili-search.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' }, runs: { type: 'string', default: '30' }, cap: { type: 'string', default: '1000' },
    engines: { type: 'string', default: 'postgres,meilisearch' },
  },
});
const sizes = values.sizes.split(',').map(Number).sort((a, b) => a - b);
const runs = Number(values.runs);
const cap = Number(values.cap);
const engines = new Set(values.engines.split(','));

const cluster = await openCluster();
await cluster.create('bench');
const orm = await openOrm(cluster.url('bench'), 4);
const sql = new SqlExecutor(orm.em.fork());
const say = (m) => process.stderr.write(`[bench] ${m}\n`);

const meili = engines.has('meilisearch') ? await openMeili(say) : undefined;
const nameCount = await loadNames(sql, say);
let loaded = 0;
try {
  for (const size of sizes) {
    await growArchive(sql, loaded, size, nameCount, say);
    const pg = engines.has('postgres') ? (await measureSearch(sql, { cap, runs })).rows : undefined;
    if (pg) {
      console.log(`\nPostgreSQL engine, ${size.toLocaleString('en')} archived customers, candidate bound ${cap}, ${runs} runs per query after 3 warm-ups, ${os.cpus().length} cores (shared)`);
      console.table(pg);
    }
    if (meili) {
      const indexed = await indexArchive(sql, meili.index, loaded, size, say);
      console.log(`\nMeilisearch 1.21 (embedded): indexed ${indexed.documents.toLocaleString('en')} documents in ${indexed.seconds.toFixed(1)} s = ${indexed.perSecond.toLocaleString('en')} documents/s (batches of 10,000, each waited for)`);
      const rows = await measureMeili(meili.index, { runs });
      console.log(`Meilisearch engine, ${size.toLocaleString('en')} archived customers, ${runs} runs per query after 3 warm-ups (facets included)`);
      console.table(rows.map((r, i) => ({
        query: r.query, hits: r.hits, 'meili p50/p95 ms': `${r.p50} / ${r.p95}`,
        ...(pg ? { 'postgres p50/p95 ms': pg[i]['engine p50/p95 ms'], 'p95 postgres/meili': (Number(pg[i]['engine p50/p95 ms'].split(' / ')[1]) / r.p95).toFixed(1) } : {}),
      })));
    }
    loaded = size;
  }
} finally {
  await meili?.stop();
}

await orm.close(true);
await cluster.stop();
