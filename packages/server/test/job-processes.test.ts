import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedCustomers, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { buildCli, kill, spawnWorker, type WorkerProcess } from './helpers/worker-process.js';
import { dbId } from './helpers/global-ids.js';

/**
 * Jobs across real processes: two `jobs:work` processes share one database and never run
 * a job twice; a worker SIGKILLed at random points leaves every record in exactly one
 * store, and the next worker resumes from the last committed batch.
 */

let server: TestServer;
let cli: string;
const alive: WorkerProcess[] = [];
beforeAll(async () => {
  server = await startTestServer();
  cli = buildCli('job-processes');
});
afterAll(async () => {
  await Promise.all(alive.map((w) => kill(w)));
  await server.close();
});

const n = async (sql: string, params: unknown[] = []) => (await server.db.query<{ n: number }>(sql, params))[0]!.n;

async function createPolicy(name: string, tag: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await server.gql(`mutation($input: CreateArchivePolicyInput!) { createArchivePolicy(input: $input) { policy { id } } }`, {
    input: { name, action: 'ARCHIVE_CUSTOMERS', criteria: { tags: [tag] }, ...extra },
  });
  expect(res.errors).toBeUndefined();
  return dbId(res.data.createArchivePolicy.policy.id);
}

async function runPolicy(id: string): Promise<string> {
  const res = await server.gql(`mutation($id: ID!) { runArchivePolicy(input: { id: $id }) { job { id } } }`, { id });
  expect(res.errors).toBeUndefined();
  return dbId(res.data.runArchivePolicy.job.id);
}

describe('two worker processes on one database', () => {
  it('run every queued job and every scheduled slot exactly once', async () => {
    const jobs: string[] = [];
    for (let i = 0; i < 6; i++) {
      await seedCustomers(server.db, 40, { tag: `two-${i}`, perCustomer: 2, ageDays: 800 });
      jobs.push(await runPolicy(await createPolicy(`Two ${i}`, `two-${i}`)));
    }
    await seedCustomers(server.db, 10, { tag: 'two-scheduled', perCustomer: 1, ageDays: 800 });
    const scheduled = await createPolicy('Two scheduled', 'two-scheduled', { schedule: '*/5 * * * *' });
    await server.db.query(`update archive_policy set next_run_at = now() - interval '1 second' where id = $1`, [scheduled]);

    const env = { ARCHIVE_BATCH_SIZE: '5' };
    const workers = [spawnWorker(cli, server.db, env), spawnWorker(cli, server.db, env)];
    alive.push(...workers);
    for (const id of jobs) expect((await waitForJob(server.db, id, undefined, 60_000)).state).toBe('SUCCEEDED');
    const deadline = Date.now() + 30_000;
    while ((await n(`select count(*)::int as n from job where params->>'policyId' = $1 and state = 'SUCCEEDED'`, [scheduled])) === 0) {
      if (Date.now() > deadline) throw new Error('the scheduled slot never ran');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Both processes keep polling for a while longer: nothing may run again.
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all(workers.map((w) => kill(w, 'SIGTERM')));
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);

    expect(await n(`select count(*)::int as n from job where params->>'policyId' = $1`, [scheduled])).toBe(1);
    const all = [...jobs, ...(await server.db.query<{ id: string }>(`select id::text from job where params->>'policyId' = $1`, [scheduled])).map((r) => r.id)];
    expect(await n(`select count(*)::int as n from job where id = any($1::bigint[]) and attempts = 1 and state = 'SUCCEEDED'`, [all])).toBe(7);
    expect(await n(`select count(*)::int as n from audit_event where action = 'JOB_SUCCEEDED' and entity_id = any($1)`, [all])).toBe(7);
    // Every customer archived once, by exactly one batch.
    expect(await n(`select count(*)::int as n from archive.customer where tags[1] like 'two-%'`)).toBe(250);
    expect(await n(`select count(*)::int as n from customer where tags[1] like 'two-%'`)).toBe(0);
    expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_ARCHIVED'`)).toBe(250);
    expect(await n(`select count(distinct entity_id)::int as n from audit_event where action = 'CUSTOMER_ARCHIVED'`)).toBe(250);
    // The claims were spread over both processes' logs, each job claimed once.
    const claims = workers.flatMap((w) => w.lines.filter((l) => / claimed /.test(l)));
    expect(claims).toHaveLength(7);
    const chain = await server.gql(`{ verifyAuditChain { ok } }`);
    expect(chain.data.verifyAuditChain.ok).toBe(true);
  }, 120_000);
});

describe('a worker killed with SIGKILL at random points', () => {
  const CUSTOMERS = 3000;
  const PER = 3;
  const ROUNDS = 20;

  /** The invariants that must hold after any crash. */
  async function checkInvariants(tag: string, jobId: string): Promise<{ archived: number }> {
    const both = await n(`select count(*)::int as n from customer c join archive.customer a on a.id = c.id`);
    expect(both).toBe(0);
    const live = await n(`select count(*)::int as n from customer where tags @> array[$1]`, [tag]);
    const archived = await n(`select count(*)::int as n from archive.customer where tags @> array[$1]`, [tag]);
    expect(live + archived).toBe(CUSTOMERS);
    const interactions = await server.db.query<{ total: number; distinct: number; misplaced: number }>(
      `with all_i as (
         select i.id, i.customer_id, 'live' as store from interaction i join customer c on c.id = i.customer_id where c.tags @> array[$1]
         union all
         select ai.id, ai.customer_id, 'archive' from archive.interaction ai join archive.customer c on c.id = ai.customer_id where c.tags @> array[$1])
       select count(*)::int as total, count(distinct id)::int as distinct,
              (select count(*) from archive.interaction ai join customer c on c.id = ai.customer_id where c.tags @> array[$1])::int as misplaced
         from all_i`,
      [tag],
    );
    expect(interactions[0]).toEqual({ total: CUSTOMERS * PER, distinct: CUSTOMERS * PER, misplaced: 0 });
    // Progress is saved in the batch's own transaction: it always equals what moved.
    const [job] = await server.db.query<{ done: number }>(`select progress_done::int as done from job where id = $1`, [jobId]);
    expect(job!.done).toBe(archived);
    expect(await n(`select count(*)::int as n from audit_event where action = 'CUSTOMER_ARCHIVED' and entity_id in (select id::text from archive.customer where tags @> array[$1])`, [tag])).toBe(archived);
    return { archived };
  }

  it(`keeps every record in exactly one place across ${ROUNDS} kills, then finishes`, async () => {
    const tag = 'crash';
    await seedCustomers(server.db, CUSTOMERS, { tag, perCustomer: PER, ageDays: 900 });
    const jobId = await runPolicy(await createPolicy('Crash', tag));
    const env = { ARCHIVE_BATCH_SIZE: '15', JOB_MAX_ATTEMPTS: '100' };
    const killedAt: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const worker = spawnWorker(cli, server.db, env);
      alive.push(worker);
      const before = (await checkInvariants(tag, jobId)).archived;
      // Most kills land while batches are committing; some during start-up or the claim.
      if (Math.random() < 0.2) {
        await new Promise((r) => setTimeout(r, Math.random() * 1200));
      } else {
        // Generous: a new worker must start, notice the dead one's stale lease and resume.
        const deadline = Date.now() + 90_000;
        while ((await n(`select progress_done::int as n from job where id = $1`, [jobId])) <= before) {
          if (Date.now() > deadline) throw new Error(`round ${round}: the worker made no progress`);
          await new Promise((r) => setTimeout(r, 5));
        }
        await new Promise((r) => setTimeout(r, Math.random() * 40));
      }
      await kill(worker);
      const { archived } = await checkInvariants(tag, jobId);
      killedAt.push(archived);
      if (archived === CUSTOMERS) break;
    }
    expect(killedAt.length).toBeGreaterThanOrEqual(Math.min(ROUNDS, 10));
    const finisher = spawnWorker(cli, server.db, env);
    alive.push(finisher);
    const job = await waitForJob(server.db, jobId, ['SUCCEEDED', 'FAILED'], 60_000);
    await kill(finisher, 'SIGTERM');
    expect(job).toMatchObject({ state: 'SUCCEEDED', progress_done: String(CUSTOMERS), progress_total: String(CUSTOMERS) });
    expect(job.result).toMatchObject({ customers: CUSTOMERS, interactions: CUSTOMERS * PER });
    expect(job.attempts).toBeGreaterThan(1);
    await checkInvariants(tag, jobId);
    expect(await n(`select count(*)::int as n from archive.customer where tags @> array[$1]`, [tag])).toBe(CUSTOMERS);
    const verify = await server.gql(`{ verifyArchive { ok } verifyAuditChain { ok } }`);
    expect(verify.data).toEqual({ verifyArchive: { ok: true }, verifyAuditChain: { ok: true } });
    process.stdout.write(
      `crash test: ${killedAt.length} SIGKILLs, customers archived at each kill: ${killedAt.join(', ')}; finished after ${job.attempts} attempts\n`,
    );
  }, 600_000);
});
