import type { JobKind, JobState } from './job.enums.js';

/** A job row as read by the queue: timestamps stay PostgreSQL text, counts are numbers. */
export interface JobRecord<P = Record<string, unknown>> {
  id: string;
  kind: JobKind;
  state: JobState;
  params: P;
  progressDone: number;
  progressTotal: number | null;
  result: Record<string, unknown> | null;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string | null;
  attempts: number;
  cancelRequested: boolean;
  dedupeKey: string | null;
  /** The W3C traceparent of the request that queued it (src/telemetry), if traced. */
  traceParent: string | null;
}

export const JOB_COLUMNS = `
  j.id::text as id, j.kind, j.state, j.params, j.progress_done::float8 as "progressDone",
  j.progress_total::float8 as "progressTotal", j.result, j.error, j.created_by::text as "createdBy",
  j.created_at as "createdAt", j.started_at as "startedAt", j.finished_at as "finishedAt",
  j.heartbeat_at as "heartbeatAt", j.attempts, j.cancel_requested as "cancelRequested", j.dedupe_key as "dedupeKey",
  j.trace_parent as "traceParent"`;
