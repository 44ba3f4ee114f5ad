import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * The denial contract: a guarded field a role may not read resolves to null, and the
 * response carries ONE FORBIDDEN error per Type.field (extensions: code, field, count),
 * located at the first denied value, however many values were withheld.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < 30; i++) {
    await insertCustomer(server.db, { name: `Denied ${i}`, email: `d${i}@deny.cn`, phone: `+86138001380${String(i).padStart(2, '0')}` });
  }
});
afterAll(async () => {
  await server.close();
});

describe('one FORBIDDEN error per denied Type.field', () => {
  it('SUPPORT reading tax ids of a page of customers gets nulls and a single counted error', async () => {
    const res = await server.as('support')(`{ customers(first: 25, orderBy: [{ field: NAME, direction: ASC }]) { nodes { id name taxId email } } }`);
    const nodes = res.data.customers.nodes as { taxId: string | null; email: string | null }[];
    expect(nodes).toHaveLength(25);
    expect(nodes.every((n) => n.taxId === null)).toBe(true);
    // Masked, not denied: present and without the real value.
    expect(nodes.every((n) => n.email !== null && !/^d\d+@deny\.cn$/.test(n.email))).toBe(true);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({
      message: 'Your role may not read Customer.taxId',
      // Where the field stands in the document, as GraphQL errors locate themselves.
      locations: [{ line: 1, column: 86 }],
      path: ['customers', 'nodes', 0, 'taxId'],
      extensions: { code: 'FORBIDDEN', field: 'Customer.taxId', count: 25 },
    });
    expect(JSON.stringify(res)).not.toMatch(/"d\d+@deny/);
  });

  it('AUDITOR denied several fields, also through aliases and nested lists, gets one error per field', async () => {
    const res = await server.as('auditor')(`{ customers(first: 10) { nodes { email phone other: email interactions(first: 2) { nodes { body } } } } }`);
    const fields = (res.errors ?? []).map((e) => [e.extensions!.field, e.extensions!.count]).sort();
    expect(fields).toEqual([
      ['Customer.email', 20],
      ['Customer.phone', 10],
    ]);
    expect(res.data.customers.nodes.every((n: { email: unknown; other: unknown }) => n.email === null && n.other === null)).toBe(true);
  });

  it('a role that may read everything gets no errors', async () => {
    const res = await server.gql(`{ customers(first: 5) { nodes { taxId email } } }`);
    expect(res.errors).toBeUndefined();
  });
});
