import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse, print } from 'graphql';
import type { RegisteredOperation } from '../src/graphql/persisted-operations.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * The reporting-tools guide (docs/api-clients/reporting-tools.md) is a script: every
 * ```graphql block (with the ```json variables block right after it, if any) runs here in
 * order against a test server, as the guide says: the ADMIN creates the REPORTING user,
 * the user signs in, then every query runs with the token that sign-in returned.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const guide = fs.readFileSync(path.join(root, 'docs/api-clients/reporting-tools.md'), 'utf8');
const registry: RegisteredOperation[] = JSON.parse(fs.readFileSync(path.join(root, 'packages/schema/persisted-operations.json'), 'utf8')).operations;

function guideExamples(): { document: string; variables?: Record<string, unknown>; name: string }[] {
  const blocks = [...guide.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const examples = [];
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.lang !== 'graphql') continue;
    const next = blocks[i + 1];
    const document = blocks[i]!.body;
    const name = /^(?:query|mutation) (\w+)/m.exec(document)?.[1] ?? '(anonymous)';
    examples.push({ document, name, variables: next?.lang === 'json' ? JSON.parse(next.body) : undefined });
  }
  return examples;
}

describe('docs/api-clients/reporting-tools.md', () => {
  let server: TestServer;
  const examples = guideExamples();

  beforeAll(async () => {
    server = await startTestServer();
    await server.db.query(
      `insert into customer (code, name, type, region, email, phone, address, tax_id)
       values ('C-R1', 'Reporting Sample Ltd', 'SMB', 'CN-SH', 'zhang.wei@example.com', '+8613812345678', '1 Road', '91310000XX')`,
    );
  });
  afterAll(async () => server?.close());

  it('has the create-user, sign-in and report examples', () => {
    expect(examples.map((e) => e.name)).toEqual(['CreateReportingUser', 'Login', 'CustomerStats', 'LifecycleActivity', 'ArchiveStats', 'CustomersPage']);
  });

  it('shows only registered operations for the reporting user, exactly as registered', () => {
    for (const example of examples.filter((e) => e.name !== 'CreateReportingUser')) {
      const op = registry.find((r) => r.name === example.name);
      expect([example.name, op && print(parse(example.document))]).toEqual([example.name, op?.document]);
    }
  });

  it('runs every example in order, as the guide says', async () => {
    let token: string | undefined;
    const results: Record<string, any> = {};
    for (const example of examples) {
      const auth: Record<string, string> =
        example.name === 'CreateReportingUser'
          ? { authorization: `Bearer ${await server.tokenFor('admin')}` }
          : token
            ? { authorization: `Bearer ${token}` }
            : {};
      const res = await server.post({ query: example.document, variables: example.variables }, auth);
      expect([example.name, res.status, res.body.errors]).toEqual([example.name, 200, undefined]);
      results[example.name] = res.body.data;
      if (example.name === 'Login') token = res.body.data.login.token;
    }
    expect(results.CreateReportingUser.createUser.user.role).toBe('REPORTING');
    expect(results.CustomerStats.customerStats).toEqual([{ keys: ['CN-SH', 'NEW'], count: 1 }]);
    expect(results.LifecycleActivity.lifecycleActivity).toHaveLength(3);
    expect(results.ArchiveStats.archiveStats.customers).toBe(0);
    // What REPORTING sees: masked email and phone.
    const [customer] = results.CustomersPage.customers.nodes;
    expect(customer).toMatchObject({ name: 'Reporting Sample Ltd', email: 'z***@example.com' });
    expect(customer.phone).toMatch(/\*{4}5678$/);
    expect(customer.phone).not.toContain('1234');
    expect(results.CustomersPage.customers.pageInfo.hasNextPage).toBe(false);
  });

  it('keeps tax ids, addresses and notes from REPORTING', async () => {
    const res = await server.as('reporting')('{ customers(first: 1) { nodes { taxId address notes } } }');
    expect(res.data?.customers.nodes[0]).toEqual({ taxId: null, address: null, notes: null });
    expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });
});
