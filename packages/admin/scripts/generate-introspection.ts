/**
 * Writes the introspection result of the committed schema (packages/schema/schema.graphql)
 * to src/data-provider/generated/. The dashboard ships this static copy instead of asking
 * the server at run time: production servers turn introspection off, and ra-data-graphql
 * fails silently (until reload) when live introspection fails. The build, dev and
 * typecheck scripts run this first, so the copy cannot drift from the schema.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '../../schema/schema.graphql');
const target = path.resolve(here, '../src/data-provider/generated/introspection.json');

const schema = buildSchema(readFileSync(source, 'utf8'));
const { __schema } = introspectionFromSchema(schema, { descriptions: false });
const text = `${JSON.stringify(__schema)}\n`;

mkdirSync(path.dirname(target), { recursive: true });
// Rewrite only on change so Vite's watcher does not reload for nothing.
let previous = '';
try {
  previous = readFileSync(target, 'utf8');
} catch {
  // first run
}
if (previous !== text) writeFileSync(target, text);
