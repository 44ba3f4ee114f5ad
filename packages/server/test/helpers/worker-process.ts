import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAST_JOBS } from './jobs.js';
import { TEST_JWT_SECRET } from './test-server.js';
import { TEST_ENCRYPTION_KEY, type TestDatabase } from './test-database.js';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Compiles the server once for this test file into its own folder inside the package (so
 * that node_modules resolve) and returns the CLI's path. Separate folders keep test files
 * that run in parallel from overwriting each other's build.
 */
export function buildCli(name: string, { bundle = false } = {}): string {
  const out = path.join(serverRoot, '.test-build', name);
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(path.join(serverRoot, 'node_modules/.bin/swc'), ['src', '-d', out, '--strip-leading-paths', '--copy-files', '--quiet'], {
    cwd: serverRoot,
    stdio: 'pipe',
  });
  fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n');
  // The server as production runs it (bundle.mjs → server.js), for spawnServer.
  if (bundle) execFileSync(process.execPath, [path.join(serverRoot, 'bundle.mjs'), out], { cwd: serverRoot, stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } });
  return path.join(out, 'cli.js');
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the process wrote to stderr so far, line by line. */
  lines: string[];
  exited: Promise<number | null>;
}

/** What a Custos child process on the test database runs with. */
function processEnv(db: TestDatabase, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    LOG_LEVEL: 'silent',
    ...FAST_JOBS,
    ...env,
  };
}

/** `custos jobs:work` as a real child process on the test database. */
export function spawnWorker(cli: string, db: TestDatabase, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [cli, 'jobs:work'], {
    env: processEnv(db, { DB_POOL_MAX: '3', ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

export async function kill(worker: WorkerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill(signal);
  await worker.exited;
}

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>, from the line the server prints when it is ready. */
  url: string;
}

/** The server itself as a real child process on the test database: its own port, no
 * embedded database, search or demo seed. The bundle (`server.js`, what production runs)
 * when the build was made with `bundle: true`, else the modules' `main.js`. */
export function spawnServer(cli: string, db: TestDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  const bundled = path.join(path.dirname(cli), 'server.js');
  const main = fs.existsSync(bundled) ? bundled : path.join(path.dirname(cli), 'main.js');
  const child = spawn(process.execPath, [main], {
    env: processEnv(db, { HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'never', SEARCH_ENGINE: 'postgres', SEARCH_SYNC: 'off', DB_POOL_MAX: '4', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    // Two servers starting at once on a loaded 2-core machine took over 60 s in a full run.
    const timer = setTimeout(() => reject(new Error(`server did not start in 150 s:\n${output.join('')}`)), 150_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const url = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(output.join(''))?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
  });
}

/** Stops a server process the way an orchestrator does (SIGTERM) and waits for it. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}
