import { Migration } from '@mikro-orm/migrations';

/**
 * Set-based imports at 100k rows (bench/import.mjs): two lookups that grew with the file
 * or the table when a batch asked them for a thousand rows at once.
 *
 * - The file's own duplicate index moves from an array column with a GIN index to a table
 *   of (import, key, row) with a btree: a batch's few thousand keys are then as many
 *   index probes, where the planner read every earlier row of the file for the overlap.
 * - `custos_similar_customers`: the similar-name lookup of one candidate as its own
 *   statement with the values written in, so it is planned for them; and the trigram
 *   match first (materialized), the region after: given `region = …` beside it, the
 *   planner reads every customer of the region through a btree and computes the
 *   similarity of each (27 ms a lookup at 5,000 customers a region, measured), where the
 *   trigram index alone answers in 4.6 ms (names sharing a common word, 20,000 customers).
 */
export class MigrationImportKeys extends Migration {
  override name = 'migration-2026120724-import-keys';

  override up(): void {
    this.addSql(`
      create table customer_import_key (
        import_id bigint not null references customer_import (id) on delete cascade,
        key text not null,
        row_no integer not null,
        primary key (import_id, key, row_no)
      )`);
    // A batch's rows replace their keys (a run after a dry run).
    this.addSql(`create index customer_import_key_row_idx on customer_import_key (import_id, row_no)`);
    this.addSql(`drop index if exists customer_import_row_match_keys_idx`);
    this.addSql(`alter table customer_import_row drop column match_keys`);
    this.addSql(`
      create function custos_similar_customers(p_region text, p_key text, p_least real, p_limit integer)
      returns table (id bigint, owner_id bigint, score real) language plpgsql stable as $$
      begin
        return query execute format(
          'with near as materialized (
             select c.id, c.owner_id, c.region, c.name_key from customer c where c.status = ''ACTIVE'' and c.name_key %% %1$L)
           select n.id, n.owner_id, similarity(n.name_key, %1$L) from near n
            where %2$s and n.name_key <> %1$L and similarity(n.name_key, %1$L) >= %3$L limit %4$s',
          p_key, case when p_region is null then 'n.region is null' else format('n.region = %L', p_region) end, p_least, p_limit);
      end $$`);
  }

  override down(): void {
    this.addSql(`drop function if exists custos_similar_customers(text, text, real, integer)`);
    this.addSql(`alter table customer_import_row add column match_keys text[]`);
    this.addSql(`drop table if exists customer_import_key`);
  }
}
