// The schema package's tools: TypeScript types from the SDL, the persisted-operations
// registry from operations/*.graphql, and the breaking-change report against a release.
import { createHash } from 'node:crypto';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  Kind,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  parse,
  print,
  typeFromAST,
  validate,
  visit,
} from 'graphql';

/** What custom scalars look like on the wire. */
const SCALARS = {
  ID: 'string',
  String: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
  DateTime: 'string',
  Decimal: 'string',
  JSONObject: 'Record<string, unknown>',
  /** Any JSON value (a field value in customer history: text, list, number, boolean or null). */
  JSON: 'unknown',
};

function doc(description, indent = '') {
  if (!description) return '';
  const lines = description.replaceAll('*/', '*\\/').split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

function tsType(type) {
  if (isNonNullType(type)) return bare(type.ofType);
  return `${bare(type)} | null`;
}

function bare(type) {
  if (isListType(type)) return `Array<${tsType(type.ofType)}>`;
  if (isScalarType(type)) return `Scalars['${type.name}']`;
  return type.name;
}

const pascal = (s) => s[0].toUpperCase() + s.slice(1);

/** `types.d.ts`: one TypeScript declaration per schema type, with the SDL's descriptions. */
export function generateTypes(sdl) {
  const schema = buildSchema(sdl);
  const out = [
    '// Generated from schema.graphql by `pnpm --filter @custos/schema generate`. Do not edit.',
    '// Nullable fields are `T | null`; optional input fields may also be left out.',
    '',
  ];
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));

  out.push('/** Scalars as they travel in JSON. */', 'export interface Scalars {');
  for (const t of types.filter(isScalarType)) {
    if (!isSpecifiedScalarType(t) && !(t.name in SCALARS)) throw new Error(`scalar ${t.name} has no TypeScript mapping in scripts/lib.mjs`);
    out.push(`${doc(t.description, '  ')}  ${t.name}: ${SCALARS[t.name]};`);
  }
  out.push('}', '');

  for (const t of types) {
    if (isScalarType(t)) continue;
    if (isEnumType(t)) {
      out.push(`${doc(t.description)}export type ${t.name} =`);
      const values = t.getValues();
      values.forEach((v, i) => out.push(`${doc(v.description, '  ')}  | '${v.name}'${i === values.length - 1 ? ';' : ''}`));
      out.push('');
    } else if (isUnionType(t)) {
      out.push(`${doc(t.description)}export type ${t.name} = ${t.getTypes().map((m) => m.name).join(' | ')};`, '');
    } else if (isInputObjectType(t)) {
      out.push(`${doc(t.description)}export interface ${t.name} {`);
      for (const f of Object.values(t.getFields())) {
        out.push(`${doc(f.description, '  ')}  ${f.name}${isNonNullType(f.type) && f.defaultValue === undefined ? '' : '?'}: ${tsType(f.type)};`);
      }
      out.push('}', '');
    } else if (isObjectType(t) || isInterfaceType(t)) {
      const ext = t.getInterfaces().map((i) => i.name);
      out.push(`${doc(t.description)}export interface ${t.name}${ext.length ? ` extends ${ext.join(', ')}` : ''} {`);
      if (isObjectType(t)) out.push(`  __typename?: '${t.name}';`);
      const argTypes = [];
      for (const f of Object.values(t.getFields())) {
        out.push(`${doc(f.description, '  ')}  ${f.name}: ${tsType(f.type)};`);
        if (f.args.length) {
          argTypes.push(`/** Arguments of \`${t.name}.${f.name}\`. */`, `export interface ${t.name}${pascal(f.name)}Args {`);
          for (const a of f.args) {
            argTypes.push(`${doc(a.description, '  ')}  ${a.name}${isNonNullType(a.type) && a.defaultValue === undefined ? '' : '?'}: ${tsType(a.type)};`);
          }
          argTypes.push('}', '');
        }
      }
      out.push('}', '', ...argTypes);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Result and variables types of registered operations (`CustomerStatsQuery`,
 * `CustomerStatsQueryVariables`), from their selections: fields, aliases, `__typename`,
 * and fragments on the type they are spread in.
 */
export function generateOperationTypes(sdl, files) {
  const schema = buildSchema(sdl);
  const out = ['', '// Registered operations (operations/*.graphql).', ''];
  const registered = [];
  const indentOf = (depth) => '  '.repeat(depth);
  for (const { name: file, text } of files) {
    const document = parse(text);
    const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const objectType = (parent, selectionSet, depth) => {
      const fields = [];
      // `narrowed`: inside a fragment on one implementation of an abstract parent (`node {
      // ... on AuditEvent { … } }`), whose fields are there only for that type: optional.
      const walk = (set, type, narrowed) => {
        for (const sel of set.selections) {
          if (sel.kind === Kind.FIELD) {
            const key = sel.alias?.value ?? sel.name.value;
            if (sel.name.value === '__typename') {
              fields.push([key, isObjectType(type) && !narrowed ? `'${type.name}'` : 'string']);
              continue;
            }
            const def = type.getFields()[sel.name.value];
            if (!def) throw new Error(`${file}: ${type.name} has no field ${sel.name.value}`);
            // Under @include/@skip a field may be absent from the result.
            const optional = narrowed || sel.directives?.some((d) => d.name.value === 'include' || d.name.value === 'skip');
            fields.push([optional ? `${key}?` : key, outputType(def.type, sel.selectionSet, depth + 1)]);
          } else {
            const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value) : sel;
            const on = fragment.typeCondition?.name.value;
            if (on && on !== type.name) {
              const target = schema.getType(on);
              if (!isInterfaceType(type) || !isObjectType(target) || !schema.isSubType(type, target)) {
                throw new Error(`${file}: fragments on another type (${on} in ${type.name}) are supported only on an implementation of an interface`);
              }
              walk(fragment.selectionSet, target, true);
            } else {
              walk(fragment.selectionSet, type, narrowed);
            }
          }
        }
      };
      walk(selectionSet, parent, false);
      const pad = indentOf(depth);
      return `{\n${fields.map(([k, t]) => `${pad}  ${k}: ${t};`).join('\n')}\n${pad}}`;
    };
    const outputType = (type, selectionSet, depth) => {
      if (isNonNullType(type)) return outputBare(type.ofType, selectionSet, depth);
      return `${outputBare(type, selectionSet, depth)} | null`;
    };
    const outputBare = (type, selectionSet, depth) => {
      if (isListType(type)) return `Array<${outputType(type.ofType, selectionSet, depth)}>`;
      if (isScalarType(type)) return `Scalars['${type.name}']`;
      if (isEnumType(type)) return type.name;
      return objectType(type, selectionSet, depth);
    };
    for (const op of document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
      const base = `${op.name.value}${pascal(op.operation)}`;
      registered.push([op.name.value, base]);
      if (schema.getType(base) || schema.getType(`${base}Variables`)) throw new Error(`${file}: ${base} would shadow a schema type; rename the operation`);
      const root = schema.getRootType(op.operation);
      out.push(`/** Variables of the registered ${op.operation} \`${op.name.value}\`. */`, `export interface ${base}Variables {`);
      for (const v of op.variableDefinitions ?? []) {
        const type = typeFromAST(schema, v.type);
        out.push(`  ${v.variable.name.value}${isNonNullType(type) && !v.defaultValue ? '' : '?'}: ${tsType(type)};`);
      }
      out.push('}', '');
      out.push(`/** Result (\`data\`) of the registered ${op.operation} \`${op.name.value}\`. */`, `export interface ${base} ${objectType(root, op.selectionSet, 0)}`, '');
    }
  }
  out.push(
    '/** Every registered operation by name: its variables and its result, for typed clients. */',
    'export interface RegisteredOperations {',
    ...registered.sort(([a], [b]) => a.localeCompare(b)).map(([name, base]) => `  ${name}: { variables: ${base}Variables; result: ${base} };`),
    '}',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

export const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * The registry: every named operation of the given files, each with the fragments it
 * uses, printed canonically (graphql-js `print`) and hashed the way Apollo's APQ does
 * (SHA-256 of the exact document text). Operations must validate against the schema and
 * have unique names.
 */
export function buildRegistry(sdl, files) {
  const schema = buildSchema(sdl);
  const operations = [];
  const problems = [];
  for (const { name: file, text } of files) {
    const document = parse(text);
    for (const error of validate(schema, document)) problems.push(`${file}: ${error.message}`);
    const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    for (const op of document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
      if (!op.name) {
        problems.push(`${file}: every registered operation needs a name`);
        continue;
      }
      const used = new Map();
      const collect = (node) =>
        visit(node, {
          FragmentSpread(spread) {
            const name = spread.name.value;
            if (!used.has(name) && fragments.has(name)) {
              used.set(name, fragments.get(name));
              collect(fragments.get(name));
            }
          },
        });
      collect(op);
      const text = print({ kind: Kind.DOCUMENT, definitions: [op, ...used.values()] });
      operations.push({ name: op.name.value, type: op.operation, sha256: sha256(text), source: file, document: text });
    }
  }
  const seen = new Set();
  for (const op of operations) {
    if (seen.has(op.name)) problems.push(`operation name ${op.name} is registered twice`);
    seen.add(op.name);
  }
  if (problems.length) throw new Error(`operations registry:\n  ${problems.join('\n  ')}`);
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return `${JSON.stringify({ version: 1, operations }, null, 2)}\n`;
}

/**
 * Changes from the released schema to the current one, by criticality. Breaking changes
 * listed in `acknowledged` (`{ path, reason }`, path as inspector reports it, e.g.
 * `Customer.taxId`) are reported but do not fail the check.
 */
/**
 * Changes of values that no structural diff can see. A type that starts implementing Node
 * (Relay Global Object Identification) keeps `id: ID!`, but its ids become global ids:
 * clients that stored ids, built them or compared them with database ids break.
 */
function valueChanges(released, current) {
  const changes = [];
  for (const type of Object.values(current.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    const before = released.getType(type.name);
    if (!isObjectType(before) || before.getInterfaces().some((i) => i.name === 'Node') || !before.getFields().id) continue;
    changes.push({
      message: `Object type '${type.name}' now implements Node: its 'id' values become global ids (stored or hand-built ids no longer match)`,
      path: `${type.name}.id`,
      criticality: { level: CriticalityLevel.Breaking },
    });
  }
  // Fields that refer to another object by id say so in their description (the server
  // writes "(User global id.)"); one that starts saying so now gives global ids too.
  const GLOBAL = /\(([A-Za-z ]+) global id\.\)/;
  for (const type of Object.values(current.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const before = released.getType(type.name);
    if (!isObjectType(before)) continue;
    for (const field of Object.values(type.getFields())) {
      const old = before.getFields()[field.name];
      if (!old || !GLOBAL.test(field.description ?? '') || GLOBAL.test(old.description ?? '')) continue;
      changes.push({
        message: `Field '${type.name}.${field.name}' now gives ${GLOBAL.exec(field.description)[1]} global ids instead of database ids`,
        path: `${type.name}.${field.name}`,
        criticality: { level: CriticalityLevel.Breaking },
      });
    }
  }
  return changes;
}

export async function compareSchemas(releasedSdl, currentSdl, acknowledged = []) {
  const [released, current] = [buildSchema(releasedSdl), buildSchema(currentSdl)];
  const changes = [...(await diff(released, current)), ...valueChanges(released, current)];
  const ack = new Set(acknowledged.map((a) => a.path));
  const pick = (level) => changes.filter((c) => c.criticality.level === level);
  const breaking = pick(CriticalityLevel.Breaking);
  return {
    breaking,
    dangerous: pick(CriticalityLevel.Dangerous),
    safe: pick(CriticalityLevel.NonBreaking),
    unacknowledged: breaking.filter((c) => !ack.has(c.path)),
  };
}

export function formatReport(report, releasedName) {
  const lines = [`schema changes since ${releasedName}:`];
  const section = (title, list) => {
    lines.push(`  ${title}: ${list.length}`);
    for (const c of list) lines.push(`    - ${c.message}${c.path ? ` (${c.path})` : ''}`);
  };
  section('breaking', report.breaking);
  section('dangerous', report.dangerous);
  section('safe', report.safe);
  return lines.join('\n');
}
