import { Migration } from '@mikro-orm/migrations';

/**
 * Login credentials, refresh tokens, the hash-chained audit log and the access log of
 * sensitive reads.
 */
export class MigrationIdentityAudit extends Migration {
  override name = 'migration-2026112202-identity-audit';

  override up(): void {
    this.addSql(`alter table app_user add column password_hash text`);
    // Bumped on password reset: tokens carry it, so older tokens stop working at once.
    this.addSql(`alter table app_user add column token_version integer not null default 1`);
    this.addSql(`alter table app_user add column last_login_at timestamptz(6)`);

    this.addSql(`
      create table refresh_token (
        id bigint generated always as identity primary key,
        user_id bigint not null references app_user (id),
        token_hash bytea not null unique,
        created_at timestamptz(6) not null default now(),
        expires_at timestamptz(6) not null,
        revoked_at timestamptz(6)
      )`);
    this.addSql(`create index refresh_token_user_idx on refresh_token (user_id) where revoked_at is null`);

    this.addSql(`
      create table audit_event (
        seq bigint primary key,
        at timestamptz(6) not null,
        actor_id bigint,
        actor_role text,
        action text not null,
        entity_type text not null,
        entity_id text,
        reason text,
        changes jsonb not null default '{}',
        request_id text,
        prev_hash bytea not null,
        hash bytea not null
      )`);
    for (const column of ['entity_type, entity_id', 'actor_id', 'action', 'at']) {
      this.addSql(`create index audit_event_${column.replace(', ', '_')}_idx on audit_event (${column}, seq)`);
    }

    // The canonical encoding every hash covers. Time is rendered in UTC with
    // microseconds and jsonb has one text form, so the encoding does not depend on
    // session settings.
    this.addSql(`
      create function audit_canonical(e audit_event) returns bytea language sql immutable as $$
        select convert_to(jsonb_build_array(
          e.seq, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id, e.actor_role,
          e.action, e.entity_type, e.entity_id, e.reason, e.changes, e.request_id
        )::text, 'UTF8') || e.prev_hash
      $$`);

    // Appends under a transaction-scoped advisory lock: concurrent writers queue here,
    // so each row links to the row committed before it and the chain never forks.
    this.addSql(`
      create function audit_append(
        p_actor_id bigint, p_actor_role text, p_action text, p_entity_type text, p_entity_id text,
        p_reason text, p_changes jsonb, p_request_id text
      ) returns bigint language plpgsql as $$
      declare
        last audit_event;
        e audit_event;
      begin
        perform pg_advisory_xact_lock(7465636173747573);
        select * into last from audit_event order by seq desc limit 1;
        e.seq := coalesce(last.seq, 0) + 1;
        e.at := clock_timestamp();
        e.actor_id := p_actor_id;
        e.actor_role := p_actor_role;
        e.action := p_action;
        e.entity_type := p_entity_type;
        e.entity_id := p_entity_id;
        e.reason := p_reason;
        e.changes := coalesce(p_changes, '{}'::jsonb);
        e.request_id := p_request_id;
        e.prev_hash := coalesce(last.hash, '\\x'::bytea);
        e.hash := sha256(audit_canonical(e));
        insert into audit_event values (e.*);
        return e.seq;
      end $$`);

    this.addSql(`
      create function audit_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit log is append-only: % refused on %', tg_op, tg_table_name
          using errcode = 'insufficient_privilege';
      end $$`);

    this.addSql(`
      create table access_log (
        id bigint generated always as identity primary key,
        at timestamptz(6) not null default now(),
        actor_id bigint,
        actor_role text,
        request_id text,
        entity_type text not null,
        field text not null,
        entity_ids bigint[] not null
      )`);
    this.addSql(`create index access_log_at_idx on access_log (at)`);
    this.addSql(`create index access_log_actor_idx on access_log (actor_id, at)`);
    this.addSql(`create index access_log_entity_ids_idx on access_log using gin (entity_ids)`);

    // ENABLE ALWAYS: the triggers also fire under session_replication_role = replica,
    // the usual way to skip triggers during bulk loads.
    for (const table of ['audit_event', 'access_log']) {
      this.addSql(`create trigger ${table}_no_update_delete before update or delete on ${table}
                   for each row execute function audit_refuse_change()`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on ${table}
                   for each statement execute function audit_refuse_change()`);
      this.addSql(`alter table ${table} enable always trigger ${table}_no_update_delete`);
      this.addSql(`alter table ${table} enable always trigger ${table}_no_truncate`);
    }
  }
}
