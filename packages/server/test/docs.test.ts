import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { CONFIG_VARIABLES, FILE_SECRETS } from '../src/config.js';
import { Role } from '../src/policy/role.js';
import { permissionsDoc } from '../src/policy/permissions-doc.js';

/**
 * Pages that would go stale without anyone noticing: the permissions page is printed from
 * the policy, and no GraphQL description names roles by hand (src/policy/role-notes.ts
 * writes them from the policy's action table); every page under docs/ is reachable from
 * the README and every relative link resolves; the configuration and architecture pages
 * name exactly what the code has.
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

/** The markdown pages a reader can reach: the README, docs/, and the package and docker notes. */
function pages(): string[] {
  const under = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return under(full);
      return entry.name.endsWith('.md') ? [full] : [];
    });
  const notes = ['docker', ...fs.readdirSync(path.join(root, 'packages')).map((p) => `packages/${p}`)]
    .map((dir) => path.join(root, dir, 'README.md'))
    .filter((file) => fs.existsSync(file));
  return [path.join(root, 'README.md'), ...under(path.join(root, 'docs')), ...notes];
}

/** Markdown outside code blocks and code spans, where a `[text](target)` is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

function links(file: string): string[] {
  return [...prose(fs.readFileSync(file, 'utf8')).matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

/** GitHub's anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const match of prose(fs.readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = match[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

const rel = (file: string) => path.relative(root, file);

describe('docs', () => {
  it('keeps the README short: what Custos is, the two commands, the layout, links', () => {
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(200);
  });

  it('links every page under docs/ from the README', () => {
    const readme = path.join(root, 'README.md');
    const linked = new Set(links(readme).filter((l) => !/^[a-z]+:/.test(l)).map((l) => path.resolve(root, l.split('#')[0]!)));
    const unlinked = pages().filter((p) => p.startsWith(path.join(root, 'docs') + path.sep) && !linked.has(p)).map(rel);
    expect(unlinked).toEqual([]);
  });

  it('has no broken relative link or anchor', () => {
    const broken: string[] = [];
    for (const file of pages()) {
      for (const link of links(file)) {
        if (/^[a-z]+:/.test(link)) continue;
        const [target, anchor] = link.split('#') as [string, string | undefined];
        const resolved = target ? path.resolve(path.dirname(file), target) : file;
        if (!fs.existsSync(resolved)) broken.push(`${rel(file)}: ${link}`);
        else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) broken.push(`${rel(file)}: ${link} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists exactly the settings config.ts reads in docs/operators/configuration.md', () => {
    const page = fs.readFileSync(path.join(root, 'docs/operators/configuration.md'), 'utf8');
    const rows = page.split('\n').filter((line) => /^\| `[A-Z]/.test(line));
    const listed = new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)));
    const read = CONFIG_VARIABLES.filter((name) => !FILE_SECRETS.some((secret) => name === `${secret}_FILE`));
    expect({ missing: read.filter((name) => !listed.has(name)), unknown: [...listed].filter((name) => !read.includes(name)) }).toEqual({ missing: [], unknown: [] });
    for (const secret of FILE_SECRETS) expect(page).toContain(`\`${secret}\``);
  });

  it('names every source folder in the module map (docs/developers/architecture.md)', () => {
    const page = fs.readFileSync(path.join(root, 'docs/developers/architecture.md'), 'utf8');
    const dirs = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const folders = [
      ...dirs(path.join(server, 'src')).filter((d) => d !== 'modules').map((d) => `\`${d}/\``),
      ...dirs(path.join(server, 'src/modules')).map((d) => `\`modules/${d}\``),
    ];
    expect(folders.filter((name) => !page.includes(name))).toEqual([]);
  });
});
