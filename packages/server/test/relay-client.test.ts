import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import relay from 'relay-runtime';
import type { GraphQLResponse, GraphQLTaggedNode, OperationType, ReaderFragment } from 'relay-runtime';
import CustomerCard from './relay/__generated__/CustomerCard_customer.graphql.js';
import CustomerCardRefetchQuery from './relay/__generated__/CustomerCardRefetchQuery.graphql.js';
import CustomerInteractions from './relay/__generated__/CustomerInteractions_customer.graphql.js';
import CustomerInteractionsPaginationQuery from './relay/__generated__/CustomerInteractionsPaginationQuery.graphql.js';
import CustomerList from './relay/__generated__/CustomerList_query.graphql.js';
import CustomerListPaginationQuery from './relay/__generated__/CustomerListPaginationQuery.graphql.js';
import MobileCustomerQuery from './relay/__generated__/MobileCustomerQuery.graphql.js';
import MobileCustomersQuery from './relay/__generated__/MobileCustomersQuery.graphql.js';
import { insertCustomer, insertInteractions } from './helpers/fixtures.js';
import { gid } from './helpers/global-ids.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const { Environment, Network, RecordSource, Store, fetchQuery, createOperationDescriptor, getRequest, getSelector } = relay;
const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A mobile client as Relay builds it: the documents in test/relay/mobile-client.documents.ts,
 * compiled by relay-compiler against the committed schema, run by relay-runtime (its
 * normalized store, connection handler and refetch queries) against the real server.
 */
describe('relay-compiler artifacts', () => {
  it('are fresh against packages/schema/schema.graphql (else run `pnpm --filter @custos/server relay`)', async () => {
    const run = await promisify(execFile)(path.join(server, 'node_modules/.bin/relay-compiler'), ['--validate'], { cwd: server }).catch(
      (error: { stdout: string; stderr: string }) => ({ failed: true, ...error }),
    );
    expect('failed' in run ? `${run.stdout}${run.stderr}` : 'fresh').toBe('fresh');
  }, 60_000);
});

describe('the Relay mobile client, live', () => {
  let api: TestServer;
  let env: InstanceType<typeof Environment>;
  const names = ['Alpha 甲', 'Bravo 乙', 'Charlie 丙', 'Delta 丁', 'Echo 戊'];
  const ids: string[] = [];

  beforeAll(async () => {
    api = await startTestServer();
    for (const name of names) ids.push(await insertCustomer(api.db, { name, ownerId: api.users.sales1 }));
    await insertInteractions(api.db, ids[0]!, ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z']);
    const token = await api.tokenFor('sales1');
    env = new Environment({
      network: Network.create(async (params, variables) => {
        const res = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: params.text, variables, operationName: params.name }),
        });
        const body = (await res.json()) as { errors?: unknown[] };
        // A refused document (the depth limit, validation) must fail the test, not read as
        // empty: every compiled operation passes the server's limits, fragments and all.
        if (body.errors?.length) throw new Error(`${params.name}: ${JSON.stringify(body.errors)}`);
        return body as GraphQLResponse;
      }),
      store: new Store(new RecordSource()),
    });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  const run = <T extends OperationType>(query: GraphQLTaggedNode, variables: T['variables']) =>
    fetchQuery<T>(env, query, variables, { fetchPolicy: 'network-only' }).toPromise();

  /** What a component reading `fragment` from `ref` would get. */
  const read = (fragment: ReaderFragment, ref: unknown) => {
    const selector = getSelector(fragment, ref as never);
    if (!selector || !('dataID' in selector)) throw new Error('not a single fragment reference');
    return env.lookup(selector).data as Record<string, any>;
  };

  /** The customer list as the screen reads it from the store (connection edges merged). */
  const listFromStore = () => {
    const root = env.lookup(createOperationDescriptor(getRequest(MobileCustomersQuery), {}).fragment).data;
    return read(CustomerList as ReaderFragment, root).customers;
  };

  it('pages the customer list with @connection: the second page is merged after the first', async () => {
    await run(MobileCustomersQuery, {});
    const first = listFromStore();
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((e: any) => read(CustomerCard as ReaderFragment, e.node).name)).toEqual(names.slice(0, 2));
    expect(env.lookup(createOperationDescriptor(getRequest(MobileCustomersQuery), {}).fragment).isMissingData).toBe(false);

    const cursor = lastCursor();
    await run(CustomerListPaginationQuery, { count: 2, cursor });
    const merged = listFromStore();
    expect(merged.edges.map((e: any) => read(CustomerCard as ReaderFragment, e.node).name)).toEqual(names.slice(0, 4));
    // Ids in the store are the server's global ids: Customer and User never collide.
    const card = read(CustomerCard as ReaderFragment, merged.edges[0].node);
    expect(card.id).toBe(gid('Customer', ids[0]!));
    expect(card.owner.id).toBe(gid('User', api.users.sales1));
  });

  /** The end cursor Relay kept for the list's connection. */
  function lastCursor(): string {
    const source = env.getStore().getSource();
    const connectionId = source.getRecordIDs().find((id) => id.startsWith('client:root:__CustomerList_customers_connection'))!;
    const pageInfoRef = (source.get(connectionId) as Record<string, any>).pageInfo.__ref;
    return (source.get(pageInfoRef) as Record<string, any>).endCursor;
  }

  it('refetches a customer card through node(id) (@refetchable on Customer)', async () => {
    await api.db.query(`update customer set name = 'Alpha 甲 (renamed)' where id = $1`, [ids[0]]);
    const result = (await run(CustomerCardRefetchQuery, { id: gid('Customer', ids[0]!) })) as Record<string, any>;
    expect(read(CustomerCard as ReaderFragment, result.node).name).toBe('Alpha 甲 (renamed)');
    // The store holds one record per global id: the list's card shows the new name too.
    const list = listFromStore();
    expect(read(CustomerCard as ReaderFragment, list.edges[0].node).name).toBe('Alpha 甲 (renamed)');
  });

  it('pages a customer\'s interactions through the node-based pagination query', async () => {
    const detail = (await run(MobileCustomerQuery, { id: gid('Customer', ids[0]!) })) as Record<string, any>;
    const history = () => read(CustomerInteractions as ReaderFragment, detail.customer).interactions.edges.map((e: any) => e.node.subject);
    expect(history()).toHaveLength(2);
    const source = env.getStore().getSource();
    const connectionId = source.getRecordIDs().find((id) => id.includes('__CustomerInteractions_interactions_connection'))!;
    const pageInfo = source.get((source.get(connectionId) as Record<string, any>).pageInfo.__ref) as Record<string, any>;
    expect(pageInfo.hasNextPage).toBe(true);
    await run(CustomerInteractionsPaginationQuery, { id: gid('Customer', ids[0]!), count: 2, cursor: pageInfo.endCursor });
    expect(history()).toHaveLength(3);
    expect(new Set(history()).size).toBe(3);
  });

  it('sees only what the signed-in SALES user may: another owner\'s customer refetches as null', async () => {
    const theirs = await insertCustomer(api.db, { name: 'Not mine', ownerId: api.users.sales2 });
    const result = (await run(CustomerCardRefetchQuery, { id: gid('Customer', theirs) })) as Record<string, any>;
    expect(result.node).toBeNull();
  });
});
