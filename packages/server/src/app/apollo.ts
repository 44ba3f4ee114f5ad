import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import { authPlugin } from './auth-plugin.js';
import type { RequestContext } from '../core/context.js';
import { formatError } from './error-map.js';
import { jitGateway } from '../graphql/jit-executor.js';
import { fieldDenialsPlugin } from '../graphql/field-guards.js';
import { localizationPlugin } from '../graphql/localization.js';
import { queryLimits } from '../graphql/limits.js';
import { observabilityPlugin, requestOfError } from '../http/observability-plugin.js';
import { persistedQueriesOption, registeredOnlyPlugin, type OperationRegistry } from '../graphql/persisted-operations.js';
import type { OperationMetrics } from '../http/metrics.js';
import { retryAfterPlugin } from '../http/retry-after.js';

export interface ApolloExtras {
  registry: OperationRegistry;
  metrics?: OperationMetrics;
}

export function createApollo(app: FastifyInstance, schema: GraphQLSchema, config: Config, extras: ApolloExtras): ApolloServer<RequestContext> {
  const limits = queryLimits(config);
  const logUnexpected = (error: unknown) => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const request = requestOfError(error);
    (request?.log ?? app.log).error({ err: original }, 'unexpected error in a GraphQL operation');
    return request?.requestId;
  };
  return new ApolloServer<RequestContext>({
    // graphql-jit runs through Apollo's executor hook (a gateway serving this schema).
    ...(config.GRAPHQL_EXECUTOR === 'jit' ? { gateway: jitGateway(schema) as never } : { schema }),
    // The cache-control plugin hooks every field; measured here it halves throughput
    // on nested lists, and we set no cache hints anyway (docs/developers/decisions.md).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Both packages are typed against Apollo's CommonJS build; the objects are the same.
      fastifyApolloDrainPlugin(app) as unknown as ApolloServerPlugin<RequestContext>,
      ...(limits.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      ...(config.PERSISTED_OPERATIONS === 'only' ? [registeredOnlyPlugin(extras.registry)] : []),
      authPlugin(!config.isProduction, limits.checkOperation),
      retryAfterPlugin(),
      fieldDenialsPlugin(),
      localizationPlugin(),
      observabilityPlugin(extras.metrics),
    ],
    persistedQueries: persistedQueriesOption(config, extras.registry),
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: config.MAX_QUERY_TOKENS },
    allowBatchedHttpRequests: false,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    csrfPrevention: true,
    formatError: (formatted, error) => formatError(formatted, error, logUnexpected),
    // Apollo's default appends a newline, which makes the body a two-part string that
    // V8 copies whole before it can be measured or encoded (server.ts sends it as bytes).
    stringifyResult: (value) => JSON.stringify(value),
  });
}
