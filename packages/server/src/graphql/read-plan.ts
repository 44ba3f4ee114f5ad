import { isObjectType, type FieldNode, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { KeysetOrder } from '../db/keyset.js';
import type { Page, PagePlan } from '../db/paginate.js';
import type { Params } from '../db/sql.js';
import type { RequestContext } from '../core/context.js';
import { parseTextArray } from '../db/text-array.js';
import { argumentsOf, subfields, type SelectedField, type SelectionInfo } from './selection.js';

/**
 * Selection-driven reads: a list and its nested connections read in one statement, with
 * only the columns the GraphQL selection reads (plus those its resolvers need), nested
 * pages as correlated subqueries, cursor keys and the look-ahead row only when a cursor
 * or pageInfo is selected. The records then take exactly the path loader-read records
 * take: the same resolvers, field guards, masks and access log. A nested value a plan did
 * not read (a shape it does not know, arguments it refuses) is read by the resolver's
 * DataLoader as before.
 *
 * Every value travels as text: a record is a list of text columns, a nested page a text
 * array of such lists. PostgreSQL formats text arrays at about half the cost of JSON
 * objects (measured on the nested list: 0.6 vs 1.1 ms execution), which was most of the
 * statement's time; the record keys are put back here, where they cost nothing.
 */

/** Planned values ride on the parent record under `#<response key>`: no GraphQL name
 * starts with `#`, so they cannot collide with a field. */
export const plannedKey = (responseKey: string) => `#${responseKey}`;

/** How a column's text turns back into the value loader-read records hold. */
export type ColumnKind = 'int' | 'bool' | 'text[]';

const DECODE: Record<ColumnKind, (text: string) => unknown> = {
  int: Number,
  bool: (text) => text === 'true' || text === 't',
  'text[]': parseTextArray,
};

function decoder(kind: ColumnKind | undefined): (text: string | null) => unknown {
  if (!kind) return (text) => text;
  const decode = DECODE[kind];
  return (text) => (text === null ? null : decode(text));
}

/** Everything a plan for one object type needs to know about its records. */
export interface NodeShape {
  /** Record key → SQL expression of its value (ids and numerics as text; timestamps in
   * their text form, as loaders read them, which DateTime turns into RFC 3339). */
  columns: Record<string, string>;
  /** Columns whose value is not text; `::text` of them is decoded back. */
  kinds?: Record<string, ColumnKind>;
  /** GraphQL field → record keys its resolver reads; a field that is neither here nor a
   * column (and not a nested plan) makes the plan read every column. */
  needs: Record<string, readonly string[]>;
  /** Read whatever is selected (the access log and nested reads key on them). */
  always: readonly string[];
}

/** Fields on a planned type whose values a plan can read in the same statement. */
export interface NestedPlanner {
  /** The SQL of the value (text columns) and how to turn it into what the resolver
   * returns; or undefined to leave this field to its resolver. */
  plan(input: NestedInput): NestedValue | undefined;
}

export interface NestedInput {
  ctx: RequestContext;
  info: SelectionInfo;
  schema: GraphQLSchema;
  field: SelectedField;
  definition: GraphQLField<unknown, unknown>;
  params: Params;
}

export interface NestedValue {
  /** Text-valued SQL expressions, one or more. */
  sql: readonly string[];
  /** `raw` holds the texts of `sql`, in order; `parent` is the record the value belongs
   * to (its nested values not yet finished). */
  finish(raw: readonly (string | null)[], parent: Record<string, unknown>): unknown;
}

export interface PlannedObject {
  /** Text-valued SQL expressions of the record, in the order `finish` reads them. */
  columns: readonly string[];
  /** `array[...]` of the record's columns: one row of a nested page. */
  row: string;
  /** Turns the texts of `columns` into what resolvers read (nested values finished). */
  finish(values: readonly (string | null)[]): Record<string, unknown>;
  /** Record keys read (for decryption of sensitive fields only when read). */
  keys: ReadonlySet<string>;
}

/** An extra text-valued column a plan reads along with a record, under `key`. */
export interface ExtraColumn {
  key: string;
  sql: string;
  kind?: ColumnKind;
}

/**
 * A nested planner declared on the field it plans (`@Extensions(plannedBy(planner))`), for
 * fields one module adds to another's type (Customer.interactions comes from the
 * interaction module): the type's own module then plans it without importing the other.
 */
export const plannedBy = (planner: NestedPlanner) => ({ readPlanner: planner });

function fieldPlanner(definition: GraphQLField<unknown, unknown> | undefined): NestedPlanner | undefined {
  return (definition?.extensions as { readPlanner?: NestedPlanner } | undefined)?.readPlanner;
}

/** Every column is cast: varchar, enum and literal columns sit beside text in one array. */
const asText = (sql: string) => `(${sql})::text`;

/** Builds the columns of one record of `type` for the selection `fields`. */
export function planObject(
  ctx: RequestContext,
  info: SelectionInfo & { schema: GraphQLSchema },
  type: GraphQLObjectType,
  shape: NodeShape,
  fields: ReadonlyMap<string, SelectedField>,
  nested: Record<string, NestedPlanner>,
  params: Params,
  extra: readonly ExtraColumn[] = [],
): PlannedObject {
  const keys = new Set(shape.always);
  let everything = false;
  const planned: [string, NestedValue][] = [];
  const definitions = type.getFields();
  for (const [responseKey, field] of fields) {
    if (field.name === '__typename') continue;
    const definition = definitions[field.name];
    const planner = nested[field.name] ?? fieldPlanner(definition);
    if (planner && definition) {
      const value = planner.plan({ ctx, info, schema: info.schema, field, definition, params });
      if (value) planned.push([plannedKey(responseKey), value]);
    }
    const needs = shape.needs[field.name];
    if (needs) for (const key of needs) keys.add(key);
    else if (field.name in shape.columns) keys.add(field.name);
    else if (!planner) everything = true;
  }
  const read = everything ? Object.keys(shape.columns) : [...keys];
  const plain: ExtraColumn[] = [
    ...read.map((key) => ({ key, sql: shape.columns[key]!, kind: shape.kinds?.[key] })),
    ...extra,
  ];
  const decoders = plain.map((column) => decoder(column.kind));
  const columns = [
    ...plain.map((column) => asText(column.sql)),
    ...planned.flatMap(([, value]) => value.sql),
  ];
  return {
    columns,
    row: `array[${columns.join(', ')}]`,
    keys: new Set(read),
    finish(values) {
      const record: Record<string, unknown> = {};
      let at = 0;
      for (; at < plain.length; at += 1) record[plain[at]!.key] = decoders[at]!(values[at] ?? null);
      for (const [key, value] of planned) {
        const raw = values.slice(at, at + value.sql.length);
        at += value.sql.length;
        record[key] = value.finish(raw, record);
      }
      return record;
    },
  };
}

/** A nested page's rows as one text value: a two-dimensional text array (empty: `{}`).
 * `rest` is the page's `from … where … order by … limit …`, applied directly, as one
 * level: an ordered, limited subquery re-sorted outside cost a sort per parent row. */
export function rowsText(node: PlannedObject, rest: string): string {
  return `array(select ${node.row} ${rest})::text`;
}

/** The records of a nested page read by `rowsText`. */
export function rowsOf(node: PlannedObject, text: string | null): Record<string, unknown>[] {
  if (text === null) return [];
  return (parseTextArray(text) as (string | null)[][]).map((values) => node.finish(values));
}

/**
 * A page's LIMIT written as a literal, so the plan PostgreSQL keeps for a prepared
 * statement (db/prepared.ts) knows it: with `limit $n` the generic plan assumes a tenth of
 * the table, costs more than a custom one and is never used, so every request was planned
 * again. Page sizes are few, so are the texts. OFFSET stays a parameter (offsets are many)
 * and is left out when zero.
 */
export function pageClause(params: Params, limit: number, offset: number): string {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`not a page size: ${limit}`);
  return offset > 0 ? `limit ${limit} offset ${params.add(offset, 'integer')}` : `limit ${limit}`;
}

/** A connection's selection: which parts of it are asked for. */
export interface ConnectionSelection {
  /** Fields of the node (from `nodes` and `edges { node }` together). */
  readonly node: ReadonlyMap<string, SelectedField>;
  readonly cursors: boolean;
  readonly pageInfo: boolean;
  readonly totalCount: boolean;
}

export function connectionSelection(info: SelectionInfo, field: SelectedField): ConnectionSelection {
  const only = field.nodes.length === 1 ? field.nodes[0]! : undefined;
  const known = only && connectionSelections.get(only);
  if (known) return known;
  const options = { directives: { met: false } };
  const parts = subfields(info, field.nodes, options);
  const edges = [...parts.values()].filter((f) => f.name === 'edges');
  const edgeParts = subfields(info, edges.flatMap((e) => e.nodes), options);
  const pageInfo = [...parts.values()].filter((f) => f.name === 'pageInfo');
  const pageParts = subfields(info, pageInfo.flatMap((p) => p.nodes), options);
  const nodeFields = [...parts.values()].filter((f) => f.name === 'nodes');
  const edgeNodes = [...edgeParts.values()].filter((f) => f.name === 'node');
  const selection: ConnectionSelection = {
    node: subfields(info, [...nodeFields, ...edgeNodes].flatMap((f) => f.nodes), options),
    cursors:
      [...edgeParts.values()].some((f) => f.name === 'cursor') ||
      [...pageParts.values()].some((f) => f.name === 'startCursor' || f.name === 'endCursor'),
    pageInfo: pageInfo.length > 0,
    totalCount: [...parts.values()].some((f) => f.name === 'totalCount'),
  };
  if (only && !options.directives.met) connectionSelections.set(only, selection);
  return selection;
}

/**
 * A connection field's selection is the same in every request of a document (whose nodes
 * the parsed-document cache keeps), unless @skip/@include below it read variables: kept
 * per field node then, read-only to every plan.
 */
const connectionSelections = new WeakMap<FieldNode, ConnectionSelection>();

/** A row's cursor values (text array), as `KeysetOrder.keysSelect` reads them, under
 * `__keys`. */
export function cursorKeys(order: KeysetOrder): ExtraColumn {
  return { key: '__keys', sql: `array[${order.terms.map((t) => `(${t.column.sql})::text`).join(', ')}]`, kind: 'text[]' };
}

/**
 * Trims the look-ahead row (read only with pageInfo), restores forward order and makes
 * cursors (only when selected), as `toPage` does for loader reads.
 */
export function plannedPage<T>(rows: T[], plan: PagePlan, order: KeysetOrder, lookAhead: boolean, cursors: boolean): Page<T> {
  const more = lookAhead && rows.length > plan.limit;
  const kept = more ? rows.slice(0, plan.limit) : rows;
  if (plan.backward) kept.reverse();
  return {
    rows: kept,
    cursors: cursors ? kept.map((row) => order.encodeCursor((row as { __keys: (string | null)[] }).__keys)) : [],
    hasNextPage: plan.backward ? plan.hasCursor : more,
    hasPreviousPage: plan.backward ? more : plan.hasCursor || plan.offset > 0,
  };
}

/** The object type a field's (list of / non-null) type names. */
export function namedObjectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type;
}

export { argumentsOf };

/**
 * Lets each field a plan may read return the planned value when its parent record holds
 * one (under its response key), and run its own resolver otherwise. Applied outermost, so
 * a planned value skips the per-call argument work (global id decoding, the NUL check):
 * a planner plans only arguments that pass those checks (it reads them as sent and leaves
 * any it cannot use, unstorable text or global ids included, to the resolver, whose
 * wrappers then check and refuse them as before). Field guards sit below: planned or not,
 * a value is what the field's own rules let through when its record is read.
 */
export function applyReadPlans(schema: GraphQLSchema, fields: Record<string, readonly string[]>): GraphQLSchema {
  for (const [typeName, names] of Object.entries(fields)) {
    const type = namedObjectType(schema, typeName);
    for (const name of names) {
      const field = type.getFields()[name];
      if (!field?.resolve) throw new Error(`read plans cover ${typeName}.${name}, which has no resolver`);
      const inner = field.resolve;
      field.resolve = (source, args, ctx, info) => {
        const planned = (source as Record<string, unknown>)[plannedKey(String(info.path.key))];
        return planned !== undefined ? planned : inner(source, args, ctx, info);
      };
    }
  }
  return schema;
}
