import { Migration } from '@mikro-orm/migrations';

/**
 * The access log written as one row per group commit instead of one per request and field.
 * Each row of `access_log_batch` holds the requests of one INSERT, exactly as they were
 * answered (time, actor, request id, and per entity type and field the records read), and
 * the ids of every record they read, indexed; `access_log` becomes a view that shows the
 * same rows, in the same columns, as before. The per-row cost (heap tuple, four index
 * entries, and the same customers' ids once per field) was most of what logging a guarded
 * list cost PostgreSQL (docs/developers/decisions.md#the-access-log-one-row-per-group-commit).
 */
export class MigrationAccessLogBatches extends Migration {
  override name = 'migration-2026120802-access-log-batches';

  override up(): void {
    // The rows written before: kept as they are (append-only, same indexes), read through
    // the view with the batches.
    this.addSql(`alter table access_log rename to access_log_row`);

    this.addSql(`
      create table access_log_batch (
        id bigint generated always as identity primary key,
        first_at timestamptz(6) not null,
        last_at timestamptz(6) not null,
        record_ids bigint[] not null,
        requests json not null
      )`);
    this.addSql(`comment on column access_log_batch.record_ids is 'Every record id read by the batch''s requests, of any entity type: finds the batches to look into (requests says which request read which record of which type).'`);
    this.addSql(`comment on column access_log_batch.requests is '[{at (epoch ms), actorId, actorRole, requestId, reads: [[entity type, field, "id,id,..."]]}] in the order answered.'`);
    this.addSql(`create index access_log_batch_record_ids_idx on access_log_batch using gin (record_ids)`);
    this.addSql(`create index access_log_batch_at_idx on access_log_batch (last_at)`);
    this.addSql(`create trigger access_log_batch_no_update_delete before update or delete on access_log_batch
                 for each row execute function audit_refuse_change()`);
    this.addSql(`create trigger access_log_batch_no_truncate before truncate on access_log_batch
                 for each statement execute function audit_refuse_change()`);
    this.addSql(`alter table access_log_batch enable always trigger access_log_batch_no_update_delete`);
    this.addSql(`alter table access_log_batch enable always trigger access_log_batch_no_truncate`);

    // One row per request and field, as the table had. A batch's rows are numbered above
    // every id the table gave (< 2^32), in the order written: `order by id` still reads
    // the log in the order it was written.
    this.addSql(`
      create view access_log as
      select r.id, r.at, r.actor_id, r.actor_role, r.request_id, r.entity_type, r.field, r.entity_ids, null::bigint as batch_id
        from access_log_row r
      union all
      select (b.id << 32) + (q.n << 10) + e.m as id,
             to_timestamp((q.request ->> 'at')::float8 / 1000) as at,
             (q.request ->> 'actorId')::bigint as actor_id,
             q.request ->> 'actorRole' as actor_role,
             q.request ->> 'requestId' as request_id,
             e.read ->> 0 as entity_type,
             e.read ->> 1 as field,
             string_to_array(e.read ->> 2, ',')::bigint[] as entity_ids,
             b.id as batch_id
        from access_log_batch b
        cross join lateral json_array_elements(b.requests) with ordinality as q(request, n)
        cross join lateral json_array_elements(q.request -> 'reads') with ordinality as e(read, m)`);
  }
}
