import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { documentTerms, phoneDigits, queryTerms, toTsQuery } from '../../src/search/tokenize.js';

describe('search terms', () => {
  it('indexes Chinese names under characters and bigrams as well as jieba words', () => {
    const terms = documentTerms('张伟科技有限公司');
    for (const expected of ['张', '伟', '张伟', '伟科', '科技', '有限公司']) expect(terms).toContain(expected);
    expect(terms).toEqual([...new Set(terms)].sort());
  });

  it('finds any run of two or more Chinese characters wherever it stands in a name', () => {
    const han = fc.constantFrom(...'张伟王芳李娜科技有限公司上海北京深圳宏达贸易集团');
    fc.assert(
      fc.property(fc.array(han, { minLength: 2, maxLength: 12 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const name = chars.join('');
        const start = a % (chars.length - 1);
        const end = start + 2 + (b % (chars.length - start - 1));
        const query = queryTerms(chars.slice(start, end).join(''));
        const indexed = new Set(documentTerms(name));
        return query.groups.every((g) => !g.prefix && indexed.has(g.lexeme));
      }),
      { numRuns: 200 },
    );
  });

  it('splits a query into exact Chinese bigrams and prefix words, lower-cased', () => {
    expect(queryTerms(' ACME上海 ').groups).toEqual([
      { lexeme: '上海', prefix: false },
      { lexeme: 'acme', prefix: true },
    ]);
    expect(queryTerms('伟').groups).toEqual([{ lexeme: '伟', prefix: false }]);
    expect(queryTerms('Acme Corp').text).toBe('acme corp');
  });

  it('reads phone-like queries as digits and only words as typo candidates', () => {
    expect(queryTerms('+86 138-0013').digits).toBe('861380013');
    expect(queryTerms('138').digits).toBeNull();
    expect(queryTerms('acme corp').typoCandidate).toBe(true);
    expect(queryTerms('acm').typoCandidate).toBe(false);
    expect(queryTerms('a@b.cn').typoCandidate).toBe(false);
    expect(queryTerms('张伟科技').typoCandidate).toBe(false);
    expect(phoneDigits('+86 138-0013-8000')).toBe('8613800138000');
    expect(phoneDigits('n/a')).toBeNull();
  });

  it('quotes every lexeme so no input becomes tsquery syntax', () => {
    expect(toTsQuery({ groups: [{ lexeme: "o'neil", prefix: true }, { lexeme: 'a\\b', prefix: false }], text: '', digits: null, typoCandidate: false })).toBe(
      "'o''neil':* & 'a\\\\b'",
    );
    expect(toTsQuery(queryTerms('!!! & | :*'))).toBeNull();
  });
});
