import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getNamedType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLInputType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../src/app/schema.js';
import { NODE_REF } from '../src/graphql/global-id.js';
import { nodeSourceNames } from '../src/graphql/node.js';
import { MAX_NODE_IDS } from '../src/modules/node/node.service.js';
import { insertCustomer, insertInteractions } from './helpers/fixtures.js';
import { dbId, gid } from './helpers/global-ids.js';
import { statementsDuring } from './helpers/sql-stats.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/**
 * Relay Global Object Identification: every entity type implements Node by construction
 * (NodeType + a NodeSource in its module's manifest), ids are opaque and type-qualified,
 * `node`/`nodes` read under each type's own rules, and inputs take global ids of the
 * right type (raw database ids too, during schema 0.2) and refuse any other type's.
 */

describe('the schema: every object with a database id is a Node', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('every object type with an ID-typed `id` implements Node, or says why it is no object of its own', () => {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('no Node interface');
    const offenders: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const id = type.getFields().id;
      if (!id || getNamedType(id.type).name !== 'ID') continue;
      const isNode = type.getInterfaces().includes(node);
      // Its id is another object's (StaffName is a User by name) or no object's (with why).
      const ref = id.extensions?.[NODE_REF] as { notANode?: string } | string[] | undefined;
      if (!isNode && !ref) offenders.push(type.name);
    }
    // Declare the type with NodeType (src/graphql/node.ts) and list a NodeSource in the
    // module's manifest; or mark its id NotANodeId('why') when it names no stored object.
    expect(offenders).toEqual([]);
  });

  it('every Node type has a source that reads it, and every source a Node type', () => {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('no Node interface');
    const implementations = schema.getImplementations(node).objects.map((t) => t.name).sort();
    expect(nodeSourceNames().sort()).toEqual(implementations);
    expect(implementations.length).toBeGreaterThanOrEqual(12);
  });

  it('every ID-typed argument, input field and output field says which type it refers to (or why none)', () => {
    const node = schema.getType('Node');
    const unmarked: string[] = [];
    const implementations = new Set(isInterfaceType(node) ? schema.getImplementations(node).objects.map((t) => t.name) : []);
    const check = (where: string, type: GraphQLInputType | GraphQLOutputType, ref: unknown) => {
      if (getNamedType(type)?.name !== 'ID') return;
      if (Array.isArray(ref) && ref.every((t) => implementations.has(t))) return;
      if (ref && typeof ref === 'object' && 'notANode' in ref) return;
      unmarked.push(where);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        const isNode = type.getInterfaces().some((i) => i.name === 'Node');
        for (const field of Object.values(type.getFields())) {
          if (!(isNode && field.name === 'id')) check(`${type.name}.${field.name}`, field.type, field.extensions?.[NODE_REF]);
          for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.type, field.extensions?.[`${NODE_REF}:${arg.name}`]);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.type, field.extensions?.[NODE_REF]);
      }
    }
    // Mark it RefersTo('Type') / ArgRefersTo('arg', 'Type') or NotANodeId('why') (src/graphql/global-id.ts).
    expect(unmarked).toEqual([]);
  });
});

describe('node(id) and nodes(ids) over HTTP', () => {
  let server: TestServer;
  let mine: string;
  let theirs: string;
  let interaction: string;

  beforeAll(async () => {
    server = await startTestServer();
    mine = await insertCustomer(server.db, { name: 'Mine Ltd', ownerId: server.users.sales1, email: 'mine@example.com' });
    theirs = await insertCustomer(server.db, { name: 'Theirs Ltd', ownerId: server.users.sales2 });
    [interaction] = await insertInteractions(server.db, mine, ['2026-01-01T00:00:00Z']);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('ids are opaque, type-qualified and read back through node', async () => {
    const res = await server.gql(`{ customer(id: "${mine}") { id name owner { id } interactions { nodes { id } } } }`);
    expect(res.errors).toBeUndefined();
    const c = res.data.customer;
    expect(c.id).toBe(gid('Customer', mine));
    expect(c.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(c.owner.id).toBe(gid('User', server.users.sales1));
    expect(c.interactions.nodes[0].id).toBe(gid('Interaction', interaction!));
    // Customer 1 and User 1 no longer share an id.
    expect(gid('Customer', '1')).not.toBe(gid('User', '1'));

    const again = await server.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Customer { name } } }`, { id: c.id });
    expect(again.errors).toBeUndefined();
    expect(again.data.node).toEqual({ __typename: 'Customer', id: c.id, name: 'Mine Ltd' });
  });

  it('reads every kind of node a caller may see', async () => {
    const ids = [gid('Customer', mine), gid('User', server.users.admin), gid('Interaction', interaction!)];
    const res = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes.map((n: { __typename: string }) => n.__typename)).toEqual(['Customer', 'User', 'Interaction']);
    expect(res.data.nodes.map((n: { id: string }) => n.id)).toEqual(ids);
  });

  it('keeps each type\'s row rule: SALES reads null for another owner\'s customer, as from customer(id)', async () => {
    const sales = server.as('sales1');
    const direct = await sales(`{ customer(id: "${theirs}") { id } }`);
    const viaNode = await sales(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('Customer', theirs) });
    expect(direct.data.customer).toBeNull();
    expect(viaNode.errors).toBeUndefined();
    expect(viaNode.data.node).toBeNull();
    const many = await sales(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [gid('Customer', theirs), gid('Customer', mine)] });
    expect(many.data.nodes).toEqual([null, { id: gid('Customer', mine) }]);
  });

  it('keeps each type\'s field rule: guarded fields come out of node(id) exactly as out of customer(id)', async () => {
    for (const user of ['reporting', 'support', 'sales1'] as const) {
      const gql = server.as(user);
      const direct = await gql(`query($id: ID!) { customer(id: $id) { name email phone notes } }`, { id: mine });
      const viaNode = await gql(`query($id: ID!) { node(id: $id) { ... on Customer { name email phone notes } } }`, { id: gid('Customer', mine) });
      expect(viaNode.data.node).toEqual(direct.data.customer);
      const codes = (r: typeof direct) => (r.errors ?? []).map((e) => [e.path?.slice(1), e.extensions?.code]);
      expect(codes(viaNode)).toEqual(codes(direct));
    }
  });

  it('keeps each type\'s action rule: the audit log stays AUDIT_READ\'s', async () => {
    const [event] = await server.db.query<{ seq: string }>(`select e.seq::text as seq from audit_event e order by e.seq limit 1`);
    if (event) {
      const res = await server.as('sales1')(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('AuditEvent', event.seq) });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const admin = await server.gql(`query($id: ID!) { node(id: $id) { ... on AuditEvent { id action } } }`, { id: gid('AuditEvent', event.seq) });
      expect(admin.data.node.id).toBe(gid('AuditEvent', event.seq));
    } else {
      const res = await server.as('sales1')(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('AuditEvent', '1') });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('answers null for ids that name nothing: unknown types, malformed text, missing rows', async () => {
    const res = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [gid('Nothing', '1'), 'not-a-global-id', '42', gid('Customer', '999999999'), gid('Customer', 'abc')],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes).toEqual([null, null, null, null, null]);
  });

  it(`refuses more than ${MAX_NODE_IDS} ids with BAD_USER_INPUT (reason TOO_MANY_IDS)`, async () => {
    const ids = Array.from({ length: MAX_NODE_IDS + 1 }, (_, i) => gid('Customer', String(i + 1)));
    const res = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_IDS' });
  });

  it('reads many nodes of one type in one statement (DataLoader), not one per id', async () => {
    const extra = await Promise.all(Array.from({ length: 20 }, (_, i) => insertCustomer(server.db, { name: `Batch ${i}` })));
    const ids = extra.map((id) => gid('Customer', id));
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name owner { id } } } }`;
    const one = await statementsDuring(server.db, () => server.gql(query, { ids: ids.slice(0, 1) }));
    let result: { errors?: unknown; data?: any } | undefined;
    const many = await statementsDuring(server.db, async () => {
      result = await server.gql(query, { ids });
    });
    expect(result!.errors).toBeUndefined();
    expect(result!.data.nodes.map((n: { id: string }) => dbId(n.id))).toEqual(extra);
    // 20 customers (and their owners) cost what one does.
    expect(many).toBe(one);
  });

  it('inputs take the global id, and the raw id during schema 0.2', async () => {
    const byGlobal = await server.gql(`query($id: ID!) { customer(id: $id) { name } }`, { id: gid('Customer', mine) });
    const byRaw = await server.gql(`query($id: ID!) { customer(id: $id) { name } }`, { id: mine });
    expect(byGlobal.data.customer.name).toBe('Mine Ltd');
    expect(byRaw.data.customer.name).toBe('Mine Ltd');
    const filtered = await server.gql(`query($o: [ID!]) { customers(filter: { ownerId: $o }) { nodes { id } } }`, { o: [gid('User', server.users.sales1)] });
    expect(filtered.data.customers.nodes).toEqual([{ id: gid('Customer', mine) }]);
  });

  it('archivedCustomer takes the Customer id other objects name an archived customer by', async () => {
    const archived = await insertCustomer(server.db, { name: 'Archived Ltd' });
    const res = await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "test" }) { customers { id } } }`, { ids: [gid('Customer', archived)] });
    expect(res.data.archiveCustomers.customers).toEqual([{ id: gid('ArchivedCustomer', archived) }]);
    for (const id of [gid('Customer', archived), gid('ArchivedCustomer', archived)]) {
      const read = await server.gql(`query($id: ID!) { archivedCustomer(id: $id) { id name } }`, { id });
      expect(read.data.archivedCustomer).toEqual({ id: gid('ArchivedCustomer', archived), name: 'Archived Ltd' });
    }
    // The audit log's record filter takes the global id too (events keep database ids).
    const AUDIT = `query($id: String) { auditEvents(filter: { entityType: "Customer", entityId: $id }) { nodes { action entityId } } }`;
    const byRaw = await server.gql(AUDIT, { id: archived });
    expect(byRaw.data.auditEvents.nodes).toEqual([{ action: 'CUSTOMER_ARCHIVED', entityId: archived }]);
    for (const id of [gid('Customer', archived), gid('ArchivedCustomer', archived)]) {
      expect((await server.gql(AUDIT, { id })).data.auditEvents).toEqual(byRaw.data.auditEvents);
    }
    const wrong = await server.gql(`query($id: ID!) { archivedCustomer(id: $id) { id } }`, { id: gid('User', server.users.admin) });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_ID_TYPE' });
  });

  it('refuses a global id of another type (BAD_USER_INPUT, reason WRONG_ID_TYPE), never reading another table', async () => {
    const asCustomer = await server.gql(`query($id: ID!) { customer(id: $id) { id } }`, { id: gid('User', server.users.admin) });
    expect(asCustomer.data?.customer ?? null).toBeNull();
    expect(asCustomer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_ID_TYPE' });
    const inFilter = await server.gql(`query($o: [ID!]) { customers(filter: { ownerId: $o }) { totalCount } }`, { o: [gid('Customer', mine)] });
    expect(inFilter.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_ID_TYPE' });
    expect(inFilter.errors?.[0]?.extensions?.fields).toEqual([{ field: 'filter.ownerId.0', message: 'expected a User id, got a Customer id' }]);
    const mutation = await server.gql(
      `mutation($id: ID!) { voidCustomer(input: { id: $id, reason: DUPLICATE }) { customer { id } } }`,
      { id: gid('Interaction', interaction!) },
    );
    expect(mutation.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_ID_TYPE' });
    const [row] = await server.db.query<{ status: string }>(`select status from customer where id = $1`, [mine]);
    expect(row!.status).toBe('ACTIVE');
  });
});
