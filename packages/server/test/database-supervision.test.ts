import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded-postgres.js';
import { clusterProcesses, isAlive, readPostmasterPid } from '../src/db/postgres-processes.js';
import { TokenSigner } from '../src/core/tokens.js';
import { TEST_ENCRYPTION_KEY } from './helpers/test-database.js';
import { TEST_JWT_SECRET } from './helpers/test-server.js';
import { buildCli } from './helpers/worker-process.js';

/**
 * The server as a real process (`node main.js`) with its own embedded PostgreSQL, and the
 * database killed under it: the postmaster is restarted and /readyz recovers by itself,
 * giving up is visible on /healthz, and the process never leaves PostgreSQL behind. With
 * an external DATABASE_URL the pool reconnects after the database restarts.
 */

let main: string;
const dirs: string[] = [];
const servers: ServerProcess[] = [];
const clusters: EmbeddedDatabase[] = [];

beforeAll(() => {
  main = path.join(path.dirname(buildCli('database-supervision')), 'main.js');
});
afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await Promise.all(clusters.map((c) => c.stop().catch(() => undefined)));
  for (const dir of dirs) {
    for (const pid of clusterProcesses(path.join(dir, 'pg'))) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

interface ServerProcess {
  child: ChildProcess;
  url: string;
  lines: string[];
  exited: Promise<number | null>;
}

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'custos-supervision-')));
  fs.chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(port),
      SEED_DEMO: 'never',
      // The build lives outside the repository layout the default registry path assumes.
      PERSISTED_OPERATIONS: 'off',
      JWT_SECRET: TEST_JWT_SECRET,
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      LOG_LEVEL: 'warn',
      DB_POOL_MAX: '4',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop()!;
      lines.push(...parts);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server = { child, url: `http://127.0.0.1:${port}`, lines, exited };
  servers.push(server);
  await waitFor(async () => (await statusOf(`${server.url}/readyz`)) === 200, 120_000, 'the server to get ready', lines);
  return server;
}

async function statusOf(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: string, lines: string[] = []): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${lines.slice(-30).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function embeddedUrl(dataDir: string): string {
  const port = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
  return `postgresql://custos:custos@127.0.0.1:${port}/custos`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** An ADMIN user in the server's database and a token for it. */
async function adminToken(databaseUrl: string): Promise<string> {
  const id = await withClient(databaseUrl, async (client) => {
    const res = await client.query<{ id: string }>(
      `insert into app_user (email, display_name, role) values ('admin@example.com', '管理员', 'ADMIN') returning id::text`,
    );
    return res.rows[0]!.id;
  });
  return (await new TokenSigner(TEST_JWT_SECRET, 900).sign({ userId: id, tokenVersion: 1 })).token;
}

async function askAsAdmin(server: ServerProcess, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { email } customers(first: 1) { totalCount } }' }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: await res.json() };
}

const ANSWER = { data: { me: { email: 'admin@example.com' }, customers: { totalCount: 0 } } };

async function sigterm(server: ServerProcess, ms: number): Promise<{ code: number | null; tookMs: number }> {
  const started = Date.now();
  server.child.kill('SIGTERM');
  const code = await within(server.exited, ms, 'stopping after SIGTERM');
  return { code, tookMs: Date.now() - started };
}

describe('embedded PostgreSQL under supervision', () => {
  it('restarts a killed postmaster (clearing its busy backends); /readyz recovers by itself and SIGTERM leaves nothing behind', async () => {
    const dataDir = tempDir();
    const clusterDir = path.join(dataDir, 'pg');
    const server = await spawnServer({ DATA_DIR: dataDir, EMBEDDED_PG_RESTART_BACKOFF_MS: '1000' });
    const token = await adminToken(embeddedUrl(dataDir));
    expect((await askAsAdmin(server, token)).body).toEqual(ANSWER);

    // A backend busy in a query notices the postmaster's death only when the query ends;
    // until then it holds the old shared memory and PostgreSQL refuses to start.
    const busy = new pg.Client(embeddedUrl(dataDir));
    busy.on('error', () => undefined);
    await busy.connect();
    const busyPid = (await busy.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    const busyQuery = busy.query('select count(*) from generate_series(1, 100000000000)').catch((error: Error) => error);
    await waitFor(
      () => withClient(embeddedUrl(dataDir), async (c) => (await c.query(`select 1 from pg_stat_activity where pid = $1 and state = 'active'`, [busyPid])).rowCount === 1),
      30_000,
      'the busy query to run',
    );

    const postmaster = readPostmasterPid(clusterDir)!;
    process.kill(postmaster, 'SIGKILL');
    await waitFor(async () => (await statusOf(`${server.url}/readyz`)) === 503, 30_000, '/readyz to answer 503', server.lines);
    // Being restarted is not a reason to restart the whole process.
    expect(await statusOf(`${server.url}/healthz`)).toBe(200);
    await waitFor(async () => (await statusOf(`${server.url}/readyz`)) === 200, 120_000, '/readyz to recover', server.lines);

    expect(readPostmasterPid(clusterDir)).not.toBe(postmaster);
    expect(isAlive(busyPid)).toBe(false);
    expect(await busyQuery).toBeInstanceOf(Error);
    await busy.end().catch(() => undefined);
    // The pool dropped its broken connections: the very next request is answered.
    expect((await askAsAdmin(server, token)).body).toEqual(ANSWER);
    expect(server.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/embedded PostgreSQL exited \(pid \d+, SIGKILL\)/),
        expect.stringMatching(/restarting embedded PostgreSQL in 1000 ms \(attempt 1 of 5\)/),
        expect.stringMatching(/embedded PostgreSQL restarted on port \d+/),
      ]),
    );

    expect(await sigterm(server, 60_000)).toMatchObject({ code: 0 });
    expect(server.lines).toContain('[custos] stopped cleanly');
    expect(clusterProcesses(clusterDir)).toEqual([]);
  }, 300_000);

  it('leaves a postmaster shut down cleanly from outside (Ctrl-C in a terminal reaches it too) stopped; the server still stops cleanly', async () => {
    const dataDir = tempDir();
    const clusterDir = path.join(dataDir, 'pg');
    const server = await spawnServer({ DATA_DIR: dataDir, JOB_WORKER: 'off', EMBEDDED_PG_RESTART_BACKOFF_MS: '10' });
    // SIGINT is PostgreSQL's fast shutdown: it ends with exit status 0, as when the
    // terminal's Ctrl-C signals the server's whole process group.
    process.kill(readPostmasterPid(clusterDir)!, 'SIGINT');
    await waitFor(async () => (await statusOf(`${server.url}/readyz`)) === 503, 30_000, '/readyz to answer 503', server.lines);
    await waitFor(async () => server.lines.some((l) => /shut down from outside/.test(l)), 30_000, 'the clean stop to be logged', server.lines);
    expect(clusterProcesses(clusterDir)).toEqual([]);
    expect(server.lines.some((l) => /restarting embedded PostgreSQL/.test(l))).toBe(false);
    expect(await sigterm(server, 60_000)).toMatchObject({ code: 0 });
    expect(server.lines).toContain('[custos] stopped cleanly');
    expect(server.lines.some((l) => /restarting embedded PostgreSQL/.test(l))).toBe(false);
  }, 300_000);

  it('gives up after EMBEDDED_PG_MAX_RESTARTS: /healthz answers 503 so that the process gets restarted', async () => {
    const dataDir = tempDir();
    const server = await spawnServer({ DATA_DIR: dataDir, EMBEDDED_PG_MAX_RESTARTS: '0', JOB_WORKER: 'off' });
    expect(await statusOf(`${server.url}/healthz`)).toBe(200);
    process.kill(readPostmasterPid(path.join(dataDir, 'pg'))!, 'SIGKILL');
    await waitFor(async () => (await statusOf(`${server.url}/healthz`)) === 503, 30_000, '/healthz to answer 503', server.lines);
    expect(await statusOf(`${server.url}/readyz`)).toBe(503);
    expect(server.lines.some((l) => /embedded PostgreSQL not restarted/.test(l))).toBe(true);
    expect((await sigterm(server, 60_000)).code).toBe(0);
    expect(clusterProcesses(path.join(dataDir, 'pg'))).toEqual([]);
  }, 300_000);

  it('a PostgreSQL left behind by a server killed with SIGKILL is stopped by the next start, not shared unsupervised', async () => {
    const dataDir = tempDir();
    const clusterDir = path.join(dataDir, 'pg');
    const killed = await spawnServer({ DATA_DIR: dataDir, JOB_WORKER: 'off' });
    const orphan = readPostmasterPid(clusterDir)!;
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(isAlive(orphan)).toBe(true);

    const next = await spawnServer({ DATA_DIR: dataDir, JOB_WORKER: 'off' });
    expect(next.lines.some((l) => l.includes(`embedded PostgreSQL (pid ${orphan}) was left behind by a process that is gone`))).toBe(true);
    expect(isAlive(orphan)).toBe(false);
    expect(readPostmasterPid(clusterDir)).not.toBe(orphan);
    // Its own now: a kill is noticed and repaired.
    process.kill(readPostmasterPid(clusterDir)!, 'SIGKILL');
    await waitFor(() => next.lines.some((l) => /embedded PostgreSQL restarted/.test(l)), 120_000, 'the restart', next.lines);
    await waitFor(async () => (await statusOf(`${next.url}/readyz`)) === 200, 120_000, '/readyz to recover', next.lines);
    expect((await sigterm(next, 60_000)).code).toBe(0);
    expect(clusterProcesses(clusterDir)).toEqual([]);
  }, 300_000);

  it('a shutdown that cannot finish ends after SHUTDOWN_TIMEOUT_MS, and stops PostgreSQL anyway', async () => {
    const dataDir = tempDir();
    const clusterDir = path.join(dataDir, 'pg');
    // Request logs show when the request below has arrived.
    const server = await spawnServer({ DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '3000', READYZ_TIMEOUT_MS: '1000', LOG_LEVEL: 'info' });
    const token = await adminToken(embeddedUrl(dataDir));
    // A frozen database: the request in flight never ends, nor does the graceful shutdown.
    for (const pid of clusterProcesses(clusterDir)) process.kill(pid, 'SIGSTOP');
    const inFlight = askAsAdmin(server, token).catch((error: Error) => error);
    await waitFor(() => server.lines.some((l) => l.includes('"url":"/graphql"')), 30_000, 'the request to arrive', server.lines);
    // A probe that hangs does not hang /readyz, and later probes join it.
    const probeStarted = Date.now();
    expect(await Promise.all([statusOf(`${server.url}/readyz`), statusOf(`${server.url}/readyz`)])).toEqual([503, 503]);
    expect(Date.now() - probeStarted).toBeLessThan(8_000);
    const { code, tookMs } = await sigterm(server, 60_000);
    expect(code).toBe(1);
    // SHUTDOWN_TIMEOUT_MS, then an immediate shutdown of a stopped PostgreSQL (SIGQUIT is
    // held until SIGCONT, so it takes the 5 s step to SIGKILL).
    expect(tookMs).toBeGreaterThanOrEqual(3_000);
    expect(tookMs).toBeLessThan(30_000);
    expect(server.lines.some((l) => /shutdown not finished after 3000 ms: stopping the embedded database at once/.test(l))).toBe(true);
    await inFlight;
    await waitFor(() => clusterProcesses(clusterDir).length === 0, 15_000, 'no PostgreSQL process of the data directory to remain');
  }, 300_000);
});

describe('external PostgreSQL (DATABASE_URL)', () => {
  it('keeps running while the database restarts: /readyz 503 while it is down, 200 after, and the search sync backs off', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    let db = await startEmbeddedPostgres({ dataDir, port, database: 'custos_ext' });
    clusters.push(db);
    const server = await spawnServer({ DATABASE_URL: db.url, READYZ_TIMEOUT_MS: '1000', SEARCH_SYNC_POLL_MS: '100' });
    const token = await adminToken(db.url);
    expect((await askAsAdmin(server, token)).body).toEqual(ANSWER);

    await db.stop();
    await waitFor(async () => (await statusOf(`${server.url}/readyz`)) === 503, 30_000, '/readyz to answer 503', server.lines);
    expect(await statusOf(`${server.url}/healthz`)).toBe(200);
    const syncFailures = () => server.lines.filter((l) => l.includes('search sync failed')).map((l) => JSON.parse(l).time as number);
    // 100, 200, 400, 800 ms… between tries instead of a failure every 100 ms.
    await waitFor(() => syncFailures().length >= 5, 60_000, 'the search sync to fail five times', server.lines);
    const [first, , , , fifth] = syncFailures();
    expect(fifth! - first!).toBeGreaterThanOrEqual(1_450);
    expect(server.child.exitCode).toBeNull();
    expect((await askAsAdmin(server, token)).body.errors).toBeDefined();

    db = await startEmbeddedPostgres({ dataDir, port, database: 'custos_ext' });
    clusters.push(db);
    await waitFor(async () => (await statusOf(`${server.url}/readyz`)) === 200, 60_000, '/readyz to recover', server.lines);
    expect((await askAsAdmin(server, token)).body).toEqual(ANSWER);
    await waitFor(() => server.lines.some((l) => l.includes('search sync: working again')), 60_000, 'the search sync to resume', server.lines);

    expect((await sigterm(server, 60_000)).code).toBe(0);
  }, 300_000);
});
