import { describe, expect, it } from '@jest/globals';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { buildSchema, execute, parse } from 'graphql';

/**
 * graphql-jit as patched (patches/graphql-jit@0.8.9.patch): a leaf value goes straight to
 * its serializer, and the error's locations and path are built only for a null where none
 * may be, or an Error. The answers, errors included, are graphql-js's.
 */

const schema = buildSchema(`
  type Query { items: [Item] }
  type Item { id: ID! name: String! note: String count: Int }
`);
const items = [
  { id: 1, name: 'a', note: 'x', count: 3 },
  { id: 2, name: null, note: null, count: 4 },
  { id: 3, name: 'c', note: new Error('note refused'), count: 'not a number' },
  { id: 4, name: new Error('name refused'), note: 'y', count: null },
];

describe('graphql-jit leaves', () => {
  it('answer values, nulls, Errors and values their type refuses as graphql-js does', async () => {
    const document = parse(`{ items { id name note count } }`);
    const compiled = compileQuery(schema, document, undefined, { disablingCapturingStackErrors: true });
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const viaJit = await compiled.query({ items }, {}, {});
    const viaGraphqlJs = await execute({ schema, document, rootValue: { items } });
    const shape = (result: typeof viaJit) => ({
      data: result.data,
      errors: (result.errors ?? []).map((e) => ({ message: e.message, path: e.path, locations: e.locations })).sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
    });
    expect(shape(viaJit)).toEqual(shape(viaGraphqlJs));
    // What the comparison covers: a good row, a null on a non-null field, Errors, a bad Int.
    expect(viaJit.errors?.length).toBe(4);
  });
});
