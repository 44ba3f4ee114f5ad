import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { statementsDuring } from './helpers/sql-stats.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const deep = `{ customers { nodes { interactions { nodes { customer { interactions { nodes { customer { interactions { nodes { customer { name } } } } } } } } } } } }`;
const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: customers { totalCount }`).join(' ')} }`;
const costly = `{ ${Array.from({ length: 12 }, (_, i) => `c${i}: customers(first: 200) { nodes { name code email phone interactions(first: 200) { nodes { subject body kind occurredAt customer { name owner { displayName } } } } } }`).join(' ')} }`;
// Past MAX_QUERY_TOKENS (2,000): refused while parsing.
const tokens = `{ customers { nodes { ${Array.from({ length: 2100 }, () => 'name').join(' ')} } } }`;

describe('query limits', () => {
  it.each([
    ['depth', deep],
    ['aliases', aliases],
    ['cost', costly],
    ['tokens', tokens],
  ])('refuses an over-limit %s before any SQL runs', async (_name, query) => {
    const token = await server.tokenFor('admin');
    let status = 0;
    let body: any;
    const statements = await statementsDuring(server.db, async () => {
      ({ status, body } = await server.post({ query }, { authorization: `Bearer ${token}` }));
    });
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.data).toBeUndefined();
    expect(status).toBe(400);
    expect(statements).toBe(0);
  });

  it('counts page sizes sent as variables like page sizes written out (cost limit), before any SQL', async () => {
    const token = await server.tokenFor('admin');
    const auth = { authorization: `Bearer ${token}` };
    // Refused written out (see `costly`); as variables it passed, cost counted as first: 1.
    const byVariable = `query($a: Int!, $b: Int = 200) { ${Array.from({ length: 12 }, (_, i) => `c${i}: customers(first: $a) { nodes { name code email phone interactions(first: $b) { nodes { subject body kind occurredAt customer { name owner { displayName } } } } } }`).join(' ')} }`;
    let refused: { status: number; body: any } | undefined;
    const statements = await statementsDuring(server.db, async () => {
      refused = await server.post({ query: byVariable, variables: { a: 200 } }, auth);
    });
    const written = await server.post({ query: costly }, auth);
    expect(refused!.status).toBe(400);
    expect(refused!.body.data).toBeUndefined();
    expect(refused!.body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    // The same cost as the document with the numbers written out.
    expect(refused!.body.errors[0].message).toBe(written.body.errors?.[0]?.message);
    expect(statements).toBe(0);
    // Small pages by variable still pass, and so does a document whose page sizes are unset.
    const small = await server.post({ query: byVariable, variables: { a: 2, b: 2 } }, auth);
    expect(small.body.errors).toBeUndefined();
    const list = await server.post({ query: 'query($n: Int) { customers(first: $n) { nodes { name } } }', variables: {} }, auth);
    expect(list.body.errors).toBeUndefined();
  });

  it('answers a syntax error, and a document past the token limit, with GRAPHQL_PARSE_FAILED (400)', async () => {
    const token = await server.tokenFor('admin');
    const syntax = await server.post({ query: '{ customers { nodes { name }' }, { authorization: `Bearer ${token}` });
    expect([syntax.status, syntax.body.errors?.[0]?.extensions?.code]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const long = await server.post({ query: tokens }, { authorization: `Bearer ${token}` });
    expect(long.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/more that 2000 tokens/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });

  it('accepts the deepest query the dashboard needs', async () => {
    const res = await server.gql(`{ customers(first: 5) { edges { node { interactions(first: 3) { edges { node { customer { owner { displayName } } } } } } } } }`);
    expect(res.errors).toBeUndefined();
  });

  it('counts fields, not fragment spreads, towards the depth limit (Relay compiles queries into nested fragments)', async () => {
    // Depth 9 in fields, spread through four nested fragments: it must pass like the flat form.
    const relay = `query Page { customers(first: 2) { ...List } }
      fragment List on CustomerConnection { edges { node { ...Row } } }
      fragment Row on Customer { id interactions(first: 2) { ...Items } }
      fragment Items on InteractionConnection { edges { node { ... on Interaction { customer { ...Owner } } } } }
      fragment Owner on Customer { owner { displayName } }`;
    const res = await server.gql(relay);
    expect(res.errors).toBeUndefined();
    expect(res.data.customers).toHaveProperty('edges');
    // The same fields nested further still hit the limit through fragments.
    const tooDeep = `query { customers { ...A } }
      fragment A on CustomerConnection { nodes { interactions { ...B } } }
      fragment B on InteractionConnection { nodes { customer { interactions { ...C } } } }
      fragment C on InteractionConnection { nodes { customer { interactions { nodes { customer { name } } } } } }`;
    const refused = await server.gql(tooDeep);
    expect(refused.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses batched requests and oversized bodies', async () => {
    const batch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.tokenFor('admin')}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(batch.status).toBe(400);
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(300 * 1024)}` }),
    });
    expect(big.status).toBe(413);
  });

  it('refuses simple cross-site requests (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { method: 'GET' });
    expect(res.status).toBe(400);
  });
});
