import { Migration } from '@mikro-orm/migrations';

/** Hash partitions of `search_document`. */
export const SEARCH_DOCUMENT_PARTITIONS = 8;

/**
 * The PostgreSQL search engine at 1M archived customers (bench/search.mjs, issue 15).
 *
 * A search collects its first `SEARCH_CANDIDATE_LIMIT` matches and ranks only those, but
 * a GIN index answers with a bitmap of *every* match: a common word (`logistics`, one row
 * in 27) cost a bitmap of 37,000 rows to keep 1,001 of them, 60 ms of CPU a search.
 * Hash partitions on the id give each part its own, eight times smaller, indexes, and the
 * LIMIT stops the scan of the parts in turn once enough candidates are found (the later
 * parts are never read); a rare term reads every part's small index (about +1 ms).
 * Measured on the 1M archive, backend CPU per search: `logistics` 60 → 11 ms, `公司`
 * 10 → 6, `张伟` 10 → 7, a rare term 0.8 → 1.9, a phone fragment 3 → 7.
 *
 * The name terms share one multi-column GIN index with every filter searchArchive offers
 * (btree_gin): a filtered or SALES-scoped search intersects them inside the index, where
 * separate indexes built a bitmap per filter (333,000 rows for one `type`) and ANDed
 * them: a filtered query 3–4× faster, a SALES user's 2×. It replaces the name-terms and
 * tags indexes; the btree filter indexes stay for listings in archive order.
 */
export class MigrationSearchPartitions extends Migration {
  override name = 'migration-2026120730-search-partitions';

  override up(): void {
    this.addSql(`alter table search_document rename to search_document_single`);
    this.addSql(`alter table search_document_single rename constraint search_document_pkey to search_document_single_pkey`);
    this.addSql(`
      create table search_document (like search_document_single including defaults including constraints)
        partition by hash (id)`);
    this.addSql(`alter table search_document add constraint search_document_pkey primary key (id)`);
    for (let part = 0; part < SEARCH_DOCUMENT_PARTITIONS; part += 1) {
      this.addSql(
        `create table search_document_p${part} partition of search_document for values with (modulus ${SEARCH_DOCUMENT_PARTITIONS}, remainder ${part})`,
      );
    }
    // Rows first, indexes after: one sort per index instead of a GIN insert per row.
    this.addSql(`insert into search_document select * from search_document_single`);
    this.addSql(`drop table search_document_single`);
    this.addSql(`
      create index search_document_match_idx on search_document using gin
        (name_terms, owner_id, type, tier, industry, region, lifecycle_stage, archive_reason, archived_year, previous_status, tags)`);
    this.addSql(`create index search_document_name_trgm_idx on search_document using gin (lower(name) gin_trgm_ops)`);
    this.addSql(`create index search_document_code_trgm_idx on search_document using gin (lower(code) gin_trgm_ops)`);
    this.addSql(`create index search_document_email_trgm_idx on search_document using gin (lower(email) gin_trgm_ops)`);
    this.addSql(`create index search_document_phone_trgm_idx on search_document using gin (phone_digits gin_trgm_ops)`);
    for (const column of ['owner_id', 'type', 'tier', 'industry', 'region', 'lifecycle_stage', 'archive_reason', 'archived_year', 'previous_status', 'archived_at']) {
      this.addSql(`create index search_document_${column}_idx on search_document (${column})`);
    }
    this.addSql(`create index search_document_legal_hold_idx on search_document (id) where legal_hold`);
    this.addSql(`analyze search_document`);
  }
}
