import type { Settings } from 'meilisearch';

/** Most hits a search can page through, and the bound on its estimated total. */
export const MAX_TOTAL_HITS = 5000;

/**
 * The archive index's settings. `phoneDigits` holds the digits of the phone number (and
 * the national part without a country code), so callers typing a number without spaces
 * or `+86` still match word by word; Meilisearch matches words and word prefixes, not
 * arbitrary substrings.
 */
export const INDEX_SETTINGS = {
  searchableAttributes: ['name', 'code', 'email', 'phone', 'phoneDigits'],
  filterableAttributes: [
    'ownerId', 'type', 'tier', 'industry', 'region', 'lifecycleStage', 'tags', 'archiveReason', 'archivedYear',
    'archivedAtTs', 'previousStatus', 'legalHold', 'idNum',
  ],
  sortableAttributes: ['archivedAtTs', 'idNum'],
  // Meilisearch's own order, written out so the index does not depend on its defaults.
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  // Typos are for words: an 11-digit phone number would otherwise match every number two
  // digits away, a code one character off is another customer, and so is an email
  // (user4242@ found 88 neighbours at 1M; the PostgreSQL engine matches emails as written).
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnNumbers: true,
    disableOnAttributes: ['code', 'email', 'phone', 'phoneDigits'],
  },
  // Names are mostly Chinese or English; telling the tokenizer so keeps it from guessing
  // Japanese for short Han strings.
  localizedAttributes: [{ attributePatterns: ['name'], locales: ['cmn', 'eng'] }],
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  // Word proximity only as "same attribute or not": names, codes and phones are a few
  // words each, so the per-pair distances Meilisearch would otherwise index change no
  // ranking here, and indexing them took about a third of its CPU (50k archived
  // customers, two runs each: 13.9 and 16.1 against 8.4 and 10.5 CPU-seconds).
  proximityPrecision: 'byAttribute',
  // Facet values are counted, never searched (no facet-search box anywhere).
  facetSearch: false,
  // The 50 most frequent values per facet, as the PostgreSQL engine returns (Meilisearch
  // keeps the first 50 in alphabetical order by default).
  faceting: { maxValuesPerFacet: 50, sortFacetValuesBy: { '*': 'count' } },
} satisfies Settings;

const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes', 'disableOnAttributes']);

function normalise(key: string, value: unknown): unknown {
  if (Array.isArray(value) && UNORDERED.has(key)) return [...value].map(String).sort();
  return value;
}

/** Whether `desired` holds below `actual` (keys Meilisearch adds on its own are ignored). */
function covers(actual: unknown, desired: unknown, key = ''): boolean {
  const a = normalise(key, actual);
  const d = normalise(key, desired);
  if (Array.isArray(d)) return Array.isArray(a) && a.length === d.length && d.every((v, i) => covers(a[i], v));
  if (d && typeof d === 'object') {
    if (!a || typeof a !== 'object') return false;
    return Object.entries(d).every(([k, v]) => covers((a as Record<string, unknown>)[k], v, k));
  }
  return a === d;
}

/** The part of INDEX_SETTINGS the server does not have yet; empty when in step. */
export function settingsToApply(actual: Settings): Settings {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(INDEX_SETTINGS)) {
    if (!covers((actual as Record<string, unknown>)[key], value, key)) out[key] = value;
  }
  return out as Settings;
}
