/**
 * Actions beyond react-admin's CRUD calls: one data provider method per mutation, each
 * taking the mutation's input and resolving to `{ data: record }`. Screens call them with
 * `useDataProvider()` + react-query's `useMutation`. A method exists only when the
 * server's schema has its mutation, so entries for actions the server is still gaining
 * (void, archive, restore, purge, merge…) switch on with the schema that brings them.
 */
import { parse } from 'graphql';
import type { QueryBuilder, RaRecord } from './build-query.ts';
import { checkResponse, type GraphQLErrorLike } from './errors.ts';
import { resourceSpec } from './resources.ts';

export interface ActionSpec {
  mutation: string;
  /** Payload field holding the affected record. */
  payload: string;
  /** Resource of that record (its selection is reused). */
  resource: string;
}

export const ACTIONS = {
  resetUserPassword: { mutation: 'resetUserPassword', payload: 'user', resource: 'users' },
  voidCustomer: { mutation: 'voidCustomer', payload: 'customer', resource: 'customers' },
  unvoidCustomer: { mutation: 'unvoidCustomer', payload: 'customer', resource: 'customers' },
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;

export interface BuiltAction {
  query: ReturnType<typeof parse>;
  variables: { input: Record<string, unknown> };
  parseResponse: (response: { data?: Record<string, unknown> | null; errors?: readonly GraphQLErrorLike[] }) => { data: RaRecord };
}

export function buildAction(builder: QueryBuilder, spec: ActionSpec, input: Record<string, unknown>): BuiltAction {
  const resource = resourceSpec(spec.resource);
  const inputType = builder.inputTypeOf(spec.mutation);
  // Same reduction as create: only the input type's fields, blanks left out.
  const variables = { input: builder.mutationInput(inputType, input) };
  const text = `mutation ${spec.mutation[0]!.toUpperCase()}${spec.mutation.slice(1)}($input: ${inputType}!) {
  data: ${spec.mutation}(input: $input) { ${spec.payload} { ${builder.selection(resource.typeName, resource.nested, resource.exclude)} } }
}`;
  return {
    query: parse(text),
    variables,
    parseResponse: (response) => {
      checkResponse('data', response.data, response.errors);
      const payload = response.data?.['data'] as Record<string, Record<string, unknown>>;
      return { data: builder.toRecord(resource, payload[spec.payload]!) };
    },
  };
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: string | null;
}

export const VERIFY_AUDIT_CHAIN = parse('query VerifyAuditChain { data: verifyAuditChain { ok checked firstBrokenSeq } }');

/**
 * The audit log has no single-event query; events are numbered 1…n without gaps and
 * listed newest first, so event `seq` sits at offset `latest − seq`. Two reads: the
 * latest seq, then the event at its offset (checked, since events may be appended in
 * between; the caller retries once).
 */
export const LATEST_AUDIT_SEQ = parse('query LatestAuditSeq { data: auditEvents(first: 1) { nodes { seq } } }');

export function auditEventAt(builder: QueryBuilder, offset: number) {
  const spec = resourceSpec('audit-events');
  return {
    query: parse(`query AuditEventAt($offset: Int) {
  data: auditEvents(first: 1, offset: $offset) { nodes { ${builder.selection(spec.typeName, spec.nested, spec.exclude)} } }
}`),
    variables: { offset },
    toRecord: (node: Record<string, unknown>) => builder.toRecord(spec, node),
  };
}
