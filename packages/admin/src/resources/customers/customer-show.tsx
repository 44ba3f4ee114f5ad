import { LocaleDateField } from '../../shared/date-field.tsx';
import { formatDate } from '../../shared/dates.ts';
import { Alert, Box, Card, CardContent, Divider, Grid, Typography } from '@mui/material';
import {
  EditButton,
  Labeled,
  Link,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { canRead } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { EnumField, GuardedTextField, KeyField, TagsField } from '../../shared/fields.tsx';
import { ErasePersonalDataButton, PurgeButton } from '../archived-customers/record-actions.tsx';
import { InteractionTimeline } from './interaction-timeline.tsx';
import { ArchiveButton, ArchiveInteractionsButton, UnvoidButton, VoidButton } from './lifecycle-buttons.tsx';
import { UndoButton, useUndoClock, useUndoJournal } from '../../shared/undo.tsx';
import { LogInteractionButton } from './log-interaction-button.tsx';
import { HistoryPanel } from '../customer-history/history-panel.tsx';

function ShowActions() {
  const record = useRecordContext();
  const { canAccess: canEdit } = useCanAccess({ resource: 'customers', action: 'edit', record });
  const { canAccess: canLog } = useCanAccess({ resource: 'interactions', action: 'create' });
  const active = record?.['status'] === 'ACTIVE';
  return (
    <TopToolbar>
      {canLog && active ? <LogInteractionButton /> : null}
      {canEdit && active ? <EditButton /> : null}
      <VoidButton />
      <UnvoidButton />
      <ArchiveButton />
      <ArchiveInteractionsButton />
      <ErasePersonalDataButton />
      <PurgeButton listAfter="voided-customers" />
    </TopToolbar>
  );
}

function CustomerTitle() {
  const record = useRecordContext();
  return <span>{record ? `${record['name']} (${record['code']})` : ''}</span>;
}

/** A labelled field, left out entirely when the role may not read it. */
function Guarded({ source }: { source: string }) {
  const access = useAccess();
  if (!canRead(access, `Customer.${source}`)) return null;
  return (
    <Grid size={{ xs: 12, sm: 6 }}>
      <Labeled source={source}>
        <GuardedTextField source={source} typeName="Customer" />
      </Labeled>
    </Grid>
  );
}

function Cell({ children }: { children: React.ReactNode }) {
  return <Grid size={{ xs: 12, sm: 6, md: 3 }}>{children}</Grid>;
}

function VoidNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The signed-in user's own void of this customer, while it may still be taken back.
  const undo = useUndoClock(useUndoJournal().find(String(record?.id ?? ''), 'VOID'));
  if (record?.['status'] !== 'VOID') return null;
  const reason = record['voidReason'] ? translate(`custos.enums.VoidReason.${record['voidReason']}`) : '';
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="void-notice" action={<UndoButton operation={undo} />}>
      {translate('custos.enums.CustomerStatus.VOID')}
      {reason ? ` · ${reason}` : ''}
      {record['voidNote'] ? ` · ${record['voidNote']}` : ''}
      {record['voidedAt'] ? ` · ${formatDate(String(record['voidedAt']), locale)}` : ''}
    </Alert>
  );
}

/** A MERGED customer points at its survivor, where its interactions now live. */
function MergedNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.['status'] !== 'MERGED') return null;
  const survivor = record['mergedInto'] as { id: string; code: string; name: string } | null | undefined;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="merged-notice">
      {translate('custos.cleanup.merged_into')}{' '}
      {survivor ? <Link to={`/customers/${survivor.id}/show`} data-testid="merged-into-link">{`${survivor.code} ${survivor.name}`}</Link> : '—'}
    </Alert>
  );
}

function CustomerDetails() {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 2 }}>
      <VoidNotice />
      <MergedNotice />
      <Grid container spacing={2}>
        <Cell><Labeled source="code"><TextField source="code" /></Labeled></Cell>
        <Cell><Labeled source="name"><TextField source="name" /></Labeled></Cell>
        <Cell><Labeled source="status"><EnumField source="status" enumName="CustomerStatus" chip /></Labeled></Cell>
        <Cell><Labeled source="owner"><TextField source="owner.displayName" emptyText="—" /></Labeled></Cell>
        <Cell><Labeled source="type"><EnumField source="type" enumName="CustomerType" /></Labeled></Cell>
        <Cell><Labeled source="tier"><EnumField source="tier" enumName="CustomerTier" /></Labeled></Cell>
        <Cell><Labeled source="lifecycleStage"><EnumField source="lifecycleStage" enumName="LifecycleStage" /></Labeled></Cell>
        <Cell><Labeled source="industry"><KeyField source="industry" prefix="custos.industries" /></Labeled></Cell>
        <Cell><Labeled source="region"><KeyField source="region" prefix="custos.regions" /></Labeled></Cell>
        <Cell><Labeled source="tags"><TagsField source="tags" /></Labeled></Cell>
        <Cell><Labeled source="interactionCount"><NumberField source="interactionCount" /></Labeled></Cell>
        <Cell><Labeled source="lastInteractionAt"><LocaleDateField source="lastInteractionAt" showTime emptyText="—" /></Labeled></Cell>
      </Grid>
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>
        {translate('custos.customers.tabs.contact')}
      </Typography>
      <Grid container spacing={2}>
        <Guarded source="email" />
        <Guarded source="phone" />
        <Guarded source="address" />
        <Guarded source="taxId" />
        <Guarded source="notes" />
      </Grid>
      <Divider sx={{ my: 2 }} />
      <Grid container spacing={2}>
        <Cell><Labeled source="createdAt"><LocaleDateField source="createdAt" showTime /></Labeled></Cell>
        <Cell><Labeled source="updatedAt"><LocaleDateField source="updatedAt" showTime /></Labeled></Cell>
        <Cell><Labeled source="version"><NumberField source="version" /></Labeled></Cell>
      </Grid>
    </Box>
  );
}

export function CustomerShow() {
  const translate = useTranslate();
  return (
    <Show actions={<ShowActions />} title={<CustomerTitle />}>
      <CustomerDetails />
      <Card variant="outlined" sx={{ m: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('custos.customers.timeline')}
          </Typography>
          <InteractionTimeline />
        </CardContent>
      </Card>
      <HistoryPanel />
    </Show>
  );
}
