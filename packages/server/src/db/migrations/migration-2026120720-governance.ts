import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21 parts 2 and 3. `approval_request`: four-eyes requests (modules/approval) with
 * their parameters and dry-run preview; the decider is never the requester (a check, so
 * no code path can get it wrong), and a request runs at most once (`executed_at` is set
 * by the one conditional update that claims it). `purge_schedule`: the recycle bin
 * (modules/recycle-bin): a purge waits until `due_at`, can be cancelled until then, and
 * keeps the export of what it removed for a while after. Neither has a foreign key to
 * the customer: a customer moves between the live and archive tables and finally goes.
 */
export class MigrationGovernance extends Migration {
  override name = 'migration-2026120720-governance';

  override up(): void {
    this.addSql(`create table approval_request (
      id bigint generated always as identity primary key,
      operation text not null check (operation in ('PURGE_NOW','ERASE_PERSONAL_DATA','ARCHIVE_CUSTOMERS','RESTORE_HELD','ENABLE_ARCHIVE_POLICY','ROTATE_ENCRYPTION_KEYS')),
      params jsonb not null,
      preview jsonb not null,
      reason text not null,
      state text not null default 'PENDING' check (state in ('PENDING','APPROVED','REJECTED','CANCELLED','EXECUTED','FAILED')),
      requested_by bigint not null references app_user(id),
      requested_at timestamptz not null default now(),
      expires_at timestamptz not null,
      decided_by bigint references app_user(id),
      decided_at timestamptz,
      decision_note text,
      job_id bigint references job(id),
      executed_at timestamptz,
      outcome jsonb,
      constraint approval_request_second_person check (decided_by is null or decided_by <> requested_by),
      constraint approval_request_decided check ((state in ('PENDING','CANCELLED')) = (decided_by is null))
    )`);
    this.addSql(`create index approval_request_state_idx on approval_request (state, expires_at, id)`);
    this.addSql(`create index approval_request_requested_by_idx on approval_request (requested_by, id)`);
    this.addSql(`comment on table approval_request is 'Four-eyes requests: an operation a second person must approve before it runs (as a job)'`);

    this.addSql(`create table purge_schedule (
      id bigint generated always as identity primary key,
      customer_id bigint not null,
      code text not null,
      reason text not null,
      state text not null default 'SCHEDULED' check (state in ('SCHEDULED','CANCELLED','PURGED')),
      scheduled_by bigint references app_user(id),
      scheduled_at timestamptz not null default now(),
      due_at timestamptz not null,
      urgent boolean not null default false,
      approval_request_id bigint references approval_request(id),
      cancelled_by bigint references app_user(id),
      cancelled_at timestamptz,
      cancel_reason text,
      purged_at timestamptz,
      export jsonb,
      check ((state = 'PURGED') = (purged_at is not null)),
      check ((state = 'CANCELLED') = (cancelled_at is not null)),
      check (export is null or state = 'PURGED')
    )`);
    this.addSql(`create unique index purge_schedule_one_pending on purge_schedule (customer_id) where state = 'SCHEDULED'`);
    this.addSql(`create index purge_schedule_due_idx on purge_schedule (state, due_at, id)`);
    this.addSql(`create index purge_schedule_export_idx on purge_schedule (purged_at) where export is not null`);
    this.addSql(`comment on table purge_schedule is 'Recycle bin: purges waiting for their date (cancellable), and carried-out purges with their export for a while'`);
  }
}
