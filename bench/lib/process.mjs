// Servers under test run in processes of their own, so the load generator (in this
// process) and the server do not share an event loop, and start-up can be timed.
import { spawn } from 'node:child_process';
import { freePort } from '@custos/server/dist/db/embedded-postgres.js';

/**
 * Spawns `node script` with `env` plus PORT, and resolves once `ready(url)` succeeds.
 * `readyMs` is the time from spawn to the first successful readiness check (polled
 * every 20 ms).
 */
export async function startServer({ name, script, env, ready, timeoutMs = 120_000, nodeArgs = [] }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  exited.then(() => {
    done = true;
  });
  for (;;) {
    if (done) throw new Error(`${name} exited before it was ready:\n${output}`);
    if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready after ${timeoutMs} ms:\n${output}`);
    }
    try {
      if (await ready(url)) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    name,
    url,
    readyMs,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (!done) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
