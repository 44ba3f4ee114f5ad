import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { print, validate, buildClientSchema, type DocumentNode } from 'graphql';
import type { Access } from '../src/auth/access.ts';
import { ACTIONS } from '../src/actions.ts';
import { buildAction } from '../src/data-provider/actions.ts';
import { QueryBuilder } from '../src/data-provider/build-query.ts';
import { ApiError } from '../src/data-provider/errors.ts';
import { operationDocument, operationResult } from '../src/data-provider/operations.ts';
import { EXPORTABLE, buildExport, exportInput, maskedColumns } from '../src/exports/exports.api.ts';
import { activityRange, crossTable, customerStatsVariables, dayIn, totalsBy, zonedMidnight } from '../src/reports/reports.api.ts';
import { own, schema } from './schema-fixture.ts';
import { catalogues } from '../src/i18n/catalogues.ts';
import type { ExportRequest } from '../src/exports/exports.api.ts';

/** An export's input, labelled from the catalogue of its language (as the menu does). */
const exportIn = (builder: QueryBuilder, request: ExportRequest) =>
  exportInput(builder, request, catalogues[request.language === 'ZH_CN' ? 'zh-CN' : 'en']!);

const admin: Access = { role: 'ADMIN', permissions: ['customer:read', 'customer:read:all'] };
const support: Access = { role: 'SUPPORT', permissions: ['customer:read', 'field:Customer.email:MASKED', 'field:Customer.phone:MASKED', 'field:Customer.taxId:NONE'] };
const builder = new QueryBuilder(schema, () => admin);
const client = buildClientSchema({ __schema: schema });
/** Every document the dashboard sends must be valid against the committed schema. */
const valid = (doc: DocumentNode) => assert.deepEqual(validate(client, doc).map((e) => e.message), []);
const compact = (doc: DocumentNode) => print(doc).replace(/\s+/g, ' ');

describe('reports', () => {
  it('asks customerStats for ACTIVE customers by default and adds VOID with the switch', () => {
    valid(operationDocument('CustomerStats'));
    assert.deepEqual(customerStatsVariables({ groupBy: ['LIFECYCLE_STAGE'] }), { groupBy: ['LIFECYCLE_STAGE'] });
    assert.deepEqual(customerStatsVariables({ groupBy: ['REGION', 'LIFECYCLE_STAGE'], includeVoided: true }), { groupBy: ['REGION', 'LIFECYCLE_STAGE'], filter: { status: ['ACTIVE', 'VOID'] } });
  });

  it('counts voids by reason with its own filter, whatever the switch says', () => {
    assert.deepEqual(customerStatsVariables({ groupBy: ['VOID_REASON'], includeVoided: true, filter: { status: ['VOID'] } }), { groupBy: ['VOID_REASON'], filter: { status: ['VOID'] } });
  });

  it('refuses an empty or too long groupBy before asking', () => {
    assert.throws(() => customerStatsVariables({ groupBy: [] }));
    assert.throws(() => customerStatsVariables({ groupBy: ['TYPE', 'TIER', 'REGION', 'INDUSTRY', 'OWNER'] }));
  });

  it('reads groups, and a refusal at the root becomes an ApiError with its code', () => {
    assert.deepEqual(operationResult('CustomerStats', { data: { customerStats: [{ keys: ['SMB'], count: 3 }] } }).customerStats, [{ keys: ['SMB'], count: 3 }]);
    assert.throws(
      () => operationResult('CustomerStats', { data: null, errors: [{ message: 'no', path: ['customerStats'], extensions: { code: 'FORBIDDEN' } }] }),
      (e: unknown) => e instanceof ApiError && e.code === 'FORBIDDEN',
    );
  });

  it('reads lifecycleActivity in the user\u2019s zone, archiveStats and backups through registered documents', () => {
    for (const name of ['ActivityInZone', 'ArchiveOverview', 'CleanupStats', 'Backups', 'BackupSettings'] as const) valid(operationDocument(name));
    assert.match(compact(operationDocument('ActivityInZone')), /timeZone: \$timeZone\) \{ bucket archived restored voided unvoided purged merged unmerged \}/);
    assert.match(compact(operationDocument('Backups')), /lastDrill \{ jobId state finishedAt error seconds \}/);
  });

  it('includes the last picked day in the activity range (the API\'s `to` is exclusive)', () => {
    assert.deepEqual(activityRange('2026-03-01', '2026-03-31'), { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
  });

  it('starts the picked days at midnight of the user\'s time zone, across DST changes', () => {
    // Shanghai is UTC+8 all year.
    assert.deepEqual(activityRange('2026-03-01', '2026-03-31', 'Asia/Shanghai'), { from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
    // New York: EST (UTC-5) on 1 March, EDT (UTC-4) from 8 March 2026.
    assert.deepEqual(activityRange('2026-03-01', '2026-03-31', 'America/New_York'), { from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T04:00:00.000Z' });
    assert.equal(zonedMidnight('2026-03-08', 'America/New_York').toISOString(), '2026-03-08T05:00:00.000Z');
    assert.equal(dayIn(new Date('2026-02-28T16:30:00Z'), 'Asia/Shanghai'), '2026-03-01');
    assert.equal(dayIn(new Date('2026-02-28T16:30:00Z'), 'UTC'), '2026-02-28');
  });

  it('totals and cross-tabulates grouped rows, largest first, missing cells zero', () => {
    const rows = [
      { keys: ['CN-31', 'ACTIVE'], count: 5 },
      { keys: ['CN-11', 'NEW'], count: 7 },
      { keys: ['CN-31', 'NEW'], count: 4 },
      { keys: [null, 'ACTIVE'], count: 1 },
    ];
    assert.deepEqual([...totalsBy(rows)], [['CN-31', 9], ['CN-11', 7], [null, 1]]);
    const table = crossTable(rows);
    assert.deepEqual(table.rows, ['CN-31', 'CN-11', null]);
    assert.deepEqual(table.columns, ['NEW', 'ACTIVE']);
    assert.equal(table.cell('CN-11', 'ACTIVE'), 0);
    assert.equal(table.cell(null, 'ACTIVE'), 1);
  });
});

describe('backups', () => {
  it('starts a backup and a drill as job mutations', () => {
    const backup = buildAction(builder, ACTIONS.startBackup, { reason: 'before the purge', id: 'ignored' });
    valid(backup.query);
    assert.deepEqual(own(backup.variables), { input: { reason: 'before the purge' } });
    const drill = buildAction(builder, ACTIONS.startBackupDrill, { id: 'custos-2026-12-01' });
    valid(drill.query);
    assert.deepEqual(own(drill.variables), { input: { id: 'custos-2026-12-01' } });
    const parsed = drill.parseResponse({ data: { data: { job: { id: '9', state: 'QUEUED', createdBy: { id: '1' } } } } });
    assert.equal(parsed.data['id'], '9');
    assert.equal(parsed.data['createdById'], '1');
  });
});

describe('exports', () => {
  it('converts the customers list filter exactly like the list query does', () => {
    const raFilter = { q: 'acme', type: 'SMB', region: ['CN-31'], status: ['ACTIVE', 'VOID'], unknown: 'x', tags: [] };
    const list = builder.build('GET_LIST', 'customers', { pagination: { page: 1, perPage: 25 }, filter: raFilter });
    const input = exportIn(builder, { resource: 'customers', filter: raFilter, format: 'CSV', language: 'EN' });
    const { valueLabels: _labels, ...rest } = input;
    assert.deepEqual(rest, { resource: 'CUSTOMERS', format: 'CSV', language: 'EN', customers: list.variables['filter'] });
    assert.deepEqual(input['customers'], { search: 'acme', type: ['SMB'], region: ['CN-31'], status: ['ACTIVE', 'VOID'] });
  });

  it('keeps a view\'s fixed filter (Voided) and leaves the filter out when empty', () => {
    const bare = (input: object) => Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'valueLabels'));
    assert.deepEqual(bare(exportIn(builder, { resource: 'voided-customers', filter: { status: ['ACTIVE'] }, format: 'XLSX', language: 'ZH_CN' })),
      { resource: 'CUSTOMERS', format: 'XLSX', language: 'ZH_CN', customers: { status: ['VOID'] } });
    assert.deepEqual(bare(exportIn(builder, { resource: 'interactions', filter: {}, format: 'CSV', language: 'EN' })),
      { resource: 'INTERACTIONS', format: 'CSV', language: 'EN' });
  });

  it('maps archived customers, interactions and audit filters into their input fields', () => {
    const archived = exportIn(builder, { resource: 'archived-customers', filter: { q: 'C0001', legalHold: true, policyId: '3' }, format: 'CSV', language: 'EN' });
    assert.deepEqual(archived['archivedCustomers'], { search: 'C0001', legalHold: true, policyId: ['3'] });
    const interactions = exportIn(builder, { resource: 'interactions', filter: { kind: 'CALL', occurredAfter: '2026-01-01T00:00:00.000Z' }, format: 'CSV', language: 'EN' });
    assert.deepEqual(interactions['interactions'], { kind: ['CALL'], occurredAfter: '2026-01-01T00:00:00.000Z' });
    const audit = exportIn(builder, { resource: 'audit-events', filter: { entityType: 'Customer', action: ['CUSTOMER_VOIDED'] }, format: 'CSV', language: 'EN' });
    assert.deepEqual(audit['auditEvents'], { entityType: 'Customer', action: ['CUSTOMER_VOIDED'] });
    assert.deepEqual(Object.keys(EXPORTABLE).sort(), ['archived-customers', 'audit-events', 'customers', 'interactions', 'voided-customers']);
    assert.throws(() => exportIn(builder, { resource: 'users', format: 'CSV', language: 'EN' }));
  });

  it('follows the list\u2019s sort and time zone, and puts coded values in the chosen language', () => {
    const input = exportIn(builder, { resource: 'customers', sort: { field: 'name', order: 'DESC' }, timeZone: 'Asia/Shanghai', format: 'CSV', language: 'ZH_CN' });
    assert.deepEqual(input.customersOrderBy, [{ field: 'NAME', direction: 'DESC' }]);
    assert.equal(input.timeZone, 'Asia/Shanghai');
    const labels = input.valueLabels!;
    const word = (column: string, value: string) => labels.find((l) => l.column === column && l.value === value)?.label;
    assert.equal(word('tier', 'STANDARD'), '普通客户');
    assert.equal(word('status', 'ACTIVE'), '正常');
    assert.match(word('region', 'CN-SH') ?? '', /上海/);
    // Only coded, unguarded columns of this resource; every word Chinese.
    assert.deepEqual([...new Set(labels.map((l) => l.column))].sort(), ['industry', 'lifecycleStage', 'region', 'status', 'tier', 'type', 'voidReason']);
    assert.ok(labels.length < 2000);
    const en = exportIn(builder, { resource: 'archived-customers', format: 'CSV', language: 'EN' }).valueLabels!;
    assert.deepEqual(en.filter((l) => l.column === 'legalHold'), [{ column: 'legalHold', value: 'yes', label: 'Yes' }, { column: 'legalHold', value: 'no', label: 'No' }]);
    // The audit log has no list order to follow: its file stays in event order.
    assert.equal((exportIn(builder, { resource: 'audit-events', sort: { field: 'seq', order: 'DESC' }, format: 'CSV', language: 'EN' }) as object as Record<string, unknown>)['auditEventsOrderBy'], undefined);
  });

  it('sends a valid createExport and returns the link', () => {
    const built = buildExport(builder, { resource: 'customers', filter: { tier: 'STANDARD' }, format: 'CSV', language: 'EN' }, catalogues['en']!);
    valid(built.query);
    const link = { url: '/exports/abc', expiresAt: '2026-12-01T08:20:00.000Z', rowCount: 12, columns: ['id', 'email'] };
    assert.deepEqual(built.parseResponse({ data: { createExport: link } }), link);
  });

  it('names the columns a role gets masked', () => {
    assert.deepEqual(maskedColumns(support, 'customers', ['id', 'name', 'email', 'phone']), ['email', 'phone']);
    assert.deepEqual(maskedColumns(admin, 'customers', ['id', 'email']), []);
  });
});
