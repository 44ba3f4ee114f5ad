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
  it('rejects timestamps without a zone and garbage', () => {
    for (const bad of ['2026-01-02T03:04:05', 'yesterday', '2026-13-45T00:00:00Z', 42]) {
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(/RFC 3339/);
    }
  });
});

describe('Decimal', () => {
  it('accepts exact decimals and refuses floats beyond cents', () => {
    expect(DecimalScalar.parseValue('1999.90')).toBe('1999.90');
    expect(DecimalScalar.parseValue(12)).toBe('12');
    for (const bad of ['1.234', '1e5', 'abc', '1234567890123.00']) expect(() => DecimalScalar.parseValue(bad)).toThrow();
  });
});
