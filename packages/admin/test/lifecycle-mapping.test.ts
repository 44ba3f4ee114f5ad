import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema, print } from 'graphql';
import type { Access } from '../src/auth/access.ts';
import { ACTIONS } from '../src/actions.ts';
import { buildAction } from '../src/data-provider/actions.ts';
import { QueryBuilder } from '../src/data-provider/build-query.ts';
import { ApiError, normalizeError } from '../src/data-provider/errors.ts';
import { cronHint } from '../src/resources/archive-policies/cron-hint.ts';
import { policyInput } from '../src/resources/archive-policies/policy-input.ts';
import { own, schema } from './schema-fixture.ts';

const admin: Access = { role: 'ADMIN', permissions: ['customer:read', 'customer:read:all'] };
const support: Access = { role: 'SUPPORT', permissions: ['archive:read', 'field:ArchivedCustomer.taxId:NONE', 'field:ArchivedInteraction.amount:NONE'] };
const builder = (access: Access = admin) => new QueryBuilder(schema, () => access);
const compact = (doc: Parameters<typeof print>[0]) => print(doc).replace(/\s+/g, ' ');

describe('the Voided view', () => {
  it('always lists VOID customers, whatever the filter says', () => {
    const q = builder().build('GET_LIST', 'voided-customers', { pagination: { page: 1, perPage: 25 }, filter: { q: 'acme', status: ['ACTIVE'] } });
    assert.deepEqual(q.variables['filter'], { search: 'acme', status: ['VOID'] });
    assert.match(compact(q.query), /customers\( filter: \$filter/);
  });
});

describe('the archive', () => {
  it('maps search, archive metadata filters and sort onto archivedCustomers', () => {
    const q = builder().build('GET_LIST', 'archived-customers', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'archivedAt', order: 'DESC' },
      filter: { q: 'C0001', archivedAfter: '2026-01-01T00:00:00.000Z', legalHold: false, policyId: '3', reason: 'season', previousStatus: 'VOID' },
    });
    assert.deepEqual(own(q.variables), {
      filter: { search: 'C0001', archivedAfter: '2026-01-01T00:00:00.000Z', legalHold: false, policyId: ['3'], reason: 'season', previousStatus: ['VOID'] },
      orderBy: [{ field: 'ARCHIVED_AT', direction: 'DESC' }],
      first: 25,
      offset: 25,
    });
    const text = compact(q.query);
    assert.match(text, /archivedCustomers\(/);
    assert.match(text, /archivedBy \{ id displayName \}/);
    assert.match(text, /\bchecksum\b/);
  });

  it('does not ask for archived fields the role may not read', () => {
    const q = builder(support).build('GET_ONE', 'archived-customers', { id: '4' });
    const text = compact(q.query);
    assert.match(text, /archivedCustomer\(id: \$id\)/);
    assert.match(text, /taxId @include\(if: \$see_ArchivedCustomer_taxId\)/);
    assert.equal(q.variables['see_ArchivedCustomer_taxId'], false);
    assert.equal(q.variables['see_ArchivedCustomer_email'], true);
  });

  it('reads an archived customer\'s interactions through the parent, one page at a time', () => {
    const q = builder(support).build('GET_MANY_REFERENCE', 'archived-interactions', {
      target: 'customerId', id: 7, pagination: { page: 2, perPage: 10 }, sort: { field: 'occurredAt', order: 'DESC' }, filter: {},
    });
    assert.deepEqual(own(q.variables), { id: '7', filter: null, orderBy: [{ field: 'OCCURRED_AT', direction: 'DESC' }], first: 10, offset: 10 });
    const text = compact(q.query);
    assert.match(text, /archivedCustomer\(id: \$id\) \{ id interactions\(filter: \$filter, orderBy: \$orderBy, first: \$first, offset: \$offset\) \{ totalCount nodes \{/);
    assert.equal(q.variables['see_ArchivedInteraction_amount'], false);
    const page = q.parseResponse({ data: { data: { id: '7', interactions: { totalCount: 11, nodes: [{ id: '90', kind: 'CALL', owner: { id: '2' } }] } } } });
    assert.equal(page.total, 11);
    assert.deepEqual(page.data, [{ id: '90', kind: 'CALL', owner: { id: '2' }, ownerId: '2' }]);
    // Restored or purged meanwhile: an empty history rather than an error.
    assert.deepEqual(q.parseResponse({ data: { data: null } }), { data: [], total: 0 });
  });
});

describe('archive policies', () => {
  it('reads referenced policies from one page of the list (it cannot filter by ids), whatever their number', () => {
    const q = builder().build('GET_MANY', 'archive-policies', { ids: ['1', 5] });
    assert.deepEqual(own(q.variables), { first: 200, offset: 0 });
    assert.match(compact(q.query), /archivePolicies\(first: \$first, offset: \$offset\) .*criteria \{ lifecycleStage /);
    assert.equal(print(q.query), print(builder().build('GET_LIST', 'archive-policies', {}).query));
    const result = q.parseResponse({ data: { data: { totalCount: 3, nodes: [{ id: '1', name: 'A' }, { id: '2', name: 'B' }, { id: '5', name: 'E' }] } } });
    assert.deepEqual(result.data, [{ id: '1', name: 'A' }, { id: '5', name: 'E' }]);
  });

  it('creates with the criteria reduced to the input type', () => {
    const q = builder().build('CREATE', 'archive-policies', {
      data: policyInput({
        name: 'Churned SMB', action: 'ARCHIVE_CUSTOMERS', enabled: false, schedule: '', retentionDays: 730, interactionsOlderThanDays: 90,
        criteria: { lifecycleStage: ['CHURNED'], type: [], tags: null, inactiveDays: 365, __typename: 'ArchivePolicyCriteria' },
      }),
    });
    assert.deepEqual(own(q.variables), {
      input: { name: 'Churned SMB', action: 'ARCHIVE_CUSTOMERS', enabled: false, retentionDays: 730, criteria: { lifecycleStage: ['CHURNED'], inactiveDays: 365 } },
    });
    assert.match(compact(q.query), /createArchivePolicy\(input: \$input\) \{ policy \{/);
  });

  it('updates with the version read, leaving unchanged criteria out and sending changed ones whole', () => {
    const previous = {
      id: '2', version: 3, name: 'P', action: 'ARCHIVE_CUSTOMERS', retentionDays: null, schedule: null, enabled: true,
      criteria: { __typename: 'ArchivePolicyCriteria', lifecycleStage: ['CHURNED'], type: null, tags: null, inactiveDays: 365 },
    };
    const same = builder().build('UPDATE', 'archive-policies', { id: '2', data: { ...previous, name: 'Q', criteria: { ...previous.criteria, type: [] } }, previousData: previous });
    assert.deepEqual(own(same.variables), { input: { id: '2', version: 3, name: 'Q' } });
    const changed = builder().build('UPDATE', 'archive-policies', { id: '2', data: { ...previous, criteria: { ...previous.criteria, tier: ['STANDARD'] } }, previousData: previous });
    assert.deepEqual(own(changed.variables), { input: { id: '2', version: 3, criteria: { lifecycleStage: ['CHURNED'], tier: ['STANDARD'], inactiveDays: 365 } } });
  });

  it('clears the setting that does not apply to the chosen action', () => {
    assert.deepEqual(policyInput({ action: 'ARCHIVE_INTERACTIONS', retentionDays: 30, interactionsOlderThanDays: 400 }), {
      action: 'ARCHIVE_INTERACTIONS', retentionDays: null, interactionsOlderThanDays: 400,
    });
  });
});

describe('jobs', () => {
  it('lists jobs with progress and who started them, filtered by state', () => {
    const q = builder().build('GET_LIST', 'jobs', { pagination: { page: 1, perPage: 25 }, filter: { state: 'RUNNING' } });
    assert.deepEqual(q.variables['filter'], { state: ['RUNNING'] });
    const text = compact(q.query);
    assert.match(text, /progress \{ done total \}/);
    assert.match(text, /createdBy \{ id displayName \}/);
    assert.match(text, /\bparams\b.*\bresult\b/);
  });
});

describe('lifecycle actions', () => {
  it('bulk void selects the changed customers and the per-id failures', () => {
    const built = buildAction(builder(), ACTIONS.voidCustomers, { ids: ['1', '2'], reason: 'DUPLICATE', note: '', extra: 1 });
    assert.deepEqual(own(built.variables), { input: { ids: ['1', '2'], reason: 'DUPLICATE' } });
    assert.match(compact(built.query), /mutation VoidCustomers\(\$input: VoidCustomersInput!, \$see_Customer_address: Boolean!.*\) \{ data: voidCustomers\(input: \$input\) \{ customers \{ .* \} failures \{ id code message \} undo \{ id kind customerCount expiresAt \} \} \}/);
    const undo = { id: '7', kind: 'VOID', customerCount: 1, expiresAt: '2026-01-01T00:10:00.000000Z' };
    const result = built.parseResponse({ data: { data: { customers: [{ id: '1', owner: { id: '9' } }], failures: [{ id: '2', code: 'INVALID_STATE', message: 'already VOID' }], undo } } });
    assert.deepEqual(result.data, { customers: [{ id: '1', owner: { id: '9' }, ownerId: '9' }], failures: [{ id: '2', code: 'INVALID_STATE', message: 'already VOID' }], undo });
  });

  it('single void returns the customer and its undo, and sends the version read', () => {
    const built = buildAction(builder(), ACTIONS.voidCustomer, { id: '5', reason: 'OTHER', note: 'see ticket', version: 4 });
    assert.deepEqual(own(built.variables), { input: { id: '5', reason: 'OTHER', note: 'see ticket', version: 4 } });
    const undo = { id: '7', kind: 'VOID', customerCount: 1, expiresAt: '2026-01-01T00:10:00.000000Z' };
    assert.deepEqual(built.parseResponse({ data: { data: { customer: { id: '5', status: 'VOID' }, undo } } }).data, { customer: { id: '5', status: 'VOID' }, undo });
  });

  it('purge sends the typed code and hands back the recycle bin entry', () => {
    const built = buildAction(builder(), ACTIONS.purgeCustomer, { id: '5', reason: 'test data', confirm: 'C0005' });
    assert.match(compact(built.query), /purgeCustomer\(input: \$input\) \{ scheduledPurge \{ id code dueAt \} \}/);
    assert.deepEqual(own(built.variables), { input: { id: '5', reason: 'test data', confirm: 'C0005' } });
    const result = built.parseResponse({ data: { data: { scheduledPurge: { id: '9', code: 'C0005', dueAt: '2027-01-03T00:00:00.000000Z' } } } });
    assert.deepEqual(result.data, { scheduledPurge: { id: '9', code: 'C0005', dueAt: '2027-01-03T00:00:00.000000Z' } });
  });

  it('legal hold reads whichever store the customer is in', () => {
    const built = buildAction(builder(), ACTIONS.setLegalHold, { id: '5', hold: false, reason: 'case closed' });
    assert.deepEqual(own(built.variables), { input: { id: '5', hold: false, reason: 'case closed' } });
    const text = compact(built.query);
    assert.match(text, /customer \{ .* \} archivedCustomer \{ .*legalHold/);
  });

  it('the dry run is a query; run, cancel and classify return the job', () => {
    const preview = buildAction(builder(), ACTIONS.previewArchivePolicy, { criteria: { tags: ['x'], type: [] }, action: 'ARCHIVE_CUSTOMERS' });
    assert.match(compact(preview.query), /^query PreviewArchivePolicy\(\$input: PreviewArchivePolicyInput!, .*\) \{ data: previewArchivePolicy\(input: \$input\) \{ customerCount interactionCount sample \{/);
    assert.deepEqual(own(preview.variables), { input: { criteria: { tags: ['x'] }, action: 'ARCHIVE_CUSTOMERS' } });
    for (const name of ['runArchivePolicy', 'cancelJob', 'classifyLifecycleStages'] as const) {
      const built = buildAction(builder(), ACTIONS[name], name === 'classifyLifecycleStages' ? { activeDays: 60 } : { id: '3' });
      assert.match(compact(built.query), /\{ job \{ .*progress \{ done total \}/);
      assert.deepEqual(built.parseResponse({ data: { data: { job: { id: '8', state: 'QUEUED' } } } }).data, { id: '8', state: 'QUEUED' });
    }
  });

  it('a refused action keeps its code (INVALID_STATE), and the server\'s English only for the record', () => {
    const built = buildAction(builder(), ACTIONS.unvoidCustomer, { id: '5', note: 'x' });
    assert.throws(
      () => built.parseResponse({ data: null, errors: [{ message: 'Customer 5 is ACTIVE, not VOID', path: ['data'], extensions: { code: 'INVALID_STATE' } }] }),
      (e: unknown) => e instanceof ApiError && e.code === 'INVALID_STATE' && e.body.serverMessage === 'Customer 5 is ACTIVE, not VOID',
    );
    const invalid = normalizeError({ graphQLErrors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields: [{ field: 'criteria.ownerId', message: 'no such user' }] } }] });
    // The form gets the dashboard's words for the field, never the server's English.
    assert.deepEqual(invalid.body.fields, [{ field: 'criteria.ownerId', message: 'custos.refusals.field.unknown_reference' }]);
    assert.deepEqual(invalid.body.errors, { 'criteria.ownerId': '@@react-admin@@{"message":"custos.refusals.field.unknown_reference"}' });
    assert.equal(invalid.message, 'custos.refusals.reasons.INVALID_INPUT');
  });
});

describe('cron hints', () => {
  const t = (key: string, options: Record<string, unknown> = {}) => `${key.split('.').pop()}(${Object.values(options).join('|')})`;
  it('reads the common shapes and spells out the rest', () => {
    assert.equal(cronHint('', t, 'en'), 'none()');
    assert.equal(cronHint('0 3 * *', t, 'en'), 'invalid()');
    assert.equal(cronHint('*/15 * * * *', t, 'en'), 'every_minutes(15)');
    assert.equal(cronHint('5 * * * *', t, 'en'), 'hourly(5)');
    assert.equal(cronHint('0 3 * * *', t, 'en'), 'daily(03:00)');
    assert.equal(cronHint('30 2 * * 1-5', t, 'en'), 'weekly(Monday, Tuesday, Wednesday, Thursday, Friday|02:30)');
    assert.equal(cronHint('0 4 1 * *', t, 'en'), 'monthly(1|04:00)');
    assert.equal(cronHint('0 4 1 1 *', t, 'en'), 'custom(0|4|1|1|*)');
  });
});

describe('archive search switch', () => {
  const searching = builder();

  it('stays on archivedCustomers when a filter searchArchive cannot express is in use, or the page is past its hit limit', () => {
    const withPolicy = searching.build('GET_LIST', 'archived-customers', { pagination: { page: 1, perPage: 25 }, filter: { q: '上海', policyId: '3' } });
    assert.match(compact(withPolicy.query), /archivedCustomers\(/);
    assert.deepEqual(withPolicy.variables['filter'], { search: '上海', policyId: ['3'] });
    const deep = searching.build('GET_LIST', 'archived-customers', { pagination: { page: 5, perPage: 25 }, filter: { q: '上海' } });
    assert.match(compact(deep.query), /archivedCustomers\(/);
  });

  it('sends the search box to searchArchive, keeping the other filters', () => {
    const q = searching.build('GET_LIST', 'archived-customers', { pagination: { page: 2, perPage: 10 }, filter: { q: '上海', legalHold: true } });
    assert.match(compact(q.query), /searchArchive\(query: \$query, filter: \$filter, first: \$first\) \{ totalCount hits \{ customer \{/);
    assert.deepEqual(own(q.variables), { query: '上海', filter: { legalHold: true }, first: 20 });
    const hits = Array.from({ length: 12 }, (_, i) => ({ customer: { id: String(i + 1) } }));
    const page = q.parseResponse({ data: { data: { totalCount: 12, hits } } });
    assert.equal(page.total, 12);
    assert.deepEqual((page.data as { id: string }[]).map((r) => r.id), ['11', '12']);
    // An empty search box lists the archive as before.
    assert.match(compact(searching.build('GET_LIST', 'archived-customers', { pagination: { page: 1, perPage: 10 }, filter: {} }).query), /archivedCustomers/);
  });
});

