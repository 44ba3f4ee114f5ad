import { describe, expect, it } from '@jest/globals';
import { DateTimeScalar, DecimalScalar, toIsoTimestamp } from '../src/graphql/scalars.js';

describe('DateTime', () => {
  it.each([
    ['2026-01-02 03:04:05.123456+00', '2026-01-02T03:04:05.123456Z'],
    ['2026-01-02 03:04:05+00', '2026-01-02T03:04:05.000000Z'],
    ['2026-01-02 03:04:05.1+08', '2026-01-02T03:04:05.100000+08:00'],
    ['2026-01-02 03:04:05.12-05:30', '2026-01-02T03:04:05.120000-05:30'],
  ])('serialises %s as %s', (pg, iso) => {
    expect(toIsoTimestamp(pg)).toBe(iso);
    expect(DateTimeScalar.serialize(pg)).toBe(iso);
  });
  it('turns the UTC text form into RFC 3339 for every fraction length, as the general form does', () => {
    // The fast path for "+00" against the same value written "+00:00" (general path only).
    const fractions = ['', '.1', '.12', '.123', '.1234', '.12345', '.123456', '.000001', '.9'];
    for (const fraction of fractions) {
      const expected = `2026-12-05T23:59:07${fraction ? fraction.padEnd(7, '0') : '.000000'}Z`;
      expect(toIsoTimestamp(`2026-12-05 23:59:07${fraction}+00`)).toBe(expected);
      expect(toIsoTimestamp(`2026-12-05 23:59:07${fraction}+00:00`)).toBe(expected);
    }
    // Not the UTC text form: left to the general path (or refused by it).
    expect(toIsoTimestamp('2026-12-05 23:59:07.5+01')).toBe('2026-12-05T23:59:07.500000+01:00');
    expect(toIsoTimestamp('2026-12-05T23:59:07Z')).toBe('2026-12-05T23:59:07.000000Z');
    for (const bad of ['2026-12-05 23:59:07.1234567+00', '12026-12-05 23:59:07+00', '2026-12-05 23:59:07+00 BC', '2026-12-05 23:59+00']) {
      expect(() => toIsoTimestamp(bad)).toThrow(/Not a timestamp/);
    }
  });
  it('rejects timestamps without a zone and garbage', () => {
    for (const bad of ['2026-01-02T03:04:05', 'yesterday', '2026-13-45T00:00:00Z', 42]) {
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(/RFC 3339/);
    }
  });
  it('rejects days, times and offsets that do not exist, which JavaScript would roll over', () => {
    for (const bad of ['2026-02-30T00:00:00Z', '2026-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2026-04-31T00:00:00Z',
      '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T23:59:60Z', '2026-01-01T00:00:00+16:00', '2026-01-01T00:00:00+01:60']) {
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(/not a real RFC 3339 date and time/);
    }
  });
  it('keeps to four-digit years in UTC, which PostgreSQL stores and the API writes back', () => {
    for (const bad of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+00:01', '9999-12-31T23:59:59.999999-00:01']) {
      expect(() => DateTimeScalar.parseValue(bad)).toThrow('DateTime must lie within 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z');
    }
    expect(DateTimeScalar.parseValue('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00.000000Z');
    expect(DateTimeScalar.parseValue('9999-12-31T23:59:59.999999Z')).toBe('9999-12-31T23:59:59.999999Z');
    expect(DateTimeScalar.parseValue('2024-02-29T23:59:59+15:59')).toBe('2024-02-29T23:59:59.000000+15:59');
    expect(DateTimeScalar.parseValue('2000-02-29 12:00:00-0530')).toBe('2000-02-29T12:00:00.000000-05:30');
  });
});

describe('Decimal', () => {
  it('accepts exact decimals and refuses floats beyond cents', () => {
    expect(DecimalScalar.parseValue('1999.90')).toBe('1999.90');
    expect(DecimalScalar.parseValue(12)).toBe('12');
    for (const bad of ['1.234', '1e5', 'abc', '1234567890123.00']) expect(() => DecimalScalar.parseValue(bad)).toThrow();
  });
});
