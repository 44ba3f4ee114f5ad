import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer } from './helpers/fixtures.js';
import { dbId } from './helpers/global-ids.js';
import { schedulePurge } from './helpers/purge.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { testConfig } from './helpers/jobs.js';
import { createRequestContext } from '../src/core/context.js';
import { TokenSigner } from '../src/core/tokens.js';
import { recycleBinSchedule, retentionSchedule } from '../src/modules/retention/retention.service.js';

/**
 * A job the server queued on its own says why as a code (`Job.reasonCode`), for clients
 * to put in their own words; `params.reason` keeps the English text for API clients, and
 * a reason a person typed has no code. Jobs queued before codes were stored get theirs
 * from the server's known texts. No worker runs: each job is read queued, then cancelled
 * (one sweep at a time).
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const JOB = `query($id: ID!) { job(id: $id) { kind state reasonCode params } }`;
const LATEST_SWEEP = `{ jobs(first: 1, filter: { kind: [RETENTION_SWEEP] }) { nodes { id } } }`;

async function read(id: string) {
  const res = await server.gql(JOB, { id });
  expect(res.errors).toBeUndefined();
  return res.data.job as { kind: string; state: string; reasonCode: string | null; params: Record<string, unknown> };
}

async function cancel(id: string) {
  const res = await server.gql(`mutation($id: ID!) { cancelJob(input: { id: $id }) { job { state } } }`, { id });
  expect(res.errors).toBeUndefined();
}

async function latestSweep(): Promise<string> {
  const res = await server.gql(LATEST_SWEEP);
  expect(res.errors).toBeUndefined();
  return res.data.jobs.nodes[0].id;
}

function systemContext(name: string) {
  const config = testConfig(server.db);
  return createRequestContext(server.db.orm, config, new TokenSigner(config.JWT_SECRET!, 60), name);
}

describe('Job.reasonCode', () => {
  it('codes a sweep started without a reason, and gives none to a typed reason', async () => {
    const plain = await server.gql(`mutation { runRetentionSweep { job { id } } }`);
    expect(plain.errors).toBeUndefined();
    const id = plain.data.runRetentionSweep.job.id;
    expect(await read(id)).toMatchObject({ reasonCode: 'RETENTION_PERIOD_ENDED', params: { reason: 'retention period ended' } });
    await cancel(id);

    const typed = await server.gql(`mutation { runRetentionSweep(input: { reason: "year-end clean-up" }) { job { id } } }`);
    expect(typed.errors).toBeUndefined();
    const typedId = typed.data.runRetentionSweep.job.id;
    expect(await read(typedId)).toMatchObject({ reasonCode: null, params: { reason: 'year-end clean-up' } });
    await cancel(typedId);
  });

  it('codes the retention schedule and the recycle bin schedule', async () => {
    await retentionSchedule('* * * * *')(systemContext('retention-schedule-test'));
    const scheduled = await latestSweep();
    expect(await read(scheduled)).toMatchObject({ reasonCode: 'SCHEDULED_RETENTION', params: { reason: 'scheduled: retention period ended' } });
    await cancel(scheduled);

    const code = 'REASON-BIN-1';
    const id = await insertCustomer(server.db, { code, name: 'Reason Bin Ltd', status: 'VOID' });
    const purge = await schedulePurge(server, id, code);
    expect(purge.errors).toBeUndefined();
    await server.db.query(`update purge_schedule set due_at = now() - interval '1 second' where id = $1`, [dbId(purge.data.purgeCustomer.scheduledPurge.id)]);
    await recycleBinSchedule('* * * * *')(systemContext('bin-schedule-test'));
    const bin = await latestSweep();
    expect(bin).not.toBe(scheduled);
    const job = await read(bin);
    expect(job).toMatchObject({ reasonCode: 'SCHEDULED_RECYCLE_BIN', params: { reason: 'scheduled: recycle bin countdown ended', scope: 'RECYCLE_BIN' } });

    // A job queued before codes were stored: the code comes from the server's known text.
    await server.db.query(`update job set params = params - 'reasonCode' where id = $1`, [dbId(bin)]);
    expect((await read(bin)).reasonCode).toBe('SCHEDULED_RECYCLE_BIN');
    await cancel(bin);
  });

  it('codes an archive policy run, naming the policy in params', async () => {
    const created = await server.gql(
      `mutation { createArchivePolicy(input: { name: "Dormant shops", action: ARCHIVE_CUSTOMERS, criteria: { tags: ["reason-none"] } }) { policy { id } } }`,
    );
    expect(created.errors).toBeUndefined();
    const run = await server.gql(`mutation($id: ID!) { runArchivePolicy(input: { id: $id }) { job { id } } }`, { id: created.data.createArchivePolicy.policy.id });
    expect(run.errors).toBeUndefined();
    const job = await read(run.data.runArchivePolicy.job.id);
    expect(job).toMatchObject({ kind: 'ARCHIVE_POLICY_RUN', reasonCode: 'ARCHIVE_POLICY', params: { policyName: 'Dormant shops', reason: 'archive policy "Dormant shops"' } });
    await cancel(run.data.runArchivePolicy.job.id);
  });
});
