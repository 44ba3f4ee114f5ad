import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { print } from 'graphql';
import type { Access } from '../src/auth/access.ts';
import { QueryBuilder, toEnumCase } from '../src/data-provider/build-query.ts';
import { ApiError, normalizeError } from '../src/data-provider/errors.ts';
import { own, schema } from './schema-fixture.ts';

const admin: Access = { role: 'ADMIN', permissions: ['customer:read', 'customer:read:all', 'field:Customer.email:FULL'] };
const auditor: Access = {
  role: 'AUDITOR',
  permissions: ['customer:read', 'field:Customer.email:NONE', 'field:Customer.phone:NONE', 'field:Customer.taxId:NONE', 'field:Interaction.body:NONE'],
};

const builder = (access: Access = admin) => new QueryBuilder(schema, () => access);
const compact = (doc: Parameters<typeof print>[0]) => print(doc).replace(/\s+/g, ' ');

describe('getList', () => {
  it('maps pagination, sort and filters onto the customers connection', () => {
    const q = builder().build('GET_LIST', 'customers', {
      pagination: { page: 3, perPage: 25 },
      sort: { field: 'lastInteractionAt', order: 'DESC' },
      filter: { q: 'acme', type: 'SMB', status: ['ACTIVE', 'VOID'], ownerId: '7', tags: [], unknownThing: 1, region: '' },
    });
    assert.deepEqual(own(q.variables), {
      filter: { search: 'acme', type: ['SMB'], status: ['ACTIVE', 'VOID'], ownerId: ['7'] },
      orderBy: [{ field: 'LAST_INTERACTION_AT', direction: 'DESC' }],
      first: 25,
      offset: 50,
    });
    const text = compact(q.query);
    assert.match(text, /customers\( filter: \$filter orderBy: \$orderBy first: \$first offset: \$offset \)/);
    assert.match(text, /totalCount nodes \{/);
    assert.match(text, /owner \{ id displayName \}/);
    // Connections with arguments are not pulled into list rows.
    assert.doesNotMatch(text, /interactions/);
  });

  it('drops a sort the API does not offer instead of failing, and declares what it does not use', () => {
    const q = builder().build('GET_LIST', 'customers', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    assert.equal(q.variables['orderBy'], null);
    assert.equal(q.variables['filter'], null);
    // One document per list, whatever the call uses: it is registered as it is.
    const bare = builder().build('GET_LIST', 'customers', {});
    assert.equal(print(bare.query), print(q.query));
    assert.deepEqual(own(bare.variables), { filter: null, orderBy: null, first: null, offset: null });
  });

  it('parses nodes and totalCount, adding ownerId next to owner', () => {
    const q = builder().build('GET_LIST', 'customers', { pagination: { page: 1, perPage: 10 }, filter: {} });
    const result = q.parseResponse({ data: { data: { totalCount: 42, nodes: [{ id: '1', name: 'A', owner: { id: '9', displayName: 'Li' } }] } } });
    assert.equal(result.total, 42);
    assert.deepEqual(result.data, [{ id: '1', name: 'A', owner: { id: '9', displayName: 'Li' }, ownerId: '9' }]);
  });

  it('asks for fields some role may not read only under @include, true for those who may', () => {
    const asAuditor = builder(auditor).build('GET_LIST', 'customers', { pagination: { page: 1, perPage: 10 } });
    const asAdmin = builder(admin).build('GET_LIST', 'customers', { pagination: { page: 1, perPage: 10 } });
    // The same document for both roles; only the guard variables differ.
    assert.equal(print(asAuditor.query), print(asAdmin.query));
    const text = compact(asAuditor.query);
    assert.match(text, /\$see_Customer_email: Boolean!/);
    assert.match(text, /email @include\(if: \$see_Customer_email\)/);
    assert.match(text, /taxId @include\(if: \$see_Customer_taxId\)/);
    assert.match(text, / name /);
    assert.equal(asAuditor.variables['see_Customer_email'], false);
    assert.equal(asAuditor.variables['see_Customer_taxId'], false);
    assert.equal(asAdmin.variables['see_Customer_email'], true);
  });

  it('pages, sorts and filters the argument-less users list in the browser', () => {
    const q = builder().build('GET_LIST', 'users', { pagination: { page: 1, perPage: 2 }, sort: { field: 'displayName', order: 'DESC' }, filter: { q: 'example', role: 'SALES' } });
    assert.doesNotMatch(compact(q.query), /permissions/);
    const users = [
      { id: '1', displayName: 'Ann', email: 'ann@example.com', role: 'SALES' },
      { id: '2', displayName: 'Bo', email: 'bo@example.com', role: 'SALES' },
      { id: '3', displayName: 'Cy', email: 'cy@example.com', role: 'SALES' },
      { id: '4', displayName: 'Di', email: 'di@example.com', role: 'ADMIN' },
    ];
    const result = q.parseResponse({ data: { data: users } });
    assert.equal(result.total, 3);
    assert.deepEqual((result.data as { id: string }[]).map((u) => u.id), ['3', '2']);
  });
});

describe('partial errors', () => {
  it('keeps the page when a field is FORBIDDEN at its own path', () => {
    const q = builder().build('GET_LIST', 'customers', { pagination: { page: 1, perPage: 10 } });
    const result = q.parseResponse({
      data: { data: { totalCount: 1, nodes: [{ id: '1', name: 'A', taxId: null }] } },
      errors: [{ message: 'not allowed', path: ['data', 'nodes', 0, 'taxId'], extensions: { code: 'FORBIDDEN' } }],
    });
    assert.equal(result.total, 1);
  });

  it('fails when the root is refused, and signs out on UNAUTHENTICATED', () => {
    const q = builder().build('GET_LIST', 'audit-events', { pagination: { page: 1, perPage: 10 } });
    assert.throws(
      () => q.parseResponse({ data: null, errors: [{ message: 'no', path: ['data'], extensions: { code: 'FORBIDDEN' } }] }),
      (e: unknown) => e instanceof ApiError && e.code === 'FORBIDDEN' && e.status === 403,
    );
    assert.throws(
      () => q.parseResponse({ data: null, errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }),
      (e: unknown) => e instanceof ApiError && e.status === 401 && e.message === 'custos.errors.unauthenticated',
    );
  });
});

describe('getOne, getMany, getManyReference', () => {
  it('reads one customer by id and reports a missing one as NOT_FOUND', () => {
    const q = builder().build('GET_ONE', 'customers', { id: 12 });
    assert.deepEqual(own(q.variables), { id: '12' });
    assert.match(compact(q.query), /customer\(id: \$id\)/);
    assert.throws(() => q.parseResponse({ data: { data: null } }), (e: unknown) => e instanceof ApiError && e.code === 'NOT_FOUND');
  });

  it('asks for referenced customers by ids in every status', () => {
    const q = builder().build('GET_MANY', 'customers', { ids: [1, '2'] });
    assert.deepEqual(q.variables['filter'], { ids: ['1', '2'], status: ['ACTIVE', 'VOID', 'ARCHIVED', 'MERGED'] });
    assert.equal(q.variables['first'], 2);
  });

  it('lists a customer\'s interactions through the top-level filter', () => {
    const q = builder().build('GET_MANY_REFERENCE', 'interactions', {
      target: 'customerId', id: '5', pagination: { page: 1, perPage: 10 }, sort: { field: 'occurredAt', order: 'DESC' }, filter: {},
    });
    assert.deepEqual(q.variables['filter'], { customerId: ['5'] });
    assert.deepEqual(q.variables['orderBy'], [{ field: 'OCCURRED_AT', direction: 'DESC' }]);
    assert.match(compact(q.query), /customer \{ id code name \}/);
  });
});

describe('create and update', () => {
  it('reduces create data to the input type and leaves blanks to the server', () => {
    const q = builder().build('CREATE', 'customers', { data: { name: 'Acme', type: 'SMB', email: '', tags: ['vip'], id: 'x', __typename: 'Customer', ownerId: null } });
    assert.deepEqual(own(q.variables), { input: { name: 'Acme', type: 'SMB', tags: ['vip'] } });
    assert.match(compact(q.query), /createCustomer\(input: \$input\) \{ customer \{/);
  });

  it('sends only changed fields with id and the version read', () => {
    const previous = { id: '3', version: 4, name: 'Acme', email: 'a@x.cn', taxId: 'masked***', ownerId: '9', owner: { id: '9' }, tags: ['a'] };
    const q = builder().build('UPDATE', 'customers', {
      id: '3',
      data: { ...previous, name: 'Acme Ltd', email: '', tags: ['a'], owner: { id: '9' } },
      previousData: previous,
    });
    assert.deepEqual(own(q.variables), { input: { id: '3', version: 4, name: 'Acme Ltd', email: null } });
  });

  it('logs an interaction through logInteraction', () => {
    const q = builder().build('CREATE', 'interactions', { data: { customerId: '5', kind: 'ORDER', subject: 'PO', amount: '10.00', currency: 'CNY', body: '' } });
    assert.deepEqual(own(q.variables), { input: { customerId: '5', kind: 'ORDER', subject: 'PO', amount: '10.00', currency: 'CNY' } });
    const parsed = q.parseResponse({ data: { data: { interaction: { id: '8', customer: { id: '5' } } } } });
    assert.deepEqual(parsed.data, { id: '8', customer: { id: '5' }, customerId: '5' });
  });

  it('updates a user with the changed fields only', () => {
    const previous = { id: '2', displayName: 'Bo', role: 'SALES', enabled: true, email: 'bo@example.com' };
    const q = builder().build('UPDATE', 'users', { id: '2', data: { ...previous, enabled: false }, previousData: previous });
    assert.deepEqual(own(q.variables), { input: { id: '2', enabled: false } });
  });
});

describe('errors', () => {
  it('turns CONFLICT and validation errors into what react-admin shows', () => {
    const conflict = normalizeError({ graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] });
    assert.equal(conflict.message, 'custos.errors.conflict');
    assert.equal(conflict.status, 409);
    const invalid = normalizeError({
      body: { errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.email', message: 'must be an email' }] } }] },
    });
    // Translated on the field: the form shows the catalogue's words, not the server's.
    assert.deepEqual(invalid.body.errors, { email: '@@react-admin@@{"message":"custos.refusals.field.email"}' });
    assert.equal(normalizeError({ networkError: { statusCode: 401 } }).code, 'UNAUTHENTICATED');
    assert.equal(normalizeError(new TypeError('Failed to fetch')).code, 'NETWORK');
  });

  it('converts camelCase sort fields to the API enum', () => {
    assert.equal(toEnumCase('lastInteractionAt'), 'LAST_INTERACTION_AT');
    assert.equal(toEnumCase('name'), 'NAME');
  });
});
