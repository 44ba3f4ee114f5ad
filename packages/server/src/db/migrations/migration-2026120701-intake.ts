import { Migration } from '@mikro-orm/migrations';

/**
 * Clean at the gate: every create and update of a customer looks up its would-be
 * duplicates (modules/cleanup/duplicate.reader.ts), one index lookup per match kind, and
 * the duplicate rules say per kind whether a match warns or blocks.
 *
 * Detection alone needed no index on the match keys (docs/developers/decisions.md); a
 * lookup per write does, or each create scans the table. The indexes are partial (ACTIVE
 * customers only: the only ones either compares) and on the same key functions detection
 * groups by, so both read the same keys.
 */
export class MigrationIntake extends Migration {
  override name = 'migration-2026120701-intake';

  override up(): void {
    this.addSql(`create index customer_email_key_idx on customer (custos_email_key(email)) where status = 'ACTIVE'`);
    this.addSql(`create index customer_phone_key_idx on customer (custos_phone_key(phone)) where status = 'ACTIVE'`);
    this.addSql(`create index customer_region_name_key_idx on customer (region, custos_name_key(name)) where status = 'ACTIVE'`);
    this.addSql(`create index customer_name_key_trgm_idx on customer using gin (custos_name_key(name) gin_trgm_ops) where status = 'ACTIVE'`);

    // One row per match kind; a kind without a row warns.
    this.addSql(`
      create table duplicate_rule (
        kind text primary key check (kind in ('EMAIL', 'PHONE', 'TAX_ID', 'NAME', 'SIMILAR_NAME')),
        action text not null check (action in ('OFF', 'WARN', 'BLOCK')),
        updated_by bigint references app_user (id),
        updated_at timestamptz(6) not null default now()
      )`);
    this.addSql(`insert into duplicate_rule (kind, action) values ('EMAIL', 'WARN'), ('PHONE', 'WARN'), ('TAX_ID', 'WARN'), ('NAME', 'WARN'), ('SIMILAR_NAME', 'WARN')`);
  }

  override down(): void {
    this.addSql(`drop table if exists duplicate_rule`);
    for (const index of ['customer_email_key_idx', 'customer_phone_key_idx', 'customer_region_name_key_idx', 'customer_name_key_trgm_idx']) {
      this.addSql(`drop index if exists ${index}`);
    }
  }
}
