import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { describe, expect, it } from '@jest/globals';
import { buildAppSchema } from '../src/app/schema.js';
import { apiIdsInSql } from './helpers/api-ids-in-sql.js';

/**
 * Rules the code itself must keep, checked over the source text because each broke once:
 * a raw pg connection without an 'error' listener took the whole process down when
 * PostgreSQL dropped its session, and `select id::text … order by id` sorted by the text
 * output column ("100" before "98"), which made assertions pass or fail with the ids a
 * run happened to get. And tests handed ids read from GraphQL answers (global ids since
 * schema 0.2) to SQL, where a text column silently matched nothing.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '__snapshots__' ? [] : files(full);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const sources = [...files(path.join(root, 'src')), ...files(path.join(root, 'test'))].filter((f) => !f.endsWith('source-rules.test.ts'));
const relative = (f: string) => path.relative(root, f);

describe('source rules', () => {
  it('opens dedicated pg connections only through connectClient (src/db/pg-client.ts)', () => {
    const offenders = files(path.join(root, 'src'))
      .filter((f) => !f.endsWith(path.join('db', 'pg-client.ts')))
      .filter((f) => /new pg\.(Client|Pool)\(|new (Client|Pool)\(\{/.test(fs.readFileSync(f, 'utf8')))
      .map(relative);
    expect(offenders).toEqual([]);
  });

  it('never orders by an id that the same statement turned into text', () => {
    const offenders: string[] = [];
    for (const file of sources) {
      // Each template literal is one statement (or a piece of one).
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/`[^`]*`/g)) {
        // Inside an aggregate, `order by id` means the input column: leave those out.
        const sql = match[0].replace(/\b(json_agg|jsonb_agg|array_agg|string_agg)\((?:[^()]|\([^()]*\))*\)/gi, '');
        for (const column of sql.matchAll(/(?<![.\w$])([a-z_]\w*)::text(?!\s+as\s)/gi)) {
          if (new RegExp(`order by ${column[1]}\\b(?!\\.)`, 'i').test(sql)) offenders.push(`${relative(file)}: ${sql.slice(0, 80).replace(/\s+/g, ' ')}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never passes an id read from a GraphQL answer to SQL (test/helpers/api-ids-in-sql.ts)', async () => {
    const schema = await buildAppSchema();
    const tests = files(path.join(root, 'test')).filter((f) => f.endsWith('.ts'));
    const offenders = apiIdsInSql(tests, schema).map((o) => `${relative(o.file)}:${o.line} ${o.text}`);
    expect(offenders).toEqual([]);
  });

  it('the answer-id rule flags what it should and nothing else', async () => {
    const schema = await buildAppSchema();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-ids-'));
    const file = path.join(dir, 'sample.test.ts');
    fs.writeFileSync(file, [
      'const created = await server.gql(CREATE);',
      'const { id } = created.data.createCustomer.customer;',
      'await server.db.query(SQL, [id]); // BAD',
      'await db.query(SQL, [created.data.createCustomer.customer.id]); // BAD',
      'const customer = created.data.createCustomer.customer;',
      'await tx.sql.one(SQL, [customer.owner.id]); // BAD',
      'const list = await server.gql(LIST);',
      'for (const node of list.data.customers.nodes) await db.query(SQL, [node.id]); // BAD',
      'await db.query(SQL, [dbId(id)]);',
      'const undo = (await server.gql(UPDATE)).data.updateCustomer.undo;',
      'await db.query(SQL, [undo.id]); // UndoableOperation.id is no object id',
      'let later = created.data.createCustomer.customer.id;',
      'later = "1";',
      'await db.query(SQL, [later]);',
      'const check = (cid: string) => db.query(SQL, [cid]);',
      'await db.query(SQL, [created.data.renamed.id]); // an alias the schema cannot follow',
      'function inner() { const id = "42"; return db.query(SQL, [id]); }',
    ].join('\n'));
    try {
      const found = apiIdsInSql([file], schema).map((o) => o.line);
      expect(found).toEqual([3, 4, 6, 8]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
