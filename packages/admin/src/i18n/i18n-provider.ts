import chineseModule from '@haxqer/ra-language-chinese';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import { en } from './en.ts';
import { deepMerge } from './deep-merge.ts';
import { zhCN } from './zh-cn.ts';

// The package is CommonJS with `exports.default`; Vite's interop may hand over either
// the messages or the module object around them.
const chineseMessages = ((chineseModule as unknown as { default?: TranslationMessages }).default ?? chineseModule) as TranslationMessages;

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh-CN', name: '简体中文' },
];

// The Chinese package was written for react-admin 4 and lacks some v5 keys: laid over
// the English messages, a missing key shows in English instead of as a raw key.
const messages: Record<string, TranslationMessages> = {
  en: deepMerge(englishMessages, en) as TranslationMessages,
  'zh-CN': deepMerge(englishMessages, chineseMessages, zhCN) as TranslationMessages,
};

function initialLocale(): string {
  const browser = resolveBrowserLocale('en', { fullLocale: true });
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages['en']!, initialLocale(), LOCALES, {
  allowMissing: true,
});
