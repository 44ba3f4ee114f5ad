import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { PUBLIC_CODE } from '../src/app/error-map.js';
import { MODULES } from '../src/app/modules.js';

/**
 * The server's folders form layers: common, policy, crypto, config, db, core, graphql,
 * search, then the domain modules (a DAG among themselves), http, and the composition
 * root `app/` that alone lists every module (src/app/modules.ts). An import cycle
 * between folders is what let the registries and the modules grow into one knot, so
 * this fails on any, naming the imports that close it. Type-only imports count: they
 * couple folders all the same.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** A file's folder: `modules/<name>` for modules, the top folder otherwise, and the file
 * itself for files directly in src (config.ts, main.ts…). */
function folderOf(tree: string, file: string): string {
  const parts = path.relative(tree, file).split(path.sep);
  if (parts.length === 1) return parts[0]!;
  return parts[0] === 'modules' ? parts.slice(0, 2).join('/') : parts[0]!;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

type Graph = Map<string, Map<string, string[]>>;

/** Folder → folder → the files whose imports make the edge. */
function importGraph(tree: string): Graph {
  const graph: Graph = new Map();
  for (const file of files(tree)) {
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of text.matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), (match[1] ?? match[2])!).replace(/\.js$/, '.ts');
      if (!target.startsWith(tree + path.sep)) continue;
      const [from, to] = [folderOf(tree, file), folderOf(tree, target)];
      if (from === to) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), path.relative(tree, file)]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(graph: Graph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return found;
}

function describeCycle(graph: Graph, component: string[]): string {
  const edges = component.flatMap((a) =>
    [...(graph.get(a) ?? new Map<string, string[]>())].filter(([b]) => component.includes(b)).map(([b, via]) => `  ${a} -> ${b} (${via.slice(0, 3).join(', ')})`),
  );
  return `cycle between ${component.join(', ')}:\n${edges.join('\n')}`;
}

describe('architecture', () => {
  it('has no import cycle between the folders of src', () => {
    const graph = importGraph(src);
    expect(graph.size).toBeGreaterThan(20);
    expect(cycles(graph).map((c) => describeCycle(graph, c))).toEqual([]);
  });

  it('the cycle check sees a cycle when there is one', () => {
    const tree = fs.mkdtempSync(path.join(root, 'test', '.arch-probe-'));
    try {
      for (const [file, text] of [
        ['a/one.ts', "import { two } from '../b/two.js';\nexport const one = two;"],
        ['b/two.ts', "import type { three } from '../c/three.js';\nexport const two = 2 as three;"],
        ['c/three.ts', "export type three = number;\nexport const back = () => import('../a/one.js');"],
        ['d/four.ts', "import { one } from '../a/one.js';\nexport const four = one;"],
      ]) {
        fs.mkdirSync(path.dirname(path.join(tree, file!)), { recursive: true });
        fs.writeFileSync(path.join(tree, file!), text!);
      }
      const found = cycles(importGraph(tree));
      expect(found).toHaveLength(1);
      expect(found[0]!.length).toBe(3);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('lists every module folder in the composition root, once', () => {
    const folders = fs.readdirSync(path.join(src, 'modules')).sort();
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
    for (const folder of folders) expect(fs.existsSync(path.join(src, 'modules', folder, `${folder}.module.ts`))).toBe(true);
  });

  it('maps every error code of every module to a public code', async () => {
    const unmapped: string[] = [];
    let checked = 0;
    const enumFiles = [...files(path.join(src, 'modules')), path.join(src, 'policy', 'policy.errors.ts'), path.join(src, 'common', 'domain-error.ts')].filter(
      (f) => f.endsWith('.errors.ts') || f.endsWith('domain-error.ts'),
    );
    for (const file of enumFiles) {
      const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (!name.endsWith('ErrorCode') || name === 'PublicErrorCode' || typeof value !== 'object' || value === null) continue;
        for (const code of Object.values(value as Record<string, string>)) {
          checked += 1;
          if (!PUBLIC_CODE[code]) unmapped.push(`${name}.${code}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(unmapped).toEqual([]);
  });
});
