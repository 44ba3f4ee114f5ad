import { SubjectRequestRegime } from './subject-request.enums.js';

/**
 * When an answer is due, from the day the request was received (docs/api-clients/subject-requests.md):
 *
 * - GDPR Art. 12(3): "within one month of receipt". The same day of the next month; when
 *   that month is shorter, its last day (31 January → 28/29 February).
 * - PIPL Art. 50 says only "promptly" ("及时"). The Regulations on Network Data Security
 *   Management (网络数据安全管理条例, in force 1 January 2025) Art. 23 set 15 working days
 *   for handling such requests; we count Monday to Friday and do not skip public
 *   holidays, so the date is never later than the legal one (an assumption to confirm
 *   with counsel; holidays could be added as a calendar).
 *
 * Dates are calendar dates (`YYYY-MM-DD`), with no time zone.
 */
export function dueDate(regime: SubjectRequestRegime, receivedOn: string): string {
  const [y, m, d] = receivedOn.split('-').map(Number) as [number, number, number];
  if (regime === SubjectRequestRegime.GDPR) {
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return iso(new Date(Date.UTC(y, m, Math.min(d, lastDay))));
  }
  const day = new Date(Date.UTC(y, m - 1, d));
  let left = 15;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return iso(day);
}

/** A real calendar date in `YYYY-MM-DD` form. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
