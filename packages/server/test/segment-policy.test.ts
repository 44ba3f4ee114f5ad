import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedCustomers, startWorker, waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** Saved segments as the target of archive policies: previewed, run, and protected from deletion. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedCustomers(server.db, 6, { tag: 'seg-dormant', perCustomer: 2, ageDays: 600 });
  await seedCustomers(server.db, 3, { tag: 'seg-other', perCustomer: 2, ageDays: 600 });
  // Three dormant customers and one other in Shanghai: the segment holds four, the rule three.
  await server.db.query(`update customer set region = 'CN-SH' where code in ('seg-dormant-1', 'seg-dormant-2', 'seg-dormant-3', 'seg-other-1')`);
});
afterAll(async () => {
  await server.close();
});

describe('archive policies over a segment', () => {
  it('previews and runs only the customers matching both the segment and the rule', async () => {
    const seg = await server.gql(`mutation { saveSegment(input: { name: "Shanghai", filter: { region: ["CN-SH"] } }) { segment { id customerCount } } }`);
    const segmentId = seg.data.saveSegment.segment.id;
    const inSegment = seg.data.saveSegment.segment.customerCount;
    const expected = (await server.db.query<{ n: number }>(`select count(*)::int as n from customer where region = 'CN-SH' and tags @> array['seg-dormant']`))[0]!.n;
    expect(expected).toBe(3);
    expect(inSegment).toBe(4);

    const preview = await server.as('manager')(`{ previewArchivePolicy(input: { criteria: { segmentId: "${segmentId}", tags: ["seg-dormant"], inactiveDays: 365 } }) { customerCount } }`);
    expect(preview.errors).toBeUndefined();
    expect(preview.data.previewArchivePolicy.customerCount).toBe(expected);

    const created = await server.gql(`mutation { createArchivePolicy(input: { name: "Shanghai dormant", action: ARCHIVE_CUSTOMERS, criteria: { segmentId: "${segmentId}", tags: ["seg-dormant"] } }) { policy { id criteria { segmentId tags } } } }`);
    expect(created.errors).toBeUndefined();
    expect(created.data.createArchivePolicy.policy.criteria).toEqual({ segmentId, tags: ['seg-dormant'] });
    const run = await server.gql(`mutation { runArchivePolicy(input: { id: "${created.data.createArchivePolicy.policy.id}" }) { job { id } } }`);
    const worker = startWorker(server);
    try {
      const job = await waitForJob(server.db, run.data.runArchivePolicy.job.id);
      expect(job.state).toBe('SUCCEEDED');
      expect(job.result.customers).toBe(expected);
    } finally {
      await worker.stop();
    }
    const archived = await server.db.query<{ region: string; tags: string[] }>(`select region, tags from archive.customer`);
    expect(archived).toHaveLength(expected);
    expect(archived.every((r) => r.region === 'CN-SH' && r.tags.includes('seg-dormant'))).toBe(true);

    const refused = await server.gql(`mutation { deleteSegment(input: { id: "${segmentId}", version: 1 }) { segment { id } } }`);
    expect(refused.errors![0]!.extensions!.code).toBe('INVALID_STATE');
    expect(refused.errors![0]!.message).toContain('Shanghai dormant');
  });

  it('refuses a rule naming a missing segment, per field', async () => {
    const res = await server.gql(`mutation { createArchivePolicy(input: { name: "Ghost", action: ARCHIVE_CUSTOMERS, criteria: { segmentId: "987654" } }) { policy { id } } }`);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'criteria.segmentId' }] });
    const preview = await server.gql(`{ previewArchivePolicy(input: { criteria: { segmentId: "987654" } }) { customerCount } }`);
    expect(preview.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'criteria.segmentId' }] });
  });
});
