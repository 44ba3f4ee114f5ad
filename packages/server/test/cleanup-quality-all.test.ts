import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import type { JobWorker } from '../src/modules/job/job.worker.js';

/**
 * "All of this problem" (issue 18): resolveAllDataQualityIssues queues a job that resolves
 * every open issue a filter selects, past the 1,000 one call takes and across the job's
 * batches of 500 customers, as the person who queued it (their rows, their fields), with
 * the same re-check and audit as resolveDataQualityIssues, and progress on the job.
 */

let server: TestServer;
let worker: JobWorker;
const BULK = 520;
let otherOwner: string;
let badEmail: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.query(
    `insert into customer (code, name, type, region, owner_id, email, phone)
     select 'QA-' || g, 'Bulk Co ' || g, 'SMB', 'CN-SH', $1::bigint, 'b' || g || '@bulk.cn', '138 0013 ' || lpad(g::text, 4, '0')
       from generate_series(1, $2::int) g`,
    [server.users.sales1, BULK],
  );
  otherOwner = await insertCustomer(server.db, { name: 'Other Co', email: 'o@other.cn', phone: '139 0013 0001', region: 'CN-SH', ownerId: server.users.sales2 });
  badEmail = await insertCustomer(server.db, { name: 'Mail Co', email: 'mail at mail.cn', phone: '+8613900130002', region: 'CN-SH', ownerId: server.users.sales1 });
  worker = startWorker(server);
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await server?.close();
});

const queue = (input: string, as = server.gql) => as(`mutation { resolveAllDataQualityIssues(input: ${input}) { job { id kind state } } }`);
const phoneIssues = async (as = server.gql) =>
  (await as(`{ dataQualityIssues(first: 1, filter: { field: [PHONE], problem: [NOT_NORMALIZED] }) { totalCount } }`)).data.dataQualityIssues.totalCount as number;

describe('resolveAllDataQualityIssues', () => {
  it('applies every suggestion of one problem on the caller\u2019s own customers, in batches, audited as the caller', async () => {
    expect(await phoneIssues(server.as('sales1'))).toBe(BULK);
    const res = await queue('{ action: APPLY_SUGGESTION, filter: { field: [PHONE], problem: [NOT_NORMALIZED] } }', server.as('sales1'));
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveAllDataQualityIssues.job).toMatchObject({ kind: 'RESOLVE_DATA_QUALITY', state: 'QUEUED' });
    const job = await waitForJob(server.db, res.data.resolveAllDataQualityIssues.job.id, undefined, 120_000);
    expect(job.error).toBeNull();
    expect(job.state).toBe('SUCCEEDED');
    expect(job.result).toMatchObject({ action: 'APPLY_SUGGESTION', resolved: BULK, customers: BULK, skipped: 0 });
    expect(Number(job.progress_done)).toBe(Number(job.progress_total));
    expect(await phoneIssues(server.as('sales1'))).toBe(0);
    // Someone else's customer and another problem stay as they were.
    expect(await phoneIssues(server.as('sales2'))).toBe(1);
    const [other] = await server.db.query<{ phone: string; version: number }>(`select phone, version from customer where id = $1`, [otherOwner]);
    expect(other).toEqual({ phone: '139 0013 0001', version: 1 });
    const [mail] = await server.db.query<{ email: string }>(`select email from customer where id = $1`, [badEmail]);
    expect(mail!.email).toBe('mail at mail.cn');
    const audit = await server.db.query<{ n: number; actor: string }>(
      `select count(*)::int as n, min(actor_id)::text as actor from audit_event where action = 'DATA_QUALITY_FIXED'`,
    );
    expect(audit[0]).toEqual({ n: BULK, actor: server.users.sales1 });
    const [one] = await server.db.query<{ phone: string }>(`select phone from customer where code = 'QA-7'`);
    expect(one!.phone).toBe('+8613800130007');
  }, 180_000);

  it('dismisses every selected issue, and leaves what has no suggestion when applying', async () => {
    const skip = await queue('{ action: APPLY_SUGGESTION, filter: { problem: [MISSING_CONTACT] } }');
    const skipped = await waitForJob(server.db, skip.data.resolveAllDataQualityIssues.job.id, undefined, 120_000);
    expect(skipped.state).toBe('SUCCEEDED');
    expect(skipped.result).toMatchObject({ resolved: 0, customers: 0 });
    const res = await queue('{ action: DISMISS, filter: { field: [PHONE] } }', server.as('manager'));
    const job = await waitForJob(server.db, res.data.resolveAllDataQualityIssues.job.id, undefined, 120_000);
    expect(job.state).toBe('SUCCEEDED');
    expect(job.result).toMatchObject({ action: 'DISMISS', resolved: 1, customers: 1 });
    expect(await phoneIssues(server.as('manager'))).toBe(0);
    const [other] = await server.db.query<{ phone: string }>(`select phone from customer where id = $1`, [otherOwner]);
    expect(other!.phone).toBe('139 0013 0001');
  }, 180_000);

  it('is refused to roles that may not edit customers', async () => {
    for (const user of ['support', 'auditor', 'reporting'] as const) {
      const res = await queue('{ action: DISMISS }', server.as(user));
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const jobs = await server.db.query<{ n: number }>(`select count(*)::int as n from job where kind = 'RESOLVE_DATA_QUALITY'`);
    expect(jobs[0]!.n).toBe(3);
  });
});
