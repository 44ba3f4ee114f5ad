/**
 * Fails when the JavaScript a first visit downloads exceeds the budget (issue 7: initial
 * JS ≤ 400 kB gzip). "Initial" is the entry chunk plus everything it imports statically,
 * read from Vite's manifest (dist/.vite/manifest.json), plus the catalogue of one language
 * (main.tsx loads it before the first screen; the larger of the two is counted, with what
 * it imports). Lazy screens (`import()`) are not counted, since they load only when
 * opened. Run after `vite build`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const BUDGET_KB = Number(process.env['INITIAL_JS_BUDGET_KB'] ?? 400);
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) throw new Error('no entry in the manifest: run vite build first');

const CATALOGUES = ['src/i18n/catalogue-en.ts', 'src/i18n/catalogue-zh-cn.ts'];
for (const key of CATALOGUES) if (!manifest[key]) throw new Error(`${key} is not a chunk of its own: the first download would carry every language`);

const visit = (key: string, seen: Set<string>) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next, seen);
  return seen;
};
const shell = new Set<string>();
for (const [key] of entries) visit(key, shell);

const gzipKb = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
const sizeOf = (keys: Iterable<string>) => [...keys].reduce((sum, key) => sum + gzipKb(manifest[key]!.file), 0);
// What each language adds to the shell; the larger one is what a first visit may cost.
const languages = CATALOGUES.map((key) => {
  const added = [...visit(key, new Set(shell))].filter((k) => !shell.has(k));
  return { key, added, kb: sizeOf(added) };
}).sort((a, b) => b.kb - a.kb);
for (const l of languages) console.log(`  language ${l.key}: ${l.kb.toFixed(1)} kB gzip`);
const seen = new Set([...shell, ...languages[0]!.added]);
const rows = [...seen].map((key) => ({ file: manifest[key]!.file, kb: gzipKb(manifest[key]!.file) })).sort((a, b) => b.kb - a.kb);
const total = rows.reduce((sum, r) => sum + r.kb, 0);
const lazy = Object.values(manifest).filter((c) => c.file.endsWith('.js')).length - rows.length;

for (const r of rows) console.log(`${r.kb.toFixed(1).padStart(8)} kB  ${r.file}`);
console.log(`initial JavaScript: ${total.toFixed(1)} kB gzip with the larger language's catalogue (budget ${BUDGET_KB} kB); ${lazy} chunks load later`);
if (total > BUDGET_KB) {
  console.error(`initial JavaScript is ${total.toFixed(1)} kB gzip, over the ${BUDGET_KB} kB budget: lazy-load more screens`);
  process.exit(1);
}
