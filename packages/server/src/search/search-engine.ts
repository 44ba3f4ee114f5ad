import path from 'node:path';
import { ConfigError, type Config } from '../config.js';
import type { SqlExecutor } from '../db/sql.js';
import { embeddedMeilisearchKey } from '../secrets.js';
import { runningEmbeddedMeilisearch, startEmbeddedMeilisearch, type EmbeddedMeilisearch } from './meilisearch/embedded-meilisearch.js';
import { executableMeilisearch, MEILISEARCH_PACKAGE, packagedMeilisearch } from './meilisearch/meilisearch-binary.js';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-search-index.js';
import { PostgresSearchIndex } from './postgres/postgres-search-index.js';
import { SearchEngine, SearchUnavailableError, type SearchIndex } from './search-index.js';

/** Which engine answers, and how it is reached. */
export type SearchSetup =
  | { kind: 'postgres'; why: string }
  | { kind: 'external'; host: string }
  | { kind: 'embedded'; binary: string; dir: string };

let packaged: string | undefined | null = null;

/**
 * SEARCH_ENGINE=postgres, or MEILI_HOST (a Meilisearch run by someone else: production's
 * official image), or else the embedded Meilisearch, by default in development (and in
 * tests that ask for it with SEARCH_ENGINE=meilisearch) when its binary is installed;
 * otherwise PostgreSQL. Never the embedded one in production.
 */
export function searchSetup(config: Config): SearchSetup {
  if (config.SEARCH_ENGINE === 'postgres') return { kind: 'postgres', why: 'SEARCH_ENGINE=postgres' };
  if (config.MEILI_HOST) return { kind: 'external', host: config.MEILI_HOST };
  const wanted = config.SEARCH_ENGINE === 'meilisearch';
  if (!config.isProduction && (wanted || config.NODE_ENV === 'development')) {
    if (packaged === null) packaged = packagedMeilisearch();
    const binary = config.MEILI_BINARY ?? packaged;
    if (binary) return { kind: 'embedded', binary, dir: path.resolve(config.DATA_DIR, 'meilisearch') };
  }
  const why = config.isProduction || (!wanted && config.NODE_ENV !== 'development')
    ? `MEILI_HOST is not set and the embedded Meilisearch runs only in development (NODE_ENV=${config.NODE_ENV})`
    : `no Meilisearch binary for ${process.platform}-${process.arch} (${MEILISEARCH_PACKAGE} is not installed here; set MEILI_BINARY or MEILI_HOST)`;
  if (wanted) throw new ConfigError(`SEARCH_ENGINE=meilisearch, but ${why}`);
  return { kind: 'postgres', why };
}

export function configuredEngine(config: Config): SearchEngine {
  return searchSetup(config).kind === 'postgres' ? SearchEngine.POSTGRES : SearchEngine.MEILISEARCH;
}

const meili = new WeakMap<Config, Map<string, MeilisearchSearchIndex>>();

function meiliIndex(config: Config, host: string, apiKey: string | undefined): MeilisearchSearchIndex {
  let byHost = meili.get(config);
  if (!byHost) meili.set(config, (byHost = new Map()));
  let index = byHost.get(host);
  if (!index) {
    index = new MeilisearchSearchIndex({
      host,
      apiKey,
      index: config.MEILI_INDEX,
      batchSize: config.MEILI_BATCH_SIZE,
      taskTimeoutMs: config.MEILI_TASK_TIMEOUT_MS,
      requestTimeoutMs: config.MEILI_REQUEST_TIMEOUT_MS,
    });
    byHost.set(host, index);
  }
  return index;
}

/** The embedded engine when no process runs it: every call reports it unavailable, so a
 * search says so and the outbox keeps its rows for later. */
class StoppedEmbeddedIndex implements SearchIndex {
  readonly engine = SearchEngine.MEILISEARCH;
  readonly writesJoinTransaction = false;
  constructor(private readonly dir: string) {}
  #fail(): never {
    throw new SearchUnavailableError(`the embedded Meilisearch (${this.dir}) is not running; it runs with the server`);
  }
  prepare = async () => this.#fail();
  upsert = async () => this.#fail();
  remove = async () => this.#fail();
  search = async () => this.#fail();
  fingerprints = async () => this.#fail();
  count = async () => this.#fail();
}

/**
 * The configured engine. The PostgreSQL engine works on the given executor, so its
 * writes join the caller's transaction (the outbox drain deletes its rows and updates
 * the index in one commit); a Meilisearch client is shared per configuration. A process
 * that did not start the embedded Meilisearch (a `jobs:work` worker, a CLI command) finds
 * the one the server runs on the same DATA_DIR.
 */
export function openSearchIndex(config: Config, sql: SqlExecutor): SearchIndex {
  const setup = searchSetup(config);
  if (setup.kind === 'postgres') return new PostgresSearchIndex(sql, config.SEARCH_CANDIDATE_LIMIT);
  if (setup.kind === 'external') return meiliIndex(config, setup.host, config.MEILI_API_KEY);
  const running = runningEmbeddedMeilisearch(setup.dir);
  return running ? meiliIndex(config, running.url, embeddedMeilisearchKey(config)) : new StoppedEmbeddedIndex(setup.dir);
}

export interface RunningSearchEngine {
  /** The configuration to run with: MEILI_HOST and MEILI_API_KEY name the embedded one. */
  config: Config;
  engine: SearchEngine;
  /** One line for the start log: which engine, where, and why. */
  description: string;
  embedded?: EmbeddedMeilisearch;
  stop(): Promise<void>;
}

/**
 * Starts the embedded Meilisearch when the setup calls for it (or uses the one another
 * process on this DATA_DIR runs); for the other setups there is nothing to start.
 * `supervise` (the server) restarts it when it dies.
 */
export async function startSearchEngine(config: Config, log: (m: string) => void, options: { supervise?: boolean } = {}): Promise<RunningSearchEngine> {
  const setup = searchSetup(config);
  if (setup.kind === 'postgres') {
    return { config, engine: SearchEngine.POSTGRES, description: `POSTGRES (${setup.why})`, stop: async () => undefined };
  }
  if (setup.kind === 'external') {
    return { config, engine: SearchEngine.MEILISEARCH, description: `MEILISEARCH at ${setup.host}`, stop: async () => undefined };
  }
  const started = Date.now();
  const apiKey = embeddedMeilisearchKey(config);
  const embedded = await startEmbeddedMeilisearch({
    executable: executableMeilisearch(setup.binary, path.join(setup.dir, 'bin')),
    dir: setup.dir,
    masterKey: apiKey,
    port: config.MEILI_EMBEDDED_PORT,
    startTimeoutMs: config.MEILI_START_TIMEOUT_MS,
    maxIndexingMemory: config.MEILI_EMBEDDED_INDEXING_MEMORY,
    log,
    ...(options.supervise ? { supervise: { maxRestarts: config.MEILI_EMBEDDED_MAX_RESTARTS, backoffMs: 1_000 } } : {}),
  });
  const how = embedded.shared ? `shared with pid ${embedded.pid()}` : `pid ${embedded.pid()}, ready in ${Date.now() - started} ms`;
  return {
    config: Object.freeze({ ...config, MEILI_HOST: embedded.url, MEILI_API_KEY: apiKey }),
    engine: SearchEngine.MEILISEARCH,
    description: `MEILISEARCH ${embedded.version}, embedded at ${embedded.url} (${how}; data in ${setup.dir})`,
    embedded,
    stop: () => embedded.stop(),
  };
}
