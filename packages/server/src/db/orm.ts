import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { migrationsList } from './migrations/index.js';
import { releaseDeadConnections } from './pool-guard.js';

/** Reads and writes are hand-written SQL (SqlExecutor); MikroORM serves connections,
 * transactions and migrations, so no entity is registered. */
export const entities: never[] = [];

/** Session settings for every connection of a pool. */
export interface PoolSettings {
  /** Fail a wait for a free connection after this long instead of hanging. */
  acquireTimeoutMs?: number;
  /** PostgreSQL ends a session idle inside a transaction for this long: a backstop
   * against a transaction left open while its owner waits on something else. */
  idleInTransactionMs?: number;
  applicationName?: string;
}

/** How long a pooled connection may sit idle before it is closed. node-postgres's default
 * (10 s) closed the server's connections in every lull, and the requests after it opened
 * new ones and prepared their statements again (a server idle ~20 s answered ~20% slower
 * in its next seconds, read-path bench). */
export const POOL_IDLE_MS = 5 * 60_000;

export function ormOptions(url: string, poolMax: number, debug = false, settings: PoolSettings = {}) {
  return defineConfig({
    clientUrl: url,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true, silent: true },
    pool: { min: 0, max: poolMax, idleTimeoutMillis: POOL_IDLE_MS },
    driverOptions: {
      onPoolCreated: releaseDeadConnections,
      connectionTimeoutMillis: settings.acquireTimeoutMs ?? 15_000,
      ...(settings.idleInTransactionMs ? { idle_in_transaction_session_timeout: settings.idleInTransactionMs } : {}),
      ...(settings.applicationName ? { application_name: settings.applicationName } : {}),
    },
    forceUndefined: false,
    debug,
    discovery: { warnWhenNoEntities: false },
  });
}

/** Opens the ORM and migrates: to the latest migration, or only up to `migrateTo` (a
 * restore recreates the schema a backup was taken at). */
export async function openOrm(url: string, poolMax: number, options: { migrateTo?: string } & PoolSettings = {}): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, poolMax, false, options));
  try {
    await orm.migrator.up(options.migrateTo ? { to: options.migrateTo } : undefined);
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}

/** A second pool on an already migrated database (the job worker's own connections). */
export async function openPool(url: string, poolMax: number, settings: PoolSettings): Promise<MikroORM> {
  return MikroORM.init(ormOptions(url, poolMax, false, settings));
}
