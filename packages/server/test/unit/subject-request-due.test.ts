import { describe, expect, it } from '@jest/globals';
import { dueDate, isCalendarDate } from '../../src/modules/subject-request/subject-request.due.js';
import { SubjectRequestRegime } from '../../src/modules/subject-request/subject-request.enums.js';

const { GDPR, PIPL } = SubjectRequestRegime;

describe('due dates of data-subject requests', () => {
  it.each([
    ['2026-12-04', '2027-01-04'],
    ['2026-01-15', '2026-02-15'],
    // No 31 February: the month's last day.
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-08-31', '2026-09-30'],
  ])('GDPR: received %s, due %s (one month)', (received, due) => {
    expect(dueDate(GDPR, received)).toBe(due);
  });

  it.each([
    // Friday 4 December 2026: 15 working days (Monday to Friday) later is Friday 25 December.
    ['2026-12-04', '2026-12-25'],
    // Received on a Saturday: the count starts on Monday.
    ['2026-12-05', '2026-12-25'],
    // Monday 7 December: three weeks later, Monday 28 December.
    ['2026-12-07', '2026-12-28'],
    ['2026-02-26', '2026-03-19'],
  ])('PIPL: received %s, due %s (15 working days)', (received, due) => {
    expect(dueDate(PIPL, received)).toBe(due);
  });

  it('never falls on a weekend under PIPL', () => {
    for (let day = 1; day <= 31; day++) {
      const due = new Date(`${dueDate(PIPL, `2026-07-${String(day).padStart(2, '0')}`)}T00:00:00Z`);
      expect([0, 6]).not.toContain(due.getUTCDay());
    }
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });
});
