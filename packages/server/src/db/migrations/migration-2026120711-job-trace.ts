import { Migration } from '@mikro-orm/migrations';

/**
 * The W3C `traceparent` of the request (or job) that queued a job, so the job's spans and
 * log lines continue that trace in whichever worker process runs it (src/telemetry). Null
 * for jobs queued outside a trace (schedules, console commands without one).
 */
export class MigrationJobTrace extends Migration {
  override name = 'migration-2026120711-job-trace';

  override up(): void {
    this.addSql(`alter table job add column trace_parent text check (trace_parent ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$')`);
    this.addSql(`comment on column job.trace_parent is 'W3C traceparent of the request that queued the job (tracing only)'`);
  }
}
