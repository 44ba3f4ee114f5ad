import { Migration } from '@mikro-orm/migrations';

/**
 * How far each server's access-log spool file is in the access log: moved in the same
 * statement as the rows it covers, so a spool replayed after a crash adds only what was
 * not committed, and nothing twice (src/modules/audit/access-log.ts).
 */
export class MigrationAccessLogSpool extends Migration {
  override name = 'migration-2026120801-access-log-spool';

  override up(): void {
    this.addSql(`create table access_log_spool (
      file_key text primary key,
      committed_through bigint not null,
      updated_at timestamptz not null default now()
    )`);
  }
}
