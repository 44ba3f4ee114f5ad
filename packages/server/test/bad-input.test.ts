import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { statementsDuring } from './helpers/sql-stats.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server.js';

/**
 * Input PostgreSQL would refuse — a NUL character in any text, a date that does not exist
 * or lies outside the stored range — is answered BAD_USER_INPUT before any SQL, never as
 * an internal error.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function badInput(res: GraphQLResponse, message?: RegExp) {
  expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  if (message) expect(res.errors?.[0]?.message).toMatch(message);
}

describe('NUL characters', () => {
  const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`;

  it.each([
    ['a name, through a variable', { name: 'A\u0000B', type: 'SMB' }, 'input.name'],
    ['one tag of a list', { name: 'Tagged', type: 'SMB', tags: ['ok', 'b\u0000'] }, 'input.tags[1]'],
    ['an optional field', { name: 'Noted', type: 'SMB', notes: '\u0000' }, 'input.notes'],
  ])('are refused in %s, naming the field, with no SQL run but the sign-in check', async (_name, input, field) => {
    const customers = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from customer`))[0]!.n;
    const before = await customers();
    let res!: GraphQLResponse;
    const statements = await statementsDuring(server.db, async () => {
      res = await server.gql(CREATE, { input });
    });
    badInput(res, /NUL/);
    expect(res.errors![0]!.extensions!.fields).toEqual([{ field, message: 'must not contain the NUL character (\\u0000)' }]);
    // At most the token's user lookup (cached between requests), never the insert.
    expect(statements).toBeLessThanOrEqual(1);
    expect(await customers()).toBe(before);
  });

  it('are refused in a string literal of the document, in filters, ids and nested fields alike', async () => {
    badInput(await server.gql(`mutation { createCustomer(input: { name: "A\\u0000B", type: SMB }) { customer { id } } }`));
    badInput(await server.gql(`query($q: String!) { customers(filter: { search: $q }) { totalCount } }`, { q: 'x\u0000' }));
    badInput(await server.gql(`query($id: ID!) { customer(id: $id) { id } }`, { id: '1\u0000' }));
    const [{ id }] = await server.db.query<{ id: string }>(`insert into customer (code, name, type) values ('NUL-1', 'Nested', 'SMB') returning id::text`);
    const nested = await server.gql(`query($id: ID!, $after: String) { customer(id: $id) { interactions(after: $after) { totalCount } } }`, { id, after: '\u0000' });
    expect(nested.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nested.errors?.[0]?.path).toEqual(['customer', 'interactions']);
  });
});

describe('DateTime bounds', () => {
  const ARCHIVE = `mutation($olderThan: DateTime!) { archiveInteractions(input: { olderThan: $olderThan, reason: "bounds" }) { archivedCount } }`;

  it('refuses year 0000 and other instants outside 0001–9999 UTC, through variables and literals', async () => {
    badInput(await server.gql(ARCHIVE, { olderThan: '0000-01-01T00:00:00Z' }), /DateTime must lie within 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z/);
    badInput(await server.gql(ARCHIVE, { olderThan: '0001-01-01T00:00:00+01:00' }), /must lie within/);
    const literal = await server.gql(`mutation { archiveInteractions(input: { olderThan: "0000-01-01T00:00:00Z", reason: "bounds" }) { archivedCount } }`);
    expect(literal.data).toBeUndefined();
    expect(literal.errors?.[0]?.message).toMatch(/must lie within/);
    // A literal is checked while the document is validated, like any literal of a wrong value.
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses dates that do not exist', async () => {
    badInput(await server.gql(ARCHIVE, { olderThan: '2026-02-30T00:00:00Z' }), /not a real RFC 3339 date and time/);
    badInput(await server.gql(`query($t: DateTime) { customers(filter: { createdAfter: $t }) { totalCount } }`, { t: '2025-02-29T08:00:00+08:00' }));
  });

  it('takes both ends of the range, which PostgreSQL stores', async () => {
    const oldest = await server.gql(ARCHIVE, { olderThan: '0001-01-01T00:00:00Z' });
    expect(oldest.errors).toBeUndefined();
    expect(oldest.data.archiveInteractions.archivedCount).toBe(0);
    const all = await server.gql(`query($a: DateTime, $b: DateTime) { customers(filter: { createdAfter: $a, createdBefore: $b }) { totalCount } }`, {
      a: '0001-01-01T00:00:00Z', b: '9999-12-31T23:59:59.999999Z',
    });
    expect(all.errors).toBeUndefined();
    expect(all.data.customers.totalCount).toBeGreaterThanOrEqual(0);
  });
});
