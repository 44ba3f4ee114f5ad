import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  db: TestDatabase;
  app: FastifyInstance;
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real server (Fastify + Apollo) on a random port over a fresh database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, db.orm, { logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    db,
    app,
    url,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
