import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { buildAppSchema } from '../src/app/schema.js';
import { printFieldAccess } from '../src/policy/permissions.js';

const committed = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/schema.graphql');

function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('published schema', () => {
  it('matches the committed packages/schema/schema.graphql (run `pnpm schema:generate` after changing the API)', async () => {
    const current = `${printSchema(await buildAppSchema())}\n`;
    const onDisk = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
    expect(onDisk).toBe(current);
  });

  it('publishes the policy\u2019s field access in packages/schema/field-access.json (run `pnpm schema:generate`)', () => {
    const file = path.resolve(path.dirname(committed), 'field-access.json');
    expect(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '').toBe(printFieldAccess());
  });

  it('describes every type, field, argument and enum value', async () => {
    expect(undescribed(await buildAppSchema())).toEqual([]);
  });

  it('keeps the names API.md promises', async () => {
    const schema = await buildAppSchema();
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    for (const name of ['customer', 'customers', 'interactions']) expect(query[name]).toBeDefined();
    for (const name of ['createCustomer', 'updateCustomer', 'logInteraction']) {
      expect(mutation[name]!.args.map((a) => `${a.name}:${a.type}`)).toEqual([`input:${name[0]!.toUpperCase()}${name.slice(1)}Input!`]);
      expect(String(mutation[name]!.type)).toBe(`${name[0]!.toUpperCase()}${name.slice(1)}Payload!`);
    }
    const customer = schema.getType('Customer');
    if (!isObjectType(customer)) throw new Error('Customer is not an object type');
    expect(Object.keys(customer.getFields()).sort()).toEqual(
      [
        'id', 'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycleStage', 'status', 'owner', 'email', 'phone',
        'address', 'taxId', 'tags', 'notes', 'lastInteractionAt', 'createdAt', 'updatedAt', 'version', 'voidReason',
        'voidNote', 'voidedAt', 'interactions', 'interactionCount', 'mergedInto',
      ].sort(),
    );
    const conn = schema.getType('CustomerConnection');
    if (!isObjectType(conn)) throw new Error('CustomerConnection is not an object type');
    expect(Object.keys(conn.getFields()).sort()).toEqual(['edges', 'nodes', 'pageInfo', 'totalCount']);
    expect(query.customers!.args.map((a) => a.name).sort()).toEqual(
      ['after', 'before', 'filter', 'first', 'last', 'offset', 'orderBy'].sort(),
    );
  });

  it('keeps the cleanup names API.md promises', async () => {
    const schema = await buildAppSchema();
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    const fieldsOf = (name: string) => {
      const type = schema.getType(name);
      if (!type || !('getFields' in type)) throw new Error(`${name} missing`);
      return Object.keys((type as { getFields(): object }).getFields());
    };
    for (const name of ['duplicateCandidates', 'dataQualityIssues', 'tags', 'merges']) expect(query[name]).toBeDefined();
    expect(query.duplicateCandidates!.args.map((a) => a.name)).toContain('filter');
    expect(query.dataQualityIssues!.args.map((a) => a.name)).toContain('filter');
    expect(fieldsOf('DuplicateGroup')).toEqual(expect.arrayContaining(['id', 'score', 'reasons', 'customers']));
    expect(fieldsOf('DataQualityIssue')).toEqual(expect.arrayContaining(['customer', 'field', 'problem', 'suggestion']));
    for (const name of ['dismissDuplicate', 'mergeCustomers', 'unmergeCustomers', 'normalizeCustomers', 'setCustomerTags', 'bulkTagCustomers']) {
      const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
      expect(mutation[name]!.args.map((a) => `${a.name}:${a.type}`)).toEqual([`input:${upper}Input!`]);
      expect(String(mutation[name]!.type)).toBe(`${upper}Payload!`);
    }
    expect(fieldsOf('MergeCustomersInput')).toEqual(expect.arrayContaining(['survivorId', 'mergedIds', 'picks', 'dryRun']));
    expect(fieldsOf('MergeCustomersPayload')).toEqual(expect.arrayContaining(['survivor', 'merge']));
    expect(fieldsOf('UnmergeCustomersInput')).toEqual(expect.arrayContaining(['mergeId', 'reason']));
    expect(fieldsOf('NormalizeCustomersInput')).toEqual(expect.arrayContaining(['filter', 'dryRun']));
    expect(fieldsOf('BulkTagCustomersInput')).toEqual(expect.arrayContaining(['filter', 'add', 'remove']));
  });
});
