import type { Config } from '../../src/config.js';
import { SqlExecutor } from '../../src/db/sql.js';
import { archiveCustomerRows } from '../../src/modules/archive/archive.store.js';
import { drainOutbox, type IndexFactory } from '../../src/search/outbox.js';
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
