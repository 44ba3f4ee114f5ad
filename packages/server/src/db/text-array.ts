/**
 * PostgreSQL's text form of a (possibly multi-dimensional) array, read back into nested
 * JavaScript arrays of strings and nulls. Read plans send nested rows as text arrays: the
 * database formats them several times cheaper than JSON objects, and one pass here reads
 * them (pg's own array parser builds strings a character at a time).
 * Only what `array_out` writes is understood: no dimension decorations (lower bounds of 1),
 * the default `,` delimiter, elements quoted when they need it, `\` escapes inside quotes.
 */
export type TextArray = (string | null | TextArray)[];

const OPEN = 123; // {
const CLOSE = 125; // }
const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;

export function parseTextArray(source: string): TextArray {
  if (source.charCodeAt(0) !== OPEN) throw new Error('not an array literal');
  const length = source.length;
  const open: TextArray[] = [];
  let root: TextArray = [];
  let current: TextArray | undefined;
  let i = 0;
  while (i < length) {
    const ch = source.charCodeAt(i);
    if (ch === OPEN) {
      const inner: TextArray = [];
      if (current) {
        current.push(inner);
        open.push(current);
      } else root = inner;
      current = inner;
      i += 1;
    } else if (ch === CLOSE) {
      current = open.pop();
      i += 1;
    } else if (ch === COMMA) {
      i += 1;
    } else if (ch === QUOTE) {
      let value = '';
      let start = i + 1;
      let j = start;
      for (;;) {
        const c = source.charCodeAt(j);
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          value += source.slice(start, j);
          start = j + 1; // the escaped character starts the next run
          j += 2;
        } else if (Number.isNaN(c)) throw new Error('unterminated quoted array element');
        else j += 1;
      }
      current!.push(value + source.slice(start, j));
      i = j + 1;
    } else {
      let j = i;
      for (;;) {
        const c = source.charCodeAt(j);
        if (c === COMMA || c === CLOSE || Number.isNaN(c)) break;
        j += 1;
      }
      const word = source.slice(i, j);
      current!.push(word === 'NULL' ? null : word);
      i = j;
    }
  }
  return root;
}
