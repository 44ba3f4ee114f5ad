import { Card, CardContent, CardHeader, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { ErrorAlert } from '../shared/error-alert.tsx';

interface ReportCardProps {
  title: string;
  /** Shown under the title (translation key). */
  hint?: string;
  action?: ReactNode;
  isPending: boolean;
  error: unknown;
  empty?: boolean;
  testId: string;
  /** The card's headline number, e.g. the chart's total (also in `data-total` for tests). */
  total?: number;
  children: ReactNode;
}

/** A report block: title, its own loading and error state, so one refused report does not blank the page. */
export function ReportCard({ title, hint, action, isPending, error, empty, testId, total, children }: ReportCardProps) {
  const translate = useTranslate();
  const subheader = [
    total !== undefined ? translate('custos.reports.total', { count: total.toLocaleString() }) : null,
    hint ? translate(hint) : null,
  ].filter(Boolean).join(' · ');
  return (
    <Card variant="outlined" data-testid={testId} data-total={total ?? ''} data-ready={!isPending && !error ? 'true' : 'false'} sx={{ height: '100%' }}>
      <CardHeader title={translate(title)} subheader={subheader || undefined} action={action}
        slotProps={{ title: { variant: 'subtitle1' }, subheader: { variant: 'caption' } }} sx={{ pb: 0 }} />
      <CardContent>
        {isPending ? <Skeleton variant="rounded" height={220} />
          : error ? <ErrorAlert error={error} />
          : empty ? <Typography color="text.secondary" data-testid="report-empty">{translate('custos.reports.empty')}</Typography>
          : children}
      </CardContent>
    </Card>
  );
}
