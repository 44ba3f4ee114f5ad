import { Box, Divider, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { EnumField } from '../../shared/fields.tsx';
import { useAuditWords } from './audit-words.ts';
import { ChangesDiff } from './changes-diff.tsx';
import { ReasonText } from '../../shared/reason-text.tsx';
import { AuditRecord } from './record-link.tsx';

function Cell({ children, md = 3 }: { children: ReactNode; md?: number }) {
  return <Grid size={{ xs: 12, sm: 6, md }}>{children}</Grid>;
}

function AuditTitle() {
  const record = useRecordContext();
  const words = useAuditWords();
  return <span>{record ? `#${record['seq']} ${words.action(String(record['action']))}` : ''}</span>;
}

function ActorName() {
  const record = useRecordContext();
  const translate = useTranslate();
  const actor = record?.['actor'] as { displayName?: string; email?: string } | null | undefined;
  return <Typography variant="body2">{actor ? `${actor.displayName} <${actor.email}>` : translate('custos.audit.system')}</Typography>;
}

function ActionName() {
  const record = useRecordContext();
  const words = useAuditWords();
  return <Typography variant="body2" data-testid="audit-action" data-action={String(record?.['action'] ?? '')}>{words.action(String(record?.['action'] ?? ''))}</Typography>;
}

/** One audit event as people read it: who, what in words, which record (linked), why, and the diff. */
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
          <Cell><Labeled source="action"><ActionName /></Labeled></Cell>
          <Cell md={5}><Labeled label="custos.records.record"><AuditRecord /></Labeled></Cell>
          <Cell md={4}><Labeled source="reason"><ReasonText source="reason" /></Labeled></Cell>
        </Grid>
        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle2" gutterBottom>{translate('custos.records.diff_title')}</Typography>
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
