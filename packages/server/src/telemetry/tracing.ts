import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type SpanOptions,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Config } from '../config.js';
import { instrumentPg } from './pg-spans.js';

/**
 * OpenTelemetry tracing for the process (HTTP request → GraphQL operation → SQL
 * statements → jobs the request queued).
 *
 * Trace context is always on once `startTracing` ran: a W3C `traceparent` from the
 * client is honoured (else a fresh trace id is made), its trace id is on every log line
 * written while the request or a job it queued runs, and a queued job carries it. Spans
 * are recorded only when an exporter is configured (OTEL_EXPORTER_OTLP_ENDPOINT, or one
 * handed in by a test): without one the sampler records nothing, no span processor
 * exists and the PostgreSQL driver is not wrapped, so what remains is an id per request.
 */

const TRACER = 'custos';

/** The tracer the server's spans come from (a no-op until `startTracing`). */
export function tracer(): Tracer {
  return trace.getTracer(TRACER);
}

export interface TracingOptions {
  /** Spans go here instead of OTLP (the SDK's InMemorySpanExporter in tests). */
  exporter?: SpanExporter;
  /** Export each span as it ends (tests) rather than in batches. */
  immediate?: boolean;
}

export interface Tracing {
  /** Whether spans are recorded and exported. */
  readonly recording: boolean;
  /** Exports what is buffered. */
  flush(): Promise<void>;
  /** Exports what is buffered and unregisters everything (the driver is unwrapped). */
  shutdown(): Promise<void>;
}

/** Registers tracing for this process, once (main.ts, the console, tests). */
export function startTracing(config: Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME'>, options: TracingOptions = {}): Tracing {
  const exporter =
    options.exporter ??
    (config.OTEL_EXPORTER_OTLP_ENDPOINT ? new OTLPTraceExporter({ url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` }) : undefined);
  const processors: SpanProcessor[] = exporter ? [options.immediate ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)] : [];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.OTEL_SERVICE_NAME }),
    // Unsampled parents stay unsampled: a caller that chose not to trace is not traced.
    sampler: exporter ? new ParentBasedSampler({ root: new AlwaysOnSampler() }) : new AlwaysOffSampler(),
    spanProcessors: processors,
  });
  // AsyncLocalStorage context and the W3C trace-context (and baggage) propagator.
  provider.register();
  const unwrapPg = exporter ? instrumentPg(tracer) : () => undefined;
  return {
    recording: exporter !== undefined,
    flush: () => provider.forceFlush(),
    async shutdown() {
      unwrapPg();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Trace and span ids for a log line (pino `mixin`): those of the span running now. */
export function traceLogFields(): { traceId?: string; spanId?: string } {
  const span = trace.getSpan(context.active())?.spanContext();
  return span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}

/** The context a `traceparent` (and `tracestate`) header names, or the root context. */
export function extractTraceContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** The running span's `traceparent`, to carry it where async context does not go (a
 * queued job); undefined outside a trace. */
export function currentTraceParent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** Runs `work` in a new span, a child of `parent` (default: the running span), ending it
 * when `work` settles; a thrown error marks it failed. */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>, parent: Context = context.active()): Promise<T> {
  return tracer().startActiveSpan(name, options, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      markFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks a span failed with the error's class and code (never its message: messages
 * may quote values). */
export function markFailed(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  const code = (error as { code?: unknown })?.code;
  span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : (error as Error)?.name });
  span.setAttribute('error.type', typeof code === 'string' ? code : ((error as Error)?.name ?? 'Error'));
}
