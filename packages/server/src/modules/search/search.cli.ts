import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';
import { SqlExecutor } from '../../db/sql.js';
import { SearchSyncWorker } from '../../search/outbox-worker.js';
import { openSearchIndex, startSearchEngine } from '../../search/search-engine.js';
import { JobKind } from '../job/job.enums.js';
import { consoleContext } from '../../core/context.js';
import type { CommandRun } from '../../core/module.js';
import { enqueueJob, findActiveJob } from '../job/job.queue.js';
import { checkConsistency } from './search.consistency.js';

/**
 * `reindex`: queues a REINDEX_SEARCH job as the system (an operator at the console) and
 * runs it here to the end with progress; `search:check` prints the consistency report;
 * `search:sync` is a drain process of its own. Returns false when the command failed.
 * With the embedded Meilisearch, each uses the one the server runs, or starts its own
 * for the command's duration (a rebuild after a version change works with the server down).
 */
export async function runSearchCommand(command: string, orm: MikroORM, base: Config, say: (m: string) => void, runJob: CommandRun['runJob']): Promise<boolean> {
  const search = await startSearchEngine(base, say, { supervise: command === 'search:sync' });
  say(`search engine: ${search.description}`);
  try {
    return await run(command, orm, search.config, say, runJob);
  } finally {
    await search.stop();
  }
}

async function run(command: string, orm: MikroORM, config: Config, say: (m: string) => void, runJob: CommandRun['runJob']): Promise<boolean> {
  const sql = new SqlExecutor(orm.em.fork());
  if (command === 'search:check') {
    const report = await checkConsistency(sql, openSearchIndex(config, sql));
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.ok;
  }
  if (command === 'search:sync') {
    const worker = new SearchSyncWorker(orm, config, { log: say });
    worker.start();
    say(`search sync started (${openSearchIndex(config, sql).engine})`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await worker.stop();
    say('stopped');
    return true;
  }
  const ctx = consoleContext(orm, config, 'reindex');
  const active = await findActiveJob(ctx.sql, JobKind.REINDEX_SEARCH);
  if (active) throw new ConfigError(`a reindex is already queued or running (job ${active})`);
  const job = await enqueueJob(ctx, JobKind.REINDEX_SEARCH, {}, { reason: 'reindex from the command line' });
  say(`job ${job.id} queued: rebuilding the ${openSearchIndex(config, sql).engine} index`);
  const finished = await runJob(job, 'customers');
  return finished?.state === 'SUCCEEDED';
}
