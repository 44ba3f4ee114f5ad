import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { print } from 'graphql';
import type { Access } from '../src/auth/access.ts';
import { QueryBuilder } from '../src/data-provider/build-query.ts';
import { interactionTimelineQuery } from '../src/resources/customers/timeline.api.ts';
import { own, schema } from './schema-fixture.ts';

const admin: Access = { role: 'ADMIN', permissions: ['classification:manage', 'field:Interaction.amount:FULL'] };
const support: Access = { role: 'SUPPORT', permissions: ['field:Interaction.amount:NONE'] };
const builder = (access: Access = admin) => new QueryBuilder(schema, () => access);
const compact = (doc: Parameters<typeof print>[0]) => print(doc).replace(/\s+/g, ' ');

describe('tags', () => {
  it('lists tags with their name as id, filtered and sorted in the browser', () => {
    const q = builder().build('GET_LIST', 'tags', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: { q: 'v' } });
    assert.match(compact(q.query), /data: tags \{ name color description count \}/);
    const out = q.parseResponse({ data: { data: [{ name: 'wholesale', color: null, description: null, count: 3 }, { name: 'vip', color: '#aa0000', description: 'Top', count: 5 }, { name: 'export', color: null, description: null, count: 1 }] } });
    assert.deepEqual((out.data as { id: string }[]).map((t) => t.id), ['vip']);
    assert.equal(out.total, 1);
  });

  it('reads one tag by name', () => {
    const q = builder().build('GET_ONE', 'tags', { id: '重点客户' });
    const out = q.parseResponse({ data: { data: [{ name: 'vip', count: 1 }, { name: '重点客户', count: 2 }] } });
    assert.equal((out.data as { id: string; count: number }).count, 2);
  });

  it('renames through saveTag: current name as name, the new one as newName, unchanged fields left out', () => {
    const q = builder().build('UPDATE', 'tags', {
      id: 'vip',
      data: { id: 'vip', name: 'vip', newName: 'gold', color: '#aa0000', description: 'Top', count: 5 },
      previousData: { id: 'vip', name: 'vip', color: '#aa0000', description: 'Top', count: 5 },
    });
    assert.deepEqual(own(q.variables), { input: { name: 'vip', newName: 'gold' } });
    const out = q.parseResponse({ data: { data: { tag: { name: 'gold', color: '#aa0000', description: 'Top', count: 5 } } } });
    assert.equal((out.data as { id: string }).id, 'gold');
  });

  it('deletes through deleteTag by name', () => {
    const q = builder().build('DELETE', 'tags', { id: 'vip', previousData: { id: 'vip', name: 'vip', count: 5 } });
    assert.match(compact(q.query), /deleteTag\(input: \$input\) \{ tag \{/);
    assert.deepEqual(own(q.variables), { input: { name: 'vip' } });
  });
});

describe('segments', () => {
  it('creates a segment with its filter reduced to CustomerFilter fields, blanks dropped', () => {
    const q = builder().build('CREATE', 'segments', { data: { name: 'East VIP', description: '', filter: { tags: ['vip'], region: [], search: '', nonsense: 1 } } });
    assert.deepEqual(own(q.variables), { input: { name: 'East VIP', filter: { tags: ['vip'] } } });
  });

  it('updates with id and version, and deletes with both', () => {
    const previous = { id: '4', name: 'East VIP', description: null, filter: { tags: ['vip'] }, version: 2, customerCount: 9 };
    const q = builder().build('UPDATE', 'segments', { id: '4', data: { ...previous, name: 'East VIPs' }, previousData: previous });
    assert.deepEqual(own(q.variables), { input: { id: '4', version: 2, name: 'East VIPs', filter: { tags: ['vip'] } } });
    const d = builder().build('DELETE', 'segments', { id: '4', previousData: previous });
    assert.deepEqual(own(d.variables), { input: { id: '4', version: 2 } });
  });
});

describe('interaction timeline', () => {
  it('pages one customer\'s interactions by cursor, newest first, and says where the next page starts', () => {
    const q = interactionTimelineQuery(builder(), { customerId: '12', first: 10, after: 'abc' });
    assert.deepEqual(own(q.variables), { filter: { customerId: ['12'] }, orderBy: [{ field: 'OCCURRED_AT', direction: 'DESC' }], first: 10, after: 'abc' });
    assert.match(compact(q.query), /pageInfo \{ hasNextPage endCursor \}/);
    const page = q.parseResponse({ data: { data: { totalCount: 11, pageInfo: { hasNextPage: true, endCursor: 'def' }, nodes: [{ id: '1', kind: 'CALL', owner: { id: '3', displayName: 'Li' } }] } } });
    assert.deepEqual(page, { items: [{ id: '1', kind: 'CALL', owner: { id: '3', displayName: 'Li' }, ownerId: '3' }], totalCount: 11, next: 'def' });
    const last = q.parseResponse({ data: { data: { totalCount: 11, pageInfo: { hasNextPage: false, endCursor: 'xyz' }, nodes: [] } } });
    assert.equal(last.next, null);
  });

  it('does not ask for amounts a role may not read (same document, guard variable false)', () => {
    const asSupport = interactionTimelineQuery(builder(support), { customerId: '1', first: 5 });
    const asAdmin = interactionTimelineQuery(builder(), { customerId: '1', first: 5 });
    assert.equal(compact(asSupport.query), compact(asAdmin.query));
    assert.match(compact(asAdmin.query), /amount @include\(if: \$see_Interaction_amount\)/);
    assert.equal(asSupport.variables['see_Interaction_amount'], false);
    assert.equal(asAdmin.variables['see_Interaction_amount'], true);
  });
});
