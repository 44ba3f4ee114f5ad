import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectClient } from '../src/db/pg-client.js';
import { isTransientDatabaseError } from '../src/db/transient-error.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

/**
 * Which failures a job batch may simply try again, checked against errors real
 * PostgreSQL sessions produce (the job worker retries only these).
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

/** The error the statement after `prepare` gets, on a session of its own. */
async function errorAfter(prepare: (client: import('pg').Client) => Promise<void>): Promise<unknown> {
  const client = await connectClient(db.url, 'transient-error-test');
  try {
    await prepare(client);
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const until = async (condition: () => Promise<boolean>) => {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in 30 s');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('transient database errors', () => {
  it('a transaction ended by idle_in_transaction_session_timeout (the batch backstop) is transient', async () => {
    const error = await errorAfter(async (client) => {
      await client.query(`set idle_in_transaction_session_timeout = 100`);
      await client.query('begin');
      const [{ pid }] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows as [{ pid: number }];
      // Wait on the condition (the session is gone), not on a fixed time.
      await until(async () => (await db.query(`select 1 from pg_stat_activity where pid = $1`, [pid])).length === 0);
    });
    // Which of the two the statement gets is the client's timing: the session's end read
    // first ("not queryable") or PostgreSQL's FATAL still unread (the next case forces that).
    expect((error as Error).message).toMatch(/not queryable|idle-in-transaction timeout/);
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('so is the same timeout met by a process that stalled (its next statement gets 25P03 itself)', async () => {
    // What a job batch met under CPU load: a synchronous pause (loading a dictionary)
    // past the timeout, so PostgreSQL's FATAL is still unread when the next statement
    // goes out, and the statement fails with it.
    const error = await errorAfter(async (client) => {
      await client.query(`set idle_in_transaction_session_timeout = 100`);
      await client.query('begin');
      const until = Date.now() + 400;
      while (Date.now() < until) {
        // Busy on purpose: the event loop must not read the socket meanwhile.
      }
    });
    expect([(error as { code?: string }).code, (error as Error).message]).toEqual(['25P03', expect.stringMatching(/idle-in-transaction timeout/)]);
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('a terminated session is transient', async () => {
    const error = await errorAfter(async (client) => {
      const [{ pid }] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows as [{ pid: number }];
      await db.query(`select pg_terminate_backend($1)`, [pid]);
    });
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('a mistake in the work itself is not', async () => {
    const client = await connectClient(db.url, 'transient-error-test');
    try {
      const errors: unknown[] = [];
      for (const sql of [`select 1/0`, `select * from no_such_table`, `select 'x'::int`, `select 9223372036854775808::bigint`]) {
        errors.push(await client.query(sql).then(() => undefined, (error: unknown) => error));
      }
      expect(errors.map((e) => [(e as { code?: string }).code, isTransientDatabaseError(e)])).toEqual([
        ['22012', false], ['42P01', false], ['22P02', false], ['22003', false],
      ]);
    } finally {
      await client.end();
    }
  });
});
