import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { Role } from '../src/modules/identity/role.js';
import { permissionsDoc } from '../src/policy/permissions-doc.js';

/**
 * Pages that would go stale without anyone noticing: the permissions page is printed from
 * the policy, and no GraphQL description names roles by hand (src/policy/role-notes.ts
 * writes them from the policy's action table).
 */

const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(server, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('generated docs', () => {
  it('docs/api-clients/permissions.md is the policy as it is (run `pnpm schema:generate` after changing src/policy)', () => {
    const committed = fs.readFileSync(path.join(root, 'docs/api-clients/permissions.md'), 'utf8');
    expect(committed).toBe(permissionsDoc());
  });

  it('names roles in GraphQL descriptions only through the policy (src/policy/role-notes.ts)', () => {
    const literal = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60)`;
    const description = new RegExp(String.raw`description:\s*(${literal}(?:\s*\+\s*${literal})*)`, 'g');
    const roleName = new RegExp(String.raw`\b(${Object.values(Role).join('|')})\b`);
    let seen = 0;
    const handWritten: string[] = [];
    for (const file of sourceFiles(path.join(server, 'src'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(description)) {
        seen += 1;
        // What a ${…} substitution writes comes from the policy; the rest is hand-written.
        const text = match[1]!.replace(/\$\{[^}]*\}/g, '');
        if (roleName.test(text)) handWritten.push(`${path.relative(server, file)}: ${text.slice(0, 100)}`);
      }
    }
    expect(seen).toBeGreaterThan(500);
    expect(handWritten).toEqual([]);
  });
});
