import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { RequestContext } from '../core/context.js';
import { fieldBits } from '../core/access-log-buffer.js';
import { FieldAccess } from '../policy/policy.js';
import type { Role } from '../policy/role.js';
import { deny, fieldGuardsOf, logged, masked, type FieldGuard, type FieldResolver } from './field-guards.js';
import { subfields } from './selection.js';
import { compileWith } from './compile-overrides.js';

/**
 * The field guards of a query compiled for one role. A guard decides per value from the
 * caller's role; graphql-jit then calls it for every guarded value (resolve info, path and
 * three closures each: ~1,000 calls on a page of 50 customers with 5 interactions, about a
 * tenth of the Node process's time there). A query runs under one role, known before it
 * is compiled, so its guards can be decided once, from the same rules (field-guards.ts):
 *
 * - a field the role may not read is denied, as by the guard;
 * - a masked one is masked, as by the guard;
 * - a field the role reads in full and that is not personal data is read as it would be
 *   without a guard (inline, when it has no resolver of its own);
 * - a personal field the role reads in full is read inline too, and its reads are logged
 *   where its records enter the response: every field that hands out records of its type
 *   (the record, a list of them, or an abstract type that includes it) logs, per record,
 *   the personal fields selected on it at that place that are not null, exactly what the
 *   guard would have logged value by value. A personal field with a resolver of its own
 *   keeps a resolver that logs its value.
 *
 * Only queries are compiled per role: a mutation may change who the caller is (signing
 * in), so mutations and anything graphql-js executes keep the guards that decide per value.
 */

/** A personal field a role reads in full without a resolver: logged where its records enter. */
interface InlineRead {
  fieldName: string;
  /** The field's bit in its type's access-log reads (core/access-log-buffer.ts). */
  bit: number;
}

/** A field that hands out records of types with inline reads. */
interface Entry {
  field: GraphQLField<unknown, RequestContext>;
  /** The types with inline reads among those its records can be. */
  types: readonly string[];
  resolve: FieldResolver;
}

interface RoleGuards {
  /** Each guarded field's resolver for the role; undefined: read inline. */
  guarded: readonly [GraphQLField<unknown, RequestContext>, FieldResolver | undefined][];
  /** Type name → its inline reads, by field name. */
  inline: ReadonlyMap<string, ReadonlyMap<string, InlineRead>>;
  entries: readonly Entry[];
}

type RoleKey = Role | null;

const BY_SCHEMA = new WeakMap<GraphQLSchema, Map<RoleKey, RoleGuards>>();

/**
 * Runs `compile` (graphql-jit's compileQuery of `document`, which takes each field's
 * resolver when it compiles) with the schema's guards decided for `role` (null: a caller
 * without a role, denied every guarded field). The schema is restored before it returns:
 * compiling is synchronous, so nothing else runs against the decided resolvers.
 */
export function compileForRole<T>(schema: GraphQLSchema, role: RoleKey, document: DocumentNode, compile: () => T): T {
  const guards = roleGuards(schema, role);
  const names = fieldNamesIn(document);
  const overrides: [GraphQLField<unknown, RequestContext>, FieldResolver | undefined][] = [...guards.guarded];
  for (const entry of guards.entries) {
    // A document that selects none of the inline fields needs no logging where records enter.
    if (entry.types.some((type) => [...guards.inline.get(type)!.keys()].some((name) => names.has(name)))) overrides.push([entry.field, entry.resolve]);
  }
  return compileWith(overrides.map(([field, resolve]) => ({ field, resolve })), compile);
}

function roleGuards(schema: GraphQLSchema, role: RoleKey): RoleGuards {
  let byRole = BY_SCHEMA.get(schema);
  if (!byRole) BY_SCHEMA.set(schema, (byRole = new Map()));
  let guards = byRole.get(role);
  if (!guards) byRole.set(role, (guards = decide(schema, role)));
  return guards;
}

function decide(schema: GraphQLSchema, role: RoleKey): RoleGuards {
  const inline = new Map<string, Map<string, InlineRead>>();
  const guarded = fieldGuardsOf(schema).map((guard): [GraphQLField<unknown, RequestContext>, FieldResolver | undefined] => {
    // Replacing the guard must not drop a wrapper another step put around it.
    if (guard.field.resolve !== guard.guard) throw new Error(`${guard.key}: a resolver wraps its guard, so a role's decisions cannot replace it`);
    const resolve = decideField(guard, role ? guard.rule.access[role] : FieldAccess.NONE);
    if (resolve === INLINE_READ) {
      let reads = inline.get(guard.typeName);
      if (!reads) inline.set(guard.typeName, (reads = new Map()));
      reads.set(guard.fieldName, { fieldName: guard.fieldName, bit: fieldBits(guard.typeName).bitOf(guard.fieldName) });
      return [guard.field, undefined];
    }
    return [guard.field, resolve];
  });
  const entries: Entry[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, RequestContext>[]) {
      const returns = getNamedType(field.type);
      const types = isObjectType(returns) ? [returns.name] : isAbstractType(returns) ? schema.getPossibleTypes(returns).map((t) => t.name) : [];
      const logging = types.filter((name) => inline.has(name));
      if (logging.length) entries.push({ field, types: logging, resolve: entryResolver(schema, field, returns as GraphQLObjectType | GraphQLAbstractType, inline) });
    }
  }
  return { guarded, inline, entries };
}

const INLINE_READ = Symbol('read inline, logged where its records enter');

function decideField(guard: FieldGuard, access: FieldAccess): FieldResolver | undefined | typeof INLINE_READ {
  const { key, rule, own } = guard;
  const read = own ?? defaultFieldResolver;
  if (access === FieldAccess.NONE) return (_source, _args, ctx, info) => deny(ctx, key, info);
  if (access === FieldAccess.MASKED) return (source, args, ctx, info) => masked(rule, read(source, args, ctx, info));
  if (!rule.personal) return own;
  if (!own) return INLINE_READ;
  return (source, args, ctx, info) => logged(guard, ctx, source, own(source, args, ctx, info));
}

/** The field's own resolution, then the inline reads of the records it hands out logged. */
function entryResolver(
  schema: GraphQLSchema,
  field: GraphQLField<unknown, RequestContext>,
  returns: GraphQLObjectType | GraphQLAbstractType,
  inline: ReadonlyMap<string, ReadonlyMap<string, InlineRead>>,
): FieldResolver {
  // Taken now, while the field has the resolver every executor runs (undefined: the
  // record's property, which graphql-jit reads without a resolver).
  const read = field.resolve as FieldResolver | undefined;
  const name = field.name;
  const log = isObjectType(returns)
    ? concreteLogger(schema, returns, inline.get(returns.name)!)
    : abstractLogger(schema, returns, inline);
  return (source, args, ctx, info) => {
    const value = read ? read(source, args, ctx, info) : (source as Record<string, unknown>)[name];
    if (isPromiseLike(value)) {
      return value.then((settled) => {
        log(ctx, info, settled);
        return settled;
      });
    }
    log(ctx, info, value);
    return value;
  };
}

type Logger = (ctx: RequestContext, info: GraphQLResolveInfo, value: unknown) => void;

function concreteLogger(schema: GraphQLSchema, type: GraphQLObjectType, reads: ReadonlyMap<string, InlineRead>): Logger {
  return (ctx, info, value) => {
    if (value == null) return;
    const bitsOf = selectedReads(schema, info, type, reads);
    if (bitsOf) addReads(ctx.accessLog.of(type.name), value, bitsOf);
  };
}

function abstractLogger(schema: GraphQLSchema, type: GraphQLAbstractType, inline: ReadonlyMap<string, ReadonlyMap<string, InlineRead>>): Logger {
  const resolveType = type.resolveType;
  if (!resolveType) throw new Error(`${type.name} has no resolveType: the type of its records must be known to log their reads`);
  return (ctx, info, value) => {
    eachRecord(value, (record) => {
      const resolved: unknown = resolveType(record, ctx, info, type);
      // Unresolved: the executor refuses the record, so none of its fields is read.
      if (resolved == null) return;
      const typeName = typeof resolved === 'string' ? resolved : isObjectType(resolved) ? resolved.name : undefined;
      if (typeName === undefined) throw new Error(`${type.name}: a record's type must be known at once to log its reads`);
      const reads = inline.get(typeName);
      if (!reads) return;
      const bitsOf = selectedReads(schema, info, schema.getType(typeName) as GraphQLObjectType, reads);
      if (bitsOf) addReads(ctx.accessLog.of(typeName), record, bitsOf);
    });
  };
}

function eachRecord(value: unknown, each: (record: Record<string, unknown>) => void): void {
  if (value == null) return;
  if (Array.isArray(value)) for (const item of value) eachRecord(item, each);
  else each(value as Record<string, unknown>);
}

/** Adds the records' (a record or a list of them) selected fields that are not null to
 * their type's reads: one lookup per record, whatever the number of fields. */
function addReads(reads: Map<string, number>, value: unknown, bitsOf: BitsOf): void {
  if (value == null) return;
  if (Array.isArray(value)) {
    for (const item of value) addReads(reads, item, bitsOf);
    return;
  }
  const record = value as Record<string, unknown>;
  const bits = bitsOf(record);
  if (bits === 0) return;
  const id = record.id as string;
  const before = reads.get(id);
  if (before === undefined) reads.set(id, bits);
  else if ((before | bits) !== before) reads.set(id, before | bits);
}

/** A record's selected fields that are not null, as bits (core/access-log-buffer.ts). */
type BitsOf = (record: Record<string, unknown>) => number;

const BITS_OF = new Map<string, BitsOf>();

/** Written as named property reads: the records of a list share one shape, and reading
 * them by a variable key in a loop was most of the time logging a page took. */
function bitsOfReads(selected: readonly InlineRead[]): BitsOf {
  const key = selected.map((read) => `${read.fieldName}:${read.bit}`).join(',');
  let bitsOf = BITS_OF.get(key);
  if (!bitsOf) {
    const body = selected.map((read) => `(record[${JSON.stringify(read.fieldName)}] != null ? ${read.bit} : 0)`).join(' | ');
    bitsOf = new Function('record', `return ${body};`) as BitsOf;
    BITS_OF.set(key, bitsOf);
  }
  return bitsOf;
}

/** Per place in a compiled query (its field nodes) and record type: its selected reads'
 * bits (null: it selects none). */
const SELECTED = new WeakMap<readonly FieldNode[], Map<string, BitsOf | null>>();

/**
 * The inline reads selected on records of `type` at this place: its fields, through
 * fragments whose type condition applies to `type`, as graphql-js collects them (@skip and
 * @include decided with the request's variables; kept per place when there are none).
 */
function selectedReads(schema: GraphQLSchema, info: GraphQLResolveInfo, type: GraphQLObjectType, reads: ReadonlyMap<string, InlineRead>): BitsOf | null {
  const known = SELECTED.get(info.fieldNodes)?.get(type.name);
  if (known !== undefined) return known;
  const directives = { met: false };
  const appliesTo = (condition: string) => {
    if (condition === type.name) return true;
    const named = schema.getType(condition);
    return named !== undefined && isAbstractType(named) && schema.isSubType(named, type);
  };
  const found = new Map<string, InlineRead>();
  for (const field of subfields(info, info.fieldNodes, { appliesTo, directives }).values()) {
    const read = reads.get(field.name);
    if (read) found.set(read.fieldName, read);
  }
  const selected = found.size ? bitsOfReads([...found.values()]) : null;
  if (!directives.met) {
    let byType = SELECTED.get(info.fieldNodes);
    if (!byType) SELECTED.set(info.fieldNodes, (byType = new Map()));
    byType.set(type.name, selected);
  }
  return selected;
}

/** Every field name a document selects anywhere. */
function fieldNamesIn(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      if (selection.kind !== Kind.FRAGMENT_SPREAD) walk(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) walk(definition.selectionSet);
  }
  return names;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
