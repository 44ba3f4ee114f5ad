import { Box, Grid } from '@mui/material';
import type { ReactNode } from 'react';
import { FunctionField, Labeled, NumberField, RecordContextProvider, Show, TopToolbar, useGetRecordId, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { EnumField } from '../../shared/fields.tsx';
import { CancelJobButton } from './job-actions.tsx';
import { JobProgressBar, JobStateChip, StartedBy, pollOne } from './job-fields.tsx';
import { jobLabel } from './job-label.ts';
import { JobSummary } from './job-summary.tsx';
import { useJobUpdates, withLiveJob } from './job-live.ts';

function Cell({ children, md = 3 }: { children: ReactNode; md?: number }) {
  return <Grid size={{ xs: 12, sm: 6, md }}>{children}</Grid>;
}

function Title() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return <span data-testid="job-title">{record ? jobLabel(record, translate, locale) : ''}</span>;
}

function JobDetails() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }} data-testid="job-details">
      <Grid container spacing={2}>
        <Cell><Labeled source="kind"><EnumField source="kind" enumName="JobKind" /></Labeled></Cell>
        <Cell><Labeled source="state"><JobStateChip /></Labeled></Cell>
        <Cell md={6}><Labeled source="progress"><JobProgressBar /></Labeled></Cell>
        <Cell><Labeled source="createdBy"><StartedBy /></Labeled></Cell>
        <Cell><Labeled source="createdAt"><LocaleDateField source="createdAt" showTime /></Labeled></Cell>
        <Cell><Labeled source="startedAt"><LocaleDateField source="startedAt" showTime emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="finishedAt"><LocaleDateField source="finishedAt" showTime emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="attempts"><NumberField source="attempts" /></Labeled></Cell>
        <Cell><Labeled source="cancelRequested"><FunctionField source="cancelRequested" render={(r: RaRecord) => translate(r['cancelRequested'] ? 'ra.boolean.true' : 'ra.boolean.false')} /></Labeled></Cell>
      </Grid>
      <Box sx={{ mt: 3 }}><JobSummary /></Box>
    </Box>
  );
}

/** Pushed updates over the record read; polling only while no subscription is live. */
function LiveJob({ job }: { job: Partial<RaRecord> | undefined }) {
  const record = useRecordContext();
  return (
    <RecordContextProvider value={withLiveJob(record, job)}>
      <JobDetails />
    </RecordContextProvider>
  );
}

export function JobShow() {
  const { job, live } = useJobUpdates(String(useGetRecordId()));
  return (
    <Show actions={<TopToolbar><CancelJobButton /></TopToolbar>} title={<Title />} queryOptions={{ refetchInterval: live ? false : pollOne }}>
      <LiveJob job={job} />
    </Show>
  );
}
