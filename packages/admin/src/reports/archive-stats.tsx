import { Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate } from '../shared/dates.ts';
import { BarChart } from '@mui/x-charts/BarChart';
import { useLocaleState, useTranslate } from 'react-admin';
import { ReportCard } from './report-card.tsx';
import { useArchiveStats } from './use-report.ts';

/** The server's age ranges, youngest first. */
const AGES = ['<1y', '1-3y', '3-7y', '>=7y'];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  const translate = useTranslate();
  return (
    <Grid size={{ xs: 6, md: 'grow' }}>
      <Typography variant="caption" color="text.secondary">{translate(label)}</Typography>
      <Typography variant="h6" data-testid={testId}>{value}</Typography>
    </Grid>
  );
}

/** How big and how old the archive is, and which policies filled it. */
export function ArchiveStatsCard({ enabled }: { enabled: boolean }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useArchiveStats(enabled);
  const byAge = AGES.map((age) => ({ age, count: data?.byAge.find((b) => b.age === age)?.count ?? 0 }));
  return (
    <ReportCard title="custos.reports.archive_title" isPending={isPending} error={error} testId="report-archive" total={data?.customers}>
      {data ? (
        <>
          <Grid container spacing={2} sx={{ mb: 1 }}>
            <Figure label="custos.reports.archive.customers" value={data.customers.toLocaleString()} testId="archive-customers" />
            <Figure label="custos.reports.archive.interactions" value={data.interactions.toLocaleString()} testId="archive-interactions" />
            <Figure label="custos.reports.archive.legal_holds" value={data.legalHolds.toLocaleString()} testId="archive-holds" />
            <Figure label="custos.reports.archive.past_retention" value={data.pastRetention.toLocaleString()} testId="archive-past-retention" />
            <Figure label="custos.reports.archive.oldest" testId="archive-oldest"
              value={data.oldestArchivedAt ? formatDate(data.oldestArchivedAt, locale, false) : '—'} />
          </Grid>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <Typography variant="subtitle2">{translate('custos.reports.archive.by_age')}</Typography>
              <BarChart height={200} xAxis={[{ scaleType: 'band', data: byAge.map((b) => translate(`custos.reports.ages.${b.age}`)) }]}
                yAxis={[{ tickMinStep: 1 }]} series={[{ data: byAge.map((b) => b.count), barLabel: 'value' }]} hideLegend />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Typography variant="subtitle2">{translate('custos.reports.archive.by_policy')}</Typography>
              <Table size="small">
                <TableHead><TableRow><TableCell>{translate('custos.reports.archive.policy')}</TableCell><TableCell align="right">{translate('custos.reports.archive.customers')}</TableCell></TableRow></TableHead>
                <TableBody>
                  {data.byPolicy.map((p) => (
                    <TableRow key={p.policyId ?? 'manual'}>
                      <TableCell>{p.policyId ? (p.policyName ?? `#${p.policyId}`) : translate('custos.archive.manual')}</TableCell>
                      <TableCell align="right">{p.count.toLocaleString()}</TableCell>
                    </TableRow>
                  ))}
                  {data.byPolicy.length === 0 ? <TableRow><TableCell colSpan={2}>{translate('custos.reports.empty')}</TableCell></TableRow> : null}
                </TableBody>
              </Table>
            </Grid>
          </Grid>
        </>
      ) : null}
    </ReportCard>
  );
}
