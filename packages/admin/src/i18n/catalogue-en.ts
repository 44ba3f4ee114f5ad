import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { deepMerge, unwrap } from './deep-merge.ts';
import { en } from './en.ts';
import { raEn } from './ra-zh-cn.ts';
import { uiEn } from './ui-en.ts';


/** The dashboard's own messages (custos.*, resources.*): the shape every language follows. */
export type OwnMessages = typeof en & typeof uiEn;
export const ownEnglish = deepMerge(en, uiEn) as unknown as OwnMessages;

/** Everything the dashboard shows in English (a chunk of its own: a first visit loads
 * only its language's catalogue, src/i18n/i18n-provider.ts). */
export const englishCatalogue = deepMerge(unwrap(englishMessages), raEn, ownEnglish) as TranslationMessages;
