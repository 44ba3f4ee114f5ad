import { Migration } from '@mikro-orm/migrations';

/**
 * The duplicate gate's similar-name index keeps a short pending list (issue 22: the check
 * on create ≤ 20 ms at p95 on a million customers; docs/developers/benchmarks.md).
 *
 * A GIN index with fastupdate (the default) queues new entries in a pending list that
 * every scan reads in full, and flushes it only when it passes gin_pending_list_limit
 * (4 MB: ~6,000 customers' names) or at vacuum. Every customer written since the last
 * flush is then rechecked by every check; measured at 1M customers, a list of 6,000 added
 * ~7 ms to each lookup, where the lookup itself takes ~4 ms at p50. Capped at 256 kB
 * (~500 names, well under a millisecond to read) inserts are still merged in batches, so
 * imports keep the bulk path; fastupdate off would cost every insert the index descents
 * (+0.25 ms a row in a 3,000-row insert on the same database).
 */
export class MigrationGatePendingList extends Migration {
  override name = 'migration-2026120723-gate-pending-list';

  override up(): void {
    this.addSql(`alter index customer_name_key_trgm_idx set (gin_pending_list_limit = 256)`);
    // What the list holds already is merged now, not at the next insert past the cap.
    this.addSql(`select gin_clean_pending_list('customer_name_key_trgm_idx'::regclass)`);
  }

  override down(): void {
    this.addSql(`alter index customer_name_key_trgm_idx reset (gin_pending_list_limit)`);
  }
}
