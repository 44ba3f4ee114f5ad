import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertCustomer, insertInteractions } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { until } from './helpers/until.js';
import { dbId, gid } from './helpers/global-ids.js';

let server: TestServer;
const own: Record<'sales1' | 'sales2', string[]> = { sales1: [], sales2: [] };

beforeAll(async () => {
  server = await startTestServer();
  for (const [user, count] of [['sales1', 3], ['sales2', 4]] as const) {
    for (let i = 0; i < count; i += 1) {
      const id = await insertCustomer(server.db, { name: `${user} customer ${i}`, ownerId: server.users[user], email: `${user}.${i}@example.com` });
      await insertInteractions(server.db, id, ['2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z']);
      own[user].push(id);
    }
  }
  await insertCustomer(server.db, { name: 'nobody\'s', email: 'nobody@example.com' });
});
afterAll(async () => {
  await server.close();
});

describe('SALES sees only its own customers', () => {
  it('in lists and counts', async () => {
    for (const user of ['sales1', 'sales2'] as const) {
      const res = await server.as(user)(`{ customers(first: 50) { totalCount nodes { id } } interactions(first: 50) { totalCount nodes { customer { id } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.customers.totalCount).toBe(own[user].length);
      expect(res.data.customers.nodes.map((n: { id: string }) => n.id).sort()).toEqual([...own[user]].map((id) => gid('Customer', id)).sort());
      expect(res.data.interactions.totalCount).toBe(own[user].length * 2);
      expect(new Set(res.data.interactions.nodes.map((n: { customer: { id: string } }) => n.customer.id))).toEqual(new Set(own[user].map((id) => gid('Customer', id))));
    }
    const admin = await server.gql(`{ customers { totalCount } }`);
    expect(admin.data.customers.totalCount).toBe(8);
  });

  it('another owner\'s customer reads exactly like a missing one', async () => {
    const other = own.sales2[0]!;
    const res = await server.as('sales1')(`{ other: customer(id: "${other}") { id } missing: customer(id: "99999999") { id } viaIds: customers(filter: { ids: ["${other}"] }) { totalCount } viaOwner: customers(filter: { ownerId: ["${server.users.sales2}"] }) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ other: null, missing: null, viaIds: { totalCount: 0 }, viaOwner: { totalCount: 0 } });
    const search = await server.as('sales1')(`{ customers(filter: { search: "sales2" }) { totalCount } }`);
    expect(search.data.customers.totalCount).toBe(0);
  });

  it('writes to another owner\'s customer answer NOT_FOUND, as for a missing one, and change nothing', async () => {
    const other = own.sales2[1]!;
    const update = await server.as('sales1')(`mutation { updateCustomer(input: { id: "${other}", version: 1, name: "hijack" }) { customer { id } } }`);
    const missing = await server.as('sales1')(`mutation { updateCustomer(input: { id: "99999999", version: 1, name: "hijack" }) { customer { id } } }`);
    expect(update.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    // The same words, each naming the id it was asked about (as a global id).
    expect(missing.errors![0]!.message).toContain(gid('Customer', '99999999'));
    expect(update.errors![0]!.message).toBe(missing.errors![0]!.message.replace(gid('Customer', '99999999'), gid('Customer', other)));
    const log = await server.as('sales1')(`mutation { logInteraction(input: { customerId: "${other}", kind: CALL, subject: "x" }) { interaction { id } } }`);
    expect(log.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const rows = await server.db.query(`select name from customer where id = $1`, [other]);
    expect(rows).toEqual([{ name: 'sales2 customer 1' }]);
  });

  it('creates customers it owns, and may not hand them to someone else', async () => {
    const created = await server.as('sales1')(`mutation { createCustomer(input: { name: "Mine", type: SMB }) { customer { id owner { id } } } }`);
    expect(created.data.createCustomer.customer.owner.id).toBe(gid('User', server.users.sales1));
    own.sales1.push(created.data.createCustomer.customer.id);
    const handover = await server.as('sales1')(`mutation { createCustomer(input: { name: "Theirs", type: SMB, ownerId: "${server.users.sales2}" }) { customer { id } } }`);
    expect(handover.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', fields: [{ field: 'ownerId' }] });
  });
});

describe('mass assignment', () => {
  it('refuses the whole write when any field is not writable for the role, naming fields, not values', async () => {
    const id = own.sales1[0]!;
    const before = await server.db.query(`select * from customer where id = $1`, [id]);
    const res = await server.as('sales1')(`mutation { updateCustomer(input: { id: "${id}", version: 1, name: "Renamed", taxId: "SECRET-TAX-1", ownerId: "${server.users.sales2}" }) { customer { id } } }`);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(res.errors![0]!.extensions!.fields.map((f: { field: string }) => f.field).sort()).toEqual(['ownerId', 'taxId']);
    expect(JSON.stringify(res)).not.toContain('SECRET-TAX-1');
    expect(await server.db.query(`select * from customer where id = $1`, [id])).toEqual(before);
  });

  it('refuses fields that are not part of the input type at all', async () => {
    const res = await server.gql(`mutation { updateCustomer(input: { id: "${own.sales1[0]}", version: 1, status: VOID }) { customer { id } } }`);
    expect(res.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses actions the role does not have', async () => {
    for (const user of ['support', 'auditor', 'reporting'] as const) {
      const res = await server.as(user)(`mutation { createCustomer(input: { name: "x", type: SMB }) { customer { id } } }`);
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const audit = await server.as('manager')(`{ auditEvents { totalCount } }`);
    expect(audit.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const orderBy = await server.as('support')(`{ interactions(orderBy: [{ field: AMOUNT, direction: DESC }]) { totalCount } }`);
    expect(orderBy.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('searches only fields the role reads in full', async () => {
    const admin = await server.gql(`{ customers(filter: { search: "sales1.0@" }) { totalCount } }`);
    expect(admin.data.customers.totalCount).toBe(1);
    const support = await server.as('support')(`{ customers(filter: { search: "sales1.0@" }) { totalCount } }`);
    expect(support.data.customers.totalCount).toBe(0);
  });
});

describe('access log', () => {
  it('records full reads of personal data once per request and field, not masked reads', async () => {
    await server.db.query(`update customer set phone = '+86 138 0000 0001' where id = $1`, [own.sales1[0]]);
    const before = (await server.db.query<{ n: number }>(`select count(*)::int as n from access_log`))[0]!.n;
    const res = await server.gql(`{ customers(first: 50) { nodes { id email phone name } } again: customers(first: 2) { nodes { email } } }`);
    expect(res.errors).toBeUndefined();
    await server.accessLogWritten();
    const rows = await server.db.query<{ field: string; entity_ids: string[]; actor_id: string }>(
      `select field, entity_ids::text[] as entity_ids, actor_id from access_log order by id offset $1`,
      [before],
    );
    expect(rows.map((r) => r.field).sort()).toEqual(['email', 'phone']);
    const withEmail = res.data.customers.nodes.filter((n: { email: string | null }) => n.email).map((n: { id: string }) => dbId(n.id));
    expect(rows.find((r) => r.field === 'email')!.entity_ids.sort()).toEqual(withEmail.sort());
    expect(rows.find((r) => r.field === 'phone')!.entity_ids).toEqual([own.sales1[0]]);
    expect(rows[0]!.actor_id).toBe(server.users.admin);
    await server.as('support')(`{ customers(first: 50) { nodes { email } } }`);
    await server.accessLogWritten();
    const after = (await server.db.query<{ n: number }>(`select count(*)::int as n from access_log`))[0]!.n;
    expect(after).toBe(before + 2);
  });

  it('writes fields that read the same records as one read, and shows a row per field', async () => {
    const ids = own.sales1.slice(0, 3);
    await server.db.query(`update customer set email = 'shared-' || id || '@example.com', address = 'Road ' || id, notes = case when id = $2 then 'note' end where id = any($1::bigint[])`, [ids, ids[0]]);
    const before = (await server.db.query<{ n: number }>(`select count(*)::int as n from access_log`))[0]!.n;
    const res = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Customer { email address notes } } }`, { ids: ids.map((id) => gid('Customer', id)) });
    expect(res.errors).toBeUndefined();
    await server.accessLogWritten();
    const [batch] = await server.db.query<{ reads: [string, string, string][] }>(
      `select (requests -> 0 -> 'reads')::jsonb as reads from access_log_batch order by id desc limit 1`,
    );
    const sorted = (list: string) => list.split(',').sort().join(',');
    expect(batch!.reads.map(([type, fields, list]) => [type, fields, sorted(list)])).toEqual([
      ['Customer', 'email,address', sorted(ids.join(','))],
      ['Customer', 'notes', ids[0]],
    ]);
    const rows = await server.db.query<{ id: string; field: string; entity_ids: string[] }>(
      `select id, field, entity_ids::text[] as entity_ids from access_log order by id offset $1`,
      [before],
    );
    expect(rows.map((r) => [r.field, [...r.entity_ids].sort()])).toEqual([
      ['email', [...ids].sort()],
      ['address', [...ids].sort()],
      ['notes', [ids[0]]],
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  });

  /** A trigger refusing the access-log rows that name one customer. */
  async function refuseLogOf(db: TestServer['db'], id: string): Promise<() => Promise<void>> {
    await db.query(`create function refuse_test_access_log() returns trigger language plpgsql as $$
      begin
        if new.record_ids @> array[${Number(id)}]::bigint[] then raise exception 'access log refused by the test'; end if;
        return new;
      end $$`);
    await db.query(`create trigger refuse_test_access_log before insert on access_log_batch for each row execute function refuse_test_access_log()`);
    return async () => {
      await db.query(`drop trigger refuse_test_access_log on access_log_batch`);
      await db.query(`drop function refuse_test_access_log()`);
    };
  }

  it('answers once the reads are spooled, and writes them when the table takes them again, each once', async () => {
    const id = await insertCustomer(server.db, { name: 'late logged', email: 'late.logged@example.com' });
    const allow = await refuseLogOf(server.db, id);
    let allowed = false;
    try {
      const token = await server.tokenFor('admin');
      const read = await server.post({ query: `{ customer(id: "${gid('Customer', id)}") { email } }` }, { authorization: `Bearer ${token}`, 'x-request-id': 'spooled-while-refused' });
      expect(read.status).toBe(200);
      expect(read.body.data).toEqual({ customer: { email: 'late.logged@example.com' } });
      // Other reads answer too; their rows wait behind the refused ones (the log keeps order).
      const other = await server.post({ query: `{ customer(id: "${gid('Customer', own.sales1[1]!)}") { email } }` }, { authorization: `Bearer ${token}`, 'x-request-id': 'spooled-behind' });
      expect(other.status).toBe(200);
      await allow();
      allowed = true;
      await until(async () => (await server.db.query(`select 1 from access_log where request_id = 'spooled-behind'`)).length > 0, 'the spooled reads written after the refusal ended');
      await server.accessLogWritten();
      const rows = await server.db.query<{ request_id: string; ids: string[] }>(
        `select request_id, entity_ids::text[] as ids from access_log where request_id in ('spooled-while-refused', 'spooled-behind') order by request_id`,
      );
      expect(rows).toEqual([
        { request_id: 'spooled-behind', ids: [own.sales1[1]] },
        { request_id: 'spooled-while-refused', ids: [id] },
      ]);
    } finally {
      if (!allowed) await allow();
    }
  }, 60_000);

  it('withholds the answer when its rows cannot be written and there is no spool (ACCESS_LOG_SPOOL=off), with a masked error', async () => {
    const metricsToken = 'metrics-token-0123456789abcdef';
    const strict = await startTestServer({ ACCESS_LOG_SPOOL: 'off', METRICS_TOKEN: metricsToken });
    try {
      const id = await insertCustomer(strict.db, { name: 'unloggable', email: 'unloggable@example.com' });
      const otherId = await insertCustomer(strict.db, { name: 'loggable', email: 'loggable@example.com' });
      const allow = await refuseLogOf(strict.db, id);
      const token = await strict.tokenFor('admin');
      const refused = await strict.post({ query: `{ customer(id: "${gid('Customer', id)}") { id name email } }` }, { authorization: `Bearer ${token}` });
      expect(refused.status).toBe(500);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) })]);
      expect(JSON.stringify(refused.body)).not.toContain('unloggable');
      expect(JSON.stringify(refused.body)).not.toContain('refused by the test');
      const inChinese = await strict.post({ query: `{ customer(id: "${gid('Customer', id)}") { email } }` }, { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' });
      expect(inChinese.status).toBe(500);
      expect(inChinese.body.errors).toEqual([expect.objectContaining({ message: '服务器内部错误', extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) })]);
      // Without a full read of personal data there is nothing to log, and the answer goes out.
      const masked = await strict.as('support')(`{ customer(id: "${gid('Customer', id)}") { name email } }`);
      expect(masked.errors).toBeUndefined();
      expect(masked.data.customer.email).not.toBe('unloggable@example.com');
      const other = await strict.post({ query: `{ customer(id: "${gid('Customer', otherId)}") { email } }` }, { authorization: `Bearer ${token}`, 'x-request-id': 'logged-before-answer' });
      expect(other.status).toBe(200);
      expect(other.body.data).toEqual({ customer: { email: 'loggable@example.com' } });
      // Committed before the answer left: no wait needed to find it.
      expect(await strict.db.query(`select entity_ids::text[] as ids from access_log where request_id = 'logged-before-answer'`)).toEqual([{ ids: [otherId] }]);
      // The metrics count the withheld answers as the errors the clients got.
      const metrics = await (await fetch(`${strict.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
      const counted = (code: string) =>
        metrics.split('\n').filter((l) => l.startsWith('custos_graphql_operations_total{') && l.includes(`code="${code}"`)).reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
      expect(counted('INTERNAL_SERVER_ERROR')).toBe(2);
      expect(counted('OK')).toBe(2);
      await allow();
    } finally {
      await strict.close();
    }
  }, 120_000);
});
