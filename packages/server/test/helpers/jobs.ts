import { loadConfig, type Config } from '../../src/config.js';
import { createJobWorker } from '../../src/app/jobs.js';
import type { JobWorker, JobWorkerOptions } from '../../src/modules/job/job.worker.js';
import { TEST_JWT_SECRET, type TestServer } from './test-server.js';
import { TEST_ENCRYPTION_KEY, type TestDatabase } from './test-database.js';
import { watched } from './teardown.js';

/** Worker settings fast enough for tests. */
export const FAST_JOBS = { JOB_POLL_MS: '50', JOB_HEARTBEAT_MS: '100', JOB_STALE_MS: '600' } as const;

export function testConfig(db: TestDatabase, env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent', JWT_SECRET: TEST_JWT_SECRET, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, ...FAST_JOBS, ...env });
}

/** A real worker in this process, on the test server's database. */
export function startWorker(server: TestServer, env: Record<string, string> = {}, log?: JobWorkerOptions['log']): JobWorker {
  const worker = createJobWorker(server.db.orm, testConfig(server.db, env), { log });
  worker.start();
  const stop = worker.stop.bind(worker);
  worker.stop = (waitMs?: number) => watched('job worker stop', server.db.url, () => stop(waitMs));
  return worker;
}

export interface JobRow {
  id: string;
  state: string;
  progress_done: string;
  progress_total: string | null;
  result: any;
  error: string | null;
  attempts: number;
  locked_by: string | null;
}

/** Polls the job table until the job reaches one of `states`. */
export async function waitForJob(db: TestDatabase, id: string, states = ['SUCCEEDED', 'FAILED', 'CANCELLED'], timeoutMs = 20_000): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [job] = await db.query<JobRow>(`select id::text, state, progress_done::text, progress_total::text, result, error, attempts, locked_by from job where id = $1`, [id]);
    if (job && states.includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job?.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Customers with `perCustomer` interactions each, tagged `tag`, created `ageDays` ago. */
export async function seedCustomers(
  db: TestDatabase,
  n: number,
  options: { tag: string; perCustomer?: number; ageDays?: number; lastInteractionDaysAgo?: number; status?: string },
): Promise<void> {
  const age = options.ageDays ?? 400;
  await db.query(
    `insert into customer (code, name, type, tags, created_at, status, void_reason, voided_at)
     select $1 || '-' || g, 'Customer ' || $1 || ' ' || g, 'SMB', array[$1], now() - $2 * interval '1 day', $4,
            case when $4 = 'VOID' then 'TEST_RECORD' end, case when $4 = 'VOID' then now() - $2 * interval '1 day' end
       from generate_series(1, $3::int) g`,
    [options.tag, age, n, options.status ?? 'ACTIVE'],
  );
  const per = options.perCustomer ?? 0;
  if (per > 0) {
    const last = options.lastInteractionDaysAgo ?? age;
    await db.query(
      `insert into interaction (customer_id, kind, occurred_at, subject)
       select c.id, 'CALL', now() - ($2 + g) * interval '1 day', 'call ' || g
         from customer c, generate_series(0, $3::int - 1) g where c.tags @> array[$1]`,
      [options.tag, last, per],
    );
  }
}
