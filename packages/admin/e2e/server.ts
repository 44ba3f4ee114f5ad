/**
 * Starts the real server (packages/server/dist/server.js, the bundle built beforehand by the
 * test:e2e script) on a fresh embedded PostgreSQL in a temporary DATA_DIR, with a small
 * demo seed, and stops it and removes the directory afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built server to run; another checkout's can be named (e.g. to test against a release). */
const serverDir = process.env['CUSTOS_E2E_SERVER_DIR'] ?? path.join(repoRoot, 'packages/server');

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
  /** Everything the server printed, for failure messages. */
  output: () => string;
}

export async function startServer(env: Record<string, string> = {}, timeoutMs = 180_000): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'custos-e2e-'));
  // As root, embedded PostgreSQL runs as the `postgres` user, which must enter the directory.
  chmodSync(dataDir, 0o755);
  // As production starts it (scripts/start.mjs, docker/Dockerfile).
  const child: ChildProcess = spawn(process.execPath, ['--experimental-async-context-frame', path.join(serverDir, 'dist/server.js')], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_DEMO: 'auto',
      SEED_CUSTOMERS: '200',
      SEED_INTERACTIONS: '2000',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`)), timeoutMs);
      const check = () => {
        const match = /GraphQL\s+(http:\/\/[^\s]+)\/graphql/.exec(log);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${log}`));
      });
    });
    for (let i = 0; i < 100; i++) {
      const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
      if (ready) return { url, stop, output: () => log };
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server never became ready:\n${log}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A GraphQL call as a given demo user, for setting up and cross-checking what the UI shows. */
export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

export const DEMO_PASSWORD = 'custos-demo';

/** The registry's text of a registered operation (packages/schema/persisted-operations.json). */
export function registered(name: string): string {
  const registry = JSON.parse(readFileSync(path.join(repoRoot, 'packages/schema/persisted-operations.json'), 'utf8')) as { operations: { name: string; document: string }[] };
  const op = registry.operations.find((o) => o.name === name);
  if (!op) throw new Error(`${name} is not registered`);
  return op.document;
}

/** Signs in with the registered Login operation, so it works whatever PERSISTED_OPERATIONS says. */
export async function tokenFor(url: string, email: string): Promise<string> {
  const data = await graphql<{ login: { token: string } }>(url, registered('Login'), { email, password: DEMO_PASSWORD });
  return data.login.token;
}

/** The database id inside a global id the API answered (tests only: where the API itself
 * answers a database id, e.g. a report's OWNER key, as the reporting views have it). */
export function databaseIdOf(id: string): string {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}
