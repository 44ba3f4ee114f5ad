import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, isObjectType } from 'graphql';
import type pg from 'pg';
import { connectClient } from '../src/db/pg-client.js';
import { createClusterRoleSql } from '../src/db/migrations/migration-2026120601-reporting-views.js';
import { Role } from '../src/policy/role.js';
import { CustomerDimension } from '../src/modules/report/report.enums.js';
import { Action, actionScope, CUSTOMER_ROWS, FieldAccess, GUARDED_FIELDS, PUBLIC_FIELDS, RowScope, STAFF_FIELDS } from '../src/policy/policy.js';
import { insertCustomer, insertInteractions, setTaxId } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { until } from './helpers/until.js';

/**
 * The reporting SQL door (migration-2026120601-reporting-views): a login an operator puts
 * in the custos_reporting group reads the `reporting` views, which carry exactly the
 * REPORTING policy, and nothing else: no table of any schema, no sequence, no write.
 */

/** Every view column and what it carries under the policy: a `Type.field` REPORTING must
 * read in full over GraphQL. A column missing here fails the test, so none ships unchecked. */
const VIEW_COLUMNS: Record<string, Record<string, string>> = {
  customers: {
    id: 'Customer.id', code: 'Customer.code', name: 'Customer.name', type: 'Customer.type', tier: 'Customer.tier',
    industry: 'Customer.industry', region: 'Customer.region', lifecycle_stage: 'Customer.lifecycleStage',
    status: 'Customer.status', owner_id: 'Customer.owner', tags: 'Customer.tags',
    last_interaction_at: 'Customer.lastInteractionAt', created_at: 'Customer.createdAt', updated_at: 'Customer.updatedAt',
    void_reason: 'Customer.voidReason', void_note: 'Customer.voidNote', voided_at: 'Customer.voidedAt',
    voided: 'Customer.status', merged: 'Customer.status', merged_into_id: 'Customer.mergedInto',
  },
  customer_tags: { customer_id: 'Customer.id', tag: 'Customer.tags' },
  interactions: {
    id: 'Interaction.id', customer_id: 'Interaction.customer', kind: 'Interaction.kind', occurred_at: 'Interaction.occurredAt',
    channel: 'Interaction.channel', subject: 'Interaction.subject', amount: 'Interaction.amount', currency: 'Interaction.currency',
    owner_id: 'Interaction.owner', created_at: 'Interaction.createdAt',
  },
  users: { id: 'User.id', display_name: 'User.displayName' },
  // Aggregates: the figures of the reports REPORTING runs (Action.REPORT_READ).
  archive_summary: {
    age: 'ArchiveStats.byAge', policy_id: 'ArchiveStats.byPolicy', policy_name: 'ArchiveStats.byPolicy',
    legal_hold: 'ArchiveStats.legalHolds', past_retention: 'ArchiveStats.pastRetention', customers: 'ArchiveStats.customers',
  },
  lifecycle_events: { at: 'LifecycleActivity.bucket', event: 'LifecycleActivity.archived', customers: 'LifecycleActivity.archived' },
};

const REPORT_TYPES = new Set(['ArchiveStats', 'LifecycleActivity']);

/** Whether REPORTING reads `Type.field` in full and it is not personal data. */
function reportingReadsInFull(typeField: string): boolean {
  const [type, field] = typeField.split('.') as [string, string];
  if (REPORT_TYPES.has(type)) return actionScope(Role.REPORTING, Action.REPORT_READ) === RowScope.ALL;
  const guarded = (GUARDED_FIELDS as Record<string, { access: Record<Role, FieldAccess>; personal: boolean }>)[typeField];
  if (guarded) return guarded.access[Role.REPORTING] === FieldAccess.FULL && !guarded.personal;
  const staff = (STAFF_FIELDS as Record<string, { access: Record<Role, FieldAccess> }>)[typeField];
  if (staff) return staff.access[Role.REPORTING] === FieldAccess.FULL;
  return PUBLIC_FIELDS[type]?.includes(field) ?? false;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const sdl = buildSchema(fs.readFileSync(path.join(root, 'packages/schema/schema.graphql'), 'utf8'));

describe('reporting SQL door', () => {
  let server: TestServer;
  let bi: pg.Client;
  const login = `bi_${randomBytes(5).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const ids: Record<string, string> = {};

  /** The error code PostgreSQL answers `sql` with as the BI login, or 'ok'. */
  async function attempt(sql: string): Promise<string> {
    try {
      await bi.query(sql);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    const owner = server.users.sales1;
    ids.active = await insertCustomer(server.db, { name: 'Active Ltd', type: 'ENTERPRISE', region: 'CN-SH', industry: 'Retail', ownerId: owner, email: 'a@example.com', phone: '+8613812345678', tags: ['vip', 'east'] });
    ids.plain = await insertCustomer(server.db, { name: 'Plain Co', region: 'CN-BJ', email: 'p@example.com' });
    ids.toVoid = await insertCustomer(server.db, { name: 'Void Me', tags: ['east'] });
    ids.survivor = await insertCustomer(server.db, { name: 'Survivor Ltd' });
    ids.merged = await insertCustomer(server.db, { name: 'Survivor Limited' });
    ids.toArchive = await insertCustomer(server.db, { name: 'Old Ltd' });
    await server.db.query(`update customer set address = '1 Secret Road', notes = 'secret note' where id = $1`, [ids.active]);
    await setTaxId(server.db, ids.active!, '91310000MA1FL0XX0X');
    await insertInteractions(server.db, ids.active!, ['2026-01-02T03:04:05Z'], 'ORDER');
    await server.db.query(`update interaction set body = 'secret body' where customer_id = $1`, [ids.active]);

    const voided = await server.gql(`mutation($id: ID!) { voidCustomer(input: { id: $id, reason: DUPLICATE, note: "dup of Plain" }) { customer { status } } }`, { id: ids.toVoid });
    expect(voided.errors).toBeUndefined();
    const merged = await server.gql(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(input: { survivorId: $s, mergedIds: [$m], versions: [{ id: $s, version: 1 }, { id: $m, version: 1 }] }) { survivor { id } } }`,
      { s: ids.survivor, m: ids.merged },
    );
    expect(merged.errors).toBeUndefined();
    const archived = await server.gql(`mutation($id: ID!) { archiveCustomers(input: { ids: [$id], reason: "closed" }) { failures { id } } }`, { id: ids.toArchive });
    expect(archived.data?.archiveCustomers.failures).toEqual([]);

    // What an operator runs (docs/api-clients/reporting-sql.md), as the database owner.
    await server.db.query(`create role ${login} login password '${password}' in role custos_reporting`);
    const url = new URL(server.db.url);
    url.username = login;
    url.password = password;
    bi = await connectClient(url.toString(), 'reporting-sql-test');
  });

  afterAll(async () => {
    await bi?.end();
    await server?.db.query(`drop role if exists ${login}`);
    await server?.close();
  });

  it('has a column map for every view column, each a field REPORTING reads in full', async () => {
    const columns = await server.db.query<{ view: string; column: string }>(
      `select table_name as view, column_name as column from information_schema.columns
        where table_schema = 'reporting' order by table_name, ordinal_position`,
    );
    const actual: Record<string, string[]> = {};
    for (const { view, column } of columns) (actual[view] ??= []).push(column);
    expect(Object.fromEntries(Object.entries(actual).map(([v, cs]) => [v, cs.sort()]))).toEqual(
      Object.fromEntries(Object.entries(VIEW_COLUMNS).map(([v, cs]) => [v, Object.keys(cs).sort()])),
    );
    const notFull = Object.values(VIEW_COLUMNS).flatMap((cs) => Object.values(cs)).filter((f) => !reportingReadsInFull(f));
    expect(notFull).toEqual([]);
    // The mapped fields exist in the published schema (a rename must update the map).
    const missing = Object.values(VIEW_COLUMNS).flatMap((cs) => Object.values(cs)).filter((typeField) => {
      const [type, field] = typeField.split('.') as [string, string];
      const t = sdl.getType(type);
      return !(isObjectType(t) && t.getFields()[field]);
    });
    expect(missing).toEqual([]);
    // Views show every live row: REPORTING's row scope.
    expect(CUSTOMER_ROWS[Role.REPORTING]).toBe(RowScope.ALL);
  });

  it('has a column for every customerStats dimension', () => {
    const dimensionColumn: Record<CustomerDimension, string> = {
      [CustomerDimension.LIFECYCLE_STAGE]: 'customers.lifecycle_stage',
      [CustomerDimension.TYPE]: 'customers.type',
      [CustomerDimension.TIER]: 'customers.tier',
      [CustomerDimension.REGION]: 'customers.region',
      [CustomerDimension.INDUSTRY]: 'customers.industry',
      [CustomerDimension.OWNER]: 'customers.owner_id',
      [CustomerDimension.STATUS]: 'customers.status',
      [CustomerDimension.TAG]: 'customer_tags.tag',
      [CustomerDimension.VOID_REASON]: 'customers.void_reason',
    };
    for (const [dimension, column] of Object.entries(dimensionColumn)) {
      const [view, name] = column.split('.') as [string, string];
      expect([dimension, VIEW_COLUMNS[view]?.[name]]).toEqual([dimension, expect.any(String)]);
    }
  });

  it('reads the views as the BI login: flags, dimensions and amounts, no personal data', async () => {
    const customers = await bi.query(`select c.id::text, c.name, c.status, c.voided, c.merged, c.merged_into_id::text, c.void_reason, c.tags from reporting.customers c order by c.id`);
    expect(customers.rows).toEqual([
      { id: ids.active, name: 'Active Ltd', status: 'ACTIVE', voided: false, merged: false, merged_into_id: null, void_reason: null, tags: ['vip', 'east'] },
      { id: ids.plain, name: 'Plain Co', status: 'ACTIVE', voided: false, merged: false, merged_into_id: null, void_reason: null, tags: [] },
      { id: ids.toVoid, name: 'Void Me', status: 'VOID', voided: true, merged: false, merged_into_id: null, void_reason: 'DUPLICATE', tags: ['east'] },
      { id: ids.survivor, name: 'Survivor Ltd', status: 'ACTIVE', voided: false, merged: false, merged_into_id: null, void_reason: null, tags: [] },
      { id: ids.merged, name: 'Survivor Limited', status: 'MERGED', voided: false, merged: true, merged_into_id: ids.survivor, void_reason: null, tags: [] },
    ]);
    // No value of a personal field anywhere in what the login can read.
    const rows: unknown[] = [];
    for (const view of Object.keys(VIEW_COLUMNS)) rows.push((await bi.query(`select * from reporting.${view}`)).rows);
    const everything = JSON.stringify(rows);
    for (const secret of ['a@example.com', 'p@example.com', '13812345678', '1 Secret Road', 'secret note', 'secret body', '91310000MA1FL0XX0X']) {
      expect([secret, everything.includes(secret)]).toEqual([secret, false]);
    }
    const interactions = await bi.query(`select i.customer_id::text, i.kind, i.amount, i.currency from reporting.interactions i order by i.id`);
    expect(interactions.rows).toEqual([{ customer_id: ids.active, kind: 'ORDER', amount: '101.00', currency: 'CNY' }]);
    const owners = await bi.query(`select u.display_name from reporting.customers c join reporting.users u on u.id = c.owner_id`);
    expect(owners.rows).toEqual([{ display_name: 'sales1 用户' }]);
    const archive = await bi.query(`select age, legal_hold, past_retention, customers from reporting.archive_summary`);
    expect(archive.rows).toEqual([{ age: '<1y', legal_hold: false, past_retention: false, customers: 1 }]);
    const events = await bi.query(`select event, sum(customers)::int as n from reporting.lifecycle_events group by event order by event`);
    expect(events.rows).toEqual([{ event: 'ARCHIVED', n: 1 }, { event: 'MERGED', n: 1 }, { event: 'VOIDED', n: 1 }]);
  });

  it('counts like customerStats over GraphQL, per tag and status', async () => {
    const stats = await server.as('reporting')(
      `{ customerStats(groupBy: [TAG, STATUS], filter: { status: [ACTIVE, VOID, MERGED] }) { keys count } }`,
    );
    expect(stats.errors).toBeUndefined();
    const sql = await bi.query<{ tag: string | null; status: string; count: number }>(
      `select t.tag, c.status, count(*)::int as count from reporting.customers c join reporting.customer_tags t on t.customer_id = c.id
        group by 1, 2`,
    );
    const key = (k: (string | null)[]) => JSON.stringify(k);
    const fromApi = new Map((stats.data.customerStats as { keys: (string | null)[]; count: number }[]).map((s) => [key(s.keys), s.count]));
    const fromSql = new Map(sql.rows.map((r) => [key([r.tag, r.status]), r.count]));
    expect(Object.fromEntries(fromSql)).toEqual(Object.fromEntries(fromApi));
  });

  it('reads no table, sequence or audit row of any schema, and writes nothing', async () => {
    const relations = await server.db.query<{ name: string; kind: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name, c.relkind::text as kind
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
          and n.nspname not in ('pg_catalog', 'information_schema', 'reporting') and n.nspname not like 'pg_toast%'
        order by 1`,
    );
    // The app's own tables are all here (a missing one would hide a broken query above).
    expect(relations.map((r) => r.name)).toEqual(expect.arrayContaining(['public.customer', 'public.audit_event', 'public.access_log', 'archive.customer', 'public.app_user']));
    const readable: string[] = [];
    for (const { name, kind } of relations) {
      const code = await attempt(kind === 'S' ? `select nextval('${name}')` : `select 1 from ${name} limit 1`);
      if (code !== '42501') readable.push(`${name}: ${code}`);
    }
    expect(readable).toEqual([]);

    const writes = {
      // Simple views PostgreSQL could write through: refused by privilege, not by shape.
      insertView: await attempt(`insert into reporting.users (id, display_name) values (999, 'x')`),
      updateView: await attempt(`update reporting.interactions set subject = 'x'`),
      deleteView: await attempt(`delete from reporting.interactions`),
      createInReporting: await attempt(`create table reporting.mine (id int)`),
      createInPublic: await attempt(`create table public.mine (id int)`),
      auditAppend: await attempt(`select audit_append(null, null, 'FORGED', 'Customer', '1', null, '{}', null)`),
      createSchema: await attempt(`create schema mine`),
    };
    expect(writes).toEqual({
      insertView: '42501', updateView: '42501', deleteView: '42501', createInReporting: '42501',
      createInPublic: '42501', auditAppend: '42501', createSchema: '42501',
    });
    const [audit] = await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event where action = 'FORGED'`);
    expect(audit!.n).toBe(0);
  });

  it('runs the queries docs/api-clients/reporting-sql.md shows, as the BI login', async () => {
    const doc = fs.readFileSync(path.join(root, 'docs/api-clients/reporting-sql.md'), 'utf8');
    const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const queries = blocks.filter((b) => /^select /m.test(b)).flatMap((b) => b.split(';').map((q) => q.trim()).filter(Boolean));
    expect(queries.length).toBeGreaterThanOrEqual(2);
    for (const query of queries) expect([query, await attempt(query)]).toEqual([query, 'ok']);
  });

  it('is a group role nobody logs in as, with no password', async () => {
    const [role] = await server.db.query(`select rolcanlogin, rolpassword is null as "noPassword", rolsuper, rolcreaterole, rolcreatedb
                                            from pg_authid where rolname = 'custos_reporting'`);
    expect(role).toEqual({ rolcanlogin: false, noPassword: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false });
  });
  it('creates the role once when two databases migrate at the same moment', async () => {
    // The race CI met: two test files' migrations both saw no role, and the second create
    // failed with a duplicate in pg_authid once the first committed.
    const role = `custos_race_${randomBytes(4).toString('hex')}`;
    const first = await connectClient(server.db.url, 'role-race-first');
    const second = await connectClient(server.db.url, 'role-race-second');
    try {
      await first.query('begin');
      await first.query(createClusterRoleSql(role));
      await second.query('begin');
      const secondPid = (await second.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      const secondCreate = second.query(createClusterRoleSql(role));
      await until(async () => {
        const [row] = await server.db.query<{ waiting: boolean }>(
          `select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1`, [secondPid]);
        return row?.waiting === true;
      }, 'the second create to wait for the first transaction');
      await first.query('commit');
      await secondCreate;
      await second.query('commit');
      const [created] = await server.db.query<{ n: number }>(`select count(*)::int as n from pg_roles where rolname = $1`, [role]);
      expect(created!.n).toBe(1);
    } finally {
      await first.query('rollback').catch(() => undefined);
      await second.query('rollback').catch(() => undefined);
      await first.end();
      await second.end();
      await server.db.query(`drop role if exists ${role}`);
    }
  });
});
