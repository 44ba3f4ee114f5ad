import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { JobWorker } from '../src/modules/job/job.worker.js';
import { insertCustomer } from './helpers/fixtures.js';
import { seedCustomers, startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { dbId, gid } from './helpers/global-ids.js';

/** Background jobs end to end: queued over GraphQL, run by a real worker on the same
 * database, checked in the tables they move. */

let server: TestServer;
const workers: JobWorker[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await server.close();
});

const worker = (env: Record<string, string> = {}) => {
  const w = startWorker(server, { ARCHIVE_BATCH_SIZE: '7', ...env });
  workers.push(w);
  return w;
};
const one = async <T extends Record<string, any>>(sql: string, params: unknown[] = []) => (await server.db.query<T>(sql, params))[0]!;
const n = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(sql, params)).n;

const CREATE = `mutation($input: CreateArchivePolicyInput!) { createArchivePolicy(input: $input) { policy { id version } } }`;
const PREVIEW = `query($input: PreviewArchivePolicyInput!) { previewArchivePolicy(input: $input) { customerCount interactionCount } }`;
const RUN = `mutation($id: ID!) { runArchivePolicy(input: { id: $id }) { job { id kind state } } }`;
const JOB = `query($id: ID!) { job(id: $id) { id kind state progress { done total } result error createdBy { id } startedAt finishedAt } }`;

async function createPolicy(input: Record<string, unknown>): Promise<string> {
  const res = await server.gql(CREATE, { input });
  expect(res.errors).toBeUndefined();
  return dbId(res.data.createArchivePolicy.policy.id);
}

describe('archive policy runs', () => {
  it('moves exactly what the preview counted, in batches, audited per customer, with the job visible over GraphQL', async () => {
    await seedCustomers(server.db, 30, { tag: 'run-dormant', perCustomer: 4, ageDays: 800 });
    await seedCustomers(server.db, 5, { tag: 'run-recent', perCustomer: 2, ageDays: 5, lastInteractionDaysAgo: 1 });
    const id = await createPolicy({ name: 'Run dormant', action: 'ARCHIVE_CUSTOMERS', criteria: { tags: ['run-dormant', 'run-recent'], inactiveDays: 365 }, retentionDays: 10 });
    const preview = (await server.gql(PREVIEW, { input: { id } })).data.previewArchivePolicy;
    expect(preview).toEqual({ customerCount: 30, interactionCount: 120 });

    const queued = await server.as('manager')(RUN, { id });
    expect(queued.errors).toBeUndefined();
    const jobId = dbId(queued.data.runArchivePolicy.job.id);
    expect(queued.data.runArchivePolicy.job).toMatchObject({ kind: 'ARCHIVE_POLICY_RUN', state: 'QUEUED' });
    // A second "run now" while the first is queued is refused, not doubled.
    const again = await server.gql(RUN, { id });
    expect(again.errors![0]!.extensions!.code).toBe('INVALID_STATE');

    worker();
    await waitForJob(server.db, jobId);
    const job = (await server.gql(JOB, { id: jobId })).data.job;
    expect(job).toMatchObject({
      state: 'SUCCEEDED',
      progress: { done: 30, total: 30 },
      result: { policyId: id, customers: 30, interactions: 120 },
      error: null,
      createdBy: { id: gid('User', server.users.manager) },
    });
    expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));

    expect(await n(`select count(*)::int as n from archive.customer where tags @> array['run-dormant']`)).toBe(30);
    expect(await n(`select count(*)::int as n from customer where tags && array['run-dormant', 'run-recent']`)).toBe(5);
    expect(await n(`select count(*)::int as n from archive.interaction ai join archive.customer c on c.id = ai.customer_id where c.tags @> array['run-dormant']`)).toBe(120);
    expect(await n(`select count(*)::int as n from archive.customer where archive_policy_id = $1 and retain_until between now() + interval '9 days' and now() + interval '10 days'`, [id])).toBe(30);
    // One CUSTOMER_ARCHIVED per customer, attributed to the manager who started the run.
    expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_ARCHIVED' and changes->'policyId'->>'to' = $1 and actor_id = $2`, [id, server.users.manager])).toBe(30);
    expect(await n(`select count(*)::int as n from audit_event where action = 'JOB_SUCCEEDED' and entity_id = $1`, [jobId])).toBe(1);
    const verify = await server.gql(`{ verifyArchive { ok checkedCustomers mismatches { __typename } } }`);
    expect(verify.data.verifyArchive).toMatchObject({ ok: true, mismatches: [] });
  });

  it('archives only old interactions with ARCHIVE_INTERACTIONS, leaving the customers live', async () => {
    await seedCustomers(server.db, 6, { tag: 'run-old-calls', perCustomer: 5, ageDays: 900, lastInteractionDaysAgo: 100 });
    // Interactions at 99.5..103.5 days ago (off the day boundary); older than 102 days: 2 per customer.
    await server.db.query(`update interaction i set occurred_at = occurred_at + interval '12 hours' from customer c where c.id = i.customer_id and c.tags @> array['run-old-calls']`);
    const id = await createPolicy({ name: 'Old calls', action: 'ARCHIVE_INTERACTIONS', interactionsOlderThanDays: 102, criteria: { tags: ['run-old-calls'] } });
    const preview = (await server.gql(PREVIEW, { input: { id } })).data.previewArchivePolicy;
    expect(preview).toEqual({ customerCount: 6, interactionCount: 12 });
    const before = await server.db.query(`select id, last_interaction_at from customer where tags @> array['run-old-calls'] order by id`);
    worker();
    const jobId = dbId((await server.gql(RUN, { id })).data.runArchivePolicy.job.id);
    const job = await waitForJob(server.db, jobId);
    expect(job).toMatchObject({ state: 'SUCCEEDED', result: { customers: 6, interactions: 12 } });
    expect(await server.db.query(`select id, last_interaction_at from customer where tags @> array['run-old-calls'] order by id`)).toEqual(before);
    expect(await n(`select count(*)::int as n from interaction i join customer c on c.id = i.customer_id where c.tags @> array['run-old-calls']`)).toBe(18);
  });

  it('SALES, SUPPORT and AUDITOR cannot start runs; nothing is queued', async () => {
    const id = await createPolicy({ name: 'Forbidden run', action: 'ARCHIVE_CUSTOMERS', criteria: { tags: ['nobody'] } });
    const before = await n(`select count(*)::int as n from job`);
    for (const user of ['sales1', 'support', 'auditor', 'reporting'] as const) {
      const res = await server.as(user)(RUN, { id });
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect(await n(`select count(*)::int as n from job`)).toBe(before);
  });
});

describe('cancel', () => {
  it('cancels a queued job at once and a running one between batches, keeping what is done', async () => {
    await seedCustomers(server.db, 60, { tag: 'run-cancel', perCustomer: 1, ageDays: 800 });
    const id = await createPolicy({ name: 'Cancel me', action: 'ARCHIVE_CUSTOMERS', criteria: { tags: ['run-cancel'] } });
    const queued = dbId((await server.gql(RUN, { id })).data.runArchivePolicy.job.id);
    const cancelled = await server.gql(`mutation($id: ID!) { cancelJob(input: { id: $id }) { job { state } } }`, { id: queued });
    expect(cancelled.data.cancelJob.job.state).toBe('CANCELLED');
    const twice = await server.gql(`mutation($id: ID!) { cancelJob(input: { id: $id }) { job { state } } }`, { id: queued });
    expect(twice.errors![0]!.extensions!.code).toBe('INVALID_STATE');

    // Slow batches of 2 so the run is surely in flight when the cancel arrives.
    worker({ ARCHIVE_BATCH_SIZE: '2', JOB_BATCH_PAUSE_MS: '40' });
    const running = dbId((await server.gql(RUN, { id })).data.runArchivePolicy.job.id);
    await waitForJob(server.db, running, ['RUNNING']);
    const asked = await server.gql(`mutation($id: ID!) { cancelJob(input: { id: $id }) { job { state cancelRequested } } }`, { id: running });
    expect(asked.data.cancelJob.job).toEqual({ state: 'RUNNING', cancelRequested: true });
    const job = await waitForJob(server.db, running);
    expect(job.state).toBe('CANCELLED');
    const moved = await n(`select count(*)::int as n from archive.customer where tags @> array['run-cancel']`);
    expect(moved).toBe(Number(job.progress_done));
    expect(moved).toBeLessThan(60);
    expect(moved + (await n(`select count(*)::int as n from customer where tags @> array['run-cancel']`))).toBe(60);
  });
});

describe('lifecycle classification', () => {
  it('sets stages from activity, leaves manual overrides alone, and audits each change', async () => {
    const recent = await insertCustomer(server.db, { name: 'Stage new', tags: ['stage'] });
    const [active, inactive, churned, manual] = await Promise.all(
      ['active', 'inactive', 'churned', 'manual'].map((name) => insertCustomer(server.db, { name: `Stage ${name}`, tags: ['stage'] })),
    );
    await server.db.query(`update customer set lifecycle_stage = 'NEW' where tags @> array['stage']`);
    await server.db.query(`update customer set created_at = now() - interval '1000 days' where tags @> array['stage'] and id <> $1`, [recent]);
    await server.db.query(`update customer set last_interaction_at = now() - interval '10 days' where id = $1`, [active]);
    await server.db.query(`update customer set last_interaction_at = now() - interval '200 days' where id = $1`, [inactive]);
    await server.db.query(`update customer set last_interaction_at = now() - interval '500 days' where id in ($1, $2)`, [churned, manual]);
    await server.db.query(`update customer set stage_override = true, lifecycle_stage = 'ACTIVE' where id = $1`, [manual]);

    worker();
    const res = await server.as('manager')(`mutation { classifyLifecycleStages(input: { activeDays: 90, inactiveDays: 365 }) { job { id kind } } }`);
    expect(res.errors).toBeUndefined();
    const job = await waitForJob(server.db, res.data.classifyLifecycleStages.job.id);
    expect(job.state).toBe('SUCCEEDED');
    const stages = Object.fromEntries(
      (await server.db.query<{ id: string; stage: string }>(`select id::text, lifecycle_stage as stage from customer where tags @> array['stage']`)).map((r) => [r.id, r.stage]),
    );
    expect(stages).toEqual({ [recent]: 'NEW', [active]: 'ACTIVE', [inactive]: 'INACTIVE', [churned]: 'CHURNED', [manual]: 'ACTIVE' });
    expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_STAGE_CLASSIFIED' and entity_id = any($1)`, [[recent, active, inactive, churned, manual]])).toBe(3);
    const bad = await server.gql(`mutation { classifyLifecycleStages(input: { activeDays: 400, inactiveDays: 300 }) { job { id } } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'inactiveDays' }] });
  });
});

describe('retention sweep', () => {
  const PREVIEW_SWEEP = `{ previewRetentionSweep { customerCount interactionCount heldCount sample { id code } } }`;

  it('previews, then purges only archived customers past retention and not held, with tombstones', async () => {
    await seedCustomers(server.db, 9, { tag: 'retention', perCustomer: 2, ageDays: 3000 });
    const policy = await createPolicy({ name: 'Retention fixture', action: 'ARCHIVE_CUSTOMERS', criteria: { tags: ['retention'] } });
    worker();
    await waitForJob(server.db, (await server.gql(RUN, { id: policy })).data.runArchivePolicy.job.id);
    const ids = (await server.db.query<{ id: string }>(`select a.id::text from archive.customer a where a.tags @> array['retention'] order by a.id`)).map((r) => r.id);
    expect(ids).toHaveLength(9);
    // Six expired, one of them held; three still within retention.
    await server.db.query(`update archive.customer set retain_until = now() - interval '1 day' where id = any($1::bigint[])`, [ids.slice(0, 6)]);
    await server.gql(`mutation($id: ID!) { setLegalHold(input: { id: $id, hold: true, reason: "litigation" }) { customer { id } } }`, { id: ids[0] });

    const preview = await server.gql(PREVIEW_SWEEP);
    expect(preview.errors).toBeUndefined();
    expect(preview.data.previewRetentionSweep).toMatchObject({ customerCount: 5, interactionCount: 10, heldCount: 1 });
    expect(preview.data.previewRetentionSweep.sample.map((c: { id: string }) => c.id)).toEqual(ids.slice(1, 6).map((id) => gid('ArchivedCustomer', id)));
    expect(await n(`select count(*)::int as n from archive.customer where tags @> array['retention']`)).toBe(9);

    for (const user of ['manager', 'sales1', 'support', 'auditor'] as const) {
      expect((await server.as(user)(PREVIEW_SWEEP)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await server.as(user)(`mutation { runRetentionSweep { job { id } } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const run = await server.gql(`mutation { runRetentionSweep(input: { reason: "yearly sweep" }) { job { id kind } } }`);
    expect(run.errors).toBeUndefined();
    const job = await waitForJob(server.db, run.data.runRetentionSweep.job.id);
    expect(job).toMatchObject({ state: 'SUCCEEDED', result: { customers: 5, interactions: 10 } });
    const left = (await server.db.query<{ id: string }>(`select a.id::text from archive.customer a where a.tags @> array['retention'] order by a.id`)).map((r) => r.id);
    expect(left).toEqual([ids[0], ...ids.slice(6)]);
    expect(await n(`select count(*)::int as n from archive.interaction where customer_id = any($1::bigint[])`, [ids.slice(1, 6)])).toBe(0);
    const tombstones = await server.db.query<{ reason: string; changes: any }>(
      `select reason, changes from audit_event where action = 'CUSTOMER_PURGED' and entity_id = any($1) order by entity_id`,
      [ids.slice(1, 6)],
    );
    expect(tombstones).toHaveLength(5);
    expect(tombstones[0]).toMatchObject({ reason: 'yearly sweep', changes: { status: { from: 'ARCHIVED', to: null }, interactions: { from: 2, to: 0 } } });
    expect(JSON.stringify(tombstones)).not.toContain('Customer retention');
  });
});

describe('schedules', () => {
  it('queues a due slot exactly once even with several workers polling', async () => {
    await seedCustomers(server.db, 4, { tag: 'scheduled', perCustomer: 1, ageDays: 800 });
    const id = await createPolicy({ name: 'Nightly', action: 'ARCHIVE_CUSTOMERS', criteria: { tags: ['scheduled'] }, schedule: '0 3 * * *' });
    await server.db.query(`update archive_policy set next_run_at = now() - interval '1 minute' where id = $1`, [id]);
    for (let i = 0; i < 3; i++) worker();
    const deadline = Date.now() + 10_000;
    while ((await n(`select count(*)::int as n from job where params->>'policyId' = $1 and state = 'SUCCEEDED'`, [id])) < 1) {
      if (Date.now() > deadline) throw new Error('the scheduled run did not happen');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Let the workers poll a few more times: the slot must not fire again.
    await new Promise((r) => setTimeout(r, 400));
    expect(await n(`select count(*)::int as n from job where params->>'policyId' = $1`, [id])).toBe(1);
    const job = await one<{ created_by: string | null; dedupe_key: string }>(`select created_by, dedupe_key from job where params->>'policyId' = $1`, [id]);
    expect(job.created_by).toBeNull();
    expect(job.dedupe_key).toMatch(new RegExp(`^policy:${id}:`));
    const next = await one<{ next: Date }>(`select next_run_at as next from archive_policy where id = $1`, [id]);
    expect(next.next.getTime()).toBeGreaterThan(Date.now());
    expect(await n(`select count(*)::int as n from archive.customer where tags @> array['scheduled']`)).toBe(4);
  });
});
