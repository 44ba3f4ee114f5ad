// Duplicate detection at scale: seeds the demo data (which plants 1.5 % near-duplicates:
// legal form, spacing and case changed, phone and often email kept) at each size, runs the
// DETECT_DUPLICATES job through the real job worker, and prints a table.
// Usage: pnpm build && pnpm --filter @custos/bench duplicates [--sizes 10000,100000,1000000] [--keep DIR]
// --keep DIR keeps the seeded cluster under DIR, and a later run with the same DIR times
// the detection again without seeding anew. --normalize also times a NORMALIZE_CUSTOMERS
// job over every customer afterwards (it rewrites them: use it on a throwaway cluster).
import 'reflect-metadata';
import { BENCH_ENCRYPTION_KEY } from './keys.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '@custos/server/dist/config.js';
import { createDatabase, startEmbeddedPostgres } from '@custos/server/dist/db/embedded-postgres.js';
import { openOrm } from '@custos/server/dist/db/orm.js';
import { createRequestContext } from '@custos/server/dist/core/context.js';
import { JobKind } from '@custos/server/dist/modules/job/job.enums.js';
import { enqueueJob } from '@custos/server/dist/modules/job/job.queue.js';
import { createJobWorker } from '@custos/server/dist/app/jobs.js';
import { TokenSigner } from '@custos/server/dist/core/tokens.js';
import { seedDemoData } from '@custos/server/dist/modules/seed/seed.service.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000,1000000' }, keep: { type: 'string' }, normalize: { type: 'boolean', default: false } },
});
const sizes = values.sizes.split(',').map(Number);

const dataDir = values.keep ? path.resolve(values.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-dup-'));
fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o755);
const cluster = await startEmbeddedPostgres({ dataDir, database: 'bench_dup', persistent: Boolean(values.keep) });
const base = cluster.url.replace(/\/[^/]*$/, '');
const rows = [];
try {
  for (const size of sizes) {
    const name = `dup_${size}`;
    await createDatabase(`${base}/postgres`, name);
    const url = `${base}/${name}`;
    const orm = await openOrm(url, 4);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const seedStart = Date.now();
      const { rows: [existing] } = await client.query(`select count(*)::int as n from customer`);
      const seeded = existing.n > 0 ? { customers: existing.n } : await seedDemoData(client, { customers: size, interactions: 0 });
      const seedMs = existing.n > 0 ? NaN : Date.now() - seedStart;
      await client.query(`delete from duplicate_group`);
      // The seed inserts the near-duplicates last, after the originals.
      const planted = Math.floor(size * 0.015);
      const { rows: [mark] } = await client.query(`select max(id)::bigint - $1::int as first from customer`, [planted]);
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, JWT_SECRET: 'b'.repeat(48), ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'silent', JOB_POLL_MS: '50' });
      const ctx = createRequestContext(orm, config, new TokenSigner(config.JWT_SECRET, 60), 'bench');
      const job = await enqueueJob(ctx, JobKind.DETECT_DUPLICATES, { similarity: config.DUPLICATE_NAME_SIMILARITY, trigramBlockMax: config.DUPLICATE_TRIGRAM_BLOCK_MAX });
      const worker = createJobWorker(orm, config, { schedules: false });
      const started = Date.now();
      worker.start();
      let state;
      for (;;) {
        ({ rows: [state] } = await client.query(`select state, result, error from job where id = $1`, [job.id]));
        if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(state.state)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const ms = Date.now() - started;
      await worker.stop();
      if (state.state !== 'SUCCEEDED') throw new Error(`detection ${state.state}: ${state.error}`);
      const { rows: [found] } = await client.query(
        `select count(distinct x.id)::int as n from duplicate_group g, unnest(g.member_ids) x(id) where x.id > $1::bigint`,
        [mark.first],
      );
      let normalizeMs = NaN;
      let normalized = null;
      if (values.normalize) {
        const nJob = await enqueueJob(ctx, JobKind.NORMALIZE_CUSTOMERS, { filter: {}, scope: { searchable: ['name', 'code'] } });
        const nWorker = createJobWorker(orm, config, { schedules: false });
        const nStart = Date.now();
        nWorker.start();
        for (;;) {
          ({ rows: [normalized] } = await client.query(`select state, result, error from job where id = $1`, [nJob.id]));
          if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(normalized.state)) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        normalizeMs = Date.now() - nStart;
        await nWorker.stop();
      }
      rows.push({
        customers: seeded.customers,
        'planted near-duplicates': planted,
        'seed s': (seedMs / 1000).toFixed(1),
        'detection s': (ms / 1000).toFixed(1),
        'customers/s': Math.round(seeded.customers / (ms / 1000)),
        pairs: state.result.pairs,
        groups: state.result.groups,
        'too large (left out)': state.result.oversizedGroups,
        'planted found (recall)': planted ? (found.n / planted).toFixed(3) : '-',
        ...(values.normalize ? { 'normalize s': (normalizeMs / 1000).toFixed(1), 'normalized customers': normalized?.result?.changedCustomers ?? normalized?.error } : {}),
      });
      console.log(rows[rows.length - 1]);
    } finally {
      await client.end();
      await orm.close(true);
    }
  }
} finally {
  await cluster.stop();
  if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\nDuplicate detection (DETECT_DUPLICATES job), ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; shared, noisy machine`);
console.table(rows);
