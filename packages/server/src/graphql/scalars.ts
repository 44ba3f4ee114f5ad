import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** PostgreSQL's text form of a timestamptz in a UTC session, the form nearly every value
 * read arrives in. */
const UTC_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\+00$/;
/** What pads a fraction of 1…6 digits to six (index: its length − 1); none: `.000000`. */
const FRACTION_PADDING = ['00000', '0000', '000', '00', '0', ''];

/** Normalises PostgreSQL's text form ("2026-01-02 03:04:05.12+00") to RFC 3339 with microseconds. */
export function toIsoTimestamp(value: string): string {
  const utc = fromUtcText(value);
  if (utc !== undefined) return utc;
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

/**
 * Every timestamp of a list passes here (read plans and loaders alike read the text form:
 * PostgreSQL's to_char was a quarter of a small list's statement time): slices for the UTC
 * form, ~4× faster than toIsoTimestamp's general path; undefined for any other form.
 */
function fromUtcText(value: string): string | undefined {
  if (!UTC_TEXT.test(value)) return undefined;
  const length = value.length;
  return length === 22
    ? `${value.slice(0, 10)}T${value.slice(11, 19)}.000000Z`
    : `${value.slice(0, 10)}T${value.slice(11, length - 3)}${FRACTION_PADDING[length - 24]}Z`;
}

/** What toIsoTimestamp writes: it returns such a value unchanged. */
const CANONICAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(?:Z|[+-]\d{2}:\d{2})$/;

const INPUT_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Four-digit years in UTC: what toIsoTimestamp writes back. PostgreSQL's own range is
 * wider, but reaches into BC dates this API could not read back. */
const RANGE = '0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z';
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

function badTimestamp(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * JavaScript's Date rolls 2026-02-30 over into March and takes year 0000, while PostgreSQL
 * refuses both with an error that would surface as an internal one: every field is
 * checked here, before any SQL runs. Offsets stop at ±15:59, as in PostgreSQL.
 */
function parseTimestamp(value: unknown): string {
  const match = typeof value === 'string' ? INPUT_TIMESTAMP.exec(value) : null;
  if (!match) throw badTimestamp('DateTime must be an RFC 3339 timestamp with a time zone, e.g. 2026-01-31T09:30:00Z');
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const [offsetHours, offsetMinutes] = [Number(match[8] ?? 0), Number(match[9] ?? 0)];
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, 0);
  const real = local.getUTCFullYear() === year && local.getUTCMonth() === month - 1 && local.getUTCDate() === day
    && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 15 && offsetMinutes <= 59;
  if (!real) throw badTimestamp(`DateTime ${value as string} is not a real RFC 3339 date and time (no such day, time or offset)`);
  const instant = local.getTime() - (match[7] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  if (year < 1 || instant < EARLIEST || instant > LATEST) throw badTimestamp(`DateTime must lie within ${RANGE}`);
  return toIsoTimestamp(value as string);
}

/**
 * Timestamps travel as strings end to end (PostgreSQL → GraphQL) so that microseconds
 * survive; a JavaScript Date would cut them to milliseconds.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: `An RFC 3339 timestamp with time zone and up to microsecond precision, e.g. 2026-01-31T09:30:00.123456Z, within ${RANGE}.`,
  serialize(value) {
    if (value instanceof Date) return toIsoTimestamp(value.toISOString());
    // PostgreSQL's text form is turned into RFC 3339 (its UTC form first: nearly every value
    // read arrives in it); a value already in RFC 3339 passes unchanged.
    if (typeof value === 'string') return fromUtcText(value) ?? (CANONICAL_TIMESTAMP.test(value) ? value : toIsoTimestamp(value));
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
