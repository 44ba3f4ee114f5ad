import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { errorCodeLabel, type OperationMetrics } from './metrics.js';
import type { RequestContext } from '../core/context.js';

/** The request an error came from, so that formatError (which has no context) can log a
 * masked error under the request's id and hand that id to the client. */
const errorRequests = new WeakMap<object, { requestId: string; log?: FastifyBaseLogger }>();

export function requestOfError(error: unknown): { requestId: string; log?: FastifyBaseLogger } | undefined {
  return typeof error === 'object' && error !== null ? errorRequests.get(error) : undefined;
}

function formattedErrors(ctx: GraphQLRequestContext<RequestContext>): readonly GraphQLFormattedError[] {
  const body = ctx.response.body;
  if (!body) return [];
  return (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
}

/**
 * One log line per GraphQL operation (operation name and type, duration, error codes,
 * user id; never the document's variables or any value), logged through the Fastify
 * request's logger so it carries the request's `reqId`. The same numbers feed the
 * operation metrics when they are on, and name the operation's trace span.
 */
export function observabilityPlugin(metrics?: OperationMetrics): ApolloServerPlugin<RequestContext> {
  const started = new WeakMap<object, bigint>();
  const record = (ctx: GraphQLRequestContext<RequestContext>, codes: string[]) => {
    const seconds = Number(process.hrtime.bigint() - (started.get(ctx) ?? process.hrtime.bigint())) / 1e9;
    const type = ctx.operation?.operation ?? 'unknown';
    const user = ctx.contextValue.actor?.userId ?? ctx.contextValue.claims?.userId ?? null;
    // The operation's span (app/server.ts) gets its name and type; never the document or variables.
    const span = trace.getActiveSpan();
    if (span?.isRecording()) {
      span.updateName(`${type} ${ctx.operationName ?? 'anonymous'}`);
      span.setAttributes({ 'graphql.operation.type': type, 'graphql.operation.name': ctx.operationName ?? '', 'graphql.error.codes': codes });
      if (ctx.contextValue.actor?.userId) span.setAttribute('enduser.id', ctx.contextValue.actor.userId);
      if (codes.length) span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
    }
    ctx.contextValue.log?.info(
      {
        graphql: {
          operation: ctx.operationName ?? null,
          type,
          durationMs: Math.round(seconds * 1e4) / 10,
          errorCodes: codes,
          userId: user,
          persisted: ctx.metrics.persistedQueryHit === true,
        },
      },
      'graphql operation',
    );
    if (metrics) {
      const operation = metrics.names.label(ctx.operationName, ctx.operation !== undefined);
      metrics.observe({ operation, type, code: codes[0] ?? 'OK', seconds });
    }
  };
  return {
    async requestDidStart(requestContext) {
      started.set(requestContext, process.hrtime.bigint());
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const request = { requestId: contextValue.requestId, log: contextValue.log };
          for (const error of errors) {
            errorRequests.set(error, request);
            if (error instanceof GraphQLError && error.originalError) errorRequests.set(error.originalError, request);
          }
        },
        async willSendResponse(ctx) {
          const codes = [...new Set(formattedErrors(ctx).map((e) => errorCodeLabel(e.extensions?.code)))];
          // An answer waiting for its access-log commit is withheld when the commit fails
          // (app/server.ts): counted then as the 500 the client gets. Not awaited here: the
          // route awaits it, while the answer is encoded.
          const commit = ctx.contextValue.accessLogCommit;
          if (commit) commit.then(() => record(ctx, codes), () => record(ctx, ['INTERNAL_SERVER_ERROR']));
          else record(ctx, codes);
        },
      };
    },
    // A plugin that throws out of Apollo's pipeline gets no willSendResponse; the client
    // gets a 500. Still one line and one count.
    async unexpectedErrorProcessingRequest({ requestContext }) {
      record(requestContext as GraphQLRequestContext<RequestContext>, ['INTERNAL_SERVER_ERROR']);
    },
  };
}
