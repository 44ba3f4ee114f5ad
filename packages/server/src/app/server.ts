import { authRuntime, closeAuthRuntime } from '../modules/identity/auth.runtime.js';
import { anonymousRate } from '../modules/identity/identity.errors.js';
import { startAccessLog } from '../modules/audit/access-log.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import Fastify, { type FastifyInstance, type RouteHandlerMethod } from 'fastify';
import type { Config } from '../config.js';
import { createRequestContext, type RequestContext } from '../core/context.js';
import { unauthenticated } from './auth-plugin.js';
import { localizeForCode, negotiateLanguage } from '../i18n/localize.js';
import { TokenSigner } from '../core/tokens.js';
import { jwtSecret } from '../secrets.js';
import { buildAppSchema } from './schema.js';
import { registerExportRoute } from '../modules/export/export.http.js';
import { MODULES } from './modules.js';
import { OperationRegistry } from '../graphql/persisted-operations.js';
import type { DatabaseState } from '../db/database.js';
import { createApollo } from './apollo.js';
import { formatError } from './error-map.js';
import { localizeError } from '../graphql/localization.js';
import { registerSubscriptions } from './subscriptions.js';
import { queryLimits } from '../graphql/limits.js';
import { registerHealth } from '../http/health.js';
import { createMetrics, registerMetrics } from '../http/metrics.js';
import { serveDirectory } from '../http/static-files.js';
import { registerRouteNames, tracedServerFactory } from '../http/tracing.js';
import { inSpan, traceLogFields } from '../telemetry/tracing.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface AppOptions {
  /** false: no logging at all. */
  logger?: boolean;
  /** Where the JSON log lines go (default stdout); tests capture them here. */
  logStream?: { write(line: string): void };
  /** Operation metrics and /metrics (default on). */
  metrics?: boolean;
  /** The embedded PostgreSQL's supervision state, for /healthz and /readyz. */
  databaseState?: () => DatabaseState;
}

export async function createApp(config: Config, orm: MikroORM, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            // The trace and span running when a line is written (src/telemetry).
            mixin: traceLogFields,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Query strings stay out of the log: a GET /graphql carries variables there.
            serializers: {
              req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({
                method: req.method,
                url: req.url.split('?')[0],
                hostname: req.hostname,
                remoteAddress: req.ip,
              }),
            },
          },
    // Clients may pass their own id to correlate logs; anything else gets a fresh one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // GraphQL documents are small; large bodies are refused before parsing.
    bodyLimit: 256 * 1024,
    // Sign-in limits count per client address: behind a proxy that is X-Forwarded-For's.
    trustProxy: trustProxySetting(config.TRUST_PROXY),
    serverFactory: tracedServerFactory,
  });
  registerRouteNames(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onClose', async () => closeAuthRuntime(config));
  // Spooled reads are written after their answers: a clean stop writes what is pending.
  const accessLog = await startAccessLog(orm, config, app.log);
  app.addHook('onClose', async () => accessLog.close());
  const door = authRuntime(config).door;
  app.addHook('onRequest', async (req, reply) => {
    if (req.headers.authorization !== undefined || !req.url.startsWith('/graphql')) return;
    const wait = door.take(req.ip);
    if (!wait) return;
    const refusal = anonymousRate(wait);
    const language = negotiateLanguage(req.headers['accept-language']);
    return reply
      .code(429)
      .header('retry-after', String(wait))
      .header('content-type', 'application/json; charset=utf-8')
      .send({ errors: [{ message: localizeForCode(refusal.message, 'TOO_MANY_REQUESTS', language), extensions: { code: 'TOO_MANY_REQUESTS', reason: refusal.reason, retryAfter: wait } }] });
  });

  const schema = await buildAppSchema();
  const registry = OperationRegistry.load(config);
  const metrics = options.metrics === false ? undefined : createMetrics(orm, registry.names);
  if (metrics) registerMetrics(app, config, metrics);
  const apollo = createApollo(app, schema, config, { registry, metrics });
  await apollo.start();
  const tokens = new TokenSigner(jwtSecret(config), config.ACCESS_TOKEN_TTL_SECONDS);
  /** Each GraphQL request's access-log commit, handed over by the auth plugin. */
  const accessLogCommits = new WeakMap<object, Promise<void>>();
  const handler = fastifyApolloHandler<RequestContext>(apollo, {
    // Only the signature is checked here (no SQL); the user is confirmed after the
    // document has passed validation and the query limits.
    context: async (req) => {
      const header = req.headers.authorization;
      const language = negotiateLanguage(req.headers['accept-language']);
      let claims = null;
      if (header !== undefined) {
        const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
        claims = match ? ((await tokens.verify(match[1]!)) ?? null) : null;
        // Thrown before any plugin runs, so translated here.
        if (!claims) throw unauthenticated(localizeForCode('The token is invalid or expired; sign in again', 'UNAUTHENTICATED', language));
      }
      const holdAnswerUntil = (committed: Promise<void>) => {
        // Awaited by the route below; the catch only keeps a failure that never reaches it
        // (Apollo failing after this hook) from being an unhandled rejection.
        committed.catch(() => undefined);
        accessLogCommits.set(req, committed);
      };
      return Object.assign(createRequestContext(orm, config, tokens, String(req.id), claims), { log: req.log, clientAddress: req.ip, language, holdAnswerUntil });
    },
  });
  // One span per operation; the observability plugin names it once the operation is known.
  // Typed by the integration as answering strings; asBytes turns them into bytes.
  // A request that read personal data leaves only once its reads are in the access log's
  // spool (written at the end of the event loop's turn) or, when they could not be spooled
  // (ACCESS_LOG_SPOOL=off, or the spool failing), once its access-log INSERT is committed;
  // the answer is encoded meanwhile. A read nobody logged is never sent
  // (docs/developers/decisions.md#the-access-log-spooled-before-the-answer).
  const graphql: RouteHandlerMethod = function (this: FastifyInstance, req, reply) {
    return inSpan('graphql', {}, async () => {
      const body = asBytes(await handler.call(this, req as never, reply as never));
      const committed = accessLogCommits.get(req);
      if (committed) {
        try {
          await committed;
        } catch (error) {
          const logged = (e: unknown) => {
            req.log.error({ err: e }, 'access log not written: the answer is withheld');
            return String(req.id);
          };
          void reply.code(500);
          const answer = formatError({ message: 'Internal server error' }, error, logged);
          return asBytes(JSON.stringify({ errors: [localizeError(answer, negotiateLanguage(req.headers['accept-language']))] }));
        }
      }
      return body;
    });
  };
  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: graphql });
  const limits = queryLimits(config);
  registerSubscriptions(app, schema, { orm, config, tokens, registry, validationRules: limits.validationRules, checkOperation: limits.checkOperation });

  registerExportRoute(app, orm, config, tokens);
  for (const module of MODULES) module.routes?.(app, { orm, config, tokens });
  registerHealth(app, orm, config, options.databaseState);
  // The IDE's package is a development dependency, absent from the production image:
  // production never loads it, and an install without it just runs without an IDE.
  if (!config.isProduction) {
    try {
      const { registerIde } = await import('../http/ide.js');
      registerIde(app);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
      app.log.warn('altair-static is not installed (a development dependency): no IDE at /ide/');
    }
  }
  // The react-admin dashboard (packages/admin/dist, built by `pnpm build`) at /admin/;
  // client-side routes such as /admin/customers/12/show get index.html. In development
  // it is served even before its build is there: `pnpm start` builds it beside the
  // server, and its files answer as soon as they are written. In production without a
  // build nothing is registered and the API runs alone.
  const adminDist = path.join(config.repoRoot, 'packages', 'admin', 'dist');
  if (!config.isProduction || fs.existsSync(path.join(adminDist, 'index.html'))) {
    app.get('/admin', (_req, reply) => reply.redirect('/admin/'));
    serveDirectory(app, '/admin/', adminDist, { fallback: 'index.html' });
  }
  app.get('/', (_req, reply) => reply.redirect(config.isProduction ? '/healthz' : '/ide/'));
  return app;
}

function trustProxySetting(value: string): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === 'true' || value === 'false') return value === 'true';
  // A hop count: trust that many proxies in front of the server.
  if (/^\d+$/.test(value)) return (_address, hop) => hop < Number(value);
  return value.split(',').map((part) => part.trim());
}

/**
 * A response body as UTF-8 bytes. Given a string, Fastify measures it
 * (`Buffer.byteLength`) and Node's HTTP layer prepends the header block to it before
 * encoding it on the socket: two more passes over the whole body and, for a large one, a
 * fresh large allocation for each (page 200 of the nested list: ~290 KB of UTF-16 with
 * Chinese names). Encoded once here, the header and the body go out as two buffers:
 * −27% CPU per request at page 200 (bench/read-path.mjs, A/B of two builds).
 */
function asBytes<T>(body: T): T | Buffer {
  return typeof body === 'string' ? Buffer.from(body) : body;
}
