import { Button, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { can } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';
import { ReportCard } from './report-card.tsx';
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
  const access = useAccess();
  const { data, isPending, error } = useCleanupStats(true);
  const issues = data?.dataQualityIssues ?? [];
  return (
    <ReportCard title="custos.reports.cleanup.title" isPending={isPending} error={error} testId={testId}>
      {data ? (
        <>
          <Grid container spacing={2} sx={{ mb: 1 }}>
            <Figure label="custos.reports.cleanup.duplicate_groups" value={data.duplicateGroupsPending} testId="cleanup-duplicate-groups" />
            <Figure label="custos.reports.cleanup.duplicate_customers" value={data.duplicateCustomersPending} testId="cleanup-duplicate-customers" />
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
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            {can(access, 'customer:merge') ? <Button size="small" component={Link} to="/duplicates">{translate('custos.cleanup.duplicates.title')}</Button> : null}
            {can(access, 'customer:update') ? <Button size="small" component={Link} to="/data-quality">{translate('custos.cleanup.quality.title')}</Button> : null}
          </Stack>
        </>
      ) : null}
    </ReportCard>
  );
}
