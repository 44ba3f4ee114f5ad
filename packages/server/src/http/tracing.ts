import http from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { extractTraceContext, tracer } from '../telemetry/tracing.js';

/**
 * The HTTP server, with one SERVER span per request around everything Fastify does for
 * it (a Fastify `serverFactory`): its own "incoming request" and "request completed" log
 * lines, the hooks and the handler all run inside the span, so every log line of the
 * request carries its trace id. A W3C `traceparent` from the client is the span's parent.
 */
export function tracedServerFactory(handler: http.RequestListener, options: ServerTimeouts): http.Server {
  const server = http.createServer(options.http ?? {}, (req, res) => {
    const parent = extractTraceContext(req.headers);
    const method = req.method ?? 'GET';
    const span = tracer().startSpan(method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } }, parent);
    res.once('close', () => {
      if (span.isRecording()) {
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        if (!res.writableFinished) span.setAttribute('http.request.aborted', true);
      }
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => handler(req, res));
  });
  // What Fastify sets on a server it makes itself.
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
  return server;
}

/** The Fastify options a server factory is handed that concern the server itself. */
interface ServerTimeouts {
  http?: http.ServerOptions | null;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
}

/** Names the request's span after its route once Fastify has found it. */
export function registerRouteNames(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const span = trace.getActiveSpan();
    if (!span?.isRecording()) return;
    const route = req.routeOptions.url;
    if (route) {
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
    }
    span.setAttributes({ 'url.path': req.url.split('?')[0]!, 'custos.request_id': String(req.id) });
  });
}
