import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, UnsecuredJWT } from 'jose';
import { hashPassword } from '../src/modules/identity/passwords.js';
import { AUDIENCE, ISSUER } from '../src/core/tokens.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token refreshToken expiresAt user { id email role permissions } } }`;
const REFRESH = `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { token refreshToken user { id } } }`;
const CREATE = `mutation { createCustomer(input: { name: "Should not exist", type: SMB }) { customer { id } } }`;

let server: TestServer;
const key = new TextEncoder().encode(TEST_JWT_SECRET);

let hash = '';

beforeAll(async () => {
  server = await startTestServer();
  hash = await hashPassword('custos-demo');
  await server.db.query(`update app_user set password_hash = $1`, [hash]);
});
afterAll(async () => {
  await server.close();
});

const customers = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from customer`))[0]!.n;
const audits = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;

describe('login', () => {
  it('returns a working token, a refresh token and the user with permissions', async () => {
    const res = await server.anonymous(LOGIN, { input: { email: 'Manager@Example.com', password: 'custos-demo' } });
    expect(res.errors).toBeUndefined();
    const { token, user, expiresAt } = res.data.login;
    expect(user).toMatchObject({ email: 'manager@example.com', role: 'MANAGER' });
    expect(user.permissions).toEqual(expect.arrayContaining(['customer:update', 'customer:update:all', 'field:Customer.taxId:MASKED']));
    expect(user.permissions).not.toContain('customer:purge');
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(10 * 60 * 1000);
    const me = await server.post({ query: '{ me { email role } }' }, { authorization: `Bearer ${token}` });
    expect(me.body.data).toEqual({ me: { email: 'manager@example.com', role: 'MANAGER' } });
    const [row] = await server.db.query(`select action, entity_id from audit_event order by seq desc limit 1`);
    expect(row).toEqual({ action: 'USER_LOGGED_IN', entity_id: server.users.manager });
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await server.anonymous(LOGIN, { input: { email: 'manager@example.com', password: 'nope-nope-nope' } });
    const unknown = await server.anonymous(LOGIN, { input: { email: 'nobody@example.com', password: 'custos-demo' } });
    for (const res of [wrong, unknown]) {
      expect(res.data).toBeNull();
      expect(res.errors![0]).toMatchObject({ message: 'Email or password is incorrect', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses a disabled user', async () => {
    await server.db.query(`update app_user set enabled = false where id = $1`, [server.users.reporting]);
    const res = await server.anonymous(LOGIN, { input: { email: 'reporting@example.com', password: 'custos-demo' } });
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    await server.db.query(`update app_user set enabled = true where id = $1`, [server.users.reporting]);
  });
});

describe('refresh tokens', () => {
  it('rotate, and a reused one revokes every session of the user', async () => {
    // A user of its own: the reuse ends every token of it, the shared test tokens included.
    await server.db.query(`insert into app_user (email, display_name, role, password_hash) values ('rotate.me@example.com', 'Rotate', 'SUPPORT', $1)`, [hash]);
    const login = await server.anonymous(LOGIN, { input: { email: 'rotate.me@example.com', password: 'custos-demo' } });
    const first = login.data.login.refreshToken;
    const second = await server.anonymous(REFRESH, { input: { refreshToken: first } });
    expect(second.errors).toBeUndefined();
    expect(second.data.refreshToken.user.id).toBe(login.data.login.user.id);
    const reuse = await server.anonymous(REFRESH, { input: { refreshToken: first } });
    expect(reuse.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // The thief's reuse also ended the legitimate rotation.
    const third = await server.anonymous(REFRESH, { input: { refreshToken: second.data.refreshToken.refreshToken } });
    expect(third.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // Access tokens too, both the first one and the rotated one, at once.
    for (const token of [login.data.login.token, second.data.refreshToken.token]) {
      const me = await server.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
      expect(me.status).toBe(401);
    }
  });
});

describe('unauthenticated requests', () => {
  it('refuses queries and mutations without a token, running no resolver', async () => {
    const before = [await customers(), await audits()];
    for (const query of ['{ customers { totalCount } }', '{ me { id } }', CREATE, '{ auditEvents { totalCount } }']) {
      const res = await server.post({ query });
      expect(res.status).toBe(401);
      expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(res.body.data).toBeUndefined();
    }
    expect([await customers(), await audits()]).toEqual(before);
  });

  it('refuses a login mixed with another field', async () => {
    const res = await server.post({ query: `mutation { login(input: { email: "a@b.c", password: "x" }) { token } ${CREATE.slice(10, -1)} }` });
    expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('JWT attacks', () => {
  const claims = () => ({ tv: 1 });
  const sign = (payload: Record<string, unknown>, setup: (jwt: SignJWT) => SignJWT) =>
    setup(new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuedAt()).sign(key);
  const standard = (jwt: SignJWT, sub: string) => jwt.setSubject(sub).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m');

  const attacks: [string, () => Promise<string>][] = [
    ['alg none', async () => new UnsecuredJWT(claims()).setSubject(server.users.admin).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').encode()],
    ['RS256 with an attacker key', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).setSubject(server.users.admin).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').sign(privateKey);
    }],
    ['HS512 with the right secret (algorithm not allow-listed)', async () =>
      new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).setSubject(server.users.admin).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').sign(key)],
    ['HS256 with a wrong secret', async () =>
      new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setSubject(server.users.admin).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode('x'.repeat(48)))],
    ['expired', async () => sign(claims(), (j) => j.setSubject(server.users.admin).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime(Math.floor(Date.now() / 1000) - 60))],
    ['wrong audience', async () => sign(claims(), (j) => j.setSubject(server.users.admin).setIssuer(ISSUER).setAudience('someone-else').setExpirationTime('5m'))],
    ['wrong issuer', async () => sign(claims(), (j) => j.setSubject(server.users.admin).setIssuer('evil').setAudience(AUDIENCE).setExpirationTime('5m'))],
    ['no expiry', async () => sign(claims(), (j) => j.setSubject(server.users.admin).setIssuer(ISSUER).setAudience(AUDIENCE))],
    ['tampered payload', async () => {
      const token = await sign(claims(), (j) => standard(j, server.users.sales1));
      const [h, , s] = token.split('.');
      const payload = Buffer.from(JSON.stringify({ sub: server.users.admin, tv: 1, iss: ISSUER, aud: AUDIENCE, iat: 1, exp: 9999999999 })).toString('base64url');
      return `${h}.${payload}.${s}`;
    }],
    ['stale token version', async () => sign({ tv: 0 }, (j) => standard(j, server.users.admin))],
    ['unknown user', async () => sign(claims(), (j) => standard(j, '987654'))],
    ['garbage', async () => 'not.a.jwt'],
  ];

  it.each(attacks)('%s → UNAUTHENTICATED, nothing runs', async (_name, make) => {
    const before = [await customers(), await audits()];
    const res = await server.post({ query: CREATE }, { authorization: `Bearer ${await make()}` });
    expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.body.data ?? null).toBeNull();
    expect([await customers(), await audits()]).toEqual(before);
  });

  it('a disabled user\'s token stops working at once, and stays refused when re-enabled', async () => {
    const [{ id }] = await server.db.query<{ id: string }>(
      `insert into app_user (email, display_name, role) values ('disable.me@example.com', 'Disable', 'MANAGER') returning id`,
    );
    const token = await sign(claims(), (j) => standard(j, id!));
    const ok = await server.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    expect(ok.body.data).toEqual({ me: { id: gid('User', id!) } });
    await server.gql(`mutation { updateUser(input: { id: "${id}", enabled: false }) { user { enabled } } }`);
    const refused = await server.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    expect(refused.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    await server.gql(`mutation { updateUser(input: { id: "${id}", enabled: true }) { user { enabled } } }`);
    const still = await server.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    expect(still.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('a password reset ends existing tokens', async () => {
    const [{ id }] = await server.db.query<{ id: string }>(
      `insert into app_user (email, display_name, role) values ('reset.me@example.com', 'Reset', 'AUDITOR') returning id`,
    );
    const token = await sign(claims(), (j) => standard(j, id!));
    expect((await server.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` })).body.data).toBeDefined();
    const reset = await server.gql(`mutation { resetUserPassword(input: { id: "${id}", password: "a-new-password-1" }) { user { id } } }`);
    expect(reset.errors).toBeUndefined();
    const after = await server.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    expect(after.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const relogin = await server.anonymous(LOGIN, { input: { email: 'reset.me@example.com', password: 'a-new-password-1' } });
    expect(relogin.errors).toBeUndefined();
  });
});

describe('user administration', () => {
  it('lists staff to ADMIN only; others read their own record', async () => {
    expect((await server.gql('{ users { email role } }')).data.users.length).toBeGreaterThan(5);
    for (const user of ['manager', 'sales1', 'support', 'auditor', 'reporting'] as const) {
      const res = await server.as(user)('{ users { id displayName } }');
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await server.as(user)('{ me { email role } }')).data.me.email).toBe(`${user}@example.com`);
    }
  });

  it('is ADMIN only', async () => {
    for (const user of ['manager', 'sales1', 'support', 'auditor', 'reporting'] as const) {
      const res = await server.as(user)(`mutation { createUser(input: { email: "x@example.com", displayName: "X", role: SALES, password: "0123456789" }) { user { id } } }`);
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('creates users (unique email), changes roles, and keeps the last enabled ADMIN', async () => {
    const created = await server.gql(`mutation { createUser(input: { email: "New.Rep@example.com", displayName: "新销售", role: SALES, password: "0123456789" }) { user { id email role enabled } } }`);
    expect(created.data.createUser.user).toMatchObject({ email: 'new.rep@example.com', role: 'SALES', enabled: true });
    const dup = await server.gql(`mutation { createUser(input: { email: "new.rep@EXAMPLE.com", displayName: "Dup", role: SALES, password: "0123456789" }) { user { id } } }`);
    expect(dup.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'email' }] });
    const short = await server.gql(`mutation { createUser(input: { email: "s@example.com", displayName: "S", role: SALES, password: "short" }) { user { id } } }`);
    expect(short.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const promoted = await server.gql(`mutation { updateUser(input: { id: "${created.data.createUser.user.id}", role: MANAGER }) { user { role } } }`);
    expect(promoted.data.updateUser.user.role).toBe('MANAGER');
    const lastAdmin = await server.gql(`mutation { updateUser(input: { id: "${server.users.admin}", role: SALES }) { user { role } } }`);
    expect(lastAdmin.errors![0]!.extensions!.code).toBe('INVALID_STATE');
  });
});
