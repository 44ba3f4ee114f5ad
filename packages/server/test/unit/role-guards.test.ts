import { describe, expect, it } from '@jest/globals';
import { isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../src/app/schema.js';
import { compileForRole } from '../../src/graphql/role-guards.js';
import { Role } from '../../src/policy/role.js';

/**
 * A query compiled for one role takes resolvers decided for that role only while
 * graphql-jit compiles it (what those resolvers answer is checked against graphql-js over
 * HTTP, for random selections and every role, in read-plan.test.ts).
 */

const LIST = parse(`{ customers(first: 5) { nodes { id name email notes interactions(first: 2) { nodes { subject body amount } } } } }`);
const NAMES_ONLY = parse(`{ customers(first: 5) { nodes { id name interactions(first: 2) { nodes { subject } } } } }`);

function resolvers(schema: GraphQLSchema): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) out.set(`${type.name}.${field.name}`, field.resolve);
  }
  return out;
}

function during(schema: GraphQLSchema, role: Role | null, document = LIST) {
  return compileForRole(schema, role, document, () => resolvers(schema));
}

describe('compileForRole', () => {
  it('restores every resolver after compiling, also when compiling fails', async () => {
    const schema = await buildAppSchema();
    const before = resolvers(schema);
    for (const role of [...Object.values(Role), null]) during(schema, role);
    expect(() => compileForRole(schema, Role.ADMIN, LIST, () => { throw new Error('compile failed'); })).toThrow('compile failed');
    expect(resolvers(schema)).toEqual(before);
  });

  it('reads what the role reads in full inline, and logs personal reads where their records enter', async () => {
    const schema = await buildAppSchema();
    const admin = during(schema, Role.ADMIN);
    // Read in full: no resolver (graphql-jit reads the property), personal or not.
    expect(admin.get('Customer.email')).toBeUndefined();
    expect(admin.get('Interaction.amount')).toBeUndefined();
    // The lists that hand out customers and interactions log their reads instead.
    expect(admin.get('CustomerConnection.nodes')).toEqual(expect.any(Function));
    expect(admin.get('InteractionConnection.nodes')).toEqual(expect.any(Function));
    // A document that selects no personal field needs none of that.
    const plain = during(schema, Role.ADMIN, NAMES_ONLY);
    expect(plain.get('CustomerConnection.nodes')).toBeUndefined();
    expect(plain.get('InteractionConnection.nodes')).toBeUndefined();
  });

  it('keeps a resolver for what the role may read only masked or not at all', async () => {
    const schema = await buildAppSchema();
    const support = during(schema, Role.SUPPORT);
    const nobody = during(schema, null);
    for (const decided of [support, nobody]) {
      expect(decided.get('Customer.email')).toEqual(expect.any(Function));
      expect(decided.get('Interaction.amount')).toEqual(expect.any(Function));
    }
    // SUPPORT reads notes in full (logged where customers enter); a caller without a role reads nothing.
    expect(support.get('Customer.notes')).toBeUndefined();
    expect(support.get('CustomerConnection.nodes')).toEqual(expect.any(Function));
    expect(nobody.get('CustomerConnection.nodes')).toBeUndefined();
  });
});
