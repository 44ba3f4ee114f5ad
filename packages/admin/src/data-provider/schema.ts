/**
 * The static introspection result, generated from packages/schema/schema.graphql by
 * scripts/generate-introspection.ts before every build, dev start and type check.
 */
import type { IntrospectionSchema } from 'graphql';
import introspection from './generated/introspection.json';
import { SchemaIndex } from './schema-index.ts';

export const schema = introspection as unknown as IntrospectionSchema;
export const schemaIndex = new SchemaIndex(schema);

/** Same origin in production (served at /admin by the server) and in dev (Vite proxies it). */
export const GRAPHQL_URL = '/graphql';
