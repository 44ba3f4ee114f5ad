/**
 * A human reading of a 5-field cron expression (UTC), for the common shapes people
 * write: every N minutes, hourly, daily, on weekdays, monthly. Anything else is spelled
 * out field by field. The server validates the expression; this only explains it.
 */
type Translate = (key: string, options?: Record<string, unknown>) => string;

const NUMBER = /^\d+$/;

function weekdayName(day: number, locale: string): string {
  // 2024-01-07 was a Sunday: cron's day 0 (and 7).
  return new Date(Date.UTC(2024, 0, 7 + (day % 7))).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' });
}

function weekdays(field: string, locale: string): string | null {
  const days: number[] = [];
  for (const part of field.split(',')) {
    const range = /^(\d)-(\d)$/.exec(part);
    if (range) {
      for (let d = Number(range[1]); d <= Number(range[2]); d++) days.push(d);
    } else if (/^\d$/.test(part)) {
      days.push(Number(part));
    } else {
      return null;
    }
  }
  return days.map((d) => weekdayName(d, locale)).join(locale.startsWith('zh') ? '、' : ', ');
}

export function cronHint(expression: string | null | undefined, translate: Translate, locale: string): string {
  const text = (expression ?? '').trim();
  if (!text) return translate('custos.policies.cron.none');
  const fields = text.split(/\s+/);
  if (fields.length !== 5) return translate('custos.policies.cron.invalid');
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const time = NUMBER.test(minute) && NUMBER.test(hour) ? `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}` : null;
  const step = /^\*\/(\d+)$/.exec(minute);
  if (step && hour === '*' && dom === '*' && month === '*' && dow === '*') return translate('custos.policies.cron.every_minutes', { n: step[1] });
  if (NUMBER.test(minute) && hour === '*' && dom === '*' && month === '*' && dow === '*') return translate('custos.policies.cron.hourly', { m: minute });
  if (time && month === '*') {
    if (dom === '*' && dow === '*') return translate('custos.policies.cron.daily', { time });
    if (dom === '*') {
      const days = weekdays(dow, locale);
      if (days) return translate('custos.policies.cron.weekly', { days, time });
    }
    if (NUMBER.test(dom) && dow === '*') return translate('custos.policies.cron.monthly', { day: dom, time });
  }
  return translate('custos.policies.cron.custom', { minute, hour, dom, month, dow });
}
