/**
 * Actions beyond react-admin's CRUD calls: a mutation (or a dry-run query) taking one
 * `input` and answering with records of resources, described by an ActionSpec. Features
 * declare their specs (`*.actions.ts` beside their screens; src/actions.ts lists them all)
 * and run them through the data provider's `action` method; this file only turns a spec
 * into its document. The documents are fixed per spec (guards.ts), so they are registered.
 */
import type { DocumentNode } from 'graphql';
import type { QueryBuilder } from './build-query.ts';
import { checkResponse, type GraphQLErrorLike } from './errors.ts';
import { resourceSpec } from './resources.ts';

/** How one field of an action's payload is fetched. */
export type PayloadField =
  /** Records of a resource (one or a list): its selection is reused, ownerId & co added. */
  | { resource: string }
  /** A fixed selection of an object type. */
  | { select: string }
  /** A scalar or JSON value. */
  | 'scalar';

export interface ActionSpec {
  /** Root field: a mutation, or a query when `query` is set (dry runs). */
  mutation: string;
  query?: boolean;
  fields: Record<string, PayloadField>;
  /** The payload field returned as `data`; the whole payload when absent. */
  primary?: string;
}


/** Payload parts most actions share. */
export const FAILURES: PayloadField = { select: 'id code message' };
export const CUSTOMERS: PayloadField = { resource: 'customers' };
export const ARCHIVED: PayloadField = { resource: 'archived-customers' };
export const JOB: PayloadField = { resource: 'jobs' };
/** What an undoable change names in its payload (shared/undo.tsx). */
export const UNDO: PayloadField = { select: 'id kind customerCount expiresAt' };

export interface BuiltAction {
  query: DocumentNode;
  variables: { input: Record<string, unknown> };
  parseResponse: (response: { data?: Record<string, unknown> | null; errors?: readonly GraphQLErrorLike[] }) => { data: Record<string, unknown> };
}

/** Whether the server's schema has the action's root field (buttons hide otherwise). */
export function actionAvailable(builder: QueryBuilder, spec: ActionSpec): boolean {
  return spec.query ? builder.index.hasQuery(spec.mutation) : builder.index.hasMutation(spec.mutation);
}

export function buildAction(builder: QueryBuilder, spec: ActionSpec, input: Record<string, unknown>): BuiltAction {
  const root = spec.query ? builder.index.query(spec.mutation) : builder.index.mutation(spec.mutation);
  const inputType = builder.index.argType(root, 'input')?.name;
  if (!inputType) throw new Error(`${spec.mutation} takes no input`);
  // Same reduction as create: only the input type's fields, blanks left out.
  const variables = { input: builder.mutationInput(inputType, input) };
  const selection = Object.entries(spec.fields).map(([name, field]) => {
    if (field === 'scalar') return name;
    if ('select' in field) return `${name} { ${field.select} }`;
    const resource = resourceSpec(field.resource);
    return `${name} { ${builder.selection(resource.typeName, resource.nested, resource.exclude)} }`;
  });
  const operation = spec.query ? 'query' : 'mutation';
  const text = `${operation} ${spec.mutation[0]!.toUpperCase()}${spec.mutation.slice(1)}($input: ${inputType}!) {
  data: ${spec.mutation}(input: $input) { ${selection.join(' ')} }
}`;
  const document = builder.document(text, variables);
  return {
    query: document.query,
    variables: document.variables as { input: Record<string, unknown> },
    parseResponse: (response) => {
      checkResponse('data', response.data, response.errors);
      const payload = response.data?.['data'] as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(spec.fields)) {
        const value = payload[name];
        if (typeof field === 'object' && 'resource' in field && value) {
          const resource = resourceSpec(field.resource);
          const toRecord = (node: unknown) => builder.toRecord(resource, node as Record<string, unknown>);
          out[name] = Array.isArray(value) ? value.map(toRecord) : toRecord(value);
        } else {
          out[name] = value;
        }
      }
      return { data: (spec.primary ? out[spec.primary] : out) as Record<string, unknown> };
    },
  };
}

