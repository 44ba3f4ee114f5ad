import { Alert, Box, Card, CardContent, Divider, Grid, Stack, Typography } from '@mui/material';
import { ReasonText } from '../../shared/reason-text.tsx';
import type { ReactNode } from 'react';
import {
  BooleanField,
  Datagrid,
  FunctionField,
  Labeled,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { can, canRead } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { LocaleDateField } from '../../shared/date-field.tsx';
import { EnumField, GuardedTextField, KeyField, TagsField } from '../../shared/fields.tsx';
import { formatAmount } from '../interactions/format.ts';
import { InteractionKindIcon } from '../interactions/kind-icon.tsx';
import { LegalHoldChip, PolicyField } from './archive-list.tsx';
import { UndoButton, useUndoClock, useUndoJournal } from '../../shared/undo.tsx';
import { ErasePersonalDataButton, LegalHoldButton, PurgeButton, RestoreButton } from './record-actions.tsx';
import { HistoryPanel } from '../customer-history/history-panel.tsx';

function ShowActions() {
  return (
    <TopToolbar>
      <RestoreButton />
      <LegalHoldButton />
      <ErasePersonalDataButton />
      <PurgeButton listAfter="archived-customers" />
    </TopToolbar>
  );
}

function Title() {
  const record = useRecordContext();
  return <span>{record ? `${record['name']} (${record['code']})` : ''}</span>;
}

function Cell({ children, md = 3 }: { children: ReactNode; md?: number }) {
  return <Grid size={{ xs: 12, sm: 6, md }}>{children}</Grid>;
}

/** A guarded snapshot field, absent when the role may not read it. */
function Guarded({ source, typeName = 'ArchivedCustomer' }: { source: string; typeName?: string }) {
  const access = useAccess();
  if (!canRead(access, `${typeName}.${source}`)) return null;
  return <Cell md={6}><Labeled source={source}><GuardedTextField source={source} typeName={typeName} /></Labeled></Cell>;
}

function ArchiveMetadata() {
  const translate = useTranslate();
  const record = useRecordContext();
  const access = useAccess();
  // The signed-in user's own archiving of this customer, while it may still be taken back.
  const undo = useUndoClock(useUndoJournal().find(String(record?.id ?? ''), 'ARCHIVE'));
  return (
    <Box sx={{ p: 2 }}>
      <Alert severity="info" icon={false} sx={{ mb: 2 }} data-testid="archive-banner" action={<UndoButton operation={undo} />}>
        {/* Restore is offered in words only to roles that may restore. */}
        {translate(can(access, 'customer:restore') ? 'custos.archive.banner' : 'custos.ui.archive_banner_readonly')}
        {record?.['legalHold'] ? <Box component="span" sx={{ ml: 1 }}><LegalHoldChip /></Box> : null}
      </Alert>
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>{translate('custos.archive.metadata')}</Typography>
      <Grid container spacing={2}>
        <Cell><Labeled source="archivedAt"><LocaleDateField source="archivedAt" showTime /></Labeled></Cell>
        <Cell><Labeled source="archivedBy"><FunctionField source="archivedBy" render={(r: RaRecord) => (r['archivedBy'] as { displayName?: string } | null)?.displayName ?? translate('custos.audit.system')} /></Labeled></Cell>
        <Cell><Labeled source="policyId"><PolicyField /></Labeled></Cell>
        <Cell><Labeled source="previousStatus"><EnumField source="previousStatus" enumName="CustomerStatus" chip /></Labeled></Cell>
        <Cell md={6}><Labeled source="archiveReason"><ReasonText source="archiveReason" /></Labeled></Cell>
        <Cell><Labeled source="retainUntil"><LocaleDateField source="retainUntil" showTime emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="legalHold"><BooleanField source="legalHold" /></Labeled></Cell>
        <Cell md={12}><Labeled source="checksum"><TextField source="checksum" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} /></Labeled></Cell>
      </Grid>
    </Box>
  );
}

/** Only records that were void have a void reason: no empty label on the others. */
function VoidReasonCell() {
  const record = useRecordContext();
  if (!record?.['voidReason']) return null;
  return <Cell><Labeled source="voidReason"><EnumField source="voidReason" enumName="VoidReason" /></Labeled></Cell>;
}

function Snapshot() {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>{translate('custos.archive.snapshot')}</Typography>
      <Grid container spacing={2}>
        <Cell><Labeled source="code"><TextField source="code" /></Labeled></Cell>
        <Cell><Labeled source="name"><TextField source="name" /></Labeled></Cell>
        <Cell><Labeled source="owner"><TextField source="owner.displayName" emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="type"><EnumField source="type" enumName="CustomerType" /></Labeled></Cell>
        <Cell><Labeled source="tier"><EnumField source="tier" enumName="CustomerTier" /></Labeled></Cell>
        <Cell><Labeled source="lifecycleStage"><EnumField source="lifecycleStage" enumName="LifecycleStage" /></Labeled></Cell>
        <Cell><Labeled source="industry"><KeyField source="industry" prefix="custos.industries" /></Labeled></Cell>
        <Cell><Labeled source="region"><KeyField source="region" prefix="custos.regions" /></Labeled></Cell>
        <Cell><Labeled source="tags"><TagsField source="tags" /></Labeled></Cell>
        <VoidReasonCell />
        <Cell><Labeled source="lastInteractionAt"><LocaleDateField source="lastInteractionAt" showTime emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="createdAt"><LocaleDateField source="createdAt" showTime /></Labeled></Cell>
        <Guarded source="email" />
        <Guarded source="phone" />
        <Guarded source="address" />
        <Guarded source="taxId" />
        <Guarded source="notes" />
      </Grid>
    </Box>
  );
}

function Amount(_props: { source: string; sortable?: boolean }) {
  const [locale] = useLocaleState();
  return <FunctionField source="amount" render={(r: RaRecord) => formatAmount(r['amount'] as string | null, r['currency'] as string | null, locale) ?? ''} />;
}

function ArchivedInteractions() {
  const access = useAccess();
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="archived-interactions"
      target="customerId"
      sort={{ field: 'occurredAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      empty={<Typography variant="body2" color="text.secondary">{translate('custos.customers.timeline_empty')}</Typography>}
    >
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="archived-interactions">
        <LocaleDateField source="occurredAt" showTime sortable={false} />
        <FunctionField
          source="kind"
          sortable={false}
          render={(r: RaRecord) => (
            <Stack direction="row" spacing={1} alignItems="center" component="span">
              <InteractionKindIcon kind={String(r['kind'])} />
              <span>{translate(`custos.enums.InteractionKind.${r['kind']}`, { _: String(r['kind']) })}</span>
            </Stack>
          )}
        />
        <EnumField source="channel" enumName="InteractionChannel" sortable={false} />
        <TextField source="subject" sortable={false} />
        {canRead(access, 'ArchivedInteraction.body') ? <GuardedTextField source="body" typeName="ArchivedInteraction" sortable={false} /> : null}
        {canRead(access, 'ArchivedInteraction.amount') ? <Amount source="amount" sortable={false} /> : null}
        <TextField source="owner.displayName" label="resources.archived-interactions.fields.owner" sortable={false} />
      </Datagrid>
    </ReferenceManyField>
  );
}

export function ArchiveShow() {
  const translate = useTranslate();
  return (
    <Show actions={<ShowActions />} title={<Title />}>
      <ArchiveMetadata />
      <Divider />
      <Snapshot />
      <Card variant="outlined" sx={{ m: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('custos.archive.history')} (<NumberField source="interactionCount" />)
          </Typography>
          <ArchivedInteractions />
        </CardContent>
      </Card>
      <HistoryPanel />
    </Show>
  );
}
