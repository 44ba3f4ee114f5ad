import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LeaseHeartbeat } from '../src/modules/job/job.heartbeat.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { until } from './helpers/until.js';

/**
 * A worker stops by clearing its heartbeat timer and closing the heartbeat. A beat the
 * timer started just before may still be connecting then: the connection it opens must
 * not outlive the close, or the process keeps a socket open and never exits on SIGTERM
 * (a crash-loop worker hung so in a full run, after its job had succeeded).
 */
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.close();
});

const heartbeatSessions = async () =>
  (await db.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'custos-job-heartbeat'`,
  ))[0]!.n;

describe('lease heartbeat', () => {
  it('leaves no connection behind when closed while its first beat is still connecting', async () => {
    for (let round = 0; round < 5; round += 1) {
      const heartbeat = new LeaseHeartbeat(db.url, `test-worker-${round}`, 1_000, (error) => {
        throw error;
      });
      const beating = heartbeat.beat(['1']); // connecting now: no client yet
      await heartbeat.close();
      await beating;
      await until(async () => (await heartbeatSessions()) === 0, `round ${round}: the heartbeat's session ended with its close`, 10_000);
    }
  });

  it('beats again after a close, on a new connection', async () => {
    const heartbeat = new LeaseHeartbeat(db.url, 'test-worker-again', 1_000, (error) => {
      throw error;
    });
    await heartbeat.beat(['1']);
    expect(await heartbeatSessions()).toBe(1);
    await heartbeat.close();
    await heartbeat.beat(['1']);
    expect(await heartbeatSessions()).toBeGreaterThanOrEqual(1);
    await heartbeat.close();
    await until(async () => (await heartbeatSessions()) === 0, 'the second session ended with the second close', 10_000);
  });
});
