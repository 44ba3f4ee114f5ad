import chineseModule from '@haxqer/ra-language-chinese';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import type { OwnMessages } from './catalogue-en.ts';
import { deepMerge, unwrap } from './deep-merge.ts';
import { raZhCn } from './ra-zh-cn.ts';
import { uiZhCn } from './ui-zh-cn.ts';
import { zhCN } from './zh-cn.ts';

export const ownChinese = deepMerge(zhCN, uiZhCn) as unknown as OwnMessages;

const HAN = '\\u4e00-\\u9fff';
const AFTER_HAN = (mark: string) => new RegExp(`([${HAN}])\\s*[${mark}](?=\\s|$|[${HAN}])\\s*`, 'gu');

/**
 * Chinese punctuation in Chinese sentences: the package writes "错误. 请检查" and
 * "您确定操作?" (ASCII marks, spaces between Chinese words). Applied to every Chinese
 * message, so a new one cannot bring them back either.
 */
export function chinesePunctuation(tree: unknown): unknown {
  if (typeof tree === 'string') {
    return tree
      .replace(AFTER_HAN('.'), '$1。')
      .replace(AFTER_HAN('?'), '$1？')
      .replace(AFTER_HAN(','), '$1，')
      .replace(AFTER_HAN('!'), '$1！')
      .replace(new RegExp(`([${HAN}]) +(?=[${HAN}])`, 'gu'), '$1')
      .replace(/。 \|\|\|\| /g, '。 |||| ')
      .trim();
  }
  if (tree && typeof tree === 'object') return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, chinesePunctuation(v)]));
  return tree;
}

/**
 * Everything the dashboard shows in Chinese. The Chinese package was written for
 * react-admin 4 and lacks some v5 keys: it is laid over the English messages and
 * ra-zh-cn.ts fills the gaps (a unit test checks that no react-admin key stays English).
 */
export const chineseCatalogue = chinesePunctuation(
  deepMerge(unwrap(englishMessages), unwrap(chineseModule), raZhCn, ownChinese),
) as TranslationMessages;
