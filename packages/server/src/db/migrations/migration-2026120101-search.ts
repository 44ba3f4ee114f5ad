import { Migration } from '@mikro-orm/migrations';

/**
 * Archive search: the transactional outbox that keeps any search engine in step with
 * the archive, and the PostgreSQL engine's own document table.
 *
 * An outbox row only says "archived customer N changed"; the drain reads the customer's
 * current state when it applies the row (upsert when it is in the archive, delete when it
 * is not). Applying a row twice, or two rows for one customer in any order, therefore
 * ends in the same index state: that is what makes the drain idempotent and lets
 * transactions that commit out of order both reach the index.
 */
export class MigrationSearch extends Migration {
  override name = 'migration-2026120101-search';

  override up(): void {
    this.addSql(`
      create table search_outbox (
        id bigserial primary key,
        customer_id bigint not null,
        created_at timestamptz(6) not null default clock_timestamp(),
        attempts integer not null default 0,
        available_at timestamptz(6) not null default clock_timestamp(),
        last_error text
      )`);
    // The drain claims due rows oldest first; lag is the oldest created_at.
    this.addSql(`create index search_outbox_due_idx on search_outbox (available_at, id)`);
    this.addSql(`create index search_outbox_created_idx on search_outbox (created_at)`);

    // The PostgreSQL engine's index: one row per archived customer, holding only what
    // search needs. `name_terms` is written from JavaScript (jieba segmentation plus CJK
    // bigrams, see search/tokenize.ts) as an unnormalised `simple` tsvector.
    this.addSql(`
      create table search_document (
        id bigint primary key,
        owner_id bigint,
        code text not null,
        name text not null,
        email text,
        phone text,
        phone_digits text,
        type text not null,
        tier text not null,
        industry text,
        region text,
        lifecycle_stage text not null,
        tags text[] not null,
        archive_reason text not null,
        archived_at timestamptz(6) not null,
        archived_year integer not null,
        previous_status text not null,
        legal_hold boolean not null,
        checksum text not null,
        name_terms tsvector not null,
        indexed_at timestamptz(6) not null default now()
      )`);
    this.addSql(`create index search_document_terms_idx on search_document using gin (name_terms)`);
    // Typos (word similarity) on names; substrings of codes, emails and phone digits.
    this.addSql(`create index search_document_name_trgm_idx on search_document using gin (lower(name) gin_trgm_ops)`);
    this.addSql(`create index search_document_code_trgm_idx on search_document using gin (lower(code) gin_trgm_ops)`);
    this.addSql(`create index search_document_email_trgm_idx on search_document using gin (lower(email) gin_trgm_ops)`);
    this.addSql(`create index search_document_phone_trgm_idx on search_document using gin (phone_digits gin_trgm_ops)`);
    // Every filter searchArchive offers.
    for (const column of ['owner_id', 'type', 'tier', 'industry', 'region', 'lifecycle_stage', 'archive_reason', 'archived_year', 'previous_status', 'archived_at']) {
      this.addSql(`create index search_document_${column}_idx on search_document (${column})`);
    }
    this.addSql(`create index search_document_tags_idx on search_document using gin (tags)`);
    this.addSql(`create index search_document_legal_hold_idx on search_document (id) where legal_hold`);

    // Live customers are searched in the hot table. Its trigram indexes cannot serve a
    // 2-character Chinese query, which would scan every live customer; an expression
    // index over the Chinese bigrams of the name serves it without touching any write path.
    this.addSql(`
      create function customer_name_bigrams(name text) returns text[] language sql immutable parallel safe as $$
        select coalesce(array_agg(distinct substr(run[1], i, 2)), '{}')
          from regexp_matches(name, '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]{2,}', 'g') as run,
               generate_series(1, char_length(run[1]) - 1) as i
      $$`);
    this.addSql(`create index customer_name_bigrams_idx on customer using gin (customer_name_bigrams(name))`);
  }
}
