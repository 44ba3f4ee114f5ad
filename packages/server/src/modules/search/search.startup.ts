import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { SqlExecutor } from '../../db/sql.js';
import { createRequestContext, inTransaction } from '../../core/context.js';
import { openSearchIndex } from '../../search/search-engine.js';
import { jwtSecret } from '../../secrets.js';
import { TokenSigner } from '../../core/tokens.js';
import { JobKind } from '../job/job.enums.js';
import { enqueueJob, findActiveJob } from '../job/job.queue.js';

/**
 * At start: applies the index settings (before any document, so an empty index answers a
 * query with zero hits), and when the index is empty while the archive is not (a new
 * engine, a Meilisearch version whose data had to be set aside, a wiped volume), queues
 * the rebuild as a REINDEX_SEARCH job instead of waiting for someone to notice.
 * Returns the job's id when one was queued.
 */
export async function prepareSearchIndex(orm: MikroORM, config: Config, say: (m: string) => void): Promise<string | undefined> {
  const sql = new SqlExecutor(orm.em.fork());
  const index = openSearchIndex(config, sql);
  let indexed: number;
  try {
    await index.prepare();
    indexed = await index.count();
  } catch (error) {
    // The back office works without search; the outbox keeps every change, and the first
    // write or search after the engine is back applies the settings.
    say(`search engine ${index.engine} not ready (${error instanceof Error ? error.message : String(error)}); changes queue in the outbox`);
    return undefined;
  }
  if (indexed > 0) return undefined;
  // Customers the outbox will index anyway (a first start's demo data) need no rebuild.
  const archived = (await sql.one<{ n: number }>(
    `select count(*)::int as n from archive.customer a where not exists (select 1 from search_outbox o where o.customer_id = a.id)`,
  ))!.n;
  if (archived === 0) return undefined;
  const ctx = createRequestContext(orm, config, new TokenSigner(jwtSecret(config), config.ACCESS_TOKEN_TTL_SECONDS), `startup:reindex:${process.pid}`);
  const job = await inTransaction(ctx, async (tx) => {
    // The lock reindexArchive takes: two servers starting together queue one rebuild.
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:reindex-search'))`);
    if (await findActiveJob(tx.sql, JobKind.REINDEX_SEARCH)) return undefined;
    return enqueueJob(tx, JobKind.REINDEX_SEARCH, {}, {
      reason: `the ${index.engine} index is empty while the archive holds ${archived} customers (new engine or version): rebuilding`,
    });
  });
  if (job) say(`search index empty, ${archived} archived customers: rebuild queued as job ${job.id}`);
  return job?.id;
}
