import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, type I18nProvider, type TranslationMessages } from 'react-admin';

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh-CN', name: '简体中文' },
];

/** The language chosen earlier (react-admin keeps it in its store), else the browser's. */
export function initialLocale(): string {
  try {
    const chosen = JSON.parse(localStorage.getItem('RaStore.locale') ?? 'null') as unknown;
    if (LOCALES.some((l) => l.locale === chosen)) return chosen as string;
  } catch {
    // no storage, or not ours: the browser decides
  }
  const browser = resolveBrowserLocale('en', { fullLocale: true });
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const loaded = new Map<string, TranslationMessages>();

/**
 * One language's catalogue, loaded once. Each language is a chunk of its own (about
 * 20 kB gzip each): a first visit downloads only the one it is shown in, and the other
 * arrives when someone switches.
 */
export async function loadCatalogue(locale: string): Promise<TranslationMessages> {
  const known = loaded.get(locale);
  if (known) return known;
  const messages =
    locale === 'zh-CN'
      ? (await import('./catalogue-zh-cn.ts')).chineseCatalogue
      : (await import('./catalogue-en.ts')).englishCatalogue;
  loaded.set(locale, messages);
  return messages;
}

/** The provider, created once the first language's catalogue is in (src/main.tsx). */
export function createI18nProvider(locale: string, messages: TranslationMessages): I18nProvider {
  loaded.set(locale, messages);
  return polyglotI18nProvider((wanted) => loaded.get(wanted) ?? loadCatalogue(wanted), locale, LOCALES, { allowMissing: true });
}
