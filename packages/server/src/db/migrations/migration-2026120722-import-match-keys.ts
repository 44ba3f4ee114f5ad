import { Migration } from '@mikro-orm/migrations';

/**
 * Set-based customer imports (issue 22): a batch of rows is compared with the customers
 * in one statement, and with the earlier rows of its own file through the keys those rows
 * wrote (or, in a dry run, would write). The keys live on the staged rows, so the file's
 * own index is as large as the file on disk, not in the worker's memory, and a resumed run
 * finds it as the cancelled one left it.
 *
 * - `match_keys`: the duplicate keys of a row that (would) write a customer: normalized
 *   email and phone key, tax id blind index, region and name key, and the code it gives
 *   (moved to a table of their own by migration-2026120724-import-keys).
 * - `match_target`: the customer that row (would) write: `c:<id>`, or in a dry run
 *   `r:<row>` for the customer row `<row>` would create.
 * - `match_owner`: that customer's owner (a row may update only what its role may).
 * - `match_rows`: in a dry run, the earlier rows of the file a row repeats whose customer
 *   does not exist yet (a run has ids for them, in `match_ids`).
 */
export class MigrationImportMatchKeys extends Migration {
  override name = 'migration-2026120722-import-match-keys';

  override up(): void {
    this.addSql(`alter table customer_import_row add column match_keys text[], add column match_target text,
                   add column match_owner bigint, add column match_rows integer[]`);
    this.addSql(`create index customer_import_row_match_keys_idx on customer_import_row using gin (import_id, match_keys) where match_keys is not null`);
    this.addSql(`create index customer_import_row_customer_idx on customer_import_row (import_id, customer_id) where customer_id is not null`);
  }

  override down(): void {
    this.addSql(`drop index if exists customer_import_row_customer_idx`);
    this.addSql(`drop index if exists customer_import_row_match_keys_idx`);
    this.addSql(`alter table customer_import_row drop column match_keys, drop column match_target, drop column match_owner, drop column match_rows`);
  }
}
