import type { ApolloClient, DocumentNode } from '@apollo/client';
import type { DataProvider } from 'react-admin';
import buildGraphQLProvider from 'ra-data-graphql';
import { currentAccess } from '../auth/session.ts';
import { actionAvailable, buildAction, type ActionSpec } from './actions.ts';
import { createApolloClient } from './apollo-client.ts';
import { auditEventById } from './audit-lookup.ts';
import { QueryBuilder, createBuildQuery } from './build-query.ts';
import { ApiError, normalizeError } from './errors.ts';
import {
  isMutation, operationDocument, operationResult, type BuiltRead, type OperationName, type OperationResult, type OperationVariables, type RawResponse,
} from './operations.ts';
import { resourceSpec } from './resources.ts';
import { schema } from './schema.ts';

/**
 * react-admin's data provider, generic: the CRUD calls of every resource (resources.ts),
 * plus three ways for features to reach the API. Every method returns a promise:
 * react-admin's proxy around the provider calls `.then` on whatever a method returns.
 */
export interface CustosDataProvider extends DataProvider {
  /** A registered operation by name, with its generated variable and result types. */
  operation<N extends OperationName>(name: N, variables: OperationVariables<N>): Promise<{ data: OperationResult<N> }>;
  /** A read or change feature code builds with the query builder (timeline, exports, bulk tags). */
  read<T>(build: (builder: QueryBuilder) => BuiltRead<T>): Promise<{ data: T }>;
  /** An action (a mutation answering with records) from a feature's spec (src/actions.ts). */
  // `any`: each screen reads the payload fields its spec asked for.
  action(spec: ActionSpec, input: Record<string, unknown>): Promise<{ data: any }>;
}

/**
 * ra-data-graphql with our buildQuery and the static schema, every error normalised (see
 * errors.ts). Every document it sends is registered (packages/schema/operations/dashboard).
 */
export function createDataProvider(): CustosDataProvider {
  const client = createApolloClient();
  const base = buildGraphQLProvider({
    client,
    introspection: { schema },
    buildQuery: createBuildQuery(currentAccess),
    // Partial results must reach parseResponse: a field the role may not read comes
    // back null with a FORBIDDEN error, and the rest of the page is still worth showing.
    query: () => ({ fetchPolicy: 'no-cache', errorPolicy: 'all' }),
    mutation: () => ({ fetchPolicy: 'no-cache', errorPolicy: 'all' }),
  }) as unknown as DataProvider;
  const builder = new QueryBuilder(schema, currentAccess);

  const run = async (query: DocumentNode, variables: Record<string, unknown> = {}): Promise<RawResponse> => {
    try {
      const result = isMutation(query)
        ? await (client as ApolloClient<unknown>).mutate({ mutation: query, variables, fetchPolicy: 'no-cache', errorPolicy: 'all' })
        : await (client as ApolloClient<unknown>).query({ query, variables, fetchPolicy: 'no-cache', errorPolicy: 'all' });
      return { data: result.data as Record<string, unknown> | null, errors: result.errors as RawResponse['errors'] };
    } catch (error) {
      throw normalizeError(error);
    }
  };

  const getAuditEvent = async (id: string) => {
    const byId = auditEventById(builder, id);
    const found = await run(byId.query, byId.variables);
    const node = found.data?.['data'] as Record<string, unknown> | null | undefined;
    if (!node) throw new ApiError('NOT_FOUND', 'No such audit event');
    return { data: byId.toRecord(node) };
  };

  const guarded = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (error) {
      throw normalizeError(error);
    }
  };

  const read = async <T>(built: BuiltRead<T>) => ({ data: built.parseResponse(await run(built.query, built.variables)) });

  return {
    getList: guarded(base.getList),
    // The audit log has no single-event query (see audit-lookup.ts).
    getOne: guarded(async (resource: string, params: Parameters<DataProvider['getOne']>[1]) =>
      resource === 'audit-events' ? getAuditEvent(String(params.id)) : base.getOne(resource, params),
    ),
    getMany: guarded(base.getMany),
    getManyReference: guarded(base.getManyReference),
    create: guarded(base.create),
    update: guarded(base.update),
    updateMany: () => Promise.reject(new Error('updateMany is not supported')),
    // Only tags and segments are deleted this way; customers go through void, archive and purge.
    delete: guarded(async (resource: string, params: Parameters<DataProvider['delete']>[1]) => {
      if (!resourceSpec(resource).remove) throw new Error('Records are never deleted from the dashboard this way');
      return base.delete(resource, params);
    }),
    deleteMany: () => Promise.reject(new Error('Records are never deleted from the dashboard this way')),
    operation: guarded(async <N extends OperationName>(name: N, variables: OperationVariables<N>) =>
      ({ data: operationResult(name, await run(operationDocument(name), variables as Record<string, unknown>)) })),
    read: guarded(<T>(build: (b: QueryBuilder) => BuiltRead<T>) => read(build(builder))),
    action: guarded(async (spec: ActionSpec, input: Record<string, unknown>) => {
      if (!actionAvailable(builder, spec)) throw new Error(`The server does not offer ${spec.mutation}`);
      const built = buildAction(builder, spec, input);
      return built.parseResponse(await run(built.query, built.variables));
    }),
  } as CustosDataProvider;
}
