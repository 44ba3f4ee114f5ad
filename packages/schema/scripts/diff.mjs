// Compares schema.graphql with the last released schema (released/vX.Y.Z.graphql, the
// highest version) and prints breaking, dangerous and safe changes. Exits 1 on a breaking
// change not acknowledged in released/acknowledged.json ([{ "path", "reason" }]).
// Usage: node scripts/diff.mjs [--released FILE] [--current FILE]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareSchemas, formatReport } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { released: { type: 'string' }, current: { type: 'string' } } });

function lastRelease() {
  const dir = path.join(root, 'released');
  const versions = fs
    .readdirSync(dir)
    .map((f) => /^v(\d+)\.(\d+)\.(\d+)\.graphql$/.exec(f))
    .filter(Boolean)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  if (!versions.length) throw new Error('no released/vX.Y.Z.graphql to compare with');
  return path.join(dir, versions.at(-1)[0]);
}

const releasedFile = values.released ?? lastRelease();
const currentFile = values.current ?? path.join(root, 'schema.graphql');
const ackFile = path.join(root, 'released', 'acknowledged.json');
const acknowledged = fs.existsSync(ackFile) ? JSON.parse(fs.readFileSync(ackFile, 'utf8')) : [];
const report = await compareSchemas(fs.readFileSync(releasedFile, 'utf8'), fs.readFileSync(currentFile, 'utf8'), acknowledged);
console.log(formatReport(report, path.basename(releasedFile)));
if (report.unacknowledged.length) {
  console.error(
    `${report.unacknowledged.length} breaking change(s) not acknowledged: keep the old shape (deprecate instead of removing), ` +
      'or list each path with a reason in packages/schema/released/acknowledged.json',
  );
  process.exitCode = 1;
}
