/**
 * Writes packages/schema/operations/dashboard/resources.graphql from the dashboard's query
 * builder (src/registered-documents.ts), so the schema package registers those documents
 * with the hand-written dashboard operations and a server with PERSISTED_OPERATIONS=only
 * serves the dashboard. `--check` writes nothing and exits 1 when the file is stale.
 * `pnpm schema:generate` in packages/server runs this, then regenerates the registry.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { dashboardDocuments, resourcesFile } from '../src/registered-documents.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaPackage = path.resolve(here, '../../schema');
const target = path.join(schemaPackage, 'operations/dashboard/resources.graphql');

const schema = introspectionFromSchema(buildSchema(readFileSync(path.join(schemaPackage, 'schema.graphql'), 'utf8'))).__schema;
const text = resourcesFile(dashboardDocuments(schema));
let current: string | null = null;
try {
  current = readFileSync(target, 'utf8');
} catch {
  // not written yet
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('packages/schema/operations/dashboard/resources.graphql is stale: run `pnpm --filter @custos/admin operations`, then `pnpm --filter @custos/schema generate`');
    process.exitCode = 1;
  }
} else if (current !== text) {
  writeFileSync(target, text);
  console.error('wrote packages/schema/operations/dashboard/resources.graphql');
}
