import type { TranslationMessages } from 'react-admin';
import { englishCatalogue } from './catalogue-en.ts';
import { chineseCatalogue } from './catalogue-zh-cn.ts';

export { ownEnglish } from './catalogue-en.ts';
export { chinesePunctuation, ownChinese } from './catalogue-zh-cn.ts';

/**
 * Every language's catalogue at once, for tests and checks that compare them. The
 * dashboard itself never imports this file: it loads the one catalogue a screen is shown
 * in (loadCatalogue), so a first visit does not download every language.
 */
export const catalogues: Record<string, TranslationMessages> = {
  en: englishCatalogue,
  'zh-CN': chineseCatalogue,
};
