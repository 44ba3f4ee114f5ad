import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType,
  isObjectType, isInterfaceType, isUnionType, type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * Every ID argument, at the top level or inside an input object, sent an id that cannot
 * exist: past the signed 64-bit range PostgreSQL's bigint holds (it would fail the
 * statement), or not a number. Each must be answered as not found or BAD_USER_INPUT,
 * never INTERNAL_SERVER_ERROR. Generated from the live schema, so a new field is covered.
 */

const IMPOSSIBLE_IDS = ['9223372036854775808', '99999999999999999999', 'abc'];

let server: TestServer;
let schema: GraphQLSchema;

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.gql(getIntrospectionQuery());
  schema = buildClientSchema(res.data as unknown as IntrospectionQuery);
});
afterAll(() => server.close());

/** A value for a required input, with `id` wherever an ID goes. */
function sample(type: GraphQLInputType, id: string, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, id, depth);
  if (isListType(type)) return [sample(type.ofType, id, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || mentionsId(field.type)) value[field.name] = sample(field.type, id, depth + 1);
    }
    return value;
  }
  switch (type.name) {
    case 'ID': return id;
    case 'Int': return 1;
    case 'Float': return 1;
    case 'Boolean': return false;
    case 'DateTime': return '2020-01-01T00:00:00Z';
    case 'JSON': case 'JSONObject': return {};
    default: return 'impossible-id test';
  }
}

function mentionsId(type: GraphQLInputType, depth = 0): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || depth > 3) return false;
  return Object.values(named.getFields()).some((f) => mentionsId(f.type, depth + 1));
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
}

function operations(kind: 'query' | 'mutation'): [string, string, string[]][] {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root!.getFields())
    .filter((field) => field.args.some((arg) => mentionsId(arg.type)))
    .map((field) => {
      const args = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type) || mentionsId(arg.type));
      const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
      return [field.name, `${kind}${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''}${selection(field)} }`, args.map((a) => a.name)];
    });
}

describe('ids that cannot exist', () => {
  it('finds ID arguments to try (the generator still sees the schema)', () => {
    expect(operations('query').map(([name]) => name)).toEqual(expect.arrayContaining(['customer', 'archivedCustomer', 'archivePolicy', 'job']));
    expect(operations('mutation').length).toBeGreaterThan(20);
  });

  for (const kind of ['query', 'mutation'] as const) {
    it(`are never an internal error in any ${kind} (admin)`, async () => {
      const internal: string[] = [];
      for (const [name, document, argNames] of operations(kind)) {
        const field = (kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name]!;
        for (const id of IMPOSSIBLE_IDS) {
          const variables = Object.fromEntries(argNames.map((a) => [a, sample(field.args.find((x) => x.name === a)!.type, id)]));
          const res = await server.gql(document, variables);
          for (const error of res.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') internal.push(`${name}(${id}): ${error.message}`);
          }
        }
      }
      expect(internal).toEqual([]);
    }, 180_000);
  }
});
