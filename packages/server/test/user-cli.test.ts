import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from './helpers/test-server.js';
import { TEST_ENCRYPTION_KEY } from './helpers/test-database.js';
import { buildCli } from './helpers/worker-process.js';

/** `custos users:create-admin`: the first ADMIN of a database without demo users. Each
 * case starts a process that hashes with argon2: minutes on a machine under heavy load. */

let server: TestServer;
let cli: string;

beforeAll(async () => {
  server = await startTestServer();
  cli = buildCli('user-cli');
}, 300_000);
afterAll(() => server.close());

function createAdmin(args: string[], stdin: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'users:create-admin', ...args], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: server.db.url, JWT_SECRET: TEST_JWT_SECRET, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
    child.stdin.end(stdin);
  });
}

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { email role } } }`;
const users = async () => (await server.db.query<{ n: number }>(`select count(*)::int as n from app_user`))[0]!.n;

describe('users:create-admin', () => {
  it('creates an ADMIN who can sign in with the password read from standard input, audited as the system', async () => {
    const result = await createAdmin(['--email', 'First.Admin@Example.com', '--name', '第一 Admin'], 'a long enough secret\n');
    expect(result).toEqual({ code: 0, stderr: expect.stringMatching(/admin first\.admin@example\.com created \(user \d+\)/) });
    const login = await server.anonymous(LOGIN, { input: { email: 'first.admin@example.com', password: 'a long enough secret' } });
    expect(login.errors).toBeUndefined();
    expect(login.data.login.user).toEqual({ email: 'first.admin@example.com', role: 'ADMIN' });
    const [event] = await server.db.query<{ actor_id: string | null; reason: string; changes: string }>(
      `select actor_id::text, reason, changes::text from audit_event where action = 'USER_CREATED' order by seq desc limit 1`,
    );
    expect(event!.actor_id).toBeNull();
    expect(event!.reason).toBe('created from the console (users:create-admin)');
    // Staff emails enter the log masked, like every other user event.
    expect(event!.changes).not.toContain('first.admin@example.com');
  }, 300_000);

  it.each([
    ['a short password', ['--email', 'short@example.com', '--name', 'Short'], 'too short\n', /password must be 10–200 characters/],
    ['no email', ['--name', 'Nobody'], 'a long enough secret\n', /email must be a valid email address/],
    ['a taken email', ['--email', 'admin@example.com', '--name', 'Again'], 'a long enough secret\n', /already/i],
  ])('refuses %s, creating nobody', async (_case, args, stdin, message) => {
    const before = await users();
    const result = await createAdmin(args, stdin);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(await users()).toBe(before);
  }, 300_000);
});
