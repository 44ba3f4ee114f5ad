import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashPassword } from '../src/modules/identity/passwords.js';
import { TokenSigner } from '../src/core/tokens.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from './helpers/test-server.js';
import { gid } from './helpers/global-ids.js';

/**
 * Every way a session ends, each checked on every kind of token the user holds: access
 * tokens of two sessions (two devices), their refresh tokens, and a token minted without
 * a session (as tools do). "At once" means the very next request: the session-check cache
 * is set to a minute here, so only its invalidation on change can make these pass.
 */

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token refreshToken user { id } } }`;
const REFRESH = `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { token refreshToken } }`;
const PASSWORD = 'session-password-1';

let server: TestServer;
let hash = '';
let seq = 0;

interface Device {
  token: string;
  refreshToken: string;
}

interface Staff {
  id: string;
  email: string;
  devices: Device[];
  /** A token of no session, bound to the token version alone. */
  minted: string;
}

beforeAll(async () => {
  server = await startTestServer({ SESSION_CHECK_CACHE_MS: '60000' });
  hash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await server.close();
});

async function signIn(email: string, password = PASSWORD): Promise<Device> {
  const res = await server.anonymous(LOGIN, { input: { email, password } });
  expect(res.errors).toBeUndefined();
  return { token: res.data.login.token, refreshToken: res.data.login.refreshToken };
}

/** A user signed in on two devices, each token used once so the check is cached. */
async function staff(role = 'SALES'): Promise<Staff> {
  seq += 1;
  const email = `session.${seq}@example.com`;
  const [{ id }] = await server.db.query<{ id: string }>(
    `insert into app_user (email, display_name, role, password_hash) values ($1, $2, $3, $4) returning id::text`,
    [email, `Session ${seq}`, role, hash],
  );
  const devices = [await signIn(email), await signIn(email)];
  const minted = (await new TokenSigner(TEST_JWT_SECRET, 900).sign({ userId: id!, tokenVersion: 1 })).token;
  const user = { id: id!, email, devices, minted };
  for (const token of accessTokens(user)) expect(await meStatus(token)).toBe(200);
  return user;
}

const accessTokens = (user: Staff) => [...user.devices.map((d) => d.token), user.minted];

async function meStatus(token: string): Promise<number> {
  const res = await server.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
  if (res.status === 200) expect(res.body.data).toBeDefined();
  else expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  return res.status;
}

async function refreshCode(refreshToken: string): Promise<string | undefined> {
  const res = await server.anonymous(REFRESH, { input: { refreshToken } });
  return res.errors?.[0]?.extensions?.code;
}

async function expectAllRefused(user: Staff): Promise<void> {
  for (const token of accessTokens(user)) expect(await meStatus(token)).toBe(401);
  for (const device of user.devices) expect(await refreshCode(device.refreshToken)).toBe('UNAUTHENTICATED');
}

const lastAudit = async (action: string, entityId: string) =>
  (await server.db.query<{ actor_id: string | null; reason: string | null; changes: any }>(
    `select actor_id::text, reason, changes from audit_event where action = $1 and entity_id = $2 order by seq desc limit 1`,
    [action, entityId],
  ))[0];

describe('logout', () => {
  it('ends this session at once (access and refresh token) and leaves the other device signed in', async () => {
    const user = await staff();
    const [laptop, phone] = user.devices as [Device, Device];
    const res = await server.post({ query: 'mutation { logout { sessionsEnded } }' }, { authorization: `Bearer ${laptop.token}` });
    expect(res.body).toEqual({ data: { logout: { sessionsEnded: 1 } } });
    expect(await meStatus(laptop.token)).toBe(401);
    expect(await refreshCode(laptop.refreshToken)).toBe('UNAUTHENTICATED');
    expect(await meStatus(phone.token)).toBe(200);
    expect(await refreshCode(phone.refreshToken)).toBeUndefined();
    expect(await lastAudit('USER_LOGGED_OUT', user.id)).toMatchObject({ actor_id: user.id, changes: { everywhere: { to: false }, sessionsEnded: { to: 1 } } });
  });

  it('everywhere ends every session of the caller', async () => {
    const user = await staff();
    const res = await server.post({ query: 'mutation { logout(input: { everywhere: true }) { sessionsEnded } }' }, { authorization: `Bearer ${user.devices[0]!.token}` });
    expect(res.body).toEqual({ data: { logout: { sessionsEnded: 2 } } });
    await expectAllRefused(user);
  });

  it('needs a token', async () => {
    const res = await server.post({ query: 'mutation { logout { sessionsEnded } }' });
    expect(res.status).toBe(401);
  });
});

describe('revokeSessions (ADMIN)', () => {
  it('ends every session of the user at once, access tokens included', async () => {
    const user = await staff();
    const res = await server.gql(`mutation($id: ID!) { revokeSessions(input: { userId: $id, reason: "laptop stolen" }) { sessionsEnded user { id } } }`, { id: user.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.revokeSessions).toEqual({ sessionsEnded: 2, user: { id: gid('User', user.id) } });
    await expectAllRefused(user);
    expect(await lastAudit('USER_SESSIONS_REVOKED', user.id)).toMatchObject({
      actor_id: server.users.admin,
      reason: 'laptop stolen',
      changes: { sessionsEnded: { to: 2 } },
    });
    // Signing in again works: revocation is not a lock.
    expect(await meStatus((await signIn(user.email)).token)).toBe(200);
  });

  it('is refused to other roles and changes nothing', async () => {
    const user = await staff();
    const before = (await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n;
    for (const role of ['manager', 'sales1', 'support', 'auditor', 'reporting'] as const) {
      const res = await server.as(role)(`mutation($id: ID!) { revokeSessions(input: { userId: $id }) { sessionsEnded } }`, { id: user.id });
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    for (const token of accessTokens(user)) expect(await meStatus(token)).toBe(200);
    expect((await server.db.query<{ n: number }>(`select count(*)::int as n from audit_event`))[0]!.n).toBe(before);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of ['987654321', 'abc', '99999999999999999999']) {
      const res = await server.gql(`mutation($id: ID!) { revokeSessions(input: { userId: $id }) { sessionsEnded } }`, { id });
      expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    }
  });
});

describe('disabling a user', () => {
  it('ends every session at once, and re-enabling does not revive any token', async () => {
    const user = await staff();
    const off = await server.gql(`mutation($id: ID!) { updateUser(input: { id: $id, enabled: false }) { user { enabled } } }`, { id: user.id });
    expect(off.errors).toBeUndefined();
    await expectAllRefused(user);
    const on = await server.gql(`mutation($id: ID!) { updateUser(input: { id: $id, enabled: true }) { user { enabled } } }`, { id: user.id });
    expect(on.data.updateUser.user.enabled).toBe(true);
    await expectAllRefused(user);
    expect(await lastAudit('USER_UPDATED', user.id)).toMatchObject({ changes: { enabled: { from: false, to: true } } });
    expect(await meStatus((await signIn(user.email)).token)).toBe(200);
  });

  it('a role change takes effect on the next request', async () => {
    const user = await staff('MANAGER');
    const token = user.devices[0]!.token;
    // Archive policies are MANAGER's to read, not SUPPORT's: the check uses the role the
    // token check found, which the cache must not keep past the change.
    const policies = () => server.post({ query: '{ archivePolicies { totalCount } }' }, { authorization: `Bearer ${token}` });
    expect((await policies()).body.errors).toBeUndefined();
    await server.gql(`mutation($id: ID!) { updateUser(input: { id: $id, role: SUPPORT }) { user { role } } }`, { id: user.id });
    expect((await policies()).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('a password reset', () => {
  it('ends every session at once; the new password signs in', async () => {
    const user = await staff();
    const res = await server.gql(`mutation($id: ID!) { resetUserPassword(input: { id: $id, password: "a-brand-new-password" }) { user { id } } }`, { id: user.id });
    expect(res.errors).toBeUndefined();
    await expectAllRefused(user);
    expect((await server.anonymous(LOGIN, { input: { email: user.email, password: PASSWORD } })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await meStatus((await signIn(user.email, 'a-brand-new-password')).token)).toBe(200);
    expect(await lastAudit('USER_PASSWORD_RESET', user.id)).toMatchObject({ actor_id: server.users.admin, changes: { sessionsEnded: { to: 2 } } });
  });
});

describe('refresh-token reuse', () => {
  it('ends every session of the user at once: the thief\'s and the owner\'s access tokens too', async () => {
    const user = await staff();
    const stolen = user.devices[0]!.refreshToken;
    // The thief refreshes first and gets a working pair; the owner's client then presents
    // the same (now used) token.
    const thief = await server.anonymous(REFRESH, { input: { refreshToken: stolen } });
    expect(thief.errors).toBeUndefined();
    expect(await meStatus(thief.data.refreshToken.token)).toBe(200);
    expect(await refreshCode(stolen)).toBe('UNAUTHENTICATED');
    await expectAllRefused(user);
    expect(await meStatus(thief.data.refreshToken.token)).toBe(401);
    expect(await refreshCode(thief.data.refreshToken.refreshToken)).toBe('UNAUTHENTICATED');
    expect(await lastAudit('USER_SESSIONS_REVOKED', user.id)).toMatchObject({ actor_id: null, reason: 'refresh token reuse', changes: { sessionsEnded: { to: 2 } } });
  });

  it('a refresh keeps the session: logout afterwards ends the refreshed tokens', async () => {
    const user = await staff();
    const renewed = await server.anonymous(REFRESH, { input: { refreshToken: user.devices[0]!.refreshToken } });
    const { token, refreshToken } = renewed.data.refreshToken;
    await server.post({ query: 'mutation { logout { sessionsEnded } }' }, { authorization: `Bearer ${token}` });
    expect(await meStatus(token)).toBe(401);
    expect(await meStatus(user.devices[0]!.token)).toBe(401);
    expect(await refreshCode(refreshToken)).toBe('UNAUTHENTICATED');
    expect(await meStatus(user.devices[1]!.token)).toBe(200);
  });
});

describe('the audit trail of sessions', () => {
  it('holds no email of the users involved', async () => {
    const rows = await server.db.query<{ text: string }>(
      `select changes::text || coalesce(reason, '') as text from audit_event
        where action in ('USER_LOGGED_IN', 'USER_LOGGED_OUT', 'USER_SESSIONS_REVOKED', 'USER_PASSWORD_RESET', 'USER_TOKEN_REFRESHED')`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.text).not.toMatch(/@example\.com/);
  });
});

describe('changes made outside this server', () => {
  it('are seen within SESSION_CHECK_CACHE_MS', async () => {
    const other = await startTestServer({ SESSION_CHECK_CACHE_MS: '300' });
    try {
      const token = await other.tokenFor('manager');
      const me = () => other.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
      expect((await me()).status).toBe(200);
      await other.db.query(`update app_user set enabled = false where id = $1`, [other.users.manager]);
      const changed = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - changed < 10_000) status = (await me()).status;
      expect(status).toBe(401);
      // The window plus the time one request takes on a busy machine.
      expect(Date.now() - changed).toBeLessThan(300 + 2_000);
    } finally {
      await other.close();
    }
  });
});
