import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  execute,
  getVariableValues,
  GraphQLError,
  Kind,
  type SourceLocation,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { RequestContext } from '../core/context.js';
import type { Role } from '../policy/role.js';
import { compileWith } from './compile-overrides.js';
import { globalIdLeaves } from './global-id-schema.js';
import { compileForRole } from './role-guards.js';

/**
 * Executes operations with graphql-jit: each document is compiled once into a function
 * (cached by Apollo's query hash), which then runs the schema's own resolvers, so field
 * guards, read plans, argument checks and validation behave as under graphql-js. It is
 * plugged in through Apollo Server's supported executor hook (a gateway that serves this
 * schema): parsing, validation with the query limits, the plugins and error formatting
 * stay Apollo's. Introspection and documents graphql-jit cannot compile run on graphql-js.
 * A query is compiled once per role, with its field guards decided for that role
 * (role-guards.ts); mutations once for every caller, with guards that decide per value.
 * Ids are written as global ids by their leaf's serializer, not a resolver per value
 * (globalIdLeaves).
 */
export function jitGateway(schema: GraphQLSchema, cacheSize = 1_000) {
  const compiled = new Map<string, CompiledQuery | null>();
  const idLeaves = globalIdLeaves(schema);

  const compile = (key: string, document: DocumentNode, operationName: string | undefined, role: Role | null | undefined): CompiledQuery | null => {
    if (compiled.has(key)) {
      const hit = compiled.get(key)!;
      // Refresh its place: the map's order is the eviction order.
      compiled.delete(key);
      compiled.set(key, hit);
      return hit;
    }
    const run = () => compileWith(idLeaves, () => compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true }));
    const result = role === undefined ? run() : compileForRole(schema, role, document, run);
    const entry = isCompiledQuery(result) ? result : null;
    compiled.set(key, entry);
    if (compiled.size > cacheSize) compiled.delete(compiled.keys().next().value!);
    return entry;
  };

  /** Apollo hands executors its gateway request context (the context is `context` there). */
  const executor = async (requestContext: GatewayRequest): Promise<ExecutionResult> => {
    const { document, operation, request, context: contextValue, queryHash } = requestContext;
    const variables = request.variables ?? {};
    // The caller is confirmed before execution (auth-plugin.ts) and a query cannot change it.
    const role = operation.operation === 'query' ? (contextValue.actor?.role ?? null) : undefined;
    const key = `${queryHash}:${request.operationName ?? ''}:${role === undefined ? '*' : (role ?? '-')}`;
    const query = introspects(operation) ? null : compile(key, document, request.operationName ?? undefined, role);
    if (!query) return execute({ schema, document, contextValue, variableValues: variables, operationName: request.operationName });
    // Variables are coerced by graphql-js: a bad one gets the same message (and HTTP 400)
    // as without the compiler, and input fields left out get their defaults (graphql-jit
    // refuses a missing non-null field that has a default). Coercing the result again in
    // graphql-jit changes nothing: every enum's value is its name and every custom scalar
    // reads its own output.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const result = await query.query(undefined, contextValue, coerced.coerced);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {
      compiled.clear();
    },
  };
}

interface GatewayRequest {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  request: { operationName?: string | null; variables?: Record<string, unknown> };
  context: RequestContext;
  queryHash: string;
}

/**
 * graphql-jit's errors imitate GraphQLError with read-only properties and no
 * `extensions` object; Apollo (which reads `extensions.code`) and the plugins that
 * rewrite messages expect graphql-js's own. Same message, path, locations and cause.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  if (error.locations) (copy as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return copy;
}

function introspects(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === '__schema' || s.name.value === '__type');
}
