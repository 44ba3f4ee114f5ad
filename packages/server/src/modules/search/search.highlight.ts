import type { SearchField } from '../../search/search-index.js';
import { queryTerms } from '../../search/tokenize.js';

/**
 * Highlights are computed here, from the record the caller is about to receive, for the
 * fields it was allowed to search on only (those it reads in full). Engines' own
 * highlighters are not used: they would mark fields regardless of who asks, and a
 * snippet of a masked phone number would give away the digits the mask hides.
 */

export interface Highlight {
  field: SearchField;
  snippet: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patterns(query: string, field: SearchField): RegExp | null {
  const terms = queryTerms(query);
  if (field === 'phone') {
    if (!terms.digits) return null;
    return new RegExp(terms.digits.split('').join('[^0-9]*'), 'g');
  }
  const words = new Set<string>();
  if (terms.text) words.add(terms.text);
  for (const group of terms.groups) words.add(group.lexeme);
  const sorted = [...words].filter(Boolean).sort((a, b) => b.length - a.length).map(escapeRegExp);
  return sorted.length ? new RegExp(sorted.join('|'), 'giu') : null;
}

function mark(value: string, pattern: RegExp): string | null {
  let out = '';
  let last = 0;
  let found = false;
  for (const m of value.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    found = true;
    out += `${escapeHtml(value.slice(last, m.index))}<em>${escapeHtml(m[0])}</em>`;
    last = m.index + m[0].length;
  }
  return found ? out + escapeHtml(value.slice(last)) : null;
}

export function highlight(record: Partial<Record<SearchField, string | null>>, query: string, fields: readonly SearchField[]): Highlight[] {
  if (!query.trim()) return [];
  const out: Highlight[] = [];
  for (const field of fields) {
    const value = record[field];
    const pattern = value ? patterns(query, field) : null;
    const snippet = value && pattern ? mark(value, pattern) : null;
    if (snippet) out.push({ field, snippet });
  }
  return out;
}
