import { Grid } from '@mui/material';
import { ActivityChart } from '../reports/activity-chart.tsx';
import { CleanupStatsCard } from '../reports/cleanup-stats.tsx';
import { DimensionChart } from '../reports/dimension-chart.tsx';

/** The transitions the home page follows month by month. */
const HOME_ACTIVITY = ['archived', 'restored', 'voided', 'merged'] as const;

/**
 * The home page's charts, built from the Reports screen's cards (same queries, same
 * numbers): customers by stage, type and region, a year of lifecycle activity, pending
 * cleanup and voids by reason. Loaded on demand with the charts library (see
 * dashboard.tsx), and only for roles that read reports; the server applies row rules
 * (SALES: own customers) to every figure.
 */
export function HomeCharts() {
  const third = { xs: 12, md: 6, lg: 4 } as const;
  return (
    <Grid container spacing={2} data-testid="home-charts">
      <Grid size={third}><DimensionChart dimension="LIFECYCLE_STAGE" kind="pie" title="custos.reports.by.LIFECYCLE_STAGE" testId="home-stage" /></Grid>
      <Grid size={third}><DimensionChart dimension="TYPE" kind="pie" title="custos.reports.by.TYPE" testId="home-type" /></Grid>
      <Grid size={third}><DimensionChart dimension="REGION" kind="bar" title="custos.reports.by.REGION" limit={8} testId="home-region" /></Grid>
      <Grid size={{ xs: 12, lg: 8 }}><ActivityChart lastMonths={12} only={HOME_ACTIVITY} testId="home-activity" /></Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}><CleanupStatsCard testId="home-cleanup" limit={5} /></Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <DimensionChart dimension="VOID_REASON" kind="bar" title="custos.reports.by.VOID_REASON" hint="custos.reports.void_hint" filter={{ status: ['VOID'] }} limit={6} testId="home-void-reasons" />
      </Grid>
    </Grid>
  );
}
