import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Text → search terms for the PostgreSQL engine, used identically at write time (the
 * document's `name_terms`) and at query time, so both sides always agree.
 *
 * Chinese has no spaces, and pg_trgm cannot index a 2-character pattern (the usual
 * Chinese query), so names are segmented here with jieba (the segmenter Meilisearch
 * uses) into lexemes of a `simple` tsvector. jieba alone is not enough: its split of a
 * short query can differ from its split of the same characters inside a longer name
 * (`张伟` is one word in a query, but `张 / 伟` inside `张伟科技有限公司`). Every run of
 * Chinese characters therefore also contributes its single characters and overlapping
 * bigrams, and a query is matched on bigrams: any run of two or more characters is found
 * wherever it occurs in a name, at the cost of a slightly larger vector.
 */

let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

/** Loads the segmenter now (see JobHandler.warmUp), rather than on the first name a
 * transaction tokenizes. */
export function warmTokenizer(): void {
  segmenter();
}

const CJK_RUN = /[\p{Script=Han}]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

function cjkGrams(run: string): string[] {
  const chars = [...run];
  const grams = [...chars];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** The lexemes a name is indexed under (lower-case, unique). */
export function documentTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of segmenter().cutForSearch(text, true)) {
    for (const part of word.toLowerCase().match(WORD) ?? []) terms.add(part);
  }
  for (const run of text.match(CJK_RUN) ?? []) for (const gram of cjkGrams(run)) terms.add(gram);
  return [...terms].sort();
}

export interface QueryTerms {
  /** Conjunction of lexeme groups: Chinese bigrams (exact) and other words (prefix). */
  groups: { lexeme: string; prefix: boolean }[];
  /** The query in lower case, for substring and similarity matching. */
  text: string;
  /** Digits of the query when it looks like (part of) a phone number. */
  digits: string | null;
  /** The query is words (no digits, @ or dots) long enough for typo matching. */
  typoCandidate: boolean;
}

const PHONE_LIKE = /^[+\d\s().-]+$/;
const TYPO_TEXT = /^[\p{L}\s'&-]+$/u;

export function queryTerms(query: string): QueryTerms {
  const text = query.trim().toLowerCase();
  const groups: QueryTerms['groups'] = [];
  const seen = new Set<string>();
  const add = (lexeme: string, prefix: boolean) => {
    const key = `${lexeme}|${prefix}`;
    if (!seen.has(key)) {
      seen.add(key);
      groups.push({ lexeme, prefix });
    }
  };
  for (const word of text.match(WORD) ?? []) {
    // A word may mix scripts (`acme上海`): Chinese runs become bigrams, the rest prefixes.
    let rest = word;
    for (const run of word.match(CJK_RUN) ?? []) {
      const chars = [...run];
      if (chars.length === 1) add(run, false);
      for (let i = 0; i + 1 < chars.length; i += 1) add(chars[i]! + chars[i + 1]!, false);
      rest = rest.replace(run, ' ');
    }
    for (const part of rest.match(WORD) ?? []) add(part, true);
  }
  const digits = PHONE_LIKE.test(text) ? text.replace(/\D/g, '') : '';
  return {
    groups,
    text,
    digits: digits.length >= 4 ? digits : null,
    // Words only: codes, emails and phone numbers are matched exactly or as substrings,
    // and a near miss on them would find someone else.
    typoCandidate: !HAN.test(text) && TYPO_TEXT.test(text) && text.length >= 4,
  };
}

/** A tsquery literal with every lexeme quoted, so no input can inject tsquery syntax. */
export function toTsQuery(terms: QueryTerms): string | null {
  if (terms.groups.length === 0) return null;
  return terms.groups.map((g) => `'${g.lexeme.replace(/'/g, "''").replace(/\\/g, '\\\\')}'${g.prefix ? ':*' : ''}`).join(' & ');
}

/** Digits only, as stored in `phone_digits` (substring search ignores spaces and +). */
export function phoneDigits(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits.length ? digits : null;
}
