import { Migration } from '@mikro-orm/migrations';

/**
 * The record lifecycle: the `archive` schema that archived customers and interactions
 * move to, legal holds, jobs and archive policies.
 *
 * Archive tables repeat the hot tables' columns (moves name them explicitly, see
 * modules/archive/archive.columns.ts; a test fails when the two drift apart) and add the
 * archive metadata. `archive.customer.status` keeps the status the customer had before it
 * was archived (ACTIVE or VOID): restore puts that back.
 */
export class MigrationLifecycle extends Migration {
  override name = 'migration-2026112501-lifecycle';

  override up(): void {
    // A legal hold blocks purge and retention sweeps; a manual stage is left alone by the
    // lifecycle classifier.
    this.addSql(`alter table customer add column legal_hold boolean not null default false`);
    this.addSql(`alter table customer add column stage_override boolean not null default false`);

    this.addSql(`create schema archive`);
    this.addSql(`
      create table archive.customer (
        id bigint primary key,
        code text not null,
        name text not null,
        type text not null,
        tier text not null,
        industry text,
        region text,
        lifecycle_stage text not null,
        status text not null check (status in ('ACTIVE','VOID')),
        owner_id bigint,
        email text,
        phone text,
        address text,
        tax_id text,
        tags text[] not null,
        notes text,
        last_interaction_at timestamptz(6),
        created_at timestamptz(6) not null,
        updated_at timestamptz(6) not null,
        version integer not null,
        void_reason text,
        void_note text,
        voided_at timestamptz(6),
        legal_hold boolean not null,
        stage_override boolean not null,
        archived_at timestamptz(6) not null,
        archived_by bigint,
        archive_reason text not null,
        archive_policy_id bigint,
        retain_until timestamptz(6),
        checksum bytea not null
      )`);
    this.addSql(`create unique index archive_customer_code_key on archive.customer (code)`);
    this.addSql(`create index archive_customer_archived_at_idx on archive.customer (archived_at, id)`);
    this.addSql(`create index archive_customer_name_idx on archive.customer (name, id)`);
    for (const column of ['owner_id', 'type', 'tier', 'industry', 'region', 'lifecycle_stage', 'status', 'archive_policy_id']) {
      this.addSql(`create index archive_customer_${column}_idx on archive.customer (${column})`);
    }
    this.addSql(`create index archive_customer_tags_idx on archive.customer using gin (tags)`);
    this.addSql(`create index archive_customer_retain_idx on archive.customer (retain_until) where not legal_hold`);
    for (const column of ['name', 'code', 'email', 'phone']) {
      this.addSql(`create index archive_customer_${column}_trgm_idx on archive.customer using gin (${column} gin_trgm_ops)`);
    }

    this.addSql(`
      create table archive.interaction (
        id bigint primary key,
        customer_id bigint not null,
        kind text not null,
        occurred_at timestamptz(6) not null,
        channel text,
        subject text not null,
        body text,
        amount numeric(14,2),
        currency char(3),
        owner_id bigint,
        created_at timestamptz(6) not null,
        archived_at timestamptz(6) not null,
        archived_by bigint,
        archive_reason text not null,
        archive_policy_id bigint,
        -- true: moved with its customer and restored with it; false: archived on its own
        -- while the customer stayed live.
        with_customer boolean not null,
        checksum bytea not null
      )`);
    this.addSql(`create index archive_interaction_customer_idx on archive.interaction (customer_id, occurred_at desc, id desc)`);
    this.addSql(`create index archive_interaction_archived_at_idx on archive.interaction (archived_at, id)`);

    // A code stays unique across both stores, so a restore can never collide with a
    // customer created meanwhile.
    this.addSql(`
      create function customer_code_free_in_archive() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from archive.customer a where a.code = new.code and a.id <> new.id) then
          raise exception 'customer code % is used by an archived customer', new.code
            using errcode = 'unique_violation', constraint = 'customer_code_key';
        end if;
        return new;
      end $$`);
    this.addSql(`create trigger customer_code_free_in_archive before insert or update of code on customer
                 for each row execute function customer_code_free_in_archive()`);

    // Moves between the stores set custos.moving for their transaction: the derived
    // last_interaction_at must travel with the customer unchanged, not be recomputed
    // (and nulled) when its interactions leave first.
    this.addSql(`
      create or replace function interaction_raise_last_interaction_at() returns trigger language plpgsql as $$
      begin
        if current_setting('custos.moving', true) = 'on' then return null; end if;
        update customer c set last_interaction_at = n.max_at
          from (select customer_id, max(occurred_at) as max_at from new_rows group by customer_id) n
         where c.id = n.customer_id
           and (c.last_interaction_at is null or c.last_interaction_at < n.max_at);
        return null;
      end $$`);
    this.addSql(`
      create or replace function interaction_recompute_last_interaction_at() returns trigger language plpgsql as $$
      begin
        if current_setting('custos.moving', true) = 'on' then return null; end if;
        if tg_op = 'DELETE' then
          update customer c
             set last_interaction_at = (select max(i.occurred_at) from interaction i where i.customer_id = c.id)
           where c.id in (select distinct customer_id from old_rows);
        else
          update customer c
             set last_interaction_at = (select max(i.occurred_at) from interaction i where i.customer_id = c.id)
           where c.id in (select customer_id from old_rows union select customer_id from new_rows);
        end if;
        return null;
      end $$`);

    // Many events in one call (bulk moves write one event per customer): one lock, one
    // read of the chain's head, then a tight loop.
    this.addSql(`
      create function audit_append_many(
        p_actor_id bigint, p_actor_role text, p_action text, p_entity_type text, p_entity_ids text[],
        p_reason text, p_changes jsonb[], p_request_id text
      ) returns bigint language plpgsql as $$
      declare
        last audit_event;
        e audit_event;
        i int;
        n bigint;
        prev bytea;
      begin
        if coalesce(cardinality(p_entity_ids), 0) = 0 then return null; end if;
        perform pg_advisory_xact_lock(7465636173747573);
        select * into last from audit_event order by audit_event.seq desc limit 1;
        n := coalesce(last.seq, 0);
        prev := coalesce(last.hash, '\\x'::bytea);
        for i in 1 .. cardinality(p_entity_ids) loop
          n := n + 1;
          e.seq := n;
          e.at := clock_timestamp();
          e.actor_id := p_actor_id;
          e.actor_role := p_actor_role;
          e.action := p_action;
          e.entity_type := p_entity_type;
          e.entity_id := p_entity_ids[i];
          e.reason := p_reason;
          e.changes := coalesce(p_changes[i], '{}'::jsonb);
          e.request_id := p_request_id;
          e.prev_hash := prev;
          e.hash := sha256(audit_canonical(e));
          insert into audit_event values (e.*);
          prev := e.hash;
        end loop;
        return n;
      end $$`);

    this.addSql(`
      create table archive_policy (
        id bigint generated by default as identity primary key,
        name text not null check (length(btrim(name)) > 0),
        description text,
        action text not null check (action in ('ARCHIVE_CUSTOMERS','ARCHIVE_INTERACTIONS')),
        criteria jsonb not null default '{}',
        interactions_older_than_days integer check (interactions_older_than_days > 0),
        retention_days integer check (retention_days > 0),
        schedule text,
        enabled boolean not null default true,
        created_by bigint references app_user (id),
        created_at timestamptz(6) not null default now(),
        updated_at timestamptz(6) not null default now(),
        version integer not null default 1,
        last_run_at timestamptz(6),
        next_run_at timestamptz(6),
        constraint archive_policy_interactions_age check
          (action <> 'ARCHIVE_INTERACTIONS' or interactions_older_than_days is not null)
      )`);
    this.addSql(`create unique index archive_policy_name_key on archive_policy (lower(name))`);
    this.addSql(`create index archive_policy_due_idx on archive_policy (next_run_at) where enabled`);

    this.addSql(`
      create table job (
        id bigint generated always as identity primary key,
        kind text not null,
        state text not null default 'QUEUED'
          check (state in ('QUEUED','RUNNING','SUCCEEDED','FAILED','CANCELLED')),
        params jsonb not null default '{}',
        progress_done bigint not null default 0,
        progress_total bigint,
        result jsonb,
        error text,
        -- Where a resumed run continues: jobs advance it in the same transaction as each batch.
        checkpoint jsonb,
        created_by bigint references app_user (id),
        created_at timestamptz(6) not null default now(),
        run_after timestamptz(6) not null default now(),
        started_at timestamptz(6),
        finished_at timestamptz(6),
        heartbeat_at timestamptz(6),
        attempts integer not null default 0,
        cancel_requested boolean not null default false,
        -- Scheduled runs carry "policy:<id>:<slot>": the unique index makes a schedule fire
        -- once however many servers see it due.
        dedupe_key text
      )`);
    this.addSql(`create unique index job_dedupe_key on job (dedupe_key) where dedupe_key is not null`);
    this.addSql(`create index job_queue_idx on job (run_after, id) where state = 'QUEUED'`);
    this.addSql(`create index job_created_idx on job (created_at desc, id desc)`);
    this.addSql(`create index job_state_idx on job (state, created_at desc)`);
  }
}
