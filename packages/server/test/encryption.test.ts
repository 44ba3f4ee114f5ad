import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { installKeyRing, parseKeyRing } from '../src/crypto/keyring.js';
import { open, seal, sealTaxId, taxIdLookupHashes } from '../src/crypto/sealed.js';
import { SEALED_STORAGE, unencryptedSensitiveFields } from '../src/crypto/sensitive.js';
import { SENSITIVE_FIELDS } from '../src/policy/policy.js';
import { taxIdShape } from '../src/modules/customer/customer.tax.js';
import { insertCustomer, setTaxId } from './helpers/fixtures.js';
import { startWorker, waitForJob } from './helpers/jobs.js';
import { TEST_ENCRYPTION_KEY } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { dbId, gid } from './helpers/global-ids.js';

const KEY_A = TEST_ENCRYPTION_KEY;
const KEY_B = 'kb:' + Buffer.alloc(32, 9).toString('base64');
const TAX = '91310000MA1K4XY12B';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());
afterEach(() => installKeyRing(parseKeyRing(KEY_A)));

async function create(taxId: string | null, name = 'Sealed Ltd'): Promise<string> {
  const res = await server.gql(`mutation($taxId: String, $name: String!) { createCustomer(input: { name: $name, type: SMB, taxId: $taxId }) { customer { id taxId } } }`, {
    taxId,
    name,
  });
  expect(res.errors).toBeUndefined();
  return dbId(res.data.createCustomer.customer.id);
}

const raw = async (table: string, id: string) =>
  (await server.db.query<{ tax_id: string | null; tax_id_hash: Buffer | null }>(`select tax_id, tax_id_hash from ${table} where id = $1`, [id]))[0]!;

describe('the policy decides what is encrypted', () => {
  it('marks the tax id sensitive, and every sensitive field has an encrypted column', () => {
    expect(SENSITIVE_FIELDS).toEqual(['Customer.taxId', 'ArchivedCustomer.taxId']);
    expect(unencryptedSensitiveFields()).toEqual([]);
  });

  it('stores every sensitive field as ciphertext with a blind index, in every table that holds it', async () => {
    for (const storage of SEALED_STORAGE) {
      // Written through the API, then moved to the archive: the value must never be plaintext.
      const created = await server.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`, {
        input: { name: `Sealed ${storage.name}`, type: 'SMB', [storage.recordKey]: TAX },
      });
      const id = dbId(created.data.createCustomer.customer.id);
      const live = await raw('customer', id);
      expect(live[storage.name as 'tax_id']).toMatch(/^v1:test1:[A-Za-z0-9_-]+$/);
      expect(live[storage.name as 'tax_id']).not.toContain(TAX);
      expect(live[storage.hashColumn as 'tax_id_hash']).toEqual(taxIdLookupHashes(TAX)[0]);
      const archived = await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "test" }) { customers { id } } }`, { ids: [id] });
      expect(archived.errors).toBeUndefined();
      for (const table of storage.tables.filter((t) => t !== 'customer')) {
        const row = await raw(table, id);
        // Copied as is: the ciphertext does not depend on the table or row it sits in.
        expect(row).toEqual(live);
      }
      const restored = await server.gql(`mutation($ids: [ID!]!) { restoreCustomers(input: { ids: $ids, reason: "back" }) { customers { id taxId } } }`, { ids: [id] });
      expect(restored.data.restoreCustomers.customers).toEqual([{ id: gid('Customer', id), taxId: TAX }]);
      expect(await raw('customer', id)).toEqual(live);
    }
    const [plain] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from (select tax_id from customer union all select tax_id from archive.customer) x where x.tax_id = $1`,
      [TAX],
    );
    expect(plain!.n).toBe(0);
  });
});

describe('every reader decrypts', () => {
  it('calls openCustomerRows wherever the customer record columns are selected', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
    const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, f));
    const readers = files.filter((f) => /\$\{(ARCHIVED_)?CUSTOMER_COLUMNS\}/.test(fs.readFileSync(f, 'utf8')));
    expect(readers.length).toBeGreaterThan(5);
    for (const file of readers) expect([path.relative(root, file), fs.readFileSync(file, 'utf8').includes('openCustomerRows(')]).toEqual([path.relative(root, file), true]);
  });
});

describe('reading', () => {
  it('returns the value in full to ADMIN, masked to MANAGER, not at all to SUPPORT, live and archived', async () => {
    const live = await create(TAX);
    const gone = await create('91110000MA2B7QR34C', 'Archived Sealed');
    await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "test" }) { customers { id } } }`, { ids: [gone] });
    const q = `query($a: ID!, $b: ID!) { customer(id: $a) { taxId } archivedCustomer(id: $b) { taxId } }`;
    expect((await server.gql(q, { a: live, b: gone })).data).toEqual({ customer: { taxId: TAX }, archivedCustomer: { taxId: '91110000MA2B7QR34C' } });
    const manager = await server.as('manager')(q, { a: live, b: gone });
    expect(manager.data.customer.taxId).toMatch(/^\d{2}\*+[0-9A-Z]{4}$/);
    expect(manager.data.customer.taxId).not.toBe(TAX);
    const support = await server.as('support')(`query($a: ID!) { customer(id: $a) { taxId } }`, { a: live });
    expect(support.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('still reads a legacy plaintext value written before encryption', async () => {
    const id = await insertCustomer(server.db, { name: 'Legacy Ltd' });
    await server.db.query(`update customer set tax_id = 'LEGACY-12345' where id = $1`, [id]);
    expect((await server.gql(`query($id: ID!) { customer(id: $id) { taxId } }`, { id })).data.customer.taxId).toBe('LEGACY-12345');
  });

  it('fails with DECRYPTION_FAILED, not garbage, when a ciphertext was altered or relabelled with another key', async () => {
    const id = await create(TAX, 'Tampered Ltd');
    const { tax_id: stored } = await raw('customer', id);
    const body = Buffer.from(stored!.split(':')[2]!, 'base64url');
    body[14]! ^= 1;
    await server.db.query(`update customer set tax_id = $2 where id = $1`, [id, `v1:test1:${body.toString('base64url')}`]);
    const res = await server.gql(`query($id: ID!) { customer(id: $id) { name taxId } }`, { id });
    expect(res.data?.customer ?? null).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: 'DECRYPTION_FAILED' });
    expect(res.errors![0]!.message).toMatch(new RegExp(`customer.tax_id of customer ${gid('Customer', id)} failed authenticated decryption`));
    expect(res.errors![0]!.message).not.toContain(TAX);
    // Relabelling a ciphertext with another key id fails too (the key id is authenticated).
    const twoKeys = parseKeyRing(`${KEY_A},${'other:' + Buffer.alloc(32, 7).toString('base64')}`);
    expect(() => open('customer.tax_id', stored!.replace('v1:test1:', 'v1:other:'), 'x', twoKeys)).toThrow(/failed authenticated decryption/);
    expect(open('customer.tax_id', seal('customer.tax_id', 'x', twoKeys), 'x', twoKeys)).toBe('x');
    await server.db.query(`update customer set tax_id = null where id = $1`, [id]);
  });

  it('names a missing key clearly (ENCRYPTION_KEY_UNKNOWN)', async () => {
    const id = await create(TAX, 'Orphan Ltd');
    installKeyRing(parseKeyRing(KEY_B));
    const res = await server.gql(`query($id: ID!) { customer(id: $id) { taxId } }`, { id });
    expect(res.errors![0]!.extensions).toMatchObject({ reason: 'ENCRYPTION_KEY_UNKNOWN' });
    expect(res.errors![0]!.message).toMatch(/encrypted under key "test1", which ENCRYPTION_KEY does not contain/);
    installKeyRing(parseKeyRing(KEY_A));
    await server.db.query(`update customer set tax_id = null where id = $1`, [id]);
  });
});

describe('exact lookup through the blind index', () => {
  it('finds a customer by tax id whatever its spacing and case, live and archived, for ADMIN', async () => {
    const id = await create('91440300MA5F1ABC2D', 'Lookup Ltd');
    const list = `query($t: String!) { customers(filter: { taxId: $t }) { totalCount nodes { id taxId } } }`;
    expect((await server.gql(list, { t: '9144 0300 ma5f-1abc2d' })).data.customers).toEqual({ totalCount: 1, nodes: [{ id: gid('Customer', id), taxId: '91440300MA5F1ABC2D' }] });
    expect((await server.gql(list, { t: '91440300MA5F1ABC2E' })).data.customers.totalCount).toBe(0);
    await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "test" }) { customers { id } } }`, { ids: [id] });
    const archived = await server.gql(`query($t: String!) { archivedCustomers(filter: { taxId: $t }) { nodes { id } } }`, { t: '91440300ma5f1abc2d' });
    expect(archived.data.archivedCustomers.nodes).toEqual([{ id: gid('ArchivedCustomer', id) }]);
  });

  it('refuses the filter to roles that do not read the tax id in full (it would be an oracle), and where it would be stored', async () => {
    const manager = await server.as('manager')(`{ customers(filter: { taxId: "91440300MA5F1ABC2D" }) { totalCount } }`);
    expect(manager.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const segment = await server.gql(`mutation { saveSegment(input: { name: "By tax id", filter: { taxId: "X1" } }) { segment { id } } }`);
    expect(segment.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const exported = await server.gql(`mutation { createExport(input: { resource: CUSTOMERS, customers: { taxId: "X1" } }) { url } }`);
    expect(exported.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const normalize = await server.gql(`mutation { normalizeCustomers(input: { filter: { taxId: "X1" }, dryRun: false }) { job { id } } }`);
    expect(normalize.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    // Nothing that keeps a filter (segments, export links, job parameters) holds the tax id.
    const [stored] = await server.db.query<{ n: number }>(
      `select (select count(*) from segment where filter::text like '%X1%') + (select count(*) from export_request where filter::text like '%X1%')
            + (select count(*) from job where params::text like '%X1%') as n`,
    );
    expect(Number(stored!.n)).toBe(0);
  });
});

describe('key rotation', () => {
  it('re-encrypts everything under the new key (legacy plaintext included), after which the old key can go', async () => {
    const a = await create('91310000MA1ROT0001', 'Rotate A');
    const b = await create('91310000MA1ROT0002', 'Rotate B');
    await server.gql(`mutation($ids: [ID!]!) { archiveCustomers(input: { ids: $ids, reason: "test" }) { customers { id } } }`, { ids: [b] });
    // A merge keeps the merged customer's row (tax id included) for unmerge.
    const survivor = await create(null, 'Rotate Survivor');
    const merged = await create('91310000MA1ROT0005', 'Rotate Merged');
    const merge = await server.gql(`mutation($s: ID!, $m: ID!) { mergeCustomers(input: { survivorId: $s, mergedIds: [$m], versions: [{ id: $s, version: 1 }, { id: $m, version: 1 }] }) { merge { id } survivor { taxId } } }`, { s: survivor, m: merged });
    expect(merge.errors).toBeUndefined();
    expect(merge.data.mergeCustomers.survivor.taxId).toBe('91310000MA1ROT0005');
    const legacy = await insertCustomer(server.db, { name: 'Rotate Legacy' });
    await server.db.query(`update customer set tax_id = '91310000MA1ROT0003' where id = $1`, [legacy]);

    installKeyRing(parseKeyRing(`${KEY_B},${KEY_A}`));
    // Before the job: everything still reads, new writes go under kb.
    const c = await create('91310000MA1ROT0004', 'Rotate C');
    expect((await raw('customer', c)).tax_id).toMatch(/^v1:kb:/);
    expect((await server.gql(`query($id: ID!) { customer(id: $id) { taxId } }`, { id: a })).data.customer.taxId).toBe('91310000MA1ROT0001');

    expect((await server.as('manager')(`mutation { startKeyRotation { job { id } } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const started = await server.gql(`mutation { startKeyRotation(input: { reason: "yearly rotation" }) { job { id kind state } } }`);
    expect(started.data.startKeyRotation.job).toMatchObject({ kind: 'ROTATE_ENCRYPTION_KEYS', state: 'QUEUED' });
    const worker = startWorker(server, { ENCRYPTION_KEY: `${KEY_B},${KEY_A}`, ARCHIVE_BATCH_SIZE: '2' });
    try {
      const job = await waitForJob(server.db, started.data.startKeyRotation.job.id);
      expect(job.state).toBe('SUCCEEDED');
      expect(job.result).toMatchObject({ keyId: 'kb', skippedArchived: 0 });
      expect((job.result as any).archivedCustomers).toBeGreaterThanOrEqual(1);
    } finally {
      await worker.stop();
    }
    const [left] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from (select tax_id from customer union all select tax_id from archive.customer) x
        where x.tax_id is not null and x.tax_id not like 'v1:kb:%'`,
    );
    expect(left!.n).toBe(0);
    // Archived rows were resealed: their checksums still verify.
    expect((await server.gql(`{ verifyArchive { ok } }`)).data.verifyArchive.ok).toBe(true);
    const audits = await server.db.query<{ action: string }>(`select action from audit_event where entity_type = 'Job' and action like 'JOB_%' and entity_id = $1`, [dbId(started.data.startKeyRotation.job.id)]);
    expect(audits.map((e) => e.action)).toEqual(expect.arrayContaining(['JOB_ENQUEUED']));

    installKeyRing(parseKeyRing(KEY_B));
    const read = await server.gql(`query($a: ID!, $l: ID!, $c: ID!, $b: ID!) { a: customer(id: $a) { taxId } l: customer(id: $l) { taxId } c: customer(id: $c) { taxId } b: archivedCustomer(id: $b) { taxId } }`, { a, l: legacy, c, b });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ a: { taxId: '91310000MA1ROT0001' }, l: { taxId: '91310000MA1ROT0003' }, c: { taxId: '91310000MA1ROT0004' }, b: { taxId: '91310000MA1ROT0002' } });
    const [snapshot] = await server.db.query<{ t: string }>(`select m.snapshot -> $2::text ->> 'tax_id' as t from customer_merge m where m.id = $1`, [dbId(merge.data.mergeCustomers.merge.id), merged]);
    expect(snapshot!.t).toMatch(/^v1:kb:/);
    const unmerged = await server.gql(`mutation($id: ID!) { unmergeCustomers(input: { mergeId: $id, reason: "rotation test" }) { customers { id taxId } } }`, { id: merge.data.mergeCustomers.merge.id });
    expect(unmerged.errors).toBeUndefined();
    expect(unmerged.data.unmergeCustomers.customers).toEqual(expect.arrayContaining([{ id: gid('Customer', merged), taxId: '91310000MA1ROT0005' }, { id: gid('Customer', survivor), taxId: null }]));
    // Kept history states were re-encrypted too: the history reads with the new key alone.
    const [stale] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from customer_history h where h.state ->> 'tax_id' is not null and h.state ->> 'tax_id' not like 'v1:kb:%'`,
    );
    expect(stale!.n).toBe(0);
    const history = await server.gql(`query($a: ID!) { customerHistory(id: $a) { action changes { field to } } }`, { a });
    expect(history.errors).toBeUndefined();
    expect(history.data.customerHistory[0].changes).toEqual(expect.arrayContaining([{ field: 'taxId', to: '91310000MA1ROT0001' }]));
    // The blind index moved with the key: lookups find the rewritten and the legacy value.
    const found = await server.gql(`{ customers(filter: { taxId: "91310000MA1ROT0003" }) { nodes { id } } }`);
    expect(found.data.customers.nodes).toEqual([{ id: gid('Customer', legacy) }]);
    // Tests after this one in the file use key A only and no database rows.
  });

  it('erasure removes the ciphertext and the blind index', async () => {
    const id = await create(TAX, 'Erase Me');
    const [{ code }] = await server.db.query<{ code: string }>(`select code from customer where id = $1`, [id]);
    const res = await server.gql(`mutation($id: ID!, $code: String!) { erasePersonalData(input: { id: $id, confirm: $code, reason: "request" }) { customer { taxId } } }`, { id, code });
    expect(res.errors).toBeUndefined();
    expect(await raw('customer', id)).toEqual({ tax_id: null, tax_id_hash: null });
  });

  it('keeps the tax id shape beside the value, so the data-quality scan selects without decrypting', async () => {
    expect(['000000', 'n/a', '9131 0000 ma1k', 'ab', '91310000MA1K4XY12B', 'US-123456789'].map(taxIdShape)).toEqual([
      'PLACEHOLDER', 'PLACEHOLDER', 'UNNORMALIZED', 'INVALID', 'USCC', 'OTHER',
    ]);
    const id = await create('9131 0000 ma1k4xy12b', 'Shape Ltd');
    expect((await server.db.query(`select tax_id_shape from customer where id = $1`, [id]))[0]).toEqual({ tax_id_shape: 'UNNORMALIZED' });
  });

  it('sealTaxId gives placeholders no blind index', () => {
    expect(sealTaxId('000000000').taxIdHash).toBeNull();
    expect(sealTaxId('n/a').taxIdHash).toBeNull();
    expect(sealTaxId(TAX).taxIdHash).not.toBeNull();
  });
});
