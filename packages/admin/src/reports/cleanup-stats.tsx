import { Button, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate } from '../shared/dates.ts';
import { useCallback, useState } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { can } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';
import { ReportCard } from './report-card.tsx';
import { JobFollower } from '../cleanup/job-follower.tsx';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { useAction, useSupports } from '../shared/use-action.ts';
import { useCleanupStats } from './use-report.ts';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  const translate = useTranslate();
  return (
    <Grid size={{ xs: 6, md: 4 }}>
      <Typography variant="caption" color="text.secondary">{translate(label)}</Typography>
      <Typography variant="h5" data-testid={testId} data-count={value}>{value.toLocaleString()}</Typography>
    </Grid>
  );
}

/**
 * Cleanup work waiting (`cleanupStats`): duplicate groups to review and open data-quality
 * issues by field and problem, under the caller's row and field rules. Links lead to the
 * work screens for the roles that may use them.
 */
export function CleanupStatsCard({ testId = 'report-cleanup', limit = 6 }: { testId?: string; limit?: number }) {
  const translate = useTranslate();
  const locale = useLocale();
  const access = useAccess();
  const { data, isPending, error, refetch } = useCleanupStats(true);
  const issues = data?.dataQualityIssues ?? [];
  // Counting reads every customer, so it is a job; the figures say when they were counted.
  const count = useAction<{ id: string }>('countDataQuality');
  const canCount = useSupports('countDataQuality') && can(access, 'customer:normalize');
  const [jobId, setJobId] = useState<string | null>(null);
  const reviewsDuplicates = can(access, 'customer:merge');
  const onCounted = useCallback(() => void refetch(), [refetch]);
  const when = (iso: string | null, done: string, never: string) =>
    iso ? translate(done, { time: formatDate(iso, locale) }) : translate(never);
  return (
    <ReportCard title="custos.reports.cleanup.title" isPending={isPending} error={error} testId={testId}>
      {data ? (
        <>
          <Grid container spacing={2} sx={{ mb: 1 }}>
            {/* Duplicates are counted only for roles that review them (issue 18: sales saw a
                count of work it has no screen for). */}
            {reviewsDuplicates ? (
              <>
                <Figure label="custos.reports.cleanup.duplicate_groups" value={data.duplicateGroupsPending} testId="cleanup-duplicate-groups" />
                <Figure label="custos.reports.cleanup.duplicate_customers" value={data.duplicateCustomersPending} testId="cleanup-duplicate-customers" />
              </>
            ) : null}
            <Figure label="custos.reports.cleanup.quality_customers" value={data.dataQualityCustomers} testId="cleanup-quality-customers" />
          </Grid>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('custos.reports.cleanup.issue')}</TableCell>
                <TableCell align="right">{translate('custos.reports.cleanup.count')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {issues.slice(0, limit).map((i) => (
                <TableRow key={`${i.field}-${i.problem}`} data-testid="cleanup-issue" data-count={i.count}>
                  <TableCell>{translate(`custos.enums.CleanupField.${i.field}`, { _: i.field })} · {translate(`custos.enums.DataQualityProblem.${i.problem}`, { _: i.problem })}</TableCell>
                  <TableCell align="right">{i.count.toLocaleString()}</TableCell>
                </TableRow>
              ))}
              {issues.length === 0 ? <TableRow><TableCell colSpan={2}>{translate('custos.reports.cleanup.no_issues')}</TableCell></TableRow> : null}
            </TableBody>
          </Table>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-testid="cleanup-counted-at" data-counted={data.dataQualityCountedAt ? 'yes' : 'no'}>
            {when(data.dataQualityCountedAt, 'custos.reports.cleanup.counted_at', 'custos.reports.cleanup.never_counted')}
            {reviewsDuplicates ? <>{' · '}{when(data.lastDuplicateDetectionAt, 'custos.reports.cleanup.detected_at', 'custos.reports.cleanup.never_detected')}</> : null}
          </Typography>
          <ErrorAlert error={count.error} />
          <Stack direction="row" spacing={1} sx={{ mt: 1 }} alignItems="center">
            {canCount ? (
              <Button size="small" variant="outlined" data-testid="count-data-quality" disabled={count.isPending}
                onClick={() => count.mutate({}, { onSuccess: (job) => setJobId(String(job.id)) })}>
                {translate('custos.reports.cleanup.count_now')}
              </Button>
            ) : null}
            {jobId ? <JobFollower key={jobId} jobId={jobId} onFinished={onCounted} /> : null}
            {reviewsDuplicates ? <Button size="small" component={Link} to="/duplicates">{translate('custos.cleanup.duplicates.title')}</Button> : null}
            {can(access, 'customer:update') ? <Button size="small" component={Link} to="/data-quality">{translate('custos.cleanup.quality.title')}</Button> : null}
          </Stack>
        </>
      ) : null}
    </ReportCard>
  );
}
