import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import { GraphQLError, getOperationAST, parse, validate, type ExecutionResult, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { OperationCheck } from '../graphql/limits.js';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.js';
import { DomainError } from '../common/domain-error.js';
import { createRequestContext, type RequestContext } from '../core/context.js';
import { FieldDenials } from '../core/field-denials.js';
import { formatError } from './error-map.js';
import { localizeError } from '../graphql/localization.js';
import { operationNotRegistered, type OperationRegistry } from '../graphql/persisted-operations.js';
import { negotiateLanguage, type Language } from '../i18n/localize.js';
import { flushAccessLog } from '../modules/audit/access-log.js';
import { authenticate } from '../modules/identity/auth.service.js';
import type { TokenClaims, TokenSigner } from '../core/tokens.js';
import { ChangeListener } from '../modules/live/live.listener.js';

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) at /graphql, beside the
 * HTTP endpoint. The same token, sent once as `connectionParams.authorization`
 * ("Bearer …"); the socket closes (4401) when it expires, and the client reconnects with
 * a fresh one. Every operation passes the same query limits as over HTTP; only
 * subscriptions are served here (queries and mutations go over HTTP, with its plugins).
 * Each event carries the FORBIDDEN errors of fields withheld from it, its full reads of
 * personal data are access-logged, and errors are coded and translated as over HTTP.
 */

/** What a socket keeps beside graphql-ws's own `socket` and `request`. */
type SocketExtra = {
  claims?: TokenClaims;
  language?: Language;
  expiry?: NodeJS.Timeout;
};

export interface SubscriptionDeps {
  orm: MikroORM;
  config: Config;
  tokens: TokenSigner;
  registry: OperationRegistry;
  validationRules: readonly ValidationRule[];
  /** The checks that need the operation's variables (graphql/limits.ts `checkOperation`). */
  checkOperation: OperationCheck;
}

/** Parse and validation errors with the codes Apollo gives them over HTTP. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

export function registerSubscriptions(app: FastifyInstance, schema: GraphQLSchema, deps: SubscriptionDeps): ChangeListener {
  const { orm, config, tokens, registry } = deps;
  const listener = new ChangeListener(orm.config.get('clientUrl') as string, {
    log: (message, error) => (error ? app.log.warn({ err: error }, message) : app.log.info(message)),
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  app.server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== '/graphql') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const logUnexpected = (error: unknown) => {
    app.log.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error }, 'unexpected error in a subscription');
  };
  const present = (errors: readonly GraphQLError[], language: Language) =>
    errors.map((error) => localizeError(formatError(error.toJSON(), error, logUnexpected), language));

  const server = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        ctx.extra.language = negotiateLanguage(ctx.extra.request.headers['accept-language']);
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const token = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header)?.[1] : undefined;
        const claims = token ? await tokens.verify(token) : undefined;
        if (!token || !claims) return false;
        ctx.extra.claims = claims;
        const exp = decodeJwt(token).exp;
        if (exp) {
          ctx.extra.expiry = setTimeout(() => ctx.extra.socket.close(CloseCode.Unauthorized, 'token expired'), Math.max(0, exp * 1000 - Date.now()));
          ctx.extra.expiry.unref();
        }
        return true;
      },
      onClose: (ctx) => clearTimeout(ctx.extra.expiry),
      onSubscribe: async (ctx, id, payload) => {
        const language = ctx.extra.language ?? 'en';
        if (config.PERSISTED_OPERATIONS === 'only' && !registry.byHash.has(createHash('sha256').update(payload.query).digest('hex'))) {
          return [operationNotRegistered()];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: config.MAX_QUERY_TOKENS });
        } catch (error) {
          return [coded(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, deps.validationRules);
        if (errors.length) return errors.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        // The cost limit with the variables (page sizes sent as variables), as over HTTP.
        try {
          deps.checkOperation(document, operation, payload.variables ?? undefined);
        } catch (error) {
          return [coded(error as GraphQLError, 'GRAPHQL_VALIDATION_FAILED')];
        }
        const contextValue: RequestContext = Object.assign(createRequestContext(orm, config, tokens, `ws:${id}`, ctx.extra.claims ?? null), {
          language,
          live: listener,
        });
        try {
          await authenticate(contextValue);
        } catch (error) {
          if (error instanceof DomainError) return [new GraphQLError(error.message, { originalError: error })];
          throw error;
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext: async (ctx, _id, _payload, args, result: ExecutionResult) => {
        const context = args.contextValue as RequestContext;
        const errors = [...present(result.errors ?? [], ctx.extra.language ?? 'en')];
        if (context.denials.size) errors.push(...context.denials.toErrors().map((e) => localizeError(e, ctx.extra.language ?? 'en')));
        // Per event, as per HTTP request: its own denials, its own access-log rows.
        context.denials = new FieldDenials();
        await flushAccessLog(context);
        return { ...result, ...(errors.length ? { errors } : {}) };
      },
      onError: (ctx, _id, _payload, errors) => present(errors, ctx.extra.language ?? 'en'),
    },
    wss,
  );

  app.addHook('preClose', async () => {
    for (const socket of wss.clients) socket.close(1001, 'server shutting down');
    await server.dispose();
    wss.close();
    await listener.close();
  });
  return listener;
}
