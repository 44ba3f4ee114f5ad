import { Migration } from '@mikro-orm/migrations';

/**
 * One code, one customer, across the live table and the archive.
 *
 * The trigger this replaces looked into archive.customer before inserting a live row.
 * Under READ COMMITTED that is racy: a create could look while an archive of the same
 * code was uncommitted, then wait on the live row's unique entry and succeed the moment
 * the archive committed, leaving the code in both stores. Here every code held by a live
 * or archived customer is a row of `customer_code`, and taking a code is an insert into
 * its primary key, which PostgreSQL serialises: the key stays with its customer while
 * the customer moves between the stores and is released only at commit of the
 * transaction that removed the customer from both.
 *
 * Codes twinned before this migration (one live, one archived) cannot both have a key:
 * the live customer keeps it, the archived twin is reported by the archive verification
 * and inherits the key when the live one gives the code up (docs/api-clients/lifecycle.md, code twins).
 */
export class MigrationCustomerCodeKey extends Migration {
  override name = 'migration-2026120401-customer-code-key';

  override up(): void {
    this.addSql(`create table customer_code (code text primary key, customer_id bigint not null)`);
    this.addSql(`create index customer_code_customer_idx on customer_code (customer_id)`);
    this.addSql(`insert into customer_code (code, customer_id) select code, id from customer`);
    this.addSql(`insert into customer_code (code, customer_id) select code, id from archive.customer order by id on conflict (code) do nothing`);

    this.addSql(`drop trigger customer_code_free_in_archive on customer`);
    this.addSql(`drop function customer_code_free_in_archive()`);

    // The conflict is raised under the live index's name, so callers that map a duplicate
    // code today (createCustomer, updateCustomer) keep answering the same way.
    this.addSql(`
      create function customer_code_taken(p_code text) returns void language plpgsql as $$
      begin
        raise exception 'customer code % is used by another customer', p_code
          using errcode = 'unique_violation', constraint = 'customer_code_key';
      end $$`);

    // A key can vanish between the insert that found it and the read of its owner (its
    // customer was purged meanwhile): then the code is free and the claim is tried again.
    this.addSql(`
      create function customer_code_claim(p_code text, p_id bigint) returns void language plpgsql as $$
      declare
        owner bigint;
      begin
        for attempt in 1 .. 5 loop
          insert into customer_code (code, customer_id) values (p_code, p_id) on conflict (code) do nothing;
          select k.customer_id into owner from customer_code k where k.code = p_code;
          if owner = p_id then return; end if;
          if owner is not null then perform customer_code_taken(p_code); end if;
        end loop;
        raise exception 'customer code % changed hands too often; try again', p_code using errcode = 'serialization_failure';
      end $$`);

    // After the key is gone, a twin from before this migration inherits the code.
    this.addSql(`
      create function customer_code_release(p_code text, p_id bigint) returns void language plpgsql as $$
      begin
        delete from customer_code where code = p_code and customer_id = p_id;
        if found then
          insert into customer_code (code, customer_id)
          select h.code, h.id
            from (select code, id from customer where code = p_code
                  union all select code, id from archive.customer where code = p_code) h
           order by h.id limit 1
          on conflict (code) do nothing;
        end if;
      end $$`);

    // Statement-level, so a seed or import of many rows claims its keys in one insert.
    this.addSql(`
      create function customer_code_claim_inserted() returns trigger language plpgsql as $$
      declare
        taken record;
      begin
        -- Moves (archive, restore) carry a customer together with its key, and a backup
        -- restore loads the key table itself; a restore of an archived twin claims its key
        -- explicitly first (modules/archive/archive.store.ts).
        if current_setting('custos.moving', true) = 'on' then return null; end if;
        for attempt in 1 .. 5 loop
          insert into customer_code (code, customer_id) select n.code, n.id from new_rows n on conflict (code) do nothing;
          select n.code, k.customer_id as owner into taken
            from new_rows n left join customer_code k on k.code = n.code
           where k.customer_id is distinct from n.id
           limit 1;
          if not found then return null; end if;
          if taken.owner is not null then perform customer_code_taken(taken.code); end if;
        end loop;
        raise exception 'customer code % changed hands too often; try again', taken.code using errcode = 'serialization_failure';
      end $$`);

    this.addSql(`
      create function customer_code_follow_update() returns trigger language plpgsql as $$
      begin
        perform customer_code_claim(new.code, new.id);
        perform customer_code_release(old.code, old.id);
        return null;
      end $$`);

    // Deferred to commit: a move deletes the row from one store and inserts it into the
    // other, and only at commit is it known whether the customer is still anywhere.
    this.addSql(`
      create function customer_code_release_deleted() returns trigger language plpgsql as $$
      begin
        if not exists (select 1 from customer where id = old.id) and not exists (select 1 from archive.customer where id = old.id) then
          perform customer_code_release(old.code, old.id);
        end if;
        return null;
      end $$`);

    for (const [table, name] of [['customer', 'customer'], ['archive.customer', 'archive_customer']] as const) {
      this.addSql(`create trigger ${name}_code_claim after insert on ${table}
                   referencing new table as new_rows for each statement execute function customer_code_claim_inserted()`);
      this.addSql(`create trigger ${name}_code_follow after update of code on ${table}
                   for each row when (old.code is distinct from new.code) execute function customer_code_follow_update()`);
      this.addSql(`create constraint trigger ${name}_code_release after delete on ${table}
                   deferrable initially deferred for each row execute function customer_code_release_deleted()`);
    }
  }
}
