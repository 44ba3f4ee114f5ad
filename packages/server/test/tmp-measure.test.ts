import { afterAll, it } from '@jest/globals';
import pg from 'pg';
import { seedDemoData } from '../src/modules/seed/seed.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

let db: TestDatabase;
afterAll(async () => db?.close());

it('measures', async () => {
  db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const marks: Record<string, number> = {};
  const t0 = Date.now();
  const res = await seedDemoData(client, { customers: Number(process.env.N ?? 100000), interactions: 0, onProgress: (p) => { marks[p.phase] = Date.now() - t0; } });
  const [n] = (await client.query(`select count(*)::int as n from customer where tax_id is not null`)).rows;
  console.log(JSON.stringify({ marks, ms: res.ms, taxIds: n.n }));
  await client.end();
}, 600000);
