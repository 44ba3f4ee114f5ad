import { LocaleDateField } from '../../shared/date-field.tsx';
import { Box, Divider, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../../shared/fields.tsx';
import { ChangesDiff } from './changes-diff.tsx';

function Cell({ children }: { children: ReactNode }) {
  return <Grid size={{ xs: 12, sm: 6, md: 3 }}>{children}</Grid>;
}

function AuditTitle() {
  const record = useRecordContext();
  return <span>{record ? `#${record['seq']} ${record['action']}` : ''}</span>;
}

function ActorName() {
  const record = useRecordContext();
  const translate = useTranslate();
  const actor = record?.['actor'] as { displayName?: string; email?: string } | null | undefined;
  return <Typography variant="body2">{actor ? `${actor.displayName} <${actor.email}>` : translate('custos.audit.system')}</Typography>;
}

export function AuditShow() {
  const translate = useTranslate();
  return (
    <Show title={<AuditTitle />}>
      <Box sx={{ p: 2 }}>
        <Grid container spacing={2}>
          <Cell><Labeled source="seq"><TextField source="seq" /></Labeled></Cell>
          <Cell><Labeled source="at"><LocaleDateField source="at" showTime /></Labeled></Cell>
          <Cell><Labeled source="actor"><ActorName /></Labeled></Cell>
          <Cell><Labeled source="actorRole"><EnumField source="actorRole" enumName="Role" /></Labeled></Cell>
          <Cell><Labeled source="action"><TextField source="action" /></Labeled></Cell>
          <Cell><Labeled source="entityType"><TextField source="entityType" /></Labeled></Cell>
          <Cell><Labeled source="entityId"><TextField source="entityId" emptyText="—" /></Labeled></Cell>
          <Cell><Labeled source="reason"><TextField source="reason" emptyText="—" /></Labeled></Cell>
        </Grid>
        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle2" gutterBottom>{translate('resources.audit-events.fields.changes')}</Typography>
        <ChangesDiff />
        <Divider sx={{ my: 2 }} />
        <Grid container spacing={2}>
          <Grid size={12}><Labeled source="requestId"><TextField source="requestId" emptyText="—" /></Labeled></Grid>
          <Grid size={12}><Labeled source="prevHash"><TextField source="prevHash" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} /></Labeled></Grid>
          <Grid size={12}><Labeled source="hash"><TextField source="hash" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} /></Labeled></Grid>
        </Grid>
      </Box>
    </Show>
  );
}
