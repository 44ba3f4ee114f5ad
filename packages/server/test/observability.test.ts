import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { OperationNames, createMetrics, registerMetrics } from '../src/http/metrics.js';
import type { JobLogFields } from '../src/modules/job/job.worker.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { TEST_ENCRYPTION_KEY } from './helpers/test-database.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

const STATS = `query CustomerStats($filter: CustomerFilter) { customerStats(groupBy: [TYPE], filter: $filter) { keys count } }`;

/** The value of one sample line, e.g. `name{a="b"} 3`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (want.every((w) => have.includes(w)) && (want.length > 0 || have.length === 0)) return Number(match[3]);
  }
  return undefined;
}

describe('metrics and logs over HTTP', () => {
  let server: TestServer;
  const lines: Record<string, any>[] = [];
  const raw: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(
      { METRICS_TOKEN, LOG_LEVEL: 'info' },
      {
        logStream: {
          write(line: string) {
            raw.push(line);
            lines.push(JSON.parse(line));
          },
        },
      },
    );
  });
  afterAll(async () => server?.close());

  const scrape = async (headers: Record<string, string> = { authorization: `Bearer ${METRICS_TOKEN}` }) => {
    const res = await fetch(`${server.url}/metrics`, { headers });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('refuses /metrics without the configured bearer token', async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: 'Bearer wrong-token-wrong-token-xx' })).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts GraphQL operations by name, type and outcome, with latency histograms', async () => {
    const reporting = server.as('reporting');
    for (let i = 0; i < 3; i++) expect((await reporting(STATS)).errors).toBeUndefined();
    await server.gql('{ me { id } }');
    // A role that may not read reports: counted under its error code.
    expect((await server.as('auditor')(STATS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const syntax = await server.post({ query: '{ nope' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

    const { text } = await scrape();
    expect(sample(text, 'custos_graphql_operations_total', { operation: 'CustomerStats', type: 'query', code: 'OK' })).toBe(3);
    expect(sample(text, 'custos_graphql_operations_total', { operation: 'CustomerStats', type: 'query', code: 'FORBIDDEN' })).toBe(1);
    expect(sample(text, 'custos_graphql_operations_total', { operation: 'anonymous', type: 'query', code: 'OK' })).toBe(1);
    expect(sample(text, 'custos_graphql_operations_total', { operation: 'unknown', type: 'unknown', code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(sample(text, 'custos_graphql_operation_duration_seconds_count', { operation: 'CustomerStats', type: 'query' })).toBe(4);
    expect(sample(text, 'custos_graphql_operation_duration_seconds_bucket', { operation: 'CustomerStats', type: 'query', le: '+Inf' })).toBe(4);
    expect(sample(text, 'custos_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'custos_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'custos_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('shows the age of the oldest due queued job by kind, and running jobs', async () => {
    await server.db.query(`insert into job (kind, run_after) values ('BACKUP', now() - interval '90 seconds'), ('BACKUP', now())`);
    // Not due yet: no lag, not counted as waiting.
    await server.db.query(`insert into job (kind, run_after) values ('REINDEX_SEARCH', now() + interval '1 hour')`);
    await server.db.query(`insert into job (kind, state, started_at) values ('DETECT_DUPLICATES', 'RUNNING', now())`);
    const { text } = await scrape();
    expect(sample(text, 'custos_job_queue_lag_seconds', { kind: 'BACKUP' })).toBeGreaterThanOrEqual(90);
    expect(sample(text, 'custos_job_queue_lag_seconds', { kind: 'BACKUP' })).toBeLessThan(200);
    expect(sample(text, 'custos_jobs_queued', { kind: 'BACKUP' })).toBe(2);
    expect(sample(text, 'custos_job_queue_lag_seconds', { kind: 'REINDEX_SEARCH' })).toBe(0);
    expect(sample(text, 'custos_jobs_queued', { kind: 'REINDEX_SEARCH' })).toBe(0);
    expect(sample(text, 'custos_jobs_running', { kind: 'DETECT_DUPLICATES' })).toBe(1);
    expect(sample(text, 'custos_jobs_running', { kind: 'BACKUP' })).toBe(0);
  });

  it('shows the search outbox backlog and the age of its oldest row', async () => {
    let { text } = await scrape();
    expect(sample(text, 'custos_search_outbox_backlog')).toBe(0);
    expect(sample(text, 'custos_search_outbox_lag_seconds')).toBe(0);
    await server.db.query(`insert into search_outbox (customer_id, created_at) values (1, clock_timestamp() - interval '30 seconds'), (2, clock_timestamp())`);
    ({ text } = await scrape());
    expect(sample(text, 'custos_search_outbox_backlog')).toBe(2);
    expect(sample(text, 'custos_search_outbox_lag_seconds')).toBeGreaterThanOrEqual(30);
  });

  it('still answers when a database-backed metric cannot be read, and counts that', async () => {
    await server.db.query(`alter table search_outbox rename to search_outbox_gone`);
    try {
      const { status, text } = await scrape();
      expect(status).toBe(200);
      expect(sample(text, 'custos_search_outbox_backlog')).toBeNaN();
      expect(sample(text, 'custos_metrics_collect_errors_total', { source: 'custos_search_outbox_backlog' })).toBe(1);
      expect(sample(text, 'custos_jobs_queued', { kind: 'BACKUP' })).toBe(2);
      expect(sample(text, 'custos_process_resident_memory_bytes')).toBeGreaterThan(0);
    } finally {
      await server.db.query(`alter table search_outbox_gone rename to search_outbox`);
    }
  });

  it('logs one JSON line per operation with the request id, operation and user, never variable values', async () => {
    const requestId = 'trace-abc-12345678';
    const secret = 'Secret-Filter-Value-42';
    const token = await server.tokenFor('reporting');
    const res = await server.post(
      { query: STATS, variables: { filter: { search: secret } } },
      { authorization: `Bearer ${token}`, 'x-request-id': requestId },
    );
    expect(res.body.errors).toBeUndefined();
    const mine = lines.filter((l) => l.reqId === requestId);
    const ops = mine.filter((l) => l.msg === 'graphql operation');
    expect(ops).toHaveLength(1);
    expect(ops[0]!.graphql).toMatchObject({ operation: 'CustomerStats', type: 'query', errorCodes: [], userId: server.users.reporting, persisted: false });
    expect(typeof ops[0]!.graphql.durationMs).toBe('number');
    // Fastify's own request lines share the id.
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(raw.some((line) => line.includes(secret))).toBe(false);
  });

  it('logs error codes, and keeps GET query strings (variables) out of the log', async () => {
    const secret = 'get-secret-9876';
    const query = encodeURIComponent('query Count($x: String) { customers(filter: { search: $x }) { totalCount } }');
    const variables = encodeURIComponent(JSON.stringify({ x: secret }));
    await fetch(`${server.url}/graphql?query=${query}&variables=${variables}`, {
      headers: { 'x-request-id': 'get-request-0001', 'apollo-require-preflight': 'true' },
    });
    const line = lines.find((l) => l.reqId === 'get-request-0001' && l.msg === 'graphql operation');
    expect(line?.graphql).toMatchObject({ operation: 'Count', errorCodes: ['UNAUTHENTICATED'], userId: null });
    expect(raw.some((l) => l.includes(secret))).toBe(false);
  });

  it('masks an unexpected error for the client, with the request id, and logs its stack under that id', async () => {
    // Break what archiveStats reads, so its resolver fails in a way no code maps.
    await server.db.query(`alter table archive.customer rename to customer_gone`);
    try {
      const requestId = 'masked-error-0001';
      const res = await server.post(
        { query: 'query ArchiveStats { archiveStats { customers } }' },
        { authorization: `Bearer ${await server.tokenFor('reporting')}`, 'x-request-id': requestId },
      );
      expect(res.body.errors).toEqual([
        expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }),
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/customer|relation|select/i);
      const logged = lines.filter((l) => l.reqId === requestId && l.msg === 'unexpected error in a GraphQL operation');
      expect(logged).toHaveLength(1);
      expect(logged[0]!.level).toBe(50);
      expect(logged[0]!.err.stack).toMatch(/archive\.customer/);
      const op = lines.find((l) => l.reqId === requestId && l.msg === 'graphql operation');
      expect(op?.graphql.errorCodes).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await server.db.query(`alter table archive.customer_gone rename to customer`);
    }
  });
});

describe('job logs', () => {
  it('name the job id and kind on every line about a job', async () => {
    const server = await startTestServer();
    const logged: { message: string; fields?: JobLogFields }[] = [];
    const worker = startWorker(server, {}, (message, fields) => logged.push({ message, fields }));
    try {
      const [job] = await server.db.query<{ id: string }>(`insert into job (kind) values ('NOT_A_KIND') returning id::text`);
      expect((await waitForJob(server.db, job!.id)).state).toBe('FAILED');
      const mine = logged.filter((l) => l.fields?.jobId === job!.id);
      expect(mine.map((l) => l.fields)).toEqual([
        { jobId: job!.id, kind: 'NOT_A_KIND' },
        { jobId: job!.id, kind: 'NOT_A_KIND', failed: true },
      ]);
      expect(mine[1]!.message).toMatch(/no handler for job kind NOT_A_KIND/);
    } finally {
      await worker.stop();
      await server.close();
    }
  });
});

describe('metrics access and label bounds', () => {
  const bare = async (env: Record<string, string>) => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/x', JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, ...env });
    const app = Fastify();
    const metrics = createMetrics({} as never);
    metrics.registry.clear();
    registerMetrics(app, config, metrics);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      return (await fetch(`${url}/metrics`)).status;
    } finally {
      await app.close();
    }
  };

  it('is open in development, and not served in production without METRICS_TOKEN', async () => {
    expect(await bare({ NODE_ENV: 'development' })).toBe(200);
    expect(await bare({ NODE_ENV: 'production' })).toBe(404);
    expect(await bare({ NODE_ENV: 'production', METRICS_TOKEN })).toBe(401);
  });

  it('refuses a short METRICS_TOKEN at start', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 24 characters/);
  });

  it('keeps registered names, caps other names and buckets anonymous and unresolved documents', () => {
    const names = new OperationNames(new Set(['CustomerStats']), 2);
    expect(names.label('A', true)).toBe('A');
    expect(names.label('B', true)).toBe('B');
    expect(names.label('C', true)).toBe('other');
    expect(names.label('A', true)).toBe('A');
    expect(names.label('CustomerStats', true)).toBe('CustomerStats');
    expect(names.label(null, true)).toBe('anonymous');
    expect(names.label('Whatever', false)).toBe('unknown');
  });
});
