import {
  defaultFieldResolver,
  getNamedType,
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  type GraphQLField,
  type GraphQLNullableType,
  type GraphQLOutputType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { CommonErrorCode, DomainError } from '../common/domain-error.js';
import { fromGlobalId, NODE_REF, toGlobalId, type NodeRef } from './global-id.js';
import { nodeTypeOf } from './node.js';
import type { FieldOverride } from './compile-overrides.js';
import type { RequestContext } from '../core/context.js';

/** Rewrites one input value; undefined when nothing in it needs rewriting. */
type Decode = (value: unknown, path: string) => unknown;

/**
 * Global ids at the schema's edge, so resolvers and services keep working with database
 * ids: every Node type's `id` and every field marked RefersTo is written as a global id;
 * every argument and input field marked RefersTo/ArgRefersTo is read back to the raw id
 * before the resolver runs. Raw numeric ids are still accepted in inputs during schema
 * 0.2 (docs/api-clients/global-ids.md); a global id of another type is refused.
 */
export function applyGlobalIds(schema: GraphQLSchema): GraphQLSchema {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('the schema has no Node interface');
  // type-graphql's resolveType is async; graphql-jit needs the answer at once.
  node.resolveType = (value) => nodeTypeOf(value);
  const inputDecoders = new Map<string, Decode | null>();
  const leaves: FieldOverride[] = [];
  const scalars = new Map<string, GraphQLScalarType>();

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isNode = type.getInterfaces().includes(node);
    for (const field of Object.values(type.getFields())) {
      const ref = field.extensions?.[NODE_REF] as NodeRef | undefined;
      const target = isNode && field.name === 'id' ? type.name : Array.isArray(ref) ? ref[0] : undefined;
      if (target && !(isNode && field.name === 'id')) field.description = refNote(field.description, ref as string[]);
      if (target) {
        const inner = field.resolve ?? defaultFieldResolver;
        field.resolve = (source, args, ctx, info) => encodeIds(target, inner(source, args, ctx, info));
        if (inner === defaultFieldResolver && getNamedType(field.type) === GraphQLID) leaves.push(idLeaf(field, target, scalars));
      }
      const decoders = field.args
        .map((arg) => [arg.name, argDecoder(arg, field.extensions?.[`${NODE_REF}:${arg.name}`] as NodeRef | undefined, inputDecoders)] as const)
        .filter((entry): entry is readonly [string, Decode] => entry[1] !== null);
      if (decoders.length === 0) continue;
      const decodeArgs = (args: Record<string, unknown>): Record<string, unknown> => {
        let out = args;
        for (const [name, decode] of decoders) {
          if (args[name] == null) continue;
          const value = decode(args[name], name);
          if (value !== args[name]) out = out === args ? { ...args, [name]: value } : Object.assign(out, { [name]: value });
        }
        return out;
      };
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => resolve(source, decodeArgs(args), ctx, info);
      if (field.subscribe) {
        const subscribe: GraphQLFieldResolver<unknown, unknown> = field.subscribe;
        field.subscribe = (source, args, ctx, info) => subscribe(source, decodeArgs(args), ctx, info);
      }
    }
  }
  // A field whose arguments are decoded too keeps its resolver.
  GLOBAL_ID_LEAVES.set(schema, leaves.filter((leaf) => leaf.field.resolve === leaf.replaces));
  return schema;
}

const GLOBAL_ID_LEAVES = new WeakMap<GraphQLSchema, FieldOverride[]>();

/**
 * For graphql-jit's compile (compile-overrides.ts): the schema's id fields read inline,
 * each with a leaf type of its own whose serializer writes the global id. graphql-jit calls
 * a field with a resolver apart from its record, with resolve info, a path and an error
 * handler made for each value: the ids of a page of 10 customers with 5 interactions each
 * (60 resolver calls) were ~12% of its CPU. The values are the same: `toGlobalId` of the
 * property, null and lists as the resolver had them.
 */
export function globalIdLeaves(schema: GraphQLSchema): readonly FieldOverride[] {
  return GLOBAL_ID_LEAVES.get(schema) ?? [];
}

/** The override of an id field whose resolver (just installed) encodes the parent's own property. */
function idLeaf(field: GraphQLField<unknown, RequestContext>, typeName: string, scalars: Map<string, GraphQLScalarType>): FieldOverride {
  let scalar = scalars.get(typeName);
  if (!scalar) {
    // Named apart from ID: graphql-jit keys leaf serializers by their type's name.
    scalar = new GraphQLScalarType({ name: `GlobalIdOf${typeName}`, serialize: (value) => toGlobalId(typeName, value as string) });
    scalars.set(typeName, scalar);
  }
  const retyped = (type: GraphQLOutputType): GraphQLOutputType => {
    if (isNonNullType(type)) return new GraphQLNonNull(retyped(type.ofType) as GraphQLNullableType & GraphQLOutputType);
    if (isListType(type)) return new GraphQLList(retyped(type.ofType));
    return scalar;
  };
  return { field, resolve: undefined, type: retyped(field.type), replaces: field.resolve as FieldOverride['replaces'] };
}

/** Says in the published schema which objects an id field names. */
function refNote(description: string | null | undefined, types: readonly string[]): string {
  const note = `(${types.join(' or ')} global id.)`;
  return description?.includes(note) ? description : `${description ?? ''} ${note}`.trim();
}

function encodeIds(typeName: string, value: unknown): unknown {
  if (value == null) return value;
  if (typeof (value as PromiseLike<unknown>).then === 'function') return (value as Promise<unknown>).then((v) => encodeIds(typeName, v));
  if (Array.isArray(value)) return value.map((v) => encodeIds(typeName, v));
  return toGlobalId(typeName, value as string);
}

const RAW_ID = /^\d+$/;

/** A global id of `expected` becomes its database id; a raw id (or text that is no
 * global id at all) is passed on for the service to judge, as before global ids. */
export function decodeId(value: unknown, expected: readonly string[], path: string): unknown {
  if (typeof value !== 'string' || RAW_ID.test(value)) return value;
  const global = fromGlobalId(value);
  if (!global) return value;
  if (!expected.includes(global.typeName)) {
    const actual = global.typeName;
    const wanted = expected.join(' or ');
    throw new DomainError(CommonErrorCode.WRONG_ID_TYPE, `Wrong kind of id (${path}: expected a ${wanted} id, got a ${actual} id)`, [
      { field: path, message: `expected a ${wanted} id, got a ${actual} id` },
    ]);
  }
  return global.id;
}

function argDecoder(arg: GraphQLArgument, ref: NodeRef | undefined, memo: Map<string, Decode | null>): Decode | null {
  if (Array.isArray(ref)) arg.description = refNote(arg.description, ref);
  return valueDecoder(arg.type, ref, memo);
}

function valueDecoder(type: GraphQLInputType, ref: NodeRef | undefined, memo: Map<string, Decode | null>): Decode | null {
  if (isNonNullType(type)) return valueDecoder(type.ofType, ref, memo);
  if (isListType(type)) {
    const item = valueDecoder(type.ofType, ref, memo);
    if (!item) return null;
    return (value, path) => {
      if (!Array.isArray(value)) return item(value, path);
      let changed = false;
      const out = value.map((v, i) => {
        const decoded = v == null ? v : item(v, `${path}.${i}`);
        if (decoded !== v) changed = true;
        return decoded;
      });
      return changed ? out : value;
    };
  }
  if (isInputObjectType(type)) return inputObjectDecoder(type, memo);
  if (getNamedType(type).name === 'ID' && Array.isArray(ref)) return (value, path) => decodeId(value, ref, path);
  return null;
}

function inputObjectDecoder(type: GraphQLInputObjectType, memo: Map<string, Decode | null>): Decode | null {
  if (memo.has(type.name)) {
    const known = memo.get(type.name);
    // A recursive input type refers to itself: decode through the entry filled in below.
    return known === undefined ? (value, path) => memo.get(type.name)?.(value, path) ?? value : known;
  }
  memo.set(type.name, undefined as never);
  const fields = Object.values(type.getFields())
    .map((f) => {
      const ref = f.extensions?.[NODE_REF] as NodeRef | undefined;
      if (Array.isArray(ref)) f.description = refNote(f.description, ref);
      return [f.name, valueDecoder(f.type, ref, memo)] as const;
    })
    .filter((entry): entry is readonly [string, Decode] => entry[1] !== null);
  const decode: Decode | null =
    fields.length === 0
      ? null
      : (value, path) => {
          if (value == null || typeof value !== 'object') return value;
          const record = value as Record<string, unknown>;
          let out = record;
          for (const [name, decodeField] of fields) {
            if (record[name] == null) continue;
            const decoded = decodeField(record[name], `${path}.${name}`);
            if (decoded !== record[name]) out = out === record ? { ...record, [name]: decoded } : Object.assign(out, { [name]: decoded });
          }
          return out;
        };
  memo.set(type.name, decode);
  return decode;
}
