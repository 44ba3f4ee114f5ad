import { expect } from '@jest/globals';
import { rawId } from './global-ids.js';
import { startWorker, waitForJob } from './jobs.js';
import type { GraphQLResponse, TestServer } from './test-server.js';

/**
 * Purge is a countdown now (modules/recycle-bin): purgeCustomer puts the customer in the
 * bin, and the retention sweep carries out the purges past their date. Tests that need a
 * customer actually purged schedule it over GraphQL, move its date to now (the one thing
 * arranged in SQL: nobody waits PURGE_DELAY_DAYS), and run a real sweep with a real worker.
 */

export const SCHEDULE_PURGE = `mutation($id: ID!, $reason: String!, $confirm: String!) {
  purgeCustomer(input: { id: $id, reason: $reason, confirm: $confirm }) { scheduledPurge { id customerId code state dueAt } } }`;

export const PURGED_EXPORTS = `{ scheduledPurges(state: PURGED, first: 200) { nodes { id customerId code purgedAt export } purgedCount } }`;

/** Schedules the purge as the ADMIN user; returns the answer for the caller to check. */
export function schedulePurge(server: TestServer, id: string, confirm: string, reason = 'test purge'): Promise<GraphQLResponse> {
  return server.gql(SCHEDULE_PURGE, { id, reason, confirm });
}

/** Makes these scheduled purges due and runs one retention sweep to its end; returns the sweep's job row. */
export async function sweepNow(server: TestServer, scheduledIds: readonly string[], env: Record<string, string> = {}) {
  if (scheduledIds.length) await server.db.query(`update purge_schedule set due_at = now() - interval '1 second' where id = any($1::bigint[])`, [scheduledIds.map(rawId)]);
  const run = await server.gql(`mutation { runRetentionSweep(input: { reason: "test sweep" }) { job { id } } }`);
  expect(run.errors).toBeUndefined();
  const worker = startWorker(server, env);
  try {
    return await waitForJob(server.db, run.data.runRetentionSweep.job.id);
  } finally {
    await worker.stop();
  }
}

/** Schedules and carries out the purge of one customer; returns its export as the bin shows it to ADMIN. */
export async function purgeNowForTest(server: TestServer, id: string, confirm: string, reason = 'test purge'): Promise<Record<string, any>> {
  const scheduled = await schedulePurge(server, id, confirm, reason);
  expect(scheduled.errors).toBeUndefined();
  const job = await sweepNow(server, [scheduled.data.purgeCustomer.scheduledPurge.id]);
  expect(job.state).toBe('SUCCEEDED');
  const bin = await server.gql(PURGED_EXPORTS);
  expect(bin.errors).toBeUndefined();
  const row = bin.data.scheduledPurges.nodes.find((n: { id: string }) => n.id === scheduled.data.purgeCustomer.scheduledPurge.id);
  expect(row).toBeDefined();
  return row.export;
}
