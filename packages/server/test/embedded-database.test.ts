import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { clusterProcesses, readPostmasterPid } from '../src/db/postgres-processes.js';
import { connectClient } from '../src/db/pg-client.js';
import { SqlExecutor } from '../src/db/sql.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-embedded-'));
fs.chmodSync(dataDir, 0o755);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('embedded PostgreSQL (DATABASE_URL unset)', () => {
  it('creates a UTF-8 database with ICU collation, extensions and migrations, and keeps data across restarts', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
    const logs: string[] = [];
    const first = await openDatabase(config, (m) => logs.push(m));
    expect(first.embedded).toBe(true);
    const sql = () => new SqlExecutor(first.orm.em.fork());
    const settings = await sql().one<Record<string, string>>(
      `select pg_encoding_to_char(encoding) as encoding, datlocprovider as provider, datctype as ctype,
              (select string_agg(extname, ',' order by extname) from pg_extension) as extensions
         from pg_database where datname = current_database()`,
    );
    expect(settings).toMatchObject({ encoding: 'UTF8', provider: 'i', ctype: 'C.utf8' });
    expect(settings!.extensions).toContain('pg_trgm');
    expect(settings!.extensions).toContain('unaccent');
    const trigrams = await sql().one<{ n: number }>(`select array_length(show_trgm('北京朝阳'), 1) as n`);
    expect(trigrams!.n).toBeGreaterThan(0);
    await sql().query(`insert into customer (code, name, type) values ('KEEP-1', '持久客户', 'SMB')`);
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await openDatabase(config, () => undefined);
    const kept = await new SqlExecutor(second.orm.em.fork()).query(`select name from customer where code = 'KEEP-1'`);
    expect(kept).toEqual([{ name: '持久客户' }]);
    await second.close();
    expect(logs.some((l) => l.includes('embedded PostgreSQL ready'))).toBe(true);
  });

  it('a supervised server sharing a cluster started by another process takes it over when that process stops it', async () => {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-shared-'));
    fs.chmodSync(shared, 0o755);
    const clusterDir = path.join(fs.realpathSync(shared), 'pg');
    try {
      // A CLI command started it; the server arrives while it runs.
      const owner = await startEmbeddedPostgres({ dataDir: shared, database: 'custos' });
      const logs: string[] = [];
      const server = await startEmbeddedPostgres({
        dataDir: shared,
        database: 'custos',
        supervise: { maxRestarts: 3, backoffMs: 100, log: (m) => logs.push(m) },
      });
      expect(server.url).toBe(owner.url);
      const first = readPostmasterPid(clusterDir);
      await owner.stop();
      const deadline = Date.now() + 60_000;
      while (server.state() !== 'running' || readPostmasterPid(clusterDir) === first || readPostmasterPid(clusterDir) === undefined) {
        if (Date.now() > deadline) throw new Error(`not taken over: ${server.state()} ${logs.join(' | ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const client = await connectClient(server.url, 'test');
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await client.end();
      expect(logs.some((l) => /shared by another process \(pid \d+\) and stopped/.test(l))).toBe(true);
      await server.stop();
      expect(server.state()).toBe('stopped');
      expect(clusterProcesses(clusterDir)).toEqual([]);
    } finally {
      for (const pid of clusterProcesses(clusterDir)) process.kill(pid, 'SIGKILL');
      fs.rmSync(shared, { recursive: true, force: true });
    }
  }, 120_000);
});
