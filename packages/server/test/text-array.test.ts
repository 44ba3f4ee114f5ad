import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import { parseTextArray } from '../src/db/text-array.js';
import { testClusterUrl } from './helpers/test-database.js';

/**
 * Read plans send nested rows as PostgreSQL text arrays and read them back with
 * parseTextArray: whatever text PostgreSQL writes for an array of rows (quotes,
 * backslashes, braces, commas, spaces, the word NULL, empty strings, CJK, nulls, and
 * arrays nested as text inside elements) must come back exactly as the values sent.
 */
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: `${testClusterUrl()}/postgres` });
  client.on('error', () => undefined);
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

const awkward = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'NULL', 'null', ' ', '"', '\\', '{', '}', ',', '{a,b}', 'a "b" \\c', '客户 一', '\t\n'),
  fc.string({ unit: fc.constantFrom('a', '"', '\\', ',', '{', '}', ' ', '客', 'N', 'U', 'L') }),
);
const element = fc.option(awkward, { nil: null });
/** Text of the element as PostgreSQL stores it (NUL is not storable). */
const storable = (value: string | null) => (value === null ? null : value.replaceAll('\u0000', ''));

describe('parseTextArray', () => {
  it('reads one-dimensional arrays exactly as PostgreSQL writes them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 8 }), async (values) => {
        const sent = values.map(storable);
        const [row] = (await client.query<{ t: string }>('select $1::text[]::text as t', [sent])).rows;
        expect(parseTextArray(row!.t)).toEqual(sent);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a page of rows (two dimensions) with an array nested as text in an element', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(element, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), async (width, rows) => {
        const cut = rows.map((r) => r.slice(0, width).map(storable));
        const inner = cut[0] ?? [];
        // Rows go in as JSON so the SQL builds the same shape a plan does: array(select array[...]).
        const [row] = (await client.query<{ t: string }>(
          `select array(select array(select x from jsonb_array_elements_text(r.value) with ordinality e(x, n) order by n) || array[$2::text[]::text]
                          from jsonb_array_elements($1::jsonb) with ordinality r(value, k) order by k)::text as t`,
          [JSON.stringify(cut), inner],
        )).rows;
        const parsed = parseTextArray(row!.t) as (string | null)[][];
        expect(parsed.map((r) => r.slice(0, width))).toEqual(cut);
        for (const r of parsed) expect(parseTextArray(r[width] as string)).toEqual(inner);
      }),
      { numRuns: 200 },
    );
  });

  it('reads an empty page', async () => {
    const [row] = (await client.query<{ t: string }>(`select array(select array['a'] where false)::text as t`)).rows;
    expect(parseTextArray(row!.t)).toEqual([]);
  });
});
