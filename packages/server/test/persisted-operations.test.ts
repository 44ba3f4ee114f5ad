import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config.js';
import { OperationRegistry, type RegisteredOperation } from '../src/graphql/persisted-operations.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const registryFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/persisted-operations.json');
const registered: RegisteredOperation[] = JSON.parse(fs.readFileSync(registryFile, 'utf8')).operations;
const archiveStats = registered.find((op) => op.name === 'ArchiveStats')!;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

const UNREGISTERED = 'query NotRegistered { archiveStats { customers legalHolds } }';

/** Each mode gets its own server; all send the same requests as the REPORTING user. */
function modeSuite(mode: 'off' | 'allow' | 'only', body: (s: () => TestServer, send: (payload: object, anonymous?: boolean) => Promise<any>) => void) {
  describe(`PERSISTED_OPERATIONS=${mode}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ PERSISTED_OPERATIONS: mode });
    });
    afterAll(async () => server?.close());
    const send = async (payload: object, anonymous = false) => {
      const headers: Record<string, string> = anonymous ? {} : { authorization: `Bearer ${await server.tokenFor('reporting')}` };
      return server.post(payload, headers);
    };
    body(() => server, send);
  });
}

describe('the registry', () => {
  it('is loaded from packages/schema/persisted-operations.json with hashes of the exact documents', () => {
    const registry = OperationRegistry.load(loadConfig({ NODE_ENV: 'test' }));
    expect(registry.names).toEqual(new Set(registered.map((op) => op.name)));
    for (const op of registered) expect(op.sha256).toBe(sha256(op.document));
  });

  it('must exist when only registered operations may run', () => {
    const config = loadConfig({ NODE_ENV: 'test', PERSISTED_OPERATIONS: 'only', PERSISTED_OPERATIONS_FILE: '/nonexistent/ops.json' });
    expect(() => OperationRegistry.load(config)).toThrow(/PERSISTED_OPERATIONS=only but the registry \/nonexistent\/ops\.json does not exist/);
    expect(() => loadConfig({ PERSISTED_OPERATIONS: 'sometimes' })).toThrow(/PERSISTED_OPERATIONS/);
  });
});

modeSuite('allow', (_server, send) => {
  it('runs a registered operation sent by hash alone', async () => {
    const res = await send(byHash(archiveStats.sha256));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.archiveStats.customers).toBe(0);
  });

  it('answers PERSISTED_QUERY_NOT_FOUND for an unknown hash, then learns it the APQ way', async () => {
    const hash = sha256(UNREGISTERED);
    const miss = await send(byHash(hash));
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await send({ query: UNREGISTERED, ...byHash(hash) });
    expect(register.body.errors).toBeUndefined();
    const hit = await send(byHash(hash));
    expect(hit.body.errors).toBeUndefined();
    expect(hit.body.data.archiveStats).toEqual({ customers: 0, legalHolds: 0 });
  });

  it('refuses a hash that does not match the document', async () => {
    const res = await send({ query: UNREGISTERED, ...byHash(sha256('something else')) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ message: 'provided sha does not match query', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('still runs plain documents', async () => {
    const res = await send({ query: '{ archiveStats { interactions } }' });
    expect(res.body).toEqual({ data: { archiveStats: { interactions: 0 } } });
  });
});

modeSuite('only', (server, send) => {
  it('runs registered operations, by hash or by their exact text', async () => {
    expect((await send(byHash(archiveStats.sha256))).body.errors).toBeUndefined();
    const res = await send({ query: archiveStats.document });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.archiveStats.customers).toBe(0);
  });

  it('refuses any other document before it runs, with OPERATION_NOT_REGISTERED', async () => {
    for (const anonymous of [false, true]) {
      const res = await send({ query: UNREGISTERED }, anonymous);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'OPERATION_NOT_REGISTERED' } })] });
    }
    // A registered document with an extra field is another document.
    const changed = archiveStats.document.replace('legalHolds', 'legalHolds\n    pastRetention\n    customers');
    expect((await send({ query: changed })).body.errors[0].extensions.code).toBe('OPERATION_NOT_REGISTERED');
    // Refused before any resolver runs: an ADMIN's mutation creates nothing.
    const create = await server().post(
      { query: 'mutation { createCustomer(input: { name: "Never Created", type: SMB }) { customer { id } } }' },
      { authorization: `Bearer ${await server().tokenFor('admin')}` },
    );
    expect(create.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
    expect(await server().db.query(`select id from customer where name = 'Never Created'`)).toEqual([]);
  });

  it('does not learn documents by APQ', async () => {
    const hash = sha256(UNREGISTERED);
    const register = await send({ query: UNREGISTERED, ...byHash(hash) });
    expect(register.body.errors[0].extensions.code).toBe('OPERATION_NOT_REGISTERED');
    const again = await send(byHash(hash));
    expect(again.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('lets a reporting tool sign in with the registered Login operation', async () => {
    const login = registered.find((op) => op.name === 'Login')!;
    const res = await send({ ...byHash(login.sha256), variables: { email: 'reporting@example.com', password: 'wrong-password-123' } }, true);
    // The operation runs (and fails on the credentials, not on the registry).
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

modeSuite('off', (_server, send) => {
  it('answers PERSISTED_QUERY_NOT_SUPPORTED to a hash and runs plain documents', async () => {
    const res = await send(byHash(archiveStats.sha256));
    expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect((await send({ query: archiveStats.document })).body.errors).toBeUndefined();
  });
});
