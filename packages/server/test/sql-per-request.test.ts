import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { statementsDuring as countStatements } from './helpers/sql-stats.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const QUERY = `query($first: Int!) {
  customers(first: $first, orderBy: [{ field: NAME, direction: ASC }]) {
    totalCount
    nodes {
      name owner { displayName } interactionCount
      interactions(first: 3) { totalCount nodes { kind occurredAt owner { displayName } customer { code } } }
    }
  }
}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const users = { 'a@example.com': server.users.sales1, 'b@example.com': server.users.sales2 };
  await server.db.query(
    `insert into customer (code, name, type, owner_id)
     select 'S' || g, 'Customer ' || lpad(g::text, 4, '0'), 'SMB', case when g % 2 = 0 then $1::bigint else $2::bigint end
       from generate_series(1, 250) g`,
    [users['a@example.com'], users['b@example.com']],
  );
  await server.db.query(
    `insert into interaction (customer_id, kind, occurred_at, subject, owner_id)
     select c.id, 'CALL', now() - g * interval '1 day', 'call ' || g, c.owner_id from customer c, generate_series(1, 6) g`,
  );
  // Analyzed now, so autovacuum does not analyze these fresh rows while statements are counted.
  await server.db.query('analyze');
});
afterAll(async () => {
  await server.close();
});

describe('SQL statements per request', () => {
  it('do not grow with page size on customers with owners and interactions', async () => {
    const counts: Record<number, number> = {};
    for (const first of [10, 50, 200]) {
      // Warm-up: a first request may open pool connections, which is not per-request cost.
      await server.gql(QUERY, { first });
      // The fewest of three: the sign-in check is cached for 2 s, and on a machine under
      // load a request can land just after the cache expired and count it once more
      // (5 at page 10, 6 at page 50 once) — not a cost that grows with the page.
      const tries: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        tries.push(
          await countStatements(server.db, async () => {
            const res = await server.gql(QUERY, { first });
            expect(res.errors).toBeUndefined();
            expect(res.data.customers.nodes).toHaveLength(first);
            expect(res.data.customers.nodes[0].interactions.nodes).toHaveLength(3);
          }),
        );
      }
      counts[first] = Math.min(...tries);
    }
    process.stdout.write(`SQL statements per request: ${JSON.stringify(counts)}\n`);
    expect(counts[50]).toBe(counts[10]);
    expect(counts[200]).toBe(counts[10]);
    // the caller's user, page, count, owners, interaction pages, interaction counts
    expect(counts[10]).toBeLessThanOrEqual(6);
  });
});
