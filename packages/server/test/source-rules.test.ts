import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/**
 * Rules the code itself must keep, checked over the source text because each broke once:
 * a raw pg connection without an 'error' listener took the whole process down when
 * PostgreSQL dropped its session, and `select id::text … order by id` sorted by the text
 * output column ("100" before "98"), which made assertions pass or fail with the ids a
 * run happened to get.
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
});
