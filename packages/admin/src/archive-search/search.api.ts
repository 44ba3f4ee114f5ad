/**
 * Archive search (`searchArchive`): the generated types of its registered operation, the
 * picked facets as its filter, and the highlight snippets as plain text parts. Plain
 * TypeScript, so the unit tests run it under Node (use-archive-search.ts reads it).
 */
import type { ArchiveSearchFilter, SearchArchiveQuery } from '@custos/schema';

export type ArchiveSearchResult = SearchArchiveQuery['searchArchive'];
export type ArchiveHit = ArchiveSearchResult['hits'][number];

/** Facets whose values the filter takes as numbers (the API lists years as digits). */
const NUMERIC_FACETS = new Set(['archivedYear']);

/** Selected facet values (facet field → values) as an ArchiveSearchFilter; empty lists left out. */
export function facetFilter(selected: Record<string, string[]>): ArchiveSearchFilter | null {
  const out: Record<string, unknown> = {};
  for (const [field, values] of Object.entries(selected)) {
    if (values.length === 0) continue;
    out[field] = NUMERIC_FACETS.has(field) ? values.map(Number) : values;
  }
  return Object.keys(out).length ? (out as ArchiveSearchFilter) : null;
}

export function searchArchiveVariables(params: { query: string; selected?: Record<string, string[]>; first?: number; after?: string | null }) {
  return {
    // Required by the API; empty lists the whole archive (facets included).
    query: params.query.trim(),
    filter: facetFilter(params.selected ?? {}),
    first: params.first ?? 20,
    after: params.after ?? null,
  };
}

/**
 * The server's highlight snippet (`<em>` around matches, every other character
 * HTML-escaped) as plain text parts: rendered as React text, so nothing in a customer's
 * data can become markup, whatever it contains.
 */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const re = /<em>([\s\S]*?)<\/em>/g;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: unescapeHtml(snippet.slice(last, m.index)), match: false });
    parts.push({ text: unescapeHtml(m[1]!), match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: unescapeHtml(snippet.slice(last)), match: false });
  return parts;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Named and numeric entities (the server escapes as `&#60;`); unknown ones stay as written. */
function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

