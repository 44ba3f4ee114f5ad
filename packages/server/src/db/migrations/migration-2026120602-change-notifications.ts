import { Migration } from '@mikro-orm/migrations';

/**
 * Change notifications for GraphQL subscriptions, sent by PostgreSQL itself (NOTIFY), so
 * that every server process hears every change whichever process or worker made it, and
 * only once it is committed (NOTIFY is transactional). Triggers rather than calls in the
 * services: no write path (job workers, bulk moves, merges, COPY) can forget one.
 *
 * `custos_job`: `{"id": "…"}` when a job is queued or its state, progress, cancellation,
 * result or error changes (not on heartbeats); listeners re-read the job.
 *
 * `custos_customer`: `{"op": "INSERT|UPDATE|DELETE", "rows": [[id, owner_id, old_owner_id], …]}`
 * per statement, in chunks of at most 200 rows (a notification holds at most 8000 bytes).
 * The owners let a listener apply row rules (SALES: own customers) before it reads
 * anything; ids are text because they may exceed JavaScript's safe integers.
 */
export class MigrationChangeNotifications extends Migration {
  override name = 'migration-2026120602-change-notifications';

  override up(): void {
    this.addSql(`
      create function custos_notify_job() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and (old.state, old.progress_done, old.progress_total, old.cancel_requested, old.result, old.error)
            is not distinct from (new.state, new.progress_done, new.progress_total, new.cancel_requested, new.result, new.error) then
          return null;
        end if;
        perform pg_notify('custos_job', json_build_object('id', new.id::text)::text);
        return null;
      end $$`);
    this.addSql(`create trigger job_notify after insert or update on job for each row execute function custos_notify_job()`);

    this.addSql(`
      create function custos_notify_customer() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform pg_notify('custos_customer', json_build_object('op', tg_op, 'rows', json_agg(r.row))::text)
             from (select json_build_array(n.id::text, n.owner_id::text, null) as row, (row_number() over (order by n.id) - 1) / 200 as chunk
                     from new_rows n) r
            group by r.chunk;
        elsif tg_op = 'UPDATE' then
          perform pg_notify('custos_customer', json_build_object('op', tg_op, 'rows', json_agg(r.row))::text)
             from (select json_build_array(n.id::text, n.owner_id::text, o.owner_id::text) as row, (row_number() over (order by n.id) - 1) / 200 as chunk
                     from new_rows n join old_rows o on o.id = n.id) r
            group by r.chunk;
        else
          perform pg_notify('custos_customer', json_build_object('op', tg_op, 'rows', json_agg(r.row))::text)
             from (select json_build_array(o.id::text, null, o.owner_id::text) as row, (row_number() over (order by o.id) - 1) / 200 as chunk
                     from old_rows o) r
            group by r.chunk;
        end if;
        return null;
      end $$`);
    for (const [op, tables] of [
      ['insert', 'new table as new_rows'],
      ['update', 'old table as old_rows new table as new_rows'],
      ['delete', 'old table as old_rows'],
    ] as const) {
      this.addSql(`create trigger customer_notify_${op} after ${op} on customer referencing ${tables}
                   for each statement execute function custos_notify_customer()`);
    }
  }

  override down(): void {
    for (const op of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists customer_notify_${op} on customer`);
    this.addSql(`drop trigger if exists job_notify on job`);
    this.addSql(`drop function if exists custos_notify_customer()`);
    this.addSql(`drop function if exists custos_notify_job()`);
  }
}
