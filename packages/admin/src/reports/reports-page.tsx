import { FormControlLabel, Grid, Stack, Switch, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useAccess } from '../auth/use-access.ts';
import { ActivityChart } from './activity-chart.tsx';
import { ArchiveStatsCard } from './archive-stats.tsx';
import { CleanupStatsCard } from './cleanup-stats.tsx';
import { CrossTable } from './cross-table.tsx';
import { DimensionChart } from './dimension-chart.tsx';

/**
 * Reports (PRODUCT item 10): customers by stage, type, tier, region, industry, owner and
 * tag, a two-way table, lifecycle activity over time, the archive, and voids by reason.
 * Every number comes from the server under the caller's row rules (SALES: own customers
 * only), so the same figures are what reporting tools get over GraphQL.
 */
export function ReportsPage() {
  const translate = useTranslate();
  const access = useAccess();
  const [includeVoided, setIncludeVoided] = useState(false);
  const half = { xs: 12, md: 6, xl: 4 } as const;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 4 }} data-testid="reports-page">
      <Title title="custos.reports.title" />
      <Stack direction="row" alignItems="center" justifyContent="space-between" flexWrap="wrap">
        <Typography variant="body2" color="text.secondary">
          {translate(access?.role === 'SALES' ? 'custos.reports.own_only' : 'custos.reports.intro')}
        </Typography>
        <FormControlLabel
          control={<Switch checked={includeVoided} onChange={(e) => setIncludeVoided(e.target.checked)} slotProps={{ input: { 'aria-label': translate('custos.reports.include_voided') } }} data-testid="include-voided" />}
          label={translate('custos.reports.include_voided')}
        />
      </Stack>
      <Grid container spacing={2}>
        <Grid size={half}><DimensionChart dimension="LIFECYCLE_STAGE" kind="pie" title="custos.reports.by.LIFECYCLE_STAGE" includeVoided={includeVoided} testId="report-stage" /></Grid>
        <Grid size={half}><DimensionChart dimension="TYPE" kind="pie" title="custos.reports.by.TYPE" includeVoided={includeVoided} testId="report-type" /></Grid>
        <Grid size={half}><DimensionChart dimension="TIER" kind="pie" title="custos.reports.by.TIER" includeVoided={includeVoided} testId="report-tier" /></Grid>
        <Grid size={half}><DimensionChart dimension="REGION" kind="bar" title="custos.reports.by.REGION" includeVoided={includeVoided} testId="report-region" /></Grid>
        <Grid size={half}><DimensionChart dimension="INDUSTRY" kind="bar" title="custos.reports.by.INDUSTRY" includeVoided={includeVoided} testId="report-industry" /></Grid>
        <Grid size={half}><DimensionChart dimension="OWNER" kind="bar" title="custos.reports.by.OWNER" includeVoided={includeVoided} testId="report-owner" /></Grid>
        <Grid size={half}><DimensionChart dimension="TAG" kind="bar" title="custos.reports.by.TAG" hint="custos.reports.tag_hint" includeVoided={includeVoided} testId="report-tag" /></Grid>
        <Grid size={half}><DimensionChart dimension="VOID_REASON" kind="bar" title="custos.reports.by.VOID_REASON" hint="custos.reports.void_hint" filter={{ status: ['VOID'] }} testId="report-void-reason" /></Grid>
        <Grid size={12}><CrossTable includeVoided={includeVoided} /></Grid>
        <Grid size={12}><ActivityChart /></Grid>
        {/* Under report:read, not archive:read: REPORTING sees the archive's size, not its records. */}
        <Grid size={12}><ArchiveStatsCard enabled /></Grid>
        <Grid size={12}><CleanupStatsCard /></Grid>
      </Grid>
    </Stack>
  );
}
