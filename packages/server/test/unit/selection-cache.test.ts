import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { connectionSelection } from '../../src/graphql/read-plan.js';
import { argumentsOf } from '../../src/graphql/selection.js';

/**
 * What a read plan takes from a document without variables is computed once per parsed
 * node (the document cache keeps the nodes): nested arguments written as literals, and a
 * connection's selection. Whatever depends on a request's variables is computed per request.
 */

const schema = buildSchema(`
  type Query { list(first: Int, filter: Filter): Connection }
  input Filter { kinds: [String!], text: String }
  type Connection { nodes: [Item!]! pageInfo: PageInfo! edges: [Edge!]! }
  type Edge { node: Item! cursor: String! }
  type PageInfo { hasNextPage: Boolean! }
  type Item { id: ID! name: String note: String }
`);
const listField = schema.getQueryType()!.getFields()['list']!;

function fieldOf(source: string): { node: FieldNode; fragments: Record<string, never> } {
  const operation = parse(source).definitions[0] as OperationDefinitionNode;
  return { node: operation.selectionSet.selections[0] as FieldNode, fragments: {} };
}

describe('argumentsOf', () => {
  it('coerces literal arguments once per node and freezes them', () => {
    const { node, fragments } = fieldOf(`{ list(first: 5, filter: { kinds: ["CALL"], text: "x" }) { nodes { id } } }`);
    const first = argumentsOf({ fragments, variableValues: {} }, listField, { name: 'list', nodes: [node] });
    const again = argumentsOf({ fragments, variableValues: { other: 1 } }, listField, { name: 'list', nodes: [node] });
    expect(first).toEqual({ first: 5, filter: { kinds: ['CALL'], text: 'x' } });
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen((first['filter'] as { kinds: string[] }).kinds)).toBe(true);
    expect(() => {
      (first as Record<string, unknown>)['first'] = 6;
    }).toThrow(TypeError);
  });

  it('coerces arguments with a variable anywhere in them per request', () => {
    const { node, fragments } = fieldOf(`query($k: String!) { list(first: 5, filter: { kinds: ["CALL", $k] }) { nodes { id } } }`);
    const a = argumentsOf({ fragments, variableValues: { k: 'EMAIL' } }, listField, { name: 'list', nodes: [node] });
    const b = argumentsOf({ fragments, variableValues: { k: 'VISIT' } }, listField, { name: 'list', nodes: [node] });
    expect(a).toEqual({ first: 5, filter: { kinds: ['CALL', 'EMAIL'] } });
    expect(b).toEqual({ first: 5, filter: { kinds: ['CALL', 'VISIT'] } });
    expect(Object.isFrozen(a)).toBe(false);
  });
});

describe('connectionSelection', () => {
  it('is read once per node when no directive below it depends on variables', () => {
    const { node, fragments } = fieldOf(`{ list(first: 5) { nodes { id name } pageInfo { hasNextPage } } }`);
    const first = connectionSelection({ fragments, variableValues: {} }, { name: 'list', nodes: [node] });
    expect([...first.node.keys()]).toEqual(['id', 'name']);
    expect(first.pageInfo).toBe(true);
    expect(connectionSelection({ fragments, variableValues: {} }, { name: 'list', nodes: [node] })).toBe(first);
  });

  it('follows @include and @skip with each request’s variables', () => {
    const { node, fragments } = fieldOf(`query($note: Boolean!, $cursors: Boolean!) {
      list(first: 5) { nodes { id note @include(if: $note) } edges @include(if: $cursors) { cursor } } }`);
    const without = connectionSelection({ fragments, variableValues: { note: false, cursors: false } }, { name: 'list', nodes: [node] });
    const withNote = connectionSelection({ fragments, variableValues: { note: true, cursors: true } }, { name: 'list', nodes: [node] });
    expect([...without.node.keys()]).toEqual(['id']);
    expect(without.cursors).toBe(false);
    expect([...withNote.node.keys()]).toEqual(['id', 'note']);
    expect(withNote.cursors).toBe(true);
    expect(connectionSelection({ fragments, variableValues: { note: false, cursors: false } }, { name: 'list', nodes: [node] }).node.has('note')).toBe(false);
  });
});
