// Writes types.d.ts (from schema.graphql, plus the registered operations' result and
// variables types) and persisted-operations.json (from operations/*.graphql). With --check it writes nothing and exits 1 when either file is
// not what it would write: the staleness check `pnpm test` runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegistry, generateOperationTypes, generateTypes } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const sdl = fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8');
const opsDir = path.join(root, 'operations');
// operations/*.graphql and one level of folders (operations/dashboard/*.graphql).
const files = fs
  .readdirSync(opsDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.graphql') && f.split(path.sep).length <= 2)
  .map((f) => f.split(path.sep).join('/'))
  .sort()
  .map((f) => ({ name: `operations/${f}`, text: fs.readFileSync(path.join(opsDir, f), 'utf8') }));

const outputs = [
  ['types.d.ts', generateTypes(sdl) + generateOperationTypes(sdl, files)],
  ['persisted-operations.json', buildRegistry(sdl, files)],
];
let stale = 0;
for (const [name, content] of outputs) {
  const file = path.join(root, name);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (check) {
    if (current !== content) {
      stale += 1;
      console.error(`packages/schema/${name} is stale: run \`pnpm --filter @custos/schema generate\` and commit it`);
    }
  } else if (current !== content) {
    fs.writeFileSync(file, content);
    console.error(`wrote packages/schema/${name}`);
  }
}
if (check && !stale) console.error('generated files are current: types.d.ts, persisted-operations.json');
process.exitCode = stale ? 1 : 0;
