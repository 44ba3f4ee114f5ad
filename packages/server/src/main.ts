import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { createApp } from './app/server.js';
import { createJobWorker } from './app/jobs.js';
import { seedIfEmpty } from './modules/seed/seed.runner.js';
import { onShutdownSignal } from './shutdown-signals.js';
import { SearchSyncWorker } from './search/outbox-worker.js';
import { startSearchEngine, type RunningSearchEngine } from './search/search-engine.js';
import { prepareSearchIndex } from './modules/search/search.startup.js';
import { installKeyRing, loadKeyRing } from './crypto/keyring.js';
import { startTracing } from './telemetry/tracing.js';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loaded = loadConfig();
  // Before the server and the worker exist: their spans and log lines need the context.
  const tracing = startTracing(loaded);
  // Before anything reads or writes a sensitive field (the seed included).
  installKeyRing(loadKeyRing(loaded));
  const say = (msg: string) => process.stdout.write(`[custos] ${msg}\n`);
  const database = await openDatabase(loaded, say, { supervise: true });
  // The embedded Meilisearch (the development default) starts before anything indexes or
  // searches, and from here on the configuration names it. Should it fail, the back
  // office still starts and archive search answers SEARCH_UNAVAILABLE.
  let search: RunningSearchEngine | undefined;
  try {
    search = await startSearchEngine(loaded, say, { supervise: true });
    say(`search engine: ${search.description}`);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    say(`search engine failed to start (${error instanceof Error ? error.message : String(error)}); archive search answers SEARCH_UNAVAILABLE (SEARCH_ENGINE=postgres uses the PostgreSQL engine)`);
  }
  const config = search?.config ?? loaded;
  if (!config.isProduction && config.SEED_DEMO === 'auto') {
    await seedIfEmpty(database.url, { customers: config.SEED_CUSTOMERS, interactions: config.SEED_INTERACTIONS }, say);
  }
  await prepareSearchIndex(database.orm, config, say);
  const app = await createApp(config, database.orm, { databaseState: () => database.state() });
  const worker = config.JOB_WORKER === 'on' ? createJobWorker(database.orm, config, {
    log: (m, { failed, ...job } = {}) => app.log[failed ? 'error' : 'info']({ component: 'jobs', ...job }, `jobs: ${m}`),
  }) : undefined;
  const searchSync = config.SEARCH_SYNC === 'on' ? new SearchSyncWorker(database.orm, config, { log: (m) => app.log.warn(m) }) : undefined;

  let closing = false;
  const forceExit = async (why: string) => {
    say(`${why}: stopping the embedded database at once and exiting`);
    await database.abort().catch((error) => console.error(error));
    process.exit(1);
  };
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: finishing in-flight requests, then stopping`);
    // A request or a job batch that never finishes must not keep the process (and the
    // orchestrator waiting for it) forever; neither may a second Ctrl-C orphan PostgreSQL.
    setTimeout(() => void forceExit(`shutdown not finished after ${config.SHUTDOWN_TIMEOUT_MS} ms`), config.SHUTDOWN_TIMEOUT_MS).unref();
    for (const again of ['SIGINT', 'SIGTERM'] as const) process.once(again, () => void forceExit(`${again} received again`));
    try {
      await app.close();
      // The worker ends its current batch and hands its job back before the pool closes.
      await worker?.stop();
      await searchSync?.stop();
      await search?.stop();
      await database.close();
      await tracing.shutdown();
      say('stopped cleanly');
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  onShutdownSignal((signal) => void shutdown(signal));

  const address = await app.listen({ host: config.HOST, port: config.PORT });
  say(`ready in ${Date.now() - startedAt} ms`);
  worker?.start();
  if (worker) say('job worker started');
  searchSync?.start();
  if (searchSync) say('search index sync started');
  say(`GraphQL   ${address}/graphql`);
  if (!config.isProduction) say(`IDE       ${address}/ide/`);
  say(`health    ${address}/healthz  ${address}/readyz`);
  if (config.isProduction && !config.METRICS_TOKEN) say('metrics   off (set METRICS_TOKEN to serve /metrics)');
  else say(`metrics   ${address}/metrics${config.METRICS_TOKEN ? ' (bearer METRICS_TOKEN)' : ''}`);
  say(`persisted operations: ${config.PERSISTED_OPERATIONS}`);
  say(`tracing   ${tracing.recording ? `spans to ${config.OTEL_EXPORTER_OTLP_ENDPOINT}` : 'trace ids only (set OTEL_EXPORTER_OTLP_ENDPOINT to send spans)'}`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Custos failed to start:', error);
  }
  process.exit(1);
});
