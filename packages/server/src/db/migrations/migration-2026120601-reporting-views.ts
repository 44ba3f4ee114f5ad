import { Migration } from '@mikro-orm/migrations';

/**
 * The SQL door for BI tools: a `reporting` schema of views and a NOLOGIN group role,
 * `custos_reporting`, that may read those views and nothing else. An operator grants the
 * role to a login of their own (docs/api-clients/reporting-sql.md); no password lives here.
 *
 * The views carry exactly what the REPORTING role reads over GraphQL (src/policy): no
 * personal or masked columns (email, phone, tax id, address, notes, interaction bodies),
 * interaction amounts in full, every live row, and no archived record, only the archive
 * counts `archiveStats` gives. test/reporting-sql.test.ts checks every view column against
 * the policy, so a policy change that narrows REPORTING fails until a migration follows it.
 *
 * Views run with their owner's privileges, so the role needs no grant on any table; they
 * are security barriers so that a function of the reader's cannot see rows a view's WHERE
 * leaves out.
 *
 * Roles belong to the cluster, not the database: several Custos databases on one server
 * share the role, each granting it its own views.
 */

/**
 * Creates a NOLOGIN role unless it exists. Roles belong to the cluster: another database
 * migrating at the same moment (parallel test files, two deployments on one server) may
 * create it between the check and the create, and then this one waits for that transaction
 * and sees a duplicate; either way the role exists afterwards, which is all this asks.
 * Creating a role needs CREATEROLE; a user without it gets a message that says what to
 * run once as a superuser instead of a bare "permission denied".
 */
export function createClusterRoleSql(role: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  return `
      do $$
      begin
        if not exists (select 1 from pg_roles where rolname = '${role}') then
          begin
            create role ${role} nologin;
          exception
            when duplicate_object or unique_violation then null;
            when insufficient_privilege then
              raise exception 'cannot create role ${role} as %', current_user
                using hint = 'run "create role ${role} nologin" once as a superuser, then start Custos again';
          end;
        end if;
      end $$`;
}

export class MigrationReportingViews extends Migration {
  override name = 'migration-2026120601-reporting-views';

  override up(): void {
    this.addSql(createClusterRoleSql('custos_reporting'));
    this.addSql(`create schema reporting`);
    this.addSql(`comment on schema reporting is 'Read-only views for BI tools under the REPORTING policy; read them as a member of custos_reporting.'`);

    this.addSql(`
      create view reporting.customers with (security_barrier) as
      select c.id, c.code, c.name, c.type, c.tier, c.industry, c.region, c.lifecycle_stage, c.status,
             c.owner_id, c.tags, c.last_interaction_at, c.created_at, c.updated_at,
             c.void_reason, c.void_note, c.voided_at,
             c.status = 'VOID' as voided,
             c.status = 'MERGED' as merged,
             m.survivor_id as merged_into_id
        from customer c
        left join lateral (
          select cm.survivor_id from customer_merge cm
           where cm.merged_ids @> array[c.id] and cm.unmerged_at is null and c.status = 'MERGED'
           order by cm.merged_at desc limit 1) m on true`);
    this.addSql(`comment on view reporting.customers is 'Live customers (archived ones are in archive_summary as counts only). Voided and merged customers are included: filter on voided / merged as customerStats does by default.'`);

    // BI tools group by a column, not by an array element: one row per customer and tag,
    // and one row with a null tag for an untagged customer, like customerStats' TAG.
    this.addSql(`
      create view reporting.customer_tags with (security_barrier) as
      select c.id as customer_id, t.tag
        from customer c
        cross join lateral unnest(case when cardinality(c.tags) = 0 then array[null::text] else c.tags end) as t(tag)`);

    this.addSql(`
      create view reporting.interactions with (security_barrier) as
      select i.id, i.customer_id, i.kind, i.occurred_at, i.channel, i.subject, i.amount, i.currency, i.owner_id, i.created_at
        from interaction i`);
    this.addSql(`comment on view reporting.interactions is 'Interactions of live customers, without their bodies; older ones moved to the archive are not here.'`);

    // Every role reads a staff member's id and display name (an owner shown by name).
    this.addSql(`
      create view reporting.users with (security_barrier) as
      select u.id, u.display_name from app_user u`);

    // archiveStats' figures: counts by age since archiving and by policy, legal holds and
    // past retention; no archived record itself (REPORTING has no archive read).
    this.addSql(`
      create view reporting.archive_summary with (security_barrier) as
      select case when c.archived_at > now() - interval '1 year' then '<1y'
                  when c.archived_at > now() - interval '3 years' then '1-3y'
                  when c.archived_at > now() - interval '7 years' then '3-7y'
                  else '>=7y' end as age,
             c.archive_policy_id as policy_id, p.name as policy_name,
             c.legal_hold, coalesce(c.retain_until < now(), false) as past_retention,
             count(*)::int as customers
        from archive.customer c left join archive_policy p on p.id = c.archive_policy_id
       group by 1, 2, 3, 4, 5`);

    // lifecycleActivity's source: one row per transition event and how many customers it
    // moved (a merge is one event for the survivor naming every party). Rows, not buckets,
    // so that a filter on "at" uses the (action, at) index and a tool buckets in its own zone.
    this.addSql(`
      create view reporting.lifecycle_events with (security_barrier) as
      select e.at,
             case e.action when 'CUSTOMER_ARCHIVED' then 'ARCHIVED' when 'CUSTOMER_RESTORED' then 'RESTORED'
                           when 'CUSTOMER_VOIDED' then 'VOIDED' when 'CUSTOMER_UNVOIDED' then 'UNVOIDED'
                           when 'CUSTOMER_PURGED' then 'PURGED' when 'CUSTOMERS_MERGED' then 'MERGED'
                           else 'UNMERGED' end as event,
             (case e.action when 'CUSTOMERS_MERGED' then jsonb_array_length(e.changes->'mergedIds'->'to')
                            when 'CUSTOMERS_UNMERGED' then jsonb_array_length(e.changes->'restoredIds'->'to')
                            else 1 end)::int as customers
        from audit_event e
       where e.entity_type = 'Customer'
         and e.action in ('CUSTOMER_ARCHIVED', 'CUSTOMER_RESTORED', 'CUSTOMER_VOIDED', 'CUSTOMER_UNVOIDED',
                          'CUSTOMER_PURGED', 'CUSTOMERS_MERGED', 'CUSTOMERS_UNMERGED')`);

    this.addSql(`grant usage on schema reporting to custos_reporting`);
    this.addSql(`grant select on all tables in schema reporting to custos_reporting`);
    // Views later migrations add here (as the same user) are readable without a grant each.
    this.addSql(`alter default privileges in schema reporting grant select on tables to custos_reporting`);
  }

  override down(): void {
    this.addSql(`alter default privileges in schema reporting revoke select on tables from custos_reporting`);
    this.addSql(`drop schema if exists reporting cascade`);
    // The role stays: other databases on the same server may still grant it.
  }
}
