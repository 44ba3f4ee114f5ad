import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildClientSchema, validate, type DocumentNode } from 'graphql';
import type { Access } from '../src/auth/access.ts';
import { ACTIONS } from '../src/actions.ts';
import { facetFilter, searchArchiveVariables, snippetParts } from '../src/archive-search/search.api.ts';
import { PICKABLE_FIELDS, issueRef } from '../src/cleanup/cleanup.api.ts';
import { buildAction } from '../src/data-provider/actions.ts';
import { QueryBuilder } from '../src/data-provider/build-query.ts';
import { ApiError } from '../src/data-provider/errors.ts';
import { operationDocument, operationResult } from '../src/data-provider/operations.ts';
import { bulkTagRead } from '../src/resources/customers/bulk-tag.api.ts';
import { own, schema } from './schema-fixture.ts';

const admin: Access = { role: 'ADMIN', permissions: ['customer:read', 'customer:read:all'] };
const builder = new QueryBuilder(schema, () => admin);
const client = buildClientSchema({ __schema: schema });
const valid = (doc: DocumentNode) => assert.deepEqual(validate(client, doc).map((e) => e.message), []);

describe('cleanup reads', () => {
  it('are registered operations valid against the committed schema', () => {
    for (const name of ['DuplicateCandidates', 'Merges', 'DataQualityIssues', 'SearchArchive', 'SegmentNames'] as const) valid(operationDocument(name));
  });

  it('read duplicate groups and surface a root refusal with its code', () => {
    const groups = operationResult('DuplicateCandidates', { data: { duplicateCandidates: { nodes: [{ id: 'g1', score: 0.9, customers: [] }] } } });
    assert.equal(groups.duplicateCandidates.nodes[0]!.id, 'g1');
    assert.throws(
      () => operationResult('DuplicateCandidates', { data: null, errors: [{ message: 'no', path: ['duplicateCandidates'], extensions: { code: 'FORBIDDEN' } }] }),
      (e: unknown) => e instanceof ApiError && e.code === 'FORBIDDEN',
    );
  });

  it('refers to data-quality issues by customer, field and problem', () => {
    const page = operationResult('DataQualityIssues', { data: { dataQualityIssues: { nodes: [], totalCount: 3 } } });
    assert.deepEqual(page.dataQualityIssues, { nodes: [], totalCount: 3 });
    const issue = { id: 'c1:EMAIL:INVALID_EMAIL', customer: { id: 'c1', code: 'C1', name: 'n' }, field: 'EMAIL', problem: 'INVALID_EMAIL', value: 'x', hasSuggestion: false, suggestion: null, message: '' } as const;
    assert.deepEqual(issueRef(issue), { customerId: 'c1', field: 'EMAIL', problem: 'INVALID_EMAIL' });
  });

  it('turns ticked facet values into an ArchiveSearchFilter, years as numbers, blanks left out', () => {
    assert.equal(facetFilter({}), null);
    assert.equal(facetFilter({ type: [] }), null);
    assert.deepEqual(facetFilter({ type: ['SMB'], archivedYear: ['2025'], tier: [] }), { type: ['SMB'], archivedYear: [2025] });
    assert.deepEqual(searchArchiveVariables({ query: '  科技 ', selected: { region: ['CN-SH'] } }), { query: '科技', filter: { region: ['CN-SH'] }, first: 20, after: null });
    assert.equal(searchArchiveVariables({ query: ' ' }).query, '');
  });
});

describe('highlight snippets', () => {
  it('splits the server markup into text and matches', () => {
    assert.deepEqual(snippetParts('上海<em>科技</em>有限公司'), [
      { text: '上海', match: false }, { text: '科技', match: true }, { text: '有限公司', match: false },
    ]);
  });

  it('unescapes the server’s entities into plain text, so markup in data stays text', () => {
    const parts = snippetParts('&#60;script&#62;alert(1)&#60;/script&#62; <em>A&#38;B</em> &amp;lt;');
    assert.deepEqual(parts, [
      { text: '<script>alert(1)</script> ', match: false }, { text: 'A&B', match: true }, { text: ' &lt;', match: false },
    ]);
  });

  it('leaves a snippet without matches whole', () => {
    assert.deepEqual(snippetParts('plain'), [{ text: 'plain', match: false }]);
    assert.deepEqual(snippetParts(''), []);
  });
});

describe('cleanup actions', () => {
  it('builds merge, unmerge, dismiss, detect, resolve and normalize as valid documents', () => {
    for (const name of ['mergeCustomers', 'unmergeCustomers', 'dismissDuplicate', 'detectDuplicates', 'resolveDataQualityIssues', 'normalizeCustomers'] as const) {
      valid(buildAction(builder, ACTIONS[name], {}).query);
    }
  });

  it('sends a merge with its picks and versions, and nothing the input type does not have', () => {
    const built = buildAction(builder, ACTIONS.mergeCustomers, {
      survivorId: 'a', mergedIds: ['b'], picks: [{ field: 'EMAIL', fromId: 'b' }], versions: [{ id: 'a', version: 3 }, { id: 'b', version: 1 }], dryRun: false, reason: null, extra: 1,
    });
    assert.deepEqual(built.variables.input, {
      survivorId: 'a', mergedIds: ['b'], picks: [{ field: 'EMAIL', fromId: 'b' }], versions: [{ id: 'a', version: 3 }, { id: 'b', version: 1 }], dryRun: false,
    });
  });

  it('maps a stale merge to CONFLICT', () => {
    const built = buildAction(builder, ACTIONS.mergeCustomers, { survivorId: 'a', mergedIds: ['b'], dryRun: false });
    assert.throws(
      () => built.parseResponse({ data: null, errors: [{ message: 'stale', path: ['data'], extensions: { code: 'CONFLICT' } }] }),
      (e: unknown) => e instanceof ApiError && e.code === 'CONFLICT',
    );
  });

  it('offers only fields the API lets a merge pick (tags are united)', () => {
    const input = schema.types.find((t) => t.name === 'CleanupField');
    const names = new Set((input as unknown as { enumValues: { name: string }[] }).enumValues.map((v) => v.name));
    for (const { field } of PICKABLE_FIELDS) assert.ok(names.has(field), field);
    assert.ok(!PICKABLE_FIELDS.some((f) => ['TAGS', 'CONTACT', 'ACTIVITY'].includes(f.field)));
  });
});

describe('bulk tagging', () => {
  it('narrows the list filter to the ticked ids and cleans the tags', () => {
    const built = bulkTagRead(builder, { resource: 'customers', filter: { status: ['ACTIVE'], segmentId: 's1' }, ids: ['1', '2'], add: [' vip ', '', 'vip', '华东'], remove: ['old'] });
    valid(built.query);
    assert.deepEqual(own(built.variables), { input: { filter: { status: ['ACTIVE'], segmentId: 's1', ids: ['1', '2'] }, add: ['vip', '华东'], remove: ['old'], dryRun: false } });
    const outcome = { matched: 2, changed: 1, dryRun: false, undo: { id: '4', kind: 'TAGS', customerCount: 1, expiresAt: '2026-01-01T00:10:00.000000Z' } };
    assert.deepEqual(built.parseResponse({ data: { bulkTagCustomers: outcome } }), outcome);
  });

  it('keeps the whole filter when nothing is ticked, and the Voided view its status', () => {
    assert.deepEqual(bulkTagRead(builder, { resource: 'customers', filter: {}, dryRun: true }).variables['input'], { filter: {}, add: [], remove: [], dryRun: true });
    assert.deepEqual((bulkTagRead(builder, { resource: 'voided-customers', filter: {} }).variables['input'] as { filter: unknown }).filter, { status: ['VOID'] });
  });

  it('converts the customers list filter like the list query (q → search, segmentId kept)', () => {
    const filter = builder.filterInput('CustomerFilter', { q: '上海', segmentId: 's1', tags: 'vip' }, { q: 'search' });
    assert.deepEqual(filter, { search: '上海', segmentId: 's1', tags: ['vip'] });
  });
});
