import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** One response key of a selection set: the field it names and every node asking for it
 * (the same key may be asked for in several fragments; GraphQL guarantees equal arguments). */
export interface SelectedField {
  name: string;
  nodes: FieldNode[];
}

/** What a resolver needs to read a selection: the operation's fragments and variables. */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>;

/** How `subfields` walks a selection beyond its defaults. */
export interface SubfieldOptions {
  /** Fragments (inline or spread) whose type condition this refuses are left out; by
   * default none is: a read plan built from a superset of the selection reads a column too
   * many, never one too few. */
  appliesTo?: (typeCondition: string) => boolean;
  /** Set when a selection walked carries a directive (the result then depends on the
   * request's variables). */
  directives?: { met: boolean };
}

/**
 * The fields selected below `nodes`, by response key, through inline fragments and
 * fragment spreads. Fields under @skip(if: true) or @include(if: false) are left out as
 * graphql-js leaves them out.
 */
export function subfields(info: SelectionInfo, nodes: readonly FieldNode[], options: SubfieldOptions = {}): Map<string, SelectedField> {
  const { appliesTo, directives } = options;
  const applies = (condition: string | undefined) => condition === undefined || !appliesTo || appliesTo(condition);
  const out = new Map<string, SelectedField>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (directives && selection.directives?.length) directives.met = true;
      if (!included(info, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const entry = out.get(key);
        if (entry) entry.nodes.push(selection);
        else out.set(key, { name: selection.name.value, nodes: [selection] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) walk(fragment.selectionSet);
      }
    }
  };
  for (const node of nodes) walk(node.selectionSet);
  return out;
}

/** The fields of a list of fields' selections merged: `nodes` and `edges { node }` alike. */
export function mergedSubfields(info: SelectionInfo, fields: readonly (SelectedField | undefined)[]): Map<string, SelectedField> {
  return subfields(info, fields.flatMap((f) => f?.nodes ?? []));
}

/** Whether @skip/@include let a selection through, as graphql-js decides it. */
function included(info: SelectionInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

/** A selected field's arguments, coerced as graphql-js coerces them for its resolver. */
export function argumentsOf(info: SelectionInfo, definition: GraphQLField<unknown, unknown>, field: SelectedField): Record<string, unknown> {
  const node = field.nodes[0]!;
  let constant = constantArguments.get(node);
  if (constant === undefined) {
    constant = node.arguments?.some((argument) => hasVariable(argument.value)) ? null : new Map();
    constantArguments.set(node, constant);
  }
  if (constant === null) return getArgumentValues(definition, node, info.variableValues);
  let args = constant.get(definition);
  if (!args) {
    args = deepFreeze(getArgumentValues(definition, node, {}));
    constant.set(definition, args);
  }
  return args;
}

/**
 * Arguments written without variables (`interactions(first: 5, orderBy: …)` in a nested
 * list) are the same in every request of a document, and the parsed document is cached
 * with its nodes: coerced once per node (and field, as a fragment may sit on several
 * types), frozen so no reader can change what the next request gets. null: the node's
 * arguments use variables.
 */
const constantArguments = new WeakMap<FieldNode, Map<GraphQLField<unknown, unknown>, Record<string, unknown>> | null>();

function hasVariable(value: ValueNode): boolean {
  switch (value.kind) {
    case Kind.VARIABLE:
      return true;
    case Kind.LIST:
      return value.values.some(hasVariable);
    case Kind.OBJECT:
      return value.fields.some((field) => hasVariable(field.value));
    default:
      return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Whether the query asks for `field` directly below the field being resolved, so a
 * resolver can skip work nobody reads (facet counts cost an engine more than the hits). */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  return [...subfields(info, info.fieldNodes).values()].some((f) => f.name === field);
}
