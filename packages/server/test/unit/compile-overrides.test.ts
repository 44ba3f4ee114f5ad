import { describe, expect, it } from '@jest/globals';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { execute, getNamedType, isNonNullType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../src/app/schema.js';
import { compileWith } from '../../src/graphql/compile-overrides.js';
import { globalIdLeaves } from '../../src/graphql/global-id-schema.js';
import { toGlobalId } from '../../src/graphql/global-id.js';
import { markNode } from '../../src/graphql/node.js';

/**
 * graphql-jit compiles a document with the schema's id fields read inline and written as
 * global ids by a leaf serializer of their own (global-id-schema.ts), the schema put back
 * before the compile returns. Over HTTP, the same answers as graphql-js for random
 * selections are checked in read-plan.test.ts.
 */

function snapshot(schema: GraphQLSchema): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) out.set(`${type.name}.${field.name}`, [field.resolve, field.type]);
  }
  return out;
}

describe('global id leaves', () => {
  it('cover the ids of the records lists hand out, typed apart per type with their wrappers kept', async () => {
    const schema = await buildAppSchema();
    const leaves = new Map(globalIdLeaves(schema).map((leaf) => [leaf.field, leaf]));
    // Ids read as properties by the default resolver; a type whose id has a resolver of its
    // own (AuditEvent's, from type-graphql) keeps the per-value resolver.
    for (const typeName of ['Customer', 'Interaction', 'ArchivedCustomer', 'ArchivedInteraction', 'User']) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const id = type.getFields()['id']!;
      const leaf = leaves.get(id);
      expect([typeName, leaf !== undefined]).toEqual([typeName, true]);
      expect(leaf!.resolve).toBeUndefined();
      expect(getNamedType(leaf!.type!).name).toBe(`GlobalIdOf${typeName}`);
      expect(isNonNullType(leaf!.type)).toBe(isNonNullType(id.type));
    }
    for (const leaf of leaves.values()) expect(String(leaf.type)).toBe(String(leaf.field.type).replace('ID', getNamedType(leaf.type!).name));
  });

  it('answer as the id resolvers do, and leave the schema as it was', async () => {
    const schema = await buildAppSchema();
    // Node resolution reads the record's type; a resolver stands in for the database
    // (graphql-jit takes it when compiling, graphql-js when executing).
    const nodeField = schema.getQueryType()!.getFields()['node']!;
    const saved = nodeField.resolve;
    nodeField.resolve = () => markNode({ id: '42' }, 'Customer');
    try {
      const before = snapshot(schema);
      const document = parse(`query($id: ID!) { node(id: $id) { __typename id ... on Customer { id } } }`);
      const compiled = compileWith(globalIdLeaves(schema), () => compileQuery(schema, document, undefined, { disablingCapturingStackErrors: true }));
      expect(snapshot(schema)).toEqual(before);
      if (!isCompiledQuery(compiled)) throw new Error('not compiled');
      const variables = { id: toGlobalId('Customer', 42) };
      const viaJit = await compiled.query(undefined, {}, variables);
      const viaGraphqlJs = await execute({ schema, document, contextValue: {}, variableValues: variables });
      expect(viaJit).toEqual({ data: { node: { __typename: 'Customer', id: toGlobalId('Customer', '42') } } });
      expect(viaGraphqlJs).toEqual(viaJit);
    } finally {
      nodeField.resolve = saved;
    }
  });
});

describe('compileWith', () => {
  it('puts every field back when the compile throws', async () => {
    const schema = await buildAppSchema();
    const before = snapshot(schema);
    expect(() => compileWith(globalIdLeaves(schema), () => { throw new Error('compile failed'); })).toThrow('compile failed');
    expect(snapshot(schema)).toEqual(before);
  });

  it('refuses to replace a resolver that was wrapped after its override was decided', async () => {
    const schema = await buildAppSchema();
    const [leaf] = globalIdLeaves(schema);
    const own = leaf!.field.resolve!;
    leaf!.field.resolve = (source, args, ctx, info) => own(source, args, ctx, info);
    try {
      expect(() => compileWith(globalIdLeaves(schema), () => 'compiled')).toThrow(/wrapped after its compile override was decided/);
    } finally {
      leaf!.field.resolve = own;
    }
  });
});
