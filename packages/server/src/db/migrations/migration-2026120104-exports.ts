import { Migration } from '@mikro-orm/migrations';

/** Export download links: single use, short-lived; kept afterwards as a record of who
 * downloaded what (the audit log holds the same facts, hash-chained). */
export class MigrationExports extends Migration {
  override name = 'migration-2026120104-exports';

  override up(): void {
    this.addSql(`
      create table export_request (
        id text primary key,
        user_id bigint not null references app_user (id),
        resource text not null,
        format text not null,
        language text not null,
        filter jsonb,
        row_count integer not null,
        created_at timestamptz(6) not null default now(),
        expires_at timestamptz(6) not null,
        used_at timestamptz(6),
        rows_written integer,
        finished_at timestamptz(6)
      )`);
    this.addSql(`create index export_request_user_idx on export_request (user_id, created_at)`);
  }
}
