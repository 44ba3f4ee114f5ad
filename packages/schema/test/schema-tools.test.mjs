import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildRegistry, compareSchemas, generateOperationTypes, generateTypes, sha256 } from '../scripts/lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => path.join(here, 'fixtures', name);
const read = (name) => fs.readFileSync(fixture(name), 'utf8');
const diffScript = path.join(here, '..', 'scripts', 'diff.mjs');
const runDiff = (released, current) =>
  spawnSync(process.execPath, [diffScript, '--released', fixture(released), '--current', fixture(current)], { encoding: 'utf8' });

describe('schema diff check', () => {
  it('reports a removed field as breaking and exits 1', async () => {
    const report = await compareSchemas(read('base.graphql'), read('field-removed.graphql'));
    assert.deepEqual(report.breaking.map((c) => c.path), ['Customer.email']);
    const run = runDiff('base.graphql', 'field-removed.graphql');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /breaking: 1\n\s+- Field 'email' was removed from object type 'Customer'/);
    assert.match(run.stderr, /not acknowledged/);
  });

  it('reports an added field as safe and exits 0', async () => {
    const report = await compareSchemas(read('base.graphql'), read('field-added.graphql'));
    assert.equal(report.breaking.length, 0);
    assert.deepEqual(report.safe.map((c) => c.path), ['Customer.region']);
    const run = runDiff('base.graphql', 'field-added.graphql');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /breaking: 0[\s\S]*safe: 1/);
  });

  it('reports a type that starts implementing Node as breaking: its ids change value', async () => {
    const node = read('base.graphql').replace(/type Customer \{/, 'interface Node { id: ID! }\ntype Customer implements Node {');
    assert.notEqual(node, read('base.graphql'));
    const report = await compareSchemas(read('base.graphql'), node);
    assert.deepEqual(report.breaking.map((c) => c.path), ['Customer.id']);
    assert.match(report.breaking[0].message, /global ids/);
  });

  it('every release acknowledged each break it made since the one before', async () => {
    const dir = path.join(here, '..', 'released');
    const versions = fs.readdirSync(dir).map((f) => /^v(\d+)\.(\d+)\.(\d+)\.graphql$/.exec(f)).filter(Boolean)
      .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[3] - b[3]).map((m) => m[0].replace(/\.graphql$/, ''));
    for (let i = 1; i < versions.length; i++) {
      const ackFile = path.join(dir, `${versions[i]}.acknowledged.json`);
      const acknowledged = fs.existsSync(ackFile) ? JSON.parse(fs.readFileSync(ackFile, 'utf8')) : [];
      const report = await compareSchemas(fs.readFileSync(path.join(dir, `${versions[i - 1]}.graphql`), 'utf8'), fs.readFileSync(path.join(dir, `${versions[i]}.graphql`), 'utf8'), acknowledged);
      assert.deepEqual(report.unacknowledged.map((c) => c.path), [], `${versions[i]} breaks ${versions[i - 1]} without acknowledging it`);
      for (const a of acknowledged) assert.ok(a.reason?.length > 10, `${versions[i]}: ${a.path} needs a reason`);
    }
  });

  it('lets an acknowledged breaking change pass', async () => {
    const report = await compareSchemas(read('base.graphql'), read('field-removed.graphql'), [{ path: 'Customer.email', reason: 'test' }]);
    assert.equal(report.breaking.length, 1);
    assert.equal(report.unacknowledged.length, 0);
  });
});

describe('generated types', () => {
  it('maps nullability, lists, enums and inputs', () => {
    const types = generateTypes(`
      """A thing."""
      type Query { things(first: Int = 10, tag: String!): [Thing!]! }
      type Thing { id: ID! note: String kind: Kind! }
      enum Kind { A B }
      input ThingInput { id: ID! note: String }
    `);
    assert.match(types, /export interface Thing \{\n  __typename\?: 'Thing';\n  id: Scalars\['ID'\];\n  note: Scalars\['String'\] \| null;\n  kind: Kind;\n\}/);
    assert.match(types, /things: Array<Thing>;/);
    assert.match(types, /export interface QueryThingsArgs \{\n  first\?: Scalars\['Int'\] \| null;\n  tag: Scalars\['String'\];\n\}/);
    assert.match(types, /export type Kind =\n  \| 'A'\n  \| 'B';/);
    assert.match(types, /export interface ThingInput \{\n  id: Scalars\['ID'\];\n  note\?: Scalars\['String'\] \| null;\n\}/);
  });
});

describe('operation types', () => {
  it('types the selection (aliases, nullability, fragments) and the variables', () => {
    const types = generateOperationTypes(read('base.graphql'), [
      { name: 'x.graphql', text: 'query One($id: ID!, $x: String) { who: customer(id: $id) { __typename ...F } } fragment F on Customer { id email }' },
    ]);
    assert.match(types, /export interface OneQueryVariables \{\n  id: Scalars\['ID'\];\n  x\?: Scalars\['String'\] \| null;\n\}/);
    assert.match(types, /export interface OneQuery \{\n  who: \{\n    __typename: 'Customer';\n    id: Scalars\['ID'\];\n    email: Scalars\['String'\] \| null;\n  \} \| null;\n\}/);
  });
});

describe('operations registry', () => {
  const sdl = read('base.graphql');
  it('hashes each named operation with the fragments it uses', () => {
    const registry = JSON.parse(
      buildRegistry(sdl, [{ name: 'x.graphql', text: 'query One($id: ID!) { customer(id: $id) { ...F } } fragment F on Customer { id name }' }]),
    );
    const [op] = registry.operations;
    assert.equal(op.name, 'One');
    assert.match(op.document, /fragment F on Customer/);
    assert.equal(op.sha256, sha256(op.document));
  });
  it('refuses anonymous, invalid and duplicate operations', () => {
    assert.throws(() => buildRegistry(sdl, [{ name: 'a.graphql', text: '{ customer(id: 1) { id } }' }]), /needs a name/);
    assert.throws(() => buildRegistry(sdl, [{ name: 'b.graphql', text: 'query B { customer(id: 1) { nope } }' }]), /Cannot query field "nope"/);
    const twice = 'query C { customer(id: 1) { id } }';
    assert.throws(() => buildRegistry(sdl, [{ name: 'c.graphql', text: twice }, { name: 'd.graphql', text: twice }]), /registered twice/);
  });
  it('is current for the committed operations', () => {
    execFileSync(process.execPath, [path.join(here, '..', 'scripts', 'generate.mjs'), '--check'], { stdio: 'pipe' });
  });
});
