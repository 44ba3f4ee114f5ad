import { CronExpressionParser } from 'cron-parser';

/**
 * Schedules are classic five-field cron expressions (minute hour day-of-month month
 * day-of-week), evaluated in UTC so every server computes the same slots whatever its
 * local time zone. Seconds fields and macros are refused: they would let a policy fire
 * every second, which is never what an archive rule means.
 */

const FIELDS = 5;

/** Why `expression` is not a usable schedule, or null when it is. */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== FIELDS || fields[0] === '') {
    return 'must be a cron expression with 5 fields (minute hour day-of-month month day-of-week), e.g. "0 3 * * *"';
  }
  try {
    CronExpressionParser.parse(fields.join(' '), { tz: 'UTC', strict: false });
    return null;
  } catch (error) {
    return `is not a valid cron expression: ${(error as Error).message}`;
  }
}

/** The first slot strictly after `after`. */
export function nextSlot(expression: string, after: Date): Date {
  return CronExpressionParser.parse(expression.trim(), { tz: 'UTC', currentDate: after }).next().toDate();
}

/** The latest slot at or before `at` (the one that is due now). */
export function currentSlot(expression: string, at: Date): Date {
  // `prev()` is strictly before currentDate; step a millisecond past `at` to include it.
  return CronExpressionParser.parse(expression.trim(), { tz: 'UTC', currentDate: new Date(at.getTime() + 1) }).prev().toDate();
}
