import type { Params } from './sql.js';

export type SortDirection = 'ASC' | 'DESC';

/** One sortable column. `cast` is the SQL type a cursor value is read back as. */
export interface SortColumn {
  key: string;
  sql: string;
  cast: 'text' | 'timestamptz' | 'bigint' | 'numeric' | 'integer';
  nullable: boolean;
}

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

  /** Returns the values of a cursor, or undefined when it is malformed or was made for another order. */
  decodeCursor(cursor: string): (string | null)[] | undefined {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (!Array.isArray(parsed) || parsed[0] !== this.signature || parsed.length !== this.terms.length + 1) return undefined;
      const values = parsed.slice(1);
      if (!values.every((v) => v === null || typeof v === 'string')) return undefined;
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
