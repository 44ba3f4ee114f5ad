import { readFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema, type IntrospectionSchema } from 'graphql';

/** The committed schema, introspected the way the build does it. */
export const schema: IntrospectionSchema = introspectionFromSchema(
  buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8')),
).__schema;
