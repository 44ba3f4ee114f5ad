import { Migration } from '@mikro-orm/migrations';

/**
 * Job leases. A worker that claims a job writes its id into `locked_by`; every batch
 * re-checks it under the job's row lock, so a worker that was presumed dead (stale
 * heartbeat) and comes back cannot commit a batch after another worker took the job over.
 */
export class MigrationJobsPolicies extends Migration {
  override name = 'migration-2026112502-jobs-policies';

  override up(): void {
    this.addSql(`alter table job add column locked_by text`);
    // Stale-lease recovery scans running jobs by heartbeat.
    this.addSql(`create index job_running_heartbeat_idx on job (heartbeat_at) where state = 'RUNNING'`);
    // "Is a run of this policy already queued or running?"
    this.addSql(`create index job_active_policy_idx on job ((params->>'policyId')) where state in ('QUEUED','RUNNING')`);
  }
}
