import type { Params } from './sql.js';

export type SortDirection = 'ASC' | 'DESC';

/** One sortable column. `cast` is the SQL type a cursor value is read back as: it must
 * be the column's own type, so that the value read back compares equal to the row it
 * came from (a `real` compared as a double is never equal to itself). */
export interface SortColumn {
  key: string;
  sql: string;
  cast: 'text' | 'timestamptz' | 'bigint' | 'numeric' | 'integer' | 'real';
  nullable: boolean;
}

export const BIGINT_MAX = 9223372036854775807n;

/** A positive bigint id as GraphQL passes it (a string): anything else cannot exist, and
 * a value past the 64-bit range would make PostgreSQL fail the statement. */
export function isBigintId(text: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(text) && BigInt(text) <= BIGINT_MAX;
}

/** Numeric order of bigint ids given as text (`"98"` before `"100"`), for Array.sort. */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `compareIds` on the rows' `id`. */
export const byId = (a: { id: string }, b: { id: string }): number => compareIds(a.id, b.id);

/** Cursors are made by the server from a few sort values; anything longer was not. */
const MAX_CURSOR_LENGTH = 4096;

export interface SortTerm {
  column: SortColumn;
  direction: SortDirection;
}

/**
 * Keyset ("seek") pagination over any multi-column order. NULLs count as the smallest
 * value (ASC → NULLS FIRST, DESC → NULLS LAST) so a single btree index in default order
 * serves both directions, and the id tie-breaker follows the first term's direction
 * for the same reason. Cursors hold the row's sort values as text, read back from SQL,
 * so timestamps keep their microseconds and numerics their exact digits.
 */
export class KeysetOrder {
  readonly terms: SortTerm[];
  readonly signature: string;

  constructor(terms: SortTerm[], idColumn: SortColumn) {
    const direction = terms[0]?.direction ?? 'ASC';
    const withoutId = terms.filter((t) => t.column.key !== idColumn.key);
    this.terms = [...withoutId, { column: idColumn, direction: terms.find((t) => t.column.key === idColumn.key)?.direction ?? direction }];
    this.signature = this.terms.map((t) => `${t.column.key}:${t.direction}`).join(',');
  }

  /** Expression selecting the cursor values of a row as text[]. */
  keysSelect(alias = '__keys'): string {
    return `array[${this.terms.map((t) => `(${t.column.sql})::text`).join(', ')}] as "${alias}"`;
  }

  orderBy(reverse = false): string {
    return this.terms
      .map(({ column, direction }) => {
        const dir = reverse ? flip(direction) : direction;
        // Spelling out NULLS on a NOT NULL column would stop the planner from matching
        // a default-ordered index, so only nullable columns get it.
        return column.nullable ? `${column.sql} ${dir} nulls ${dir === 'ASC' ? 'first' : 'last'}` : `${column.sql} ${dir}`;
      })
      .join(', ');
  }

  encodeCursor(keys: (string | null)[]): string {
    return Buffer.from(JSON.stringify([this.signature, ...keys]), 'utf8').toString('base64url');
  }

  /**
   * Returns the values of a cursor, or undefined when it is malformed, was made for another
   * order, or holds a value its column's type cannot take. Cursors are opaque but not
   * secret: a client can decode one, change a value and encode it again, so each value is
   * checked here, before any SQL, rather than left to fail the statement.
   */
  decodeCursor(cursor: string): (string | null)[] | undefined {
    if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (!Array.isArray(parsed) || parsed[0] !== this.signature || parsed.length !== this.terms.length + 1) return undefined;
      const values = parsed.slice(1);
      if (!values.every((v, i) => validKey(this.terms[i]!.column, v))) return undefined;
      return values as (string | null)[];
    } catch {
      return undefined;
    }
  }

  /** Predicate for rows strictly after (or, with reverse, strictly before) the cursor row. */
  seekPredicate(values: (string | null)[], params: Params, reverse = false): string {
    const alternatives: string[] = [];
    for (let i = 0; i < this.terms.length; i += 1) {
      const parts: string[] = [];
      for (let j = 0; j < i; j += 1) parts.push(equalTo(this.terms[j]!.column, values[j] ?? null, params));
      const { column, direction } = this.terms[i]!;
      const after = beyond(column, reverse ? flip(direction) : direction, values[i] ?? null, params);
      if (after === 'false') continue;
      parts.push(after);
      alternatives.push(parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`);
    }
    return alternatives.length === 0 ? 'false' : `(${alternatives.join(' or ')})`;
  }
}

const DECIMAL = /^-?(?:[0-9]{1,40}(?:\.[0-9]{0,40})?|\.[0-9]{1,40})$/;
const FLOAT = /^-?(?:[0-9]{1,40}(?:\.[0-9]{0,40})?|\.[0-9]{1,40})(?:[eE][+-]?[0-9]{1,3})?$/;
/** As PostgreSQL writes a timestamptz as text (DateStyle ISO), within 0001–9999. */
const TIMESTAMP = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,6})?(?:Z|[+-][0-9]{2}(?::?[0-9]{2}){0,2})?$/;
const FLOAT4_MAX = 3.4028234e38;
const FLOAT4_MIN_NORMAL = 1.1754944e-38;

/** Whether PostgreSQL takes `value` as the column's type without an error. */
function validKey(column: SortColumn, value: unknown): boolean {
  if (value === null) return column.nullable;
  if (typeof value !== 'string') return false;
  switch (column.cast) {
    case 'text':
      return !value.includes('\u0000');
    case 'bigint':
      return /^-?[0-9]{1,19}$/.test(value) && BigInt(value) <= BIGINT_MAX && BigInt(value) >= -BIGINT_MAX - 1n;
    case 'integer':
      return /^-?[0-9]{1,10}$/.test(value) && Math.abs(Number(value)) <= 2_147_483_647;
    case 'numeric':
      return DECIMAL.test(value);
    case 'real': {
      if (!FLOAT.test(value)) return false;
      const n = Math.abs(Number(value));
      return n === 0 || (n >= FLOAT4_MIN_NORMAL && n <= FLOAT4_MAX);
    }
    case 'timestamptz': {
      const m = TIMESTAMP.exec(value);
      if (!m) return false;
      const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
      const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !leapYear(year) ? 1 : 0);
      return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59;
    }
  }
}

function leapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function flip(direction: SortDirection): SortDirection {
  return direction === 'ASC' ? 'DESC' : 'ASC';
}

function equalTo(column: SortColumn, value: string | null, params: Params): string {
  if (value === null) return `${column.sql} is null`;
  return `${column.sql} = ${params.add(value, column.cast)}`;
}

function beyond(column: SortColumn, direction: SortDirection, value: string | null, params: Params): string {
  if (direction === 'ASC') {
    if (value === null) return column.nullable ? `${column.sql} is not null` : 'true';
    return `${column.sql} > ${params.add(value, column.cast)}`;
  }
  if (value === null) return 'false';
  const less = `${column.sql} < ${params.add(value, column.cast)}`;
  return column.nullable ? `(${less} or ${column.sql} is null)` : less;
}
