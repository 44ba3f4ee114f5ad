import { Migration } from '@mikro-orm/migrations';

/** The latest data-quality count (one row, replaced by each COUNT_DATA_QUALITY job):
 * small aggregates by owner, never customer values. */
export class MigrationQualityRollup extends Migration {
  override name = 'migration-2026120106-quality-rollup';

  override up(): void {
    this.addSql(`
      create table data_quality_rollup (
        id smallint primary key check (id = 1),
        job_id bigint,
        counted_at timestamptz(6) not null,
        scanned integer not null,
        issues jsonb not null,
        customers jsonb not null
      )`);
  }
}
