import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/app/server.js';
import { accessLogIdle } from '../../src/modules/audit/access-log.js';
import { Role } from '../../src/policy/role.js';
import { TokenSigner } from '../../src/core/tokens.js';
import { watched } from './teardown.js';
import { createTestDatabase, TEST_ENCRYPTION_KEY, type TestDatabase } from './test-database.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** One user per role, plus a second SALES user for row-isolation tests. */
export const TEST_USERS = {
  admin: Role.ADMIN,
  manager: Role.MANAGER,
  sales1: Role.SALES,
  sales2: Role.SALES,
  support: Role.SUPPORT,
  auditor: Role.AUDITOR,
  reporting: Role.REPORTING,
} as const;
export type TestUser = keyof typeof TEST_USERS;

export interface TestServer {
  db: TestDatabase;
  app: FastifyInstance;
  url: string;
  users: Record<TestUser, string>;
  /** As the ADMIN user. */
  gql: Gql;
  as(user: TestUser): Gql;
  anonymous: Gql;
  tokenFor(user: TestUser): Promise<string>;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: GraphQLResponse }>;
  /** Resolves once the access-log rows of the requests answered so far are in the table:
   * answers leave once their reads are spooled, before the rows are committed. */
  accessLogWritten(): Promise<void>;
  close(): Promise<void>;
}

/** The real server (Fastify + Apollo) on a random port over a fresh database, with one
 * user per role. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { logStream?: { write(line: string): void } } = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent', JWT_SECRET: TEST_JWT_SECRET, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, ...env });
  const users = {} as Record<TestUser, string>;
  for (const [name, role] of Object.entries(TEST_USERS)) {
    const [row] = await db.query<{ id: string }>(
      `insert into app_user (email, display_name, role) values ($1, $2, $3) returning id`,
      [`${name}@example.com`, `${name} 用户`, role],
    );
    users[name as TestUser] = row!.id;
  }
  const signer = new TokenSigner(config.JWT_SECRET!, config.ACCESS_TOKEN_TTL_SECONDS);
  // Signed again before it expires: a long test (the crash loop ran 16 minutes under load)
  // outlived its first 15-minute token and got UNAUTHENTICATED.
  const tokens = new Map<TestUser, { token: string; expiresAt: Date }>();
  const tokenFor = async (user: TestUser) => {
    const held = tokens.get(user);
    if (!held || held.expiresAt.getTime() - Date.now() < 60_000) tokens.set(user, await signer.sign({ userId: users[user], tokenVersion: 1 }));
    return tokens.get(user)!.token;
  };
  const app = await createApp(config, db.orm, options.logStream ? { logStream: options.logStream } : { logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResponse };
  };
  const client =
    (user: TestUser | null): Gql =>
    async (query, variables) => {
      const headers: Record<string, string> = user ? { authorization: `Bearer ${await tokenFor(user)}` } : {};
      return (await post({ query, variables }, headers)).body;
    };
  return {
    db,
    app,
    url,
    users,
    gql: client('admin'),
    as: (user) => client(user),
    anonymous: client(null),
    tokenFor,
    post,
    accessLogWritten: () => accessLogIdle(db.orm.em),
    async close() {
      await watched('server close (app)', db.url, () => app.close());
      await watched('server close (database pools)', db.url, () => db.close());
    },
  };
}
