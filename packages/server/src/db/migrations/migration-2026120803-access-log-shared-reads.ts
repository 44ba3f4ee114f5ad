import { Migration } from '@mikro-orm/migrations';

/**
 * A batch's read may name several fields of one entity type that read the same records
 * (`["Customer", "email,phone,notes", "12,13"]`): a page of customers read with five
 * personal fields carried its ids five times, most of each request's JSON, its spool line
 * and its batch row. The view shows a row per field as before; a read of one field (every
 * batch written before) keeps its row's id.
 */
export class MigrationAccessLogSharedReads extends Migration {
  override name = 'migration-2026120803-access-log-shared-reads';

  override up(): void {
    this.addSql(`comment on column access_log_batch.requests is '[{at (epoch ms), actorId, actorRole, requestId, reads: [[entity type, "field,field,...", "id,id,..."]]}] in the order answered; the fields of a read each read every record it names.'`);
    // The fields are numbered across the request's reads in the order written (row_number
    // within one request), so ids stay unique and in written order.
    this.addSql(`
      create or replace view access_log as
      select r.id, r.at, r.actor_id, r.actor_role, r.request_id, r.entity_type, r.field, r.entity_ids, null::bigint as batch_id
        from access_log_row r
      union all
      select (b.id << 32) + (q.n << 10) + e.m as id,
             to_timestamp((q.request ->> 'at')::float8 / 1000) as at,
             (q.request ->> 'actorId')::bigint as actor_id,
             q.request ->> 'actorRole' as actor_role,
             q.request ->> 'requestId' as request_id,
             e.entity_type,
             e.field,
             e.entity_ids,
             b.id as batch_id
        from access_log_batch b
        cross join lateral json_array_elements(b.requests) with ordinality as q(request, n)
        cross join lateral (
          select r.read ->> 0 as entity_type,
                 f.field,
                 string_to_array(r.read ->> 2, ',')::bigint[] as entity_ids,
                 row_number() over (order by r.m, f.k) as m
            from json_array_elements(q.request -> 'reads') with ordinality as r(read, m)
            cross join lateral unnest(string_to_array(r.read ->> 1, ',')) with ordinality as f(field, k)
        ) e`);
  }
}
