import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenSigner } from '../src/core/tokens.js';
import { insertCustomer, insertUsers } from './helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { TEST_JWT_SECRET } from './helpers/test-server.js';
import { until } from './helpers/until.js';
import { buildCli, spawnServer, stopServer, type ServerProcess } from './helpers/worker-process.js';
import { dbId } from './helpers/global-ids.js';

/**
 * The access log under a crash: requests answered at the same moment share one INSERT
 * (src/modules/audit/access-log.ts), and none is answered before its rows are committed,
 * so a server killed (SIGKILL) while many clients read personal data has logged every
 * read it showed anyone.
 */

const CLIENTS = 8;
const PAGE = 20;

describe('access log when the server is killed mid-load', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let token: string;

  beforeAll(async () => {
    const cli = buildCli('access-log-crash', { bundle: true });
    db = await createTestDatabase();
    const users = await insertUsers(db, [{ email: 'admin@example.com', role: 'ADMIN' }]);
    for (let i = 0; i < PAGE; i++) await insertCustomer(db, { name: `Reader ${i}`, email: `person${i}@example.com` });
    token = (await new TokenSigner(TEST_JWT_SECRET, 3600).sign({ userId: users['admin@example.com']!, tokenVersion: 1 })).token;
    server = await spawnServer(cli, db, { DB_POOL_MAX: '4' });
  }, 180_000);

  afterAll(async () => {
    await stopServer(server);
    await db?.close();
  });

  it('has every read it answered in the log', async () => {
    const answered = new Map<string, string[]>();
    let stopped = false;
    const client = async (n: number) => {
      for (let i = 0; !stopped; i++) {
        const requestId = `crash-${n}-${i}-read`;
        try {
          const res = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
            body: JSON.stringify({ query: `{ customers(first: ${PAGE}) { nodes { id email } } }` }),
          });
          const body = (await res.json()) as { data?: { customers: { nodes: { id: string; email: string | null }[] } }; errors?: unknown[] };
          if (!body.errors && body.data) answered.set(requestId, body.data.customers.nodes.map((c) => dbId(c.id)));
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
    await until(async () => answered.size >= 60, '60 answered reads');
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    stopped = true;
    await Promise.all(clients);

    const logged = await db.query<{ request_id: string; ids: string[]; tx: string }>(
      `select request_id, array(select unnest(entity_ids)::text order by 1) as ids, xmin::text as tx
         from access_log where entity_type = 'Customer' and field = 'email' order by request_id`,
    );
    const byRequest = new Map(logged.map((r) => [r.request_id, r.ids]));
    const missing = [...answered.keys()].filter((id) => !byRequest.has(id));
    expect(missing).toEqual([]);
    for (const [requestId, ids] of answered) expect([requestId, byRequest.get(requestId)]).toEqual([requestId, [...ids].sort()]);
    // How the rows were grouped is timing; printed, not asserted (the unit test pins the rule).
    const inserts = new Set(logged.map((r) => r.tx)).size;
    process.stdout.write(`access log: ${answered.size} answered reads, ${logged.length} logged in ${inserts} INSERTs before SIGKILL\n`);
    expect(logged.length).toBeGreaterThanOrEqual(answered.size);
  });
});
