import { timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { accessLogBacklog } from '../modules/audit/access-log.js';
import type { Config } from '../config.js';
import { SqlExecutor } from '../db/sql.js';
import { JobKind } from '../modules/job/job.enums.js';

/** Operation names kept as label values beyond the registered ones; later names count as `other`. */
export const MAX_SEEN_OPERATION_NAMES = 100;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** Error codes a client can receive; anything else is counted as `OTHER`. */
const KNOWN_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'INVALID_STATE', 'INTERNAL_SERVER_ERROR',
  'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_NOT_REGISTERED', 'BAD_REQUEST',
]);

/**
 * Bounds the `operation` label: registered operation names always keep their name, the
 * first MAX_SEEN_OPERATION_NAMES other names too, anonymous operations are `anonymous`,
 * documents that never resolved to an operation `unknown`, and everything past the cap
 * `other`. A client inventing names cannot grow the scrape without bound.
 */
export class OperationNames {
  readonly #seen = new Set<string>();
  constructor(
    private readonly registered: ReadonlySet<string> = new Set(),
    private readonly max = MAX_SEEN_OPERATION_NAMES,
  ) {}

  label(name: string | null | undefined, resolved: boolean): string {
    if (!resolved) return 'unknown';
    if (!name) return 'anonymous';
    if (!NAME.test(name)) return 'other';
    if (this.registered.has(name) || this.#seen.has(name)) return name;
    if (this.#seen.size >= this.max) return 'other';
    this.#seen.add(name);
    return name;
  }
}

export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'OTHER';
}

export interface OperationSample {
  operation: string;
  type: string;
  /** `OK`, or the first error's code. */
  code: string;
  seconds: number;
}

/** What the GraphQL plugin records into; `undefined` when metrics are off. */
export interface OperationMetrics {
  names: OperationNames;
  observe(sample: OperationSample): void;
}

export interface Metrics extends OperationMetrics {
  registry: Registry;
}

/**
 * Every metric the server exposes. Database-backed gauges are read when scraped, each
 * with one query on an indexed column, so an idle server does no work for them.
 */
export function createMetrics(orm: MikroORM, registeredNames: ReadonlySet<string> = new Set()): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'custos_' });

  const operations = new Counter({
    name: 'custos_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome (OK or the first error code).',
    labelNames: ['operation', 'type', 'code'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'custos_graphql_operation_duration_seconds',
    help: 'GraphQL operation time from request start to response, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const sql = <T>(text: string) => new SqlExecutor(orm.em.fork()).query<T>(text);
  // A failing source (database down) drops its own samples for this scrape and counts
  // here; process metrics and the rest of the scrape still answer.
  const failures = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const guarded = (source: string, gauge: Gauge<string>, read: () => Promise<void>, labelled = true) => {
    const done = read()
      .catch(() => {
        gauge.reset();
        // A gauge without labels cannot be absent: NaN says "unknown", where 0 would lie.
        if (!labelled) gauge.set(Number.NaN);
        failures.set(source, (failures.get(source) ?? 0) + 1);
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
    return done;
  };

  new Gauge({
    name: 'custos_db_pool_connections',
    help: 'Database pool connections: total open, idle, and requests waiting for one.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      await guarded('pool', this, async () => {
        const pool = await orm.em.getConnection().getNativeClient();
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      });
    },
  });
  const kinds = Object.values(JobKind) as string[];
  // The three job gauges share one statement per scrape (prom-client collects metrics
  // concurrently, so each awaits the same snapshot); job_queue_idx and job_state_idx cover it.
  const jobs = once(() =>
    sql<{ kind: string; state: string; n: number; lag: number }>(
      `select kind, state, count(*)::int as n,
              coalesce(extract(epoch from clock_timestamp() - min(run_after)), 0)::float8 as lag
         from job where (state = 'QUEUED' and run_after <= now()) or state = 'RUNNING'
        group by kind, state`,
    ),
  );
  const jobGauge = (name: string, help: string, value: (rows: { kind: string; state: string; n: number; lag: number }[]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['kind'] as const,
      registers: [registry],
      async collect() {
        await guarded(name, this, async () => {
          const rows = await jobs();
          this.reset();
          for (const kind of [...kinds, 'other']) {
            const mine = rows.filter((r) => (kinds.includes(r.kind) ? r.kind : 'other') === kind);
            if (kind !== 'other' || mine.length) this.set({ kind }, value(mine));
          }
        });
      },
    });
  const sum = (rows: { n: number }[]) => rows.reduce((total, r) => total + Number(r.n), 0);
  jobGauge('custos_job_queue_lag_seconds', 'Age of the oldest QUEUED job that is due (now - run_after), by kind; 0 when none is waiting.', (rows) =>
    Math.max(0, ...rows.filter((r) => r.state === 'QUEUED').map((r) => Number(r.lag))),
  );
  jobGauge('custos_jobs_queued', 'QUEUED jobs that are due, by kind.', (rows) => sum(rows.filter((r) => r.state === 'QUEUED')));
  jobGauge('custos_jobs_running', 'RUNNING jobs, by kind.', (rows) => sum(rows.filter((r) => r.state === 'RUNNING')));

  // search_outbox_created_idx gives min(created_at); the count is of a table the drain keeps small.
  const outbox = once(async () => {
    const [row] = await sql<{ n: number; lag: number }>(
      `select count(*)::int as n, coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)::float8 as lag from search_outbox`,
    );
    return { n: Number(row?.n ?? 0), lag: Math.max(Number(row?.lag ?? 0), 0) };
  });
  new Gauge({
    name: 'custos_search_outbox_lag_seconds',
    help: 'Age of the oldest search-index change not yet applied; 0 when the outbox is empty.',
    registers: [registry],
    async collect() {
      await guarded('custos_search_outbox_lag_seconds', this, async () => this.set((await outbox()).lag), false);
    },
  });
  new Gauge({
    name: 'custos_search_outbox_backlog',
    help: 'Search-index changes waiting in the outbox.',
    registers: [registry],
    async collect() {
      await guarded('custos_search_outbox_backlog', this, async () => this.set((await outbox()).n), false);
    },
  });

  // This process's own state: no query.
  new Gauge({
    name: 'custos_access_log_backlog',
    help: 'Requests whose full reads of personal data are answered (spooled) or waiting, and not yet in the access_log table.',
    registers: [registry],
    collect() {
      this.set(accessLogBacklog(orm.em).requests);
    },
  });
  new Gauge({
    name: 'custos_access_log_lag_seconds',
    help: 'Age of the oldest read not yet in the access_log table; 0 when none waits.',
    registers: [registry],
    collect() {
      this.set(accessLogBacklog(orm.em).lagSeconds);
    },
  });

  // Registered last: prom-client collects all metrics at once, so by now every source of
  // this scrape is in flight, and the count includes this scrape's failures.
  new Counter({
    name: 'custos_metrics_collect_errors_total',
    help: 'Scrapes in which a database-backed metric could not be read, by source.',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      await Promise.allSettled([...inFlight]);
      this.reset();
      for (const [source, n] of failures) this.inc({ source }, n);
    },
  });

  return {
    registry,
    names: new OperationNames(registeredNames),
    observe({ operation, type, code, seconds }) {
      operations.inc({ operation, type, code });
      durations.observe({ operation, type }, seconds);
    },
  };
}

/** Shares one in-flight call among concurrent callers; the next call after it settles runs anew. */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= run().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

/** HTTP requests by route pattern (never the raw URL), method and status. */
function httpMetrics(registry: Registry) {
  return new Histogram({
    name: 'custos_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in the Prometheus text format. With METRICS_TOKEN set it wants
 * `Authorization: Bearer <METRICS_TOKEN>`; without one it is open in development and
 * test, and not served at all in production (404), so it is never world-readable there.
 */
export function registerMetrics(app: FastifyInstance, config: Config, metrics: Metrics): void {
  const token = config.METRICS_TOKEN;
  if (config.isProduction && !token) return;
  const http = httpMetrics(metrics.registry);
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    http.observe({ route, method: req.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (req, reply) => {
    if (token) {
      const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
      if (!match || !sameToken(match[1]!, token)) {
        return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').send({ error: 'metrics need Authorization: Bearer <METRICS_TOKEN>' });
      }
    }
    try {
      const body = await metrics.registry.metrics();
      return reply.header('content-type', metrics.registry.contentType).send(body);
    } catch (error) {
      req.log.error({ err: error }, 'metrics collection failed');
      return reply.code(503).send({ error: 'metrics unavailable' });
    }
  });
}
