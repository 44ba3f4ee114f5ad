/**
 * "in 29 days", "3 hours ago", "30天后": a moment relative to now, in the screen's
 * language, at the largest unit that fits (days, hours, minutes, seconds). Plain
 * TypeScript, so the unit tests run it under Node.
 */
export function relativeTime(iso: string, locale: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en', { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(Math.round(seconds), 'second');
}
