import { readFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema, type IntrospectionSchema } from 'graphql';

/** The committed schema, introspected the way the build does it. */
export const schema: IntrospectionSchema = introspectionFromSchema(
  buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8')),
).__schema;

/** A document's variables without its field guards (`see_Type_field`, data-provider/guards.ts). */
export function own(variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables).filter(([name]) => !name.startsWith('see_')));
}
