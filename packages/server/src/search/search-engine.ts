import type { Config } from '../config.js';
import type { SqlExecutor } from '../db/sql.js';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-search-index.js';
import { PostgresSearchIndex } from './postgres/postgres-search-index.js';
import { SearchEngine, type SearchIndex } from './search-index.js';

const meili = new WeakMap<Config, MeilisearchSearchIndex>();

export function configuredEngine(config: Config): SearchEngine {
  return config.MEILI_HOST ? SearchEngine.MEILISEARCH : SearchEngine.POSTGRES;
}

/**
 * The configured engine. The PostgreSQL engine works on the given executor, so its
 * writes join the caller's transaction (the outbox drain deletes its rows and updates
 * the index in one commit); the Meilisearch client is shared per configuration.
 */
export function openSearchIndex(config: Config, sql: SqlExecutor): SearchIndex {
  if (!config.MEILI_HOST) return new PostgresSearchIndex(sql, config.SEARCH_CANDIDATE_LIMIT);
  let index = meili.get(config);
  if (!index) {
    index = new MeilisearchSearchIndex({
      host: config.MEILI_HOST,
      apiKey: config.MEILI_API_KEY,
      index: config.MEILI_INDEX,
      batchSize: config.MEILI_BATCH_SIZE,
      taskTimeoutMs: config.MEILI_TASK_TIMEOUT_MS,
    });
    meili.set(config, index);
  }
  return index;
}
