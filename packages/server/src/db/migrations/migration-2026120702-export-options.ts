import { Migration } from '@mikro-orm/migrations';

/** Exports in the list's order, with local times and translated values (issue 18). */
export class MigrationExportOptions extends Migration {
  override name = 'migration-2026120702-export-options';

  override up(): void {
    this.addSql(`alter table export_request add column order_by jsonb, add column time_zone text, add column value_labels jsonb`);
  }
}
