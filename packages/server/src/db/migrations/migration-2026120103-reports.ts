import { Migration } from '@mikro-orm/migrations';

/** `lifecycleActivity` counts customer transitions by action over a time range; without
 * this index a long audit log is scanned by time across every kind of event. */
export class MigrationReports extends Migration {
  override name = 'migration-2026120103-reports';

  override up(): void {
    this.addSql(`create index audit_event_customer_action_at_idx on audit_event (action, at) where entity_type = 'Customer'`);
  }
}
