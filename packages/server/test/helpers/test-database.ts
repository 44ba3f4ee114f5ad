import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createDatabase } from '../../src/db/embedded-postgres.js';
import { openOrm } from '../../src/db/orm.js';
import { installKeyRing, parseKeyRing } from '../../src/crypto/keyring.js';

export interface TestDatabase {
  name: string;
  url: string;
  orm: MikroORM;
  /** A plain client for arranging data and checking it, outside the app. */
  query<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function testClusterUrl(): string {
  const url = process.env.CUSTOS_TEST_PG_URL;
  if (!url) throw new Error('CUSTOS_TEST_PG_URL is not set: run the tests through jest (globalSetup starts PostgreSQL)');
  return url;
}

/** The key ring tests encrypt with (ENCRYPTION_KEY of test servers and worker processes). */
export const TEST_ENCRYPTION_KEY = 'test1:' + Buffer.alloc(32, 7).toString('base64');

/** A fresh database with the real migrations applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  installKeyRing(parseKeyRing(TEST_ENCRYPTION_KEY));
  const base = testClusterUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  await createDatabase(`${base}/postgres`, name);
  const url = `${base}/${name}`;
  const orm = await openOrm(url, 10);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Fault tests terminate sessions; an idle pooled client's 'error' must not end the run.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    orm,
    async query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
      return (await pool.query<T>(text, params)).rows;
    },
    async close() {
      await pool.end();
      await orm.close(true);
    },
  };
}

/** A fresh database migrated only up to `migrateTo` (an installation from before a later
 * migration, for upgrade tests), with a small pool on it. */
export async function createDatabaseAt(migrateTo: string): Promise<{ url: string; pool: pg.Pool; query<T extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await createDatabase(`${testClusterUrl()}/postgres`, name);
  const url = `${testClusterUrl()}/${name}`;
  const old = await openOrm(url, 2, { migrateTo });
  await old.close(true);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  return { url, pool, query: async (text, params = []) => (await pool.query(text, params)).rows };
}
