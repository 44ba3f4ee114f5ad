import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale } from 'react-admin';
import { catalogues } from './catalogues.ts';

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh-CN', name: '简体中文' },
];

function initialLocale(): string {
  const browser = resolveBrowserLocale('en', { fullLocale: true });
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const i18nProvider = polyglotI18nProvider((locale) => catalogues[locale] ?? catalogues['en']!, initialLocale(), LOCALES, {
  allowMissing: true,
});
