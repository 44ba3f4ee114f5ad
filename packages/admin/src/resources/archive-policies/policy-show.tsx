import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { BooleanField, EditButton, Labeled, NumberField, Show, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { EnumField } from '../../shared/fields.tsx';
import { DeletePolicyButton, RunPolicyButton } from './policy-actions.tsx';
import { CriteriaSummary, ScheduleField } from './policy-fields.tsx';
import { PreviewPanel } from './policy-preview.tsx';

function Actions() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'archive-policies', action: 'edit', record });
  return (
    <TopToolbar>
      <RunPolicyButton />
      {canAccess ? <EditButton /> : null}
      <DeletePolicyButton />
    </TopToolbar>
  );
}

function Cell({ children, md = 3 }: { children: ReactNode; md?: number }) {
  return <Grid size={{ xs: 12, sm: 6, md }}>{children}</Grid>;
}

function Details() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Cell><Labeled source="name"><TextField source="name" /></Labeled></Cell>
        <Cell><Labeled source="action"><EnumField source="action" enumName="ArchivePolicyAction" /></Labeled></Cell>
        <Cell><Labeled source="enabled"><BooleanField source="enabled" /></Labeled></Cell>
        <Cell><Labeled source="schedule"><ScheduleField /></Labeled></Cell>
        <Cell md={12}><Labeled source="description"><TextField source="description" emptyText="—" /></Labeled></Cell>
        {record['action'] === 'ARCHIVE_INTERACTIONS'
          ? <Cell><Labeled source="interactionsOlderThanDays"><NumberField source="interactionsOlderThanDays" /></Labeled></Cell>
          : <Cell><Labeled source="retentionDays"><NumberField source="retentionDays" emptyText={translate('custos.policies.default_retention')} /></Labeled></Cell>}
        <Cell><Labeled source="lastRunAt"><LocaleDateField source="lastRunAt" showTime emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="nextRunAt"><LocaleDateField source="nextRunAt" showTime emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="createdBy"><TextField source="createdBy.displayName" emptyText="—" /></Labeled></Cell>
        {/* `fields.criteria` holds the criteria's own labels, so the section is named here. */}
        <Cell md={12}><Labeled label="custos.ui.criteria"><CriteriaSummary /></Labeled></Cell>
      </Grid>
    </Box>
  );
}

function SavedPreview() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ m: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>{translate('custos.policies.section_preview')}</Typography>
        <PreviewPanel input={() => ({ id: record.id })} />
      </CardContent>
    </Card>
  );
}

export function PolicyShow() {
  return (
    <Show actions={<Actions />}>
      <Details />
      <SavedPreview />
    </Show>
  );
}
