import { intlLocale } from '../../shared/dates.ts';

/** A calendar day (`2026-12-25`, no time zone) in the dashboard's date format. */
export function formatDay(value: unknown, locale: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value == null ? '' : String(value);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' });
}
