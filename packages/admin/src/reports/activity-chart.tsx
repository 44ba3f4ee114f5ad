import { Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { ACTIVITY_SERIES, activityRange, type TimeBucket } from '../data-provider/reports.ts';
import { ReportCard } from './report-card.tsx';
import { useLifecycleActivity } from './use-report.ts';

const DAY_MS = 24 * 3600 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function bucketLabel(iso: string, bucket: TimeBucket, locale: string): string {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = bucket === 'MONTH' ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Archived, restored, voided… customers per day, week or month, from the audit log. */
export function ActivityChart() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [bucket, setBucket] = useState<TimeBucket>('WEEK');
  const [fromDay, setFromDay] = useState(() => isoDay(new Date(Date.now() - 83 * DAY_MS)));
  const [toDay, setToDay] = useState(() => isoDay(new Date()));
  const valid = !!fromDay && !!toDay && fromDay <= toDay;
  const range = valid ? activityRange(fromDay, toDay) : activityRange(toDay || isoDay(new Date()), toDay || isoDay(new Date()));
  const { data, isPending, error } = useLifecycleActivity({ ...range, bucket });
  const rows = data ?? [];
  // Series with no event in the range only crowd the legend.
  const series = ACTIVITY_SERIES.filter((name) => rows.some((r) => r[name] > 0));
  const total = rows.reduce((sum, r) => sum + ACTIVITY_SERIES.reduce((s, name) => s + r[name], 0), 0);
  return (
    <ReportCard
      title="custos.reports.activity_title" hint="custos.reports.activity_hint"
      isPending={isPending} error={error} empty={total === 0} testId="report-activity" total={data ? total : undefined}
      action={(
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
    </ReportCard>
  );
}
