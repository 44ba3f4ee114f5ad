import { context, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import pg from 'pg';

/**
 * One CLIENT span per SQL statement, for every statement of this process whichever way it
 * is sent (MikroORM and Kysely, SqlExecutor, raw `connectClient` clients all end in
 * `pg.Client#query`). Only statements sent while a recorded span runs get one: the
 * worker's idle polls and pool checks outside any request or job make no root spans.
 * Installed only while spans are recorded, so tracing without an exporter leaves the
 * driver untouched.
 *
 * The statement text is recorded with its literals replaced by `?`: our own statements
 * bind values as parameters (never recorded), but an ORM may write values inline.
 */
export function instrumentPg(tracer: () => Tracer): () => void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function tracedQuery(this: pg.Client, ...args: unknown[]): unknown {
    const parent = trace.getSpan(context.active());
    const first = args[0] as { text?: unknown; submit?: unknown } | string | undefined;
    // Submittables (cursors, streams) report through their own events; left alone.
    if (!parent?.isRecording() || (typeof first === 'object' && first !== null && typeof first.submit === 'function')) {
      return original.apply(this, args);
    }
    const text = typeof first === 'string' ? first : typeof first?.text === 'string' ? first.text : '';
    const span = tracer().startSpan(statementName(text), {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.namespace': this.database ?? '',
        'db.query.text': withoutLiterals(text),
      },
    });
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        finish(span, error, result);
        (last as (e: unknown, r: unknown) => void)(error, result);
      };
      return original.apply(this, args);
    }
    return (original.apply(this, args) as Promise<unknown>).then(
      (result) => {
        finish(span, undefined, result);
        return result;
      },
      (error: unknown) => {
        finish(span, error, undefined);
        throw error;
      },
    );
  };
  return () => {
    proto.query = original;
  };
}

function finish(span: Span, error: unknown, result: unknown): void {
  if (error) {
    const code = (error as { code?: unknown }).code;
    span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'error' });
    span.setAttribute('db.response.status_code', typeof code === 'string' ? code : 'unknown');
  } else {
    const rows = (result as { rowCount?: unknown } | undefined)?.rowCount;
    if (typeof rows === 'number') span.setAttribute('db.response.returned_rows', rows);
  }
  span.end();
}

/** The statement's first keyword (`SELECT`, `INSERT`, `WITH`…), a low-cardinality span name. */
export function statementName(text: string): string {
  const word = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*([A-Za-z]+)/.exec(text)?.[1];
  return word ? word.toUpperCase() : 'SQL';
}

/** The statement with string, dollar-quoted and numeric literals replaced by `?`
 * (parameters `$1` stay: they name a bound value, not the value). */
export function withoutLiterals(text: string): string {
  return text
    .slice(0, 4000)
    .replace(/E?'(?:[^']|'')*'?/g, '?')
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, '?')
    .replace(/(?<![\w$.])\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\b/g, '?');
}
