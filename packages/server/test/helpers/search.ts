import { randomBytes } from 'node:crypto';
import type { Config } from '../../src/config.js';
import { SqlExecutor } from '../../src/db/sql.js';
import { archiveCustomerRows } from '../../src/modules/archive/archive.store.js';
import { drainOutbox, type IndexFactory } from '../../src/search/outbox.js';
import { SearchEngine } from '../../src/search/search-index.js';
import type { TestDatabase } from './test-database.js';

/** Archives customers straight through the store (as a fixture: no audit events). */
export async function archiveDirectly(db: TestDatabase, ids: readonly string[], reason = 'fixture'): Promise<void> {
  await db.orm.em.fork().transactional((em) =>
    archiveCustomerRows(new SqlExecutor(em), { where: 'c.id = any($1::bigint[])', params: [ids] }, { actorId: null, reason, policyId: null, retainUntil: null }),
  );
}

/** Brings the index up to date with the outbox, as the sync worker would. */
export async function syncIndex(db: TestDatabase, config: Config, indexFor?: IndexFactory) {
  return drainOutbox(db.orm.em, config, indexFor);
}

export async function outboxRows(db: TestDatabase): Promise<{ customer_id: string; attempts: number }[]> {
  return db.query(`select customer_id::text, attempts from search_outbox order by id`);
}

/** Why the run has no Meilisearch (test/global-setup.js: only off Linux x64, never in CI). */
export const NO_MEILISEARCH = process.env.CUSTOS_TEST_NO_MEILI;

/** Settings for the run's one Meilisearch (test/global-setup.js) with an index of the
 * caller's own, so test files running in parallel never see each other's documents. */
export function meiliEnv(prefix: string): Record<string, string> {
  const host = process.env.MEILI_HOST;
  if (!host) throw new Error(`MEILI_HOST is not set: ${NO_MEILISEARCH ?? 'run the tests through jest (globalSetup starts Meilisearch)'}`);
  return { SEARCH_ENGINE: 'meilisearch', MEILI_HOST: host, MEILI_API_KEY: process.env.MEILI_API_KEY!, MEILI_INDEX: `${prefix}_${randomBytes(4).toString('hex')}` };
}

/** Both engines, for suites that hold them to the same behaviour; each `env()` call
 * names a fresh Meilisearch index. */
export function searchEngines(prefix: string): { engine: SearchEngine; env: () => Record<string, string> }[] {
  return [
    { engine: SearchEngine.POSTGRES, env: () => ({ SEARCH_ENGINE: 'postgres' }) },
    ...(NO_MEILISEARCH ? [] : [{ engine: SearchEngine.MEILISEARCH, env: () => meiliEnv(prefix) }]),
  ];
}
