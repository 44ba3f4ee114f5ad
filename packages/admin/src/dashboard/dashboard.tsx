import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import { Button, Card, CardActionArea, CardContent, Grid, Skeleton, Typography } from '@mui/material';
import { Suspense, lazy, useMemo } from 'react';
import { Title, useCreatePath, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { can, showsAudit, showsCustomers } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';
import { InteractionTimelineList } from './recent-interactions.tsx';

// The charts library (@mui/x-charts, ~260 kB) loads after the page shell, only for roles that read reports.
const HomeCharts = lazy(async () => ({ default: (await import('./home-charts.tsx')).HomeCharts }));

/** A count from a list's totalCount (one row fetched). */
function CountCard({ label, resource, filter, testId }: { label: string; resource: string; filter?: Record<string, unknown>; testId: string }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter: filter ?? {} });
  const to = `${createPath({ resource, type: 'list' })}${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;
  return (
    <Card variant="outlined">
      <CardActionArea component={Link} to={to}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">{translate(label)}</Typography>
          <Typography variant="h4" data-testid={testId}>
            {isPending ? <Skeleton width={80} /> : error ? '—' : (total ?? 0).toLocaleString()}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

export function Dashboard() {
  const translate = useTranslate();
  const access = useAccess();
  const { identity } = useGetIdentity();
  // Stable for the page's life, so the count query is not refetched on every render.
  const since = useMemo(() => new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString(), []);
  const customers = showsCustomers(access);
  const audit = showsAudit(access);
  const archive = customers && can(access, 'archive:read');
  const jobs = can(access, 'job:read');
  const reports = can(access, 'report:read');
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Title title="custos.title" />
      <Grid size={12}>
        <Typography variant="h5">{translate('custos.dashboard.welcome', { name: identity?.fullName ?? '' })}</Typography>
        {access ? (
          <Typography variant="body2" color="text.secondary">
            {translate('custos.dashboard.role', { role: translate(`custos.enums.Role.${access.role}`) })}
          </Typography>
        ) : null}
      </Grid>
      {customers ? (
        <>
          <Grid size={{ xs: 12, md: 4 }}><CountCard label="custos.dashboard.active_customers" resource="customers" testId="count-active" /></Grid>
          <Grid size={{ xs: 12, md: 4 }}><CountCard label="custos.dashboard.void_customers" resource="voided-customers" testId="count-void" /></Grid>
          <Grid size={{ xs: 12, md: 4 }}><CountCard label="custos.dashboard.interactions_30d" resource="interactions" filter={{ occurredAfter: since }} testId="count-interactions" /></Grid>
        </>
      ) : null}
      {archive ? (
        <Grid size={{ xs: 12, md: 4 }}><CountCard label="custos.dashboard.archived_customers" resource="archived-customers" testId="count-archived" /></Grid>
      ) : null}
      {jobs ? (
        <Grid size={{ xs: 12, md: 4 }}><CountCard label="custos.dashboard.jobs_active" resource="jobs" filter={{ state: ['QUEUED', 'RUNNING'] }} testId="count-jobs" /></Grid>
      ) : null}
      {audit ? (
        <Grid size={{ xs: 12, md: 4 }}><CountCard label="custos.dashboard.audit_events" resource="audit-events" testId="count-audit" /></Grid>
      ) : null}
      {reports ? (
        <Grid size={12}>
          <Suspense fallback={<Skeleton variant="rounded" height={280} data-testid="home-charts-loading" />}>
            <HomeCharts />
          </Suspense>
        </Grid>
      ) : null}
      {reports ? (
        // Every report, with its switches and the two-way table, on the Reports screen.
        <Grid size={12}>
          <Button component={Link} to="/reports" variant="outlined" startIcon={<InsightsOutlinedIcon />} data-testid="open-reports">
            {translate('custos.dashboard.open_reports')}
          </Button>
        </Grid>
      ) : null}
      {customers ? (
        <Grid size={12}><InteractionTimelineList /></Grid>
      ) : null}
      {!customers && !audit ? (
        <Grid size={12}><Typography color="text.secondary">{translate('custos.dashboard.nothing')}</Typography></Grid>
      ) : null}
    </Grid>
  );
}
