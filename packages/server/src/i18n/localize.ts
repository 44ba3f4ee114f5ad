import { CODE_MESSAGES, PARAM_WORDS, ZH } from './messages.js';

/**
 * Server messages in the caller's language. Services keep throwing English (the log and
 * the audit stay in one language, and codes never change); the answer is translated on
 * its way out, by matching the English text against the catalogue's templates
 * (src/i18n/messages.ts) and filling the Chinese template with the same values.
 */

export type Language = 'en' | 'zh-CN';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/**
 * The best supported language for an Accept-Language header: the highest q first, ties
 * in header order; any Simplified Chinese tag (zh, zh-CN, zh-Hans, zh-SG) is zh-CN.
 * Traditional Chinese is not offered, so zh-TW / zh-HK / zh-Hant fall through to the
 * next preference, and in the end to English.
 */
export function negotiateLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'en';
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans')) return 'zh-CN';
  }
  return 'en';
}

interface Template {
  en: string;
  pattern: RegExp;
  names: string[];
  zh: string;
  /** Characters outside placeholders: among several matches the most specific wins. */
  literal: number;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function compile(en: string, zh: string): Template {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of en.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(en.slice(last, m.index)) + '([\\s\\S]+?)';
    names.push(m[1]!);
    last = m.index! + m[0].length;
  }
  source += escapeRegExp(en.slice(last));
  return { en, pattern: new RegExp(`^${source}$`), names, zh, literal: en.replace(PLACEHOLDER, '').length };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TEMPLATES: Template[] = Object.entries(ZH).map(([en, zh]) => compile(en, zh));

/** The catalogue template an English message comes from, with its values; undefined when none matches. */
export function matchTemplate(message: string): { en: string; zh: string; values: Record<string, string> } | undefined {
  let best: Template | undefined;
  let values: string[] = [];
  for (const template of TEMPLATES) {
    if (best && template.literal <= best.literal) continue;
    const m = template.pattern.exec(message);
    if (m) {
      best = template;
      values = m.slice(1);
    }
  }
  if (!best) return undefined;
  return { en: best.en, zh: best.zh, values: Object.fromEntries(best.names.map((n, i) => [n, values[i]!])) };
}

/**
 * `message` in `language`. A value filled into a template is translated too when it is a
 * message itself (a validation detail inside a variable error) or a known word (a verb
 * such as "archive"); ids, codes and field names stay as they are.
 */
export function localize(message: string, language: Language, depth = 0): string | undefined {
  if (language === 'en') return message;
  const match = matchTemplate(message);
  if (!match) return undefined;
  return match.zh.replace(PLACEHOLDER, (_, name: string) => {
    const value = match.values[name] ?? '';
    if (PARAM_WORDS[value]) return PARAM_WORDS[value]!;
    return (depth < 2 && localize(value, language, depth + 1)) || value;
  });
}

/**
 * A message for a response error with this public code: the catalogue's translation, or,
 * for text the catalogue does not know (a graphql-js validation detail), the code's own
 * sentence with the original detail after it.
 */
export function localizeForCode(message: string, code: string | undefined, language: Language): string {
  if (language === 'en') return message;
  const translated = localize(message, language);
  if (translated !== undefined) return translated;
  const sentence = code ? CODE_MESSAGES[code]?.zh : undefined;
  return sentence ? `${sentence}（${message}）` : message;
}
