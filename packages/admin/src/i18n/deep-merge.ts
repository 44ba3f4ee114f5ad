import type { TranslationMessages } from 'react-admin';
type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Later sources win; nested objects are merged key by key (message catalogues). */
export function deepMerge(...sources: unknown[]): Tree {
  const out: Tree = {};
  for (const source of sources) {
    if (!isTree(source)) continue;
    for (const [key, value] of Object.entries(source)) {
      out[key] = isTree(value) && isTree(out[key]) ? deepMerge(out[key], value) : isTree(value) ? deepMerge(value) : value;
    }
  }
  return out;
}

// Message packages are CommonJS with `exports.default`; Vite's interop may hand over
// either the messages or the module object around them.
export const unwrap = (mod: unknown) => ((mod as { default?: TranslationMessages }).default ?? mod) as TranslationMessages;
