import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startTracing, traceLogFields, type Tracing } from '../src/telemetry/tracing.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { dbId } from './helpers/global-ids.js';

/**
 * Tracing end to end with the SDK's in-memory exporter: one request that queues a job
 * gives HTTP → GraphQL → SQL → job (→ SQL) spans in one trace, the client's `traceparent`
 * is honoured, every log line of the request and of the job carries the trace id, and
 * without an exporter nothing is recorded while trace ids still flow.
 */

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CLIENT_SPAN}-01`;
const SECRET_NAME = 'Traced Customer Ltd 秘密';

const spanId = (span: ReadableSpan) => span.spanContext().spanId;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

const originalQuery = pg.Client.prototype.query;

describe('tracing with an exporter', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let server: TestServer;
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    tracing = startTracing(loadConfig({ NODE_ENV: 'test' }), { exporter, immediate: true });
    server = await startTestServer({ LOG_LEVEL: 'info' }, { logStream: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  });
  afterAll(async () => {
    await server?.close();
    await tracing?.shutdown();
  });

  it('puts one request’s HTTP, GraphQL, SQL and job spans in the client’s trace', async () => {
    const token = await server.tokenFor('admin');
    const res = await server.post(
      {
        query: `mutation Traced($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } detectDuplicates { job { id } } }`,
        variables: { input: { name: SECRET_NAME, type: 'SMB' } },
        operationName: 'Traced',
      },
      { authorization: `Bearer ${token}`, traceparent: TRACEPARENT },
    );
    expect(res.body.errors).toBeUndefined();
    const jobId = dbId(res.body.data.detectDuplicates.job.id as string);

    const workerLog: { message: string; trace: ReturnType<typeof traceLogFields> }[] = [];
    const worker = startWorker(server, {}, (message, fields) => {
      if (fields?.jobId === jobId) workerLog.push({ message, trace: traceLogFields() });
    });
    try {
      expect((await waitForJob(server.db, jobId, undefined, 120_000)).state).toBe('SUCCEEDED');
      // The job's span ends after its last batch is written; wait for it, not for time.
      const deadline = Date.now() + 30_000;
      while (!exporter.getFinishedSpans().some((s) => s.name === 'job DETECT_DUPLICATES') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await worker.stop();
    }
    await tracing.flush();
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === TRACE_ID);

    const http = spans.find((s) => s.kind === SpanKind.SERVER);
    expect(http?.name).toBe('POST /graphql');
    expect(parentOf(http!)).toBe(CLIENT_SPAN);
    expect(http!.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 });

    const graphql = spans.find((s) => s.name === 'mutation Traced');
    expect(graphql).toBeDefined();
    expect(parentOf(graphql!)).toBe(spanId(http!));
    expect(graphql!.attributes).toMatchObject({ 'graphql.operation.type': 'mutation', 'graphql.operation.name': 'Traced' });

    const requestSql = spans.filter((s) => s.kind === SpanKind.CLIENT && parentOf(s) === spanId(graphql!));
    expect(requestSql.map((s) => s.name)).toEqual(expect.arrayContaining(['INSERT', 'SELECT']));
    expect(requestSql.find((s) => /insert into job/i.test(String(s.attributes['db.query.text'])))).toBeDefined();

    const job = spans.find((s) => s.name === 'job DETECT_DUPLICATES');
    expect(job).toBeDefined();
    expect(job!.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(job!)).toBe(spanId(graphql!));
    expect(job!.attributes).toMatchObject({ 'custos.job.id': jobId, 'custos.job.kind': 'DETECT_DUPLICATES' });
    const jobSql = spans.filter((s) => s.kind === SpanKind.CLIENT && parentOf(s) === spanId(job!));
    expect(jobSql.length).toBeGreaterThan(0);

    // Values never reach a span: bound parameters are not recorded, inline literals are masked.
    for (const span of exporter.getFinishedSpans()) expect(JSON.stringify(span.attributes)).not.toContain('Traced Customer');

    // Every log line of the request, and every line the worker wrote about the job.
    const requestLines = lines.filter((l) => l.reqId && lines.some((m) => m.reqId === l.reqId && m.graphql?.operation === 'Traced'));
    expect(requestLines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'graphql operation', 'request completed']));
    for (const line of requestLines) expect(line.traceId).toBe(TRACE_ID);
    expect(workerLog.length).toBeGreaterThanOrEqual(2);
    for (const entry of workerLog) expect(entry.trace.traceId).toBe(TRACE_ID);
  }, 180_000);

  it('starts a trace of its own for a request without traceparent, and marks failed operations', async () => {
    exporter.reset();
    const res = await server.post({ query: `query Forbidden { customers(first: 1) { totalCount } }` }, {});
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await tracing.flush();
    const graphql = exporter.getFinishedSpans().find((s) => s.name === 'query Forbidden');
    expect(graphql).toBeDefined();
    expect(graphql!.status.code).toBe(2);
    expect(graphql!.attributes['graphql.error.codes']).toEqual(['UNAUTHENTICATED']);
    const http = exporter.getFinishedSpans().find((s) => s.spanContext().spanId === parentOf(graphql!));
    expect(http?.parentSpanContext).toBeUndefined();
    expect(graphql!.spanContext().traceId).not.toBe(TRACE_ID);
  });
});

describe('tracing without an exporter (the default)', () => {
  let tracing: Tracing;
  let server: TestServer;
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    tracing = startTracing(loadConfig({ NODE_ENV: 'test' }));
    server = await startTestServer({ LOG_LEVEL: 'info' }, { logStream: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  });
  afterAll(async () => {
    await server?.close();
    await tracing?.shutdown();
  });

  it('records no span and leaves the driver alone, yet logs the trace id and hands it to the job', async () => {
    expect(tracing.recording).toBe(false);
    expect(pg.Client.prototype.query).toBe(originalQuery);
    const res = await server.post(
      { query: `mutation Untraced { detectDuplicates { job { id } } }`, operationName: 'Untraced' },
      { authorization: `Bearer ${await server.tokenFor('admin')}`, traceparent: TRACEPARENT },
    );
    expect(res.body.errors).toBeUndefined();
    const jobId = dbId(res.body.data.detectDuplicates.job.id as string);
    const [row] = await server.db.query<{ trace_parent: string }>(`select trace_parent from job where id = $1`, [jobId]);
    // Same trace, unsampled (the sampler records nothing without an exporter).
    expect(row!.trace_parent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
    const mine = lines.filter((l) => l.graphql?.operation === 'Untraced');
    expect(mine).toHaveLength(1);
    for (const line of lines.filter((l) => l.reqId === mine[0]!.reqId)) expect(line.traceId).toBe(TRACE_ID);
  });
});
