/**
 * Every document the dashboard sends is registered (issue 19: a server with
 * PERSISTED_OPERATIONS=only serves the dashboard too): the generated
 * operations/dashboard/resources.graphql is current, the query builder makes the same
 * document for every role and every parameter, and each text it or the fixed operations
 * send is in packages/schema/persisted-operations.json exactly.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { print } from 'graphql';
import type { Access } from '../src/auth/access.ts';
import { ACTIONS } from '../src/actions.ts';
import { buildAction } from '../src/data-provider/actions.ts';
import { QueryBuilder } from '../src/data-provider/build-query.ts';
import { englishCatalogue } from '../src/i18n/catalogue-en.ts';
import { DOCUMENTS } from '../src/data-provider/generated/documents.ts';
import { dashboardDocuments, resourcesFile } from '../src/registered-documents.ts';
import { buildExport } from '../src/exports/exports.api.ts';
import { bulkTagRead } from '../src/resources/customers/bulk-tag.api.ts';
import { interactionTimelineQuery } from '../src/resources/customers/timeline.api.ts';
import { schema } from './schema-fixture.ts';

const schemaPackage = new URL('../../schema/', import.meta.url);
const registry = JSON.parse(readFileSync(new URL('persisted-operations.json', schemaPackage), 'utf8')) as { operations: { name: string; document: string }[] };
const registered = new Set(registry.operations.map((op) => op.document));

const roles: Access[] = [
  { role: 'ADMIN', permissions: ['customer:read', 'customer:read:all'] },
  {
    role: 'SUPPORT',
    permissions: ['customer:read', 'field:Customer.email:MASKED', 'field:Customer.taxId:NONE', 'field:Interaction.amount:NONE', 'field:ArchivedCustomer.taxId:NONE'],
  },
  {
    role: 'AUDITOR',
    permissions: ['customer:read', 'field:Customer.email:NONE', 'field:Customer.phone:NONE', 'field:Customer.address:NONE', 'field:Customer.notes:NONE', 'field:User.email:MASKED'],
  },
];

const assertRegistered = (what: string, text: string) => assert.ok(registered.has(text), `${what} sends a document that is not registered:\n${text}`);

describe('registered operations', () => {
  it('resources.graphql holds exactly what the query builder makes (run `pnpm --filter @custos/admin operations`)', () => {
    const onDisk = readFileSync(new URL('operations/dashboard/resources.graphql', schemaPackage), 'utf8');
    assert.equal(onDisk, resourcesFile(dashboardDocuments(schema)));
  });

  it('sends the fixed operations as registered, byte for byte', () => {
    for (const [name, text] of Object.entries(DOCUMENTS)) {
      assert.equal(registry.operations.find((op) => op.name === name)?.document, text, name);
    }
  });

  it('makes one registered document per call kind, whatever the role and the parameters', () => {
    const calls: [string, Parameters<QueryBuilder['build']>[0], Record<string, unknown>][] = [
      ['customers', 'GET_LIST', { pagination: { page: 3, perPage: 50 }, sort: { field: 'name', order: 'DESC' }, filter: { q: 'acme', tier: 'SMB', segmentId: '2' } }],
      ['customers', 'GET_LIST', {}],
      ['customers', 'GET_MANY', { ids: ['1', '2', '3'] }],
      ['customers', 'GET_ONE', { id: '7' }],
      ['customers', 'UPDATE', { id: '7', data: { name: 'x', version: 2 }, previousData: { name: 'y', version: 2 } }],
      ['voided-customers', 'GET_LIST', { pagination: { page: 1, perPage: 25 }, filter: { q: 'x' } }],
      ['archived-customers', 'GET_LIST', { pagination: { page: 1, perPage: 25 }, filter: { q: '上海', type: 'SMB' } }],
      ['archived-customers', 'GET_LIST', { pagination: { page: 2, perPage: 25 }, filter: { legalHold: true } }],
      ['archived-interactions', 'GET_MANY_REFERENCE', { target: 'customerId', id: '9', pagination: { page: 1, perPage: 10 }, sort: { field: 'occurredAt', order: 'DESC' } }],
      ['interactions', 'GET_MANY_REFERENCE', { target: 'customerId', id: '9', pagination: { page: 1, perPage: 10 } }],
      ['interactions', 'CREATE', { data: { customerId: '9', kind: 'CALL', subject: 's' } }],
      ['archive-policies', 'GET_MANY', { ids: ['1', '4'] }],
      ['archive-policies', 'UPDATE', { id: '1', data: { name: 'n', version: 1 }, previousData: { version: 1 } }],
      ['jobs', 'GET_LIST', { pagination: { page: 1, perPage: 25 }, filter: { state: 'RUNNING' } }],
      ['users', 'GET_LIST', { pagination: { page: 1, perPage: 25 } }],
      ['staff', 'GET_MANY', { ids: ['1'] }],
      ['tags', 'DELETE', { id: 'vip', previousData: { name: 'vip' } }],
      ['segments', 'CREATE', { data: { name: 's', filter: {} } }],
      ['audit-events', 'GET_LIST', { pagination: { page: 1, perPage: 25 }, filter: { entityType: 'Customer', actorId: '3' } }],
    ];
    for (const access of roles) {
      const builder = new QueryBuilder(schema, () => access);
      for (const [resource, fetchType, params] of calls) assertRegistered(`${access.role} ${fetchType} ${resource}`, print(builder.build(fetchType, resource, params).query));
      for (const [name, spec] of Object.entries(ACTIONS)) assertRegistered(`${access.role} ${name}`, print(buildAction(builder, spec, { id: '1', ids: ['1'], reason: 'r' }).query));
      assertRegistered('the timeline', print(interactionTimelineQuery(builder, { customerId: '1', first: 20, after: 'abc' }).query));
      assertRegistered('bulk tags', print(bulkTagRead(builder, { resource: 'customers', filter: { q: 'x' }, ids: ['1'], add: ['a'] }).query));
      assertRegistered('an export', print(buildExport(builder, { resource: 'interactions', format: 'CSV', language: 'EN' }, englishCatalogue).query));
    }
  });
});

describe('the data provider', () => {
  // react-admin's DataProvider type takes any method name, so a call to a method the
  // generic provider no longer has typechecks and fails only in the browser.
  it('is only asked for methods it has', () => {
    const provided = new Set(['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany', 'operation', 'read', 'action']);
    const source = readFileSync(new URL('../src/data-provider/index.ts', import.meta.url), 'utf8');
    for (const method of provided) assert.match(source, new RegExp(`\\n    ${method}: `), `index.ts no longer provides ${method}`);
    const calls: string[] = [];
    const walk = (dir: URL) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(new URL(`${entry.name}/`, dir));
        else if (/\.tsx?$/.test(entry.name)) {
          const text = readFileSync(new URL(entry.name, dir), 'utf8');
          for (const m of text.matchAll(/\bdataProvider\.(\w+)\(/g)) if (!provided.has(m[1]!)) calls.push(`${entry.name}: dataProvider.${m[1]}`);
        }
      }
    };
    walk(new URL('../src/', import.meta.url));
    assert.deepEqual(calls, []);
  });
});
