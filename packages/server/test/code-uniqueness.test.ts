import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { purgeNowForTest } from './helpers/purge.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/test-server.js';
import { dbId, gid } from './helpers/global-ids.js';

/**
 * A customer code lives in exactly one place, live or archived, whatever runs at the same
 * time: a create of the code while its customer is being archived loses cleanly, the
 * archived customer restores, and twins left from before the key table are reported and
 * repairable.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CREATE = `mutation($code: String!) { createCustomer(input: { name: "Race twin", type: SMB, code: $code }) { customer { id code } } }`;
const ARCHIVE = `mutation($ids: [ID!]!) {
  archiveCustomers(input: { ids: $ids, reason: "code race" }) { customers { id } failures { id code message } archivedInteractions } }`;
const RESTORE = `mutation($ids: [ID!]!) {
  restoreCustomers(input: { ids: $ids, reason: "code race" }) { customers { id code status } failures { id code message } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $code: String!) { updateCustomer(input: { id: $id, version: $version, code: $code }) { customer { id code version } } }`;
const VERIFY = `{ verifyArchive { ok checkedCustomers mismatches { kind id } } }`;

let batch = 0;
/** Customers with a few interactions each, so archiving them takes a while; ids ascending. */
async function seed(count: number): Promise<{ ids: string[]; codes: string[] }> {
  batch += 1;
  const rows = await server.db.query<{ id: string; code: string }>(
    `insert into customer (code, name, type) select 'RACE-${batch}-' || g, 'Race ' || g, 'SMB' from generate_series(1, $1::int) g
     returning id::text, code`,
    [count],
  );
  await server.db.query(
    `insert into interaction (customer_id, kind, occurred_at, subject)
     select c.id, 'NOTE', now() - make_interval(days => k), 'note ' || k from unnest($1::bigint[]) c(id), generate_series(1, 3) k`,
    [rows.map((r) => r.id)],
  );
  return { ids: rows.map((r) => r.id), codes: rows.map((r) => r.code) };
}

async function stores(code: string) {
  const [row] = await server.db.query<{ live: string[]; archived: string[]; key: string | null }>(
    `select array(select id::text from customer where code = $1) as live,
            array(select id::text from archive.customer where code = $1) as archived,
            (select customer_id::text from customer_code where code = $1) as key`,
    [code],
  );
  return row!;
}

describe('a code and the archive move', () => {
  it('refuses every create of the code of a customer being archived, and the customer restores', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const { ids, codes } = await seed(1000);
      // Late in id order: the move locks and deletes rows in id order, so the create runs
      // while the row is deleted but the archive not yet committed — the window of the bug.
      const t = ids.length - 10;
      const [tId, tCode] = [ids[t]!, codes[t]!];
      let archiving = true;
      const archived = server.gql(ARCHIVE, { ids }).finally(() => {
        archiving = false;
      });
      const creates: Promise<GraphQLResponse>[] = [];
      // Keep firing until the archive is done, then a few more against the committed archive.
      for (let after = 0; archiving || after < 3; after += archiving ? 0 : 1) {
        creates.push(server.gql(CREATE, { code: tCode }));
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      const archive = await archived;
      expect(archive.errors).toBeUndefined();
      expect(archive.data.archiveCustomers.failures).toEqual([]);
      expect(archive.data.archiveCustomers.customers).toHaveLength(1000);

      const answers = await Promise.all(creates);
      expect(answers.length).toBeGreaterThan(3);
      for (const answer of answers) {
        expect(answer.data?.createCustomer ?? null).toBeNull();
        expect(answer.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT', reason: 'CUSTOMER_CODE_TAKEN', fields: [{ field: 'code', message: 'already in use' }],
        });
      }
      expect(await stores(tCode)).toEqual({ live: [], archived: [tId], key: tId });

      const restored = await server.gql(RESTORE, { ids: [tId] });
      expect(restored.errors).toBeUndefined();
      expect(restored.data.restoreCustomers).toEqual({ customers: [{ id: gid('Customer', tId), code: tCode, status: 'ACTIVE' }], failures: [] });
      expect(await stores(tCode)).toEqual({ live: [tId], archived: [], key: tId });
    }
  });

  it('keeps the code while the customer is archived and restored, and frees it when it is purged', async () => {
    const { ids: [id], codes: [code] } = await seed(1);
    await server.gql(ARCHIVE, { ids: [id] });
    expect(await stores(code!)).toMatchObject({ archived: [id], key: id });
    const taken = await server.gql(CREATE, { code });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CUSTOMER_CODE_TAKEN' });

    await purgeNowForTest(server, id!, code!, 'gone');
    expect(await stores(code!)).toEqual({ live: [], archived: [], key: null });
    const reused = await server.gql(CREATE, { code });
    expect(reused.errors).toBeUndefined();
    expect(await stores(code!)).toMatchObject({ key: dbId(reused.data.createCustomer.customer.id) });
  });

  it('moves the key with a code change, so the old code is free at once', async () => {
    const { ids: [id], codes: [code] } = await seed(1);
    const changed = await server.gql(UPDATE, { id, version: 1, code: `${code}-NEW` });
    expect(changed.errors).toBeUndefined();
    expect(await stores(`${code}-NEW`)).toEqual({ live: [id], archived: [], key: id });
    expect(await stores(code!)).toEqual({ live: [], archived: [], key: null });
    expect((await server.gql(CREATE, { code })).errors).toBeUndefined();

    // A code held in the archive cannot be taken by renaming either.
    const { ids: [other], codes: [archivedCode] } = await seed(1);
    await server.gql(ARCHIVE, { ids: [other] });
    const refused = await server.gql(UPDATE, { id, version: 2, code: archivedCode });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CUSTOMER_CODE_TAKEN' });
  });

  it('answers a generated code that is free in both stores', async () => {
    const [{ next }] = await server.db.query<{ next: string }>(
      `select 'C' || lpad((last_value + 1)::text, 7, '0') as next from customer_code_seq`,
    );
    const { ids: [id] } = await seed(1);
    await server.db.query(`update customer set code = $2 where id = $1`, [id, next]);
    await server.gql(ARCHIVE, { ids: [id] });
    const generated = await server.gql(`mutation { createCustomer(input: { name: "Generated", type: SMB }) { customer { code } } }`);
    expect(generated.errors).toBeUndefined();
    expect(generated.data.createCustomer.customer.code).not.toBe(next);
  });
});

describe('twins from before the key table', () => {
  /** The state the migration leaves for a code found in both stores: the live customer
   * holds the key, the archived one has none. */
  async function twin(): Promise<{ live: string; archived: string; code: string }> {
    const { ids: [archived], codes: [code] } = await seed(1);
    await server.gql(ARCHIVE, { ids: [archived] });
    await server.db.query(`delete from customer_code where code = $1`, [code]);
    const [row] = await server.db.query<{ id: string }>(`insert into customer (code, name, type) values ($1, 'Live twin', 'SMB') returning id::text`, [code]);
    return { live: row!.id, archived: archived!, code: code! };
  }

  it('are reported by the archive verification, refused by restore and archive as CONFLICT naming the code, and repaired by a rename', async () => {
    const { live, archived, code } = await twin();
    const verify = await server.gql(VERIFY);
    expect(verify.data.verifyArchive.ok).toBe(false);
    expect(verify.data.verifyArchive.mismatches).toContainEqual({ kind: 'CODE_TWIN', id: archived });

    const restore = await server.gql(RESTORE, { ids: [archived] });
    expect(restore.errors).toBeUndefined();
    expect(restore.data.restoreCustomers.customers).toEqual([]);
    expect(restore.data.restoreCustomers.failures).toEqual([{ id: gid('Customer', archived), code: 'CONFLICT', message: expect.stringContaining(code) }]);

    // The live twin is refused alone; the others of the batch go ahead.
    const { ids: [bystander] } = await seed(1);
    const archive = await server.gql(ARCHIVE, { ids: [live, bystander] });
    expect(archive.errors).toBeUndefined();
    expect(archive.data.archiveCustomers.customers).toEqual([{ id: gid('ArchivedCustomer', bystander) }]);
    expect(archive.data.archiveCustomers.failures).toEqual([{ id: gid('Customer', live), code: 'CONFLICT', message: expect.stringContaining(code) }]);

    // The repair (docs/api-clients/lifecycle.md, code twins): rename the live twin; the archived one inherits the code.
    const [{ version }] = await server.db.query<{ version: number }>(`select version from customer where id = $1`, [live]);
    expect((await server.gql(UPDATE, { id: live, version, code: `${code}-L` })).errors).toBeUndefined();
    expect(await stores(code)).toEqual({ live: [], archived: [archived], key: archived });
    expect((await server.gql(VERIFY)).data.verifyArchive.mismatches).not.toContainEqual({ kind: 'CODE_TWIN', id: archived });
    const again = await server.gql(RESTORE, { ids: [archived] });
    expect(again.data.restoreCustomers.failures).toEqual([]);
    expect(await stores(code)).toEqual({ live: [archived], archived: [], key: archived });
  });

  it('hand the code to the archived twin when the live one is purged', async () => {
    const { live, archived, code } = await twin();
    await server.gql(`mutation($id: ID!) { voidCustomer(input: { id: $id, reason: TEST_RECORD }) { customer { id } } }`, { id: live });
    await purgeNowForTest(server, live, code, 'twin');
    expect(await stores(code)).toEqual({ live: [], archived: [archived], key: archived });
  });
});
