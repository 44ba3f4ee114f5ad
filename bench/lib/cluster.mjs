// One embedded PostgreSQL for benchmarks, with pg_stat_statements loaded (SQL statements
// per request are counted from it) and settings sized for bulk loads. The cluster can be
// kept under a directory so a later run reuses what an earlier one seeded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, dropDatabase } from '@custos/server/dist/db/create-database.js';
import { startEmbeddedPostgres } from '@custos/server/dist/db/embedded-postgres.js';
import '../keys.mjs';

// Memory stays modest (the machines are shared); WAL is large so a 10M-row load does not
// checkpoint every few seconds. Durability settings are left at PostgreSQL's defaults.
const SETTINGS = {
  shared_preload_libraries: 'pg_stat_statements',
  shared_buffers: '1GB',
  max_wal_size: '8GB',
  maintenance_work_mem: '512MB',
  max_connections: '200',
  // Planning time per statement too: a statement planned on every request cost more than
  // running it (the read path before its prepared statements).
  'pg_stat_statements.track_planning': 'on',
};

/** Starts the cluster under `dataDir` (a fresh temporary one when omitted); `keep` leaves
 * it on disk after `stop()`. */
export async function openCluster({ dataDir, keep = Boolean(dataDir) } = {}) {
  const dir = dataDir ? path.resolve(dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  // Always persistent here: a restart to apply the settings must not wipe the cluster.
  let db = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres', persistent: true });
  if (await configure(db.url)) {
    await db.stop();
    db = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres', persistent: true });
  }
  const base = db.url.replace(/\/[^/]*$/, '');
  const admin = `${base}/postgres`;
  return {
    dir,
    url: (name) => `${base}/${name}`,
    create: (name) => createDatabase(admin, name),
    drop: (name) => dropDatabase(admin, name),
    async exists(name) {
      return (await query(admin, 'select 1 from pg_database where datname = $1', [name])).length > 0;
    },
    async stop() {
      await db.stop();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes the settings that differ; true when a restart is needed for them. */
async function configure(url) {
  let restart = false;
  for (const [name, value] of Object.entries(SETTINGS)) {
    const [wanted] = await query(url, `select $1::text = current_setting($2) as same`, [value, name]);
    if (wanted.same) continue;
    await query(url, `alter system set ${name} = '${value}'`);
    restart = true;
  }
  return restart;
}

/** One statement on a connection of its own. */
export async function query(url, text, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}
