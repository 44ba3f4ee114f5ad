import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Normalises PostgreSQL's text form ("2026-01-02 03:04:05.12+00") to RFC 3339 with microseconds. */
export function toIsoTimestamp(value: string): string {
  const match = PG_TIMESTAMP.exec(value);
  if (!match) throw new TypeError(`Not a timestamp: ${value}`);
  const [, date, time, zone] = match;
  let offset = zone!;
  if (offset !== 'Z') {
    const digits = offset.replace(':', '');
    offset = digits.length === 3 ? `${digits}:00` : `${digits.slice(0, 3)}:${digits.slice(3)}`;
    if (offset === '+00:00' || offset === '-00:00') offset = 'Z';
  }
  // Always six fractional digits, so timestamps also sort correctly as text.
  const [whole, fraction = ''] = time!.split('.');
  return `${date}T${whole}.${fraction.padEnd(6, '0')}${offset}`;
}

function parseTimestamp(value: unknown): string {
  if (typeof value !== 'string' || !PG_TIMESTAMP.test(value) || Number.isNaN(Date.parse(value.replace(' ', 'T')))) {
    throw new GraphQLError('DateTime must be an RFC 3339 timestamp with a time zone, e.g. 2026-01-31T09:30:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return toIsoTimestamp(value);
}

/**
 * Timestamps travel as strings end to end (PostgreSQL → GraphQL) so that microseconds
 * survive; a JavaScript Date would cut them to milliseconds.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An RFC 3339 timestamp with time zone and up to microsecond precision, e.g. 2026-01-31T09:30:00.123456Z.',
  serialize(value) {
    if (value instanceof Date) return toIsoTimestamp(value.toISOString());
    if (typeof value === 'string') return toIsoTimestamp(value);
    throw new TypeError('DateTime cannot represent this value');
  },
  parseValue: parseTimestamp,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseTimestamp(ast.value);
  },
});

const DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) {
    throw new GraphQLError('Decimal must be a number with at most 12 integer digits and 2 decimals, e.g. "1999.90"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return text;
}

/** Money travels as a decimal string so no amount is ever rounded through a float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1999.90" (at most 12 integer digits and 2 decimals).',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    throw new TypeError('Decimal cannot represent this value');
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
