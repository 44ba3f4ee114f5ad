/**
 * One date format per language (issue 18): every date the dashboard shows goes through
 * these, in the dashboard's language (not the browser's) and the user's time zone.
 * English "Dec 4, 2026, 4:21 AM", Chinese "2026年12月4日 04:21".
 */
export const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const DATE_ONLY: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** react-admin's locale names ('zh-CN', 'en') as Intl takes them. */
export const intlLocale = (locale: string) => (locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

/** PostgreSQL's text form ("2026-12-04 06:27:52.6+00", in job parameters) as ISO 8601. */
const fromPostgres = (text: string) => text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');

export const looksLikeTime = (text: string) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text);

export function formatDate(value: string | number | Date | null | undefined, locale: string, withTime = true): string {
  if (value === null || value === undefined || value === '') return '';
  let date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()) && typeof value === 'string') date = new Date(fromPostgres(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(intlLocale(locale), withTime ? DATE_TIME : DATE_ONLY);
}
