import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { reindexSearchHandler } from './reindex.job.js';
import { runSearchCommand } from './search.cli.js';
import { SearchErrorCode } from './search.errors.js';
import { SearchResolver } from './search.resolver.js';

/** Archive search (Meilisearch or PostgreSQL) and live customer search. */
export const searchModule: ModuleManifest = {
  name: 'search',
  resolvers: [SearchResolver],
  errors: {
    [SearchErrorCode.QUERY_TOO_LONG]: PublicErrorCode.BAD_USER_INPUT,
    [SearchErrorCode.INVALID_CURSOR]: PublicErrorCode.BAD_USER_INPUT,
    [SearchErrorCode.PAGE_TOO_LARGE]: PublicErrorCode.BAD_USER_INPUT,
    [SearchErrorCode.REINDEX_RUNNING]: PublicErrorCode.INVALID_STATE,
    [SearchErrorCode.UNAVAILABLE]: PublicErrorCode.SEARCH_UNAVAILABLE,
  } satisfies Record<SearchErrorCode, PublicErrorCode>,
  jobs: [reindexSearchHandler],
  commands: (
    [
      ['reindex', 'rebuild the archive search index (a job, run here to the end)'],
      ['search:check', 'compare the archive with its search index; exit 1 when they differ'],
      ['search:sync', 'drain the search outbox until SIGINT/SIGTERM'],
    ] as const
  ).map(([name, summary]) => ({
    name,
    summary,
    run: async ({ config, say, database, runJob }) => runSearchCommand(name, (await database()).orm, config, say, runJob),
  })),
};
