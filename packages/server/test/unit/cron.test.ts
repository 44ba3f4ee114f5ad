import { describe, expect, it } from '@jest/globals';
import { cronProblem, currentSlot, nextSlot } from '../../src/common/cron.js';

describe('cron schedules', () => {
  it('accepts classic five-field expressions', () => {
    for (const ok of ['0 3 * * *', '*/5 * * * *', '30 2 1 * *', '0 4 * * 1-5', '  0 3 * * *  ']) expect(cronProblem(ok)).toBeNull();
  });

  it('refuses seconds fields, macros, words and out-of-range values, saying why', () => {
    expect(cronProblem('0 0 3 * * *')).toMatch(/5 fields/);
    expect(cronProblem('@daily')).toMatch(/5 fields/);
    expect(cronProblem('every day')).toMatch(/5 fields/);
    expect(cronProblem('')).toMatch(/5 fields/);
    expect(cronProblem('61 * * * *')).toMatch(/not a valid cron expression/);
    expect(cronProblem('0 25 * * *')).toMatch(/not a valid cron expression/);
  });

  it('computes slots in UTC: the next is strictly after, the current at or before', () => {
    const at = new Date('2026-03-01T03:00:00.000Z');
    expect(nextSlot('0 3 * * *', at).toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(currentSlot('0 3 * * *', at).toISOString()).toBe('2026-03-01T03:00:00.000Z');
    expect(currentSlot('0 3 * * *', new Date('2026-03-01T02:59:59.999Z')).toISOString()).toBe('2026-02-28T03:00:00.000Z');
    expect(nextSlot('*/5 * * * *', new Date('2026-03-01T10:07:30.000Z')).toISOString()).toBe('2026-03-01T10:10:00.000Z');
  });
});
