import { Migration } from '@mikro-orm/migrations';

/**
 * The duplicate gate's similar-name lookup as an index lookup (issue 22: the check on
 * create ≤ 20 ms at p95 on a million customers; docs/developers/benchmarks.md).
 *
 * The name key (custos_name_key: NFKC, lower case, punctuation and legal form gone) is
 * stored beside the name, so the trigram recheck of each index candidate reads a value
 * instead of evaluating the key's regular expressions on the heap row. It is a STORED
 * generated column: PostgreSQL writes it in the same statement as the name, whichever
 * statement of the customer store (or a row move between stores, or the seed) writes the
 * name, so it can never disagree with the name, and the ALTER computes it for every
 * existing row set-based. It belongs to the live table only: a row moved to the archive
 * leaves it behind and gets it back on restore (archive.columns.ts names no generated
 * column, and backups skip them).
 *
 * The trigram index leads with the region (btree_gin), so a lookup reads the candidates
 * of the customer's region only instead of every region's and filtering on the heap.
 */
export class MigrationNameKey extends Migration {
  override name = 'migration-2026120721-name-key';

  override up(): void {
    this.addSql(`create extension if not exists btree_gin`);
    this.addSql(`alter table customer add column name_key text generated always as (custos_name_key(name)) stored`);
    this.addSql(`drop index if exists customer_region_name_key_idx`);
    this.addSql(`drop index if exists customer_name_key_trgm_idx`);
    this.addSql(`create index customer_region_name_key_idx on customer (region, name_key) where status = 'ACTIVE'`);
    this.addSql(`create index customer_name_key_trgm_idx on customer using gin (region, name_key gin_trgm_ops) where status = 'ACTIVE'`);
  }

  override down(): void {
    this.addSql(`drop index if exists customer_name_key_trgm_idx`);
    this.addSql(`drop index if exists customer_region_name_key_idx`);
    this.addSql(`alter table customer drop column if exists name_key`);
    this.addSql(`create index customer_region_name_key_idx on customer (region, custos_name_key(name)) where status = 'ACTIVE'`);
    this.addSql(`create index customer_name_key_trgm_idx on customer using gin (custos_name_key(name) gin_trgm_ops) where status = 'ACTIVE'`);
  }
}
