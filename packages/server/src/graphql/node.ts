import { Field, ID, InterfaceType, ObjectType, type ObjectTypeOptions } from 'type-graphql';

export type { NodeSource };
import type { NodeSource } from '../core/module.js';
import { isBigintId } from '../db/keyset.js';
import { requireAction } from '../policy/guard.js';
import type { Action } from '../policy/policy.js';

/** Which object type a value `node`/`nodes` returned is (its records are plain rows). */
const typeOfNode = new WeakMap<object, string>();

export function markNode<T extends object>(value: T, typeName: string): T {
  typeOfNode.set(value, typeName);
  return value;
}

export function nodeTypeOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? typeOfNode.get(value) : undefined;
}

@InterfaceType('Node', {
  description:
    'An object with a global id (Relay Global Object Identification): read it again anywhere with `node(id)` or `nodes(ids)`, under the same rules as its own query.',
  resolveType: (value: object) => nodeTypeOf(value),
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'Global id: opaque, unique across all types (base64url of `<Type>:<database id>`). Inputs also take the raw database id during schema 0.2 (see docs/api-clients/global-ids.md).',
  })
  id!: string;
}

/**
 * An entity's GraphQL type: an object type that implements Node, so its `id` is written as
 * a global id and `node(id)` can read it again. Use it instead of `@ObjectType` for every
 * type whose `id` is a database row's; the module's manifest then lists a NodeSource for
 * it (the schema build and test/global-ids.test.ts fail otherwise).
 */
export function NodeType(name: string, options: Omit<ObjectTypeOptions, 'implements'> & { implements?: Function[] } = {}): ClassDecorator {
  return ObjectType(name, { ...options, implements: [Node, ...(options.implements ?? [])] });
}

const sources = new Map<string, NodeSource>();

/** Called once by the composition root with every module's sources. */
export function registerNodeSources(list: readonly NodeSource[]): void {
  for (const source of list) {
    const known = sources.get(source.type);
    if (known && known !== source) throw new Error(`two node sources for ${source.type}`);
    sources.set(source.type, source);
  }
}

export function nodeSource(typeName: string): NodeSource | undefined {
  return sources.get(typeName);
}

export function nodeSourceNames(): string[] {
  return [...sources.keys()];
}

/** Rows read by id, put back in the order of `ids` (null where none was read). */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): (T | null)[] {
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** A Node type read from one table by id behind one action, with no row rule:
 * `select` ends with the id column (`select … from job j where j.id`). */
export function tableNodeSource(type: string, action: Action, select: string): NodeSource {
  return {
    type,
    async load(ctx, ids) {
      requireAction(ctx, action);
      return inIdOrder(ids, await ctx.sql.query<{ id: string }>(`${select} = any($1::bigint[])`, [ids.filter(isBigintId)]));
    },
  };
}
