import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildClientSchema, validate, type DocumentNode } from 'graphql';
import type { Access } from '../src/auth/access.ts';
import { ACTIONS, buildAction } from '../src/data-provider/actions.ts';
import { QueryBuilder } from '../src/data-provider/build-query.ts';
import {
  PICKABLE_FIELDS, bulkTagMutation, dataQualityIssuesQuery, duplicateCandidatesQuery, facetFilter, issueRef, mergesQuery, searchArchiveQuery, segmentsQuery, snippetParts,
} from '../src/data-provider/cleanup.ts';
import { ApiError } from '../src/data-provider/errors.ts';
import { schema } from './schema-fixture.ts';

const admin: Access = { role: 'ADMIN', permissions: ['customer:read', 'customer:read:all'] };
const builder = new QueryBuilder(schema, () => admin);
const client = buildClientSchema({ __schema: schema });
const valid = (doc: DocumentNode) => assert.deepEqual(validate(client, doc).map((e) => e.message), []);

describe('cleanup reads', () => {
  it('sends documents valid against the committed schema', () => {
    for (const built of [duplicateCandidatesQuery(), mergesQuery(), dataQualityIssuesQuery(), searchArchiveQuery({ query: '科技' }), segmentsQuery()]) valid(built.query);
  });

  it('parses duplicate groups and surfaces a root refusal with its code', () => {
    const q = duplicateCandidatesQuery({ first: 5 });
    assert.deepEqual(q.variables, { filter: null, first: 5 });
    const groups = q.parseResponse({ data: { data: { nodes: [{ id: 'g1', score: 0.9, customers: [] }] } } });
    assert.equal(groups[0]!.id, 'g1');
    assert.throws(
      () => q.parseResponse({ data: null, errors: [{ message: 'no', path: ['data'], extensions: { code: 'FORBIDDEN' } }] }),
      (e: unknown) => e instanceof ApiError && e.code === 'FORBIDDEN',
    );
  });

  it('passes data-quality filters through and refers to issues by customer, field and problem', () => {
    const q = dataQualityIssuesQuery({ filter: { problem: ['INVALID_EMAIL'] } });
    assert.deepEqual(q.variables, { filter: { problem: ['INVALID_EMAIL'] }, first: 100, offset: 0 });
    // Paging through every issue: a page is `first` rows after `offset`.
    assert.deepEqual(dataQualityIssuesQuery({ first: 50, offset: 150 }).variables, { filter: null, first: 50, offset: 150 });
    assert.deepEqual(q.parseResponse({ data: { data: { nodes: [], totalCount: 3 } } }), { nodes: [], totalCount: 3 });
    const issue = { id: 'c1:EMAIL:INVALID_EMAIL', customer: { id: 'c1', code: 'C1', name: 'n' }, field: 'EMAIL', problem: 'INVALID_EMAIL', value: 'x', hasSuggestion: false, suggestion: null, message: '' };
    assert.deepEqual(issueRef(issue), { customerId: 'c1', field: 'EMAIL', problem: 'INVALID_EMAIL' });
  });

  it('turns ticked facet values into an ArchiveSearchFilter, years as numbers, blanks left out', () => {
    assert.equal(facetFilter({}), null);
    assert.equal(facetFilter({ type: [] }), null);
    assert.deepEqual(facetFilter({ type: ['SMB'], archivedYear: ['2025'], tier: [] }), { type: ['SMB'], archivedYear: [2025] });
    const q = searchArchiveQuery({ query: '  科技 ', selected: { region: ['CN-SH'] } });
    assert.deepEqual(q.variables, { query: '科技', filter: { region: ['CN-SH'] }, first: 20, after: null });
    assert.equal(searchArchiveQuery({ query: ' ' }).variables['query'], '');
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
    const built = bulkTagMutation({ filter: { status: ['ACTIVE'], segmentId: 's1' }, ids: ['1', '2'], add: [' vip ', '', 'vip', '华东'], remove: ['old'] });
    valid(built.query);
    assert.deepEqual(built.variables, { input: { filter: { status: ['ACTIVE'], segmentId: 's1', ids: ['1', '2'] }, add: ['vip', '华东'], remove: ['old'], dryRun: false } });
    assert.deepEqual(built.parseResponse({ data: { data: { matched: 2, changed: 1, dryRun: false } } }), { matched: 2, changed: 1, dryRun: false });
  });

  it('keeps the whole filter when nothing is ticked', () => {
    assert.deepEqual(bulkTagMutation({ filter: undefined, dryRun: true }).variables['input'], { filter: {}, add: [], remove: [], dryRun: true });
  });

  it('converts the customers list filter like the list query (q → search, segmentId kept)', () => {
    const filter = builder.filterInput('CustomerFilter', { q: '上海', segmentId: 's1', tags: 'vip' }, { q: 'search' });
    assert.deepEqual(filter, { search: '上海', segmentId: 's1', tags: ['vip'] });
  });
});
