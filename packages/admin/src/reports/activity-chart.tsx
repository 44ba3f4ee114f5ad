import { Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { ACTIVITY_SERIES, activityRange, browserTimeZone, dayIn, type TimeBucket } from './reports.api.ts';
import { ReportCard } from './report-card.tsx';
import { useLifecycleActivity } from './use-report.ts';

const DAY_MS = 24 * 3600 * 1000;
// Days, weeks and months are the user's: the report follows the browser's time zone.
const zone = browserTimeZone();
const isoDay = (date: Date) => dayIn(date, zone);

function bucketLabel(iso: string, bucket: TimeBucket, locale: string): string {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = bucket === 'MONTH' ? { year: 'numeric', month: 'short', timeZone: zone } : { month: 'short', day: 'numeric', timeZone: zone };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

type ActivitySeries = (typeof ACTIVITY_SERIES)[number];

/** The first day of the month `back` months before this one, in the user's calendar. */
function monthStart(back: number): string {
  const [year, month] = isoDay(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 10);
}

interface ActivityChartProps {
  /** A fixed range without controls: this month and the months before it, per month (the home page). */
  lastMonths?: number;
  /** Only these transitions (all by default). */
  only?: readonly ActivitySeries[];
  testId?: string;
}

/** Archived, restored, voided… customers per day, week or month, from the audit log. */
export function ActivityChart({ lastMonths, only = ACTIVITY_SERIES, testId = 'report-activity' }: ActivityChartProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [chosenBucket, setBucket] = useState<TimeBucket>('WEEK');
  const [chosenFrom, setFromDay] = useState(() => isoDay(new Date(Date.now() - 83 * DAY_MS)));
  const [chosenTo, setToDay] = useState(() => isoDay(new Date()));
  const fixed = lastMonths !== undefined;
  const bucket = fixed ? 'MONTH' : chosenBucket;
  const fromDay = fixed ? monthStart(lastMonths - 1) : chosenFrom;
  const toDay = fixed ? isoDay(new Date()) : chosenTo;
  const valid = !!fromDay && !!toDay && fromDay <= toDay;
  const range = valid ? activityRange(fromDay, toDay, zone) : activityRange(toDay || isoDay(new Date()), toDay || isoDay(new Date()), zone);
  const { data, isPending, error } = useLifecycleActivity({ ...range, bucket, timeZone: zone });
  const rows = data ?? [];
  // Series with no event in the range only crowd the legend.
  const series = only.filter((name) => rows.some((r) => r[name] > 0));
  const total = rows.reduce((sum, r) => sum + only.reduce((s, name) => s + r[name], 0), 0);
  return (
    <ReportCard
      title={fixed ? 'custos.reports.activity_months' : 'custos.reports.activity_title'} hint="custos.reports.activity_hint"
      isPending={isPending} error={error} empty={total === 0} testId={testId} total={data ? total : undefined}
      action={fixed ? undefined : (
        <Stack direction="row" spacing={1} alignItems="center" sx={{ pt: 1 }}>
          <TextField type="date" size="small" label={translate('custos.reports.from')} value={fromDay} onChange={(e) => setFromDay(e.target.value)}
            error={!valid} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'activity-from', max: toDay } }} />
          <TextField type="date" size="small" label={translate('custos.reports.to')} value={toDay} onChange={(e) => setToDay(e.target.value)}
            error={!valid} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'activity-to', min: fromDay } }} />
          <ToggleButtonGroup size="small" exclusive value={bucket} onChange={(_, value: TimeBucket | null) => value && setBucket(value)}>
            {(['DAY', 'WEEK', 'MONTH'] as const).map((b) => (
              <ToggleButton key={b} value={b} data-testid={`bucket-${b}`}>{translate(`custos.enums.TimeBucket.${b}`)}</ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
      )}
    >
      <BarChart
        height={280}
        xAxis={[{ scaleType: 'band', data: rows.map((r) => bucketLabel(r.bucket, bucket, locale)) }]}
        yAxis={[{ tickMinStep: 1 }]}
        series={series.map((name) => ({ data: rows.map((r) => r[name]), label: translate(`custos.reports.series.${name}`), stack: 'all' }))}
      />
      <ul hidden data-testid={`${testId}-values`}>
        {only.map((name) => <li key={name} data-key={name} data-count={rows.reduce((sum, r) => sum + r[name], 0)}>{name}</li>)}
      </ul>
    </ReportCard>
  );
}
