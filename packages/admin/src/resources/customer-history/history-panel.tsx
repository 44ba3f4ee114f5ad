import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Alert, Box, Button, Card, CardContent, Chip, Skeleton, Stack, Table, TableBody, TableCell, TableRow, Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { CustosDataProvider } from '../../data-provider/index.ts';
import type { HistoryChange, HistoryEntry } from './history.api.ts';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import { formatDate } from '../../shared/dates.ts';
import { ErrorAlert } from '../../shared/error-alert.tsx';
import { useRecordAction } from '../../shared/use-record-action.ts';
import { useAuditWords } from '../audit-events/audit-words.ts';
import { ReasonInput } from '../customers/lifecycle-inputs.tsx';

interface RevertTarget {
  seq: string;
  fields: string[] | null;
  labels: string;
}

function ChangeRow({ change, onRevert }: { change: HistoryChange; onRevert?: () => void }) {
  const translate = useTranslate();
  const words = useAuditWords();
  const label = words.field('Customer', change.field);
  const had = change.from !== null && change.from !== undefined;
  return (
    <TableRow data-testid="history-change" data-field={change.field}>
      <TableCell sx={{ fontWeight: 500, width: '22%' }}>{label}</TableCell>
      {change.hidden ? (
        <TableCell colSpan={3} sx={{ color: 'text.disabled' }} data-testid="history-hidden">{translate('custos.history.hidden')}</TableCell>
      ) : (
        <>
          <TableCell data-testid="history-from" sx={{ color: had ? 'error.main' : 'text.disabled', textDecoration: had ? 'line-through' : undefined }}>
            {had ? words.value('Customer', change.field, change.from) : ''}
          </TableCell>
          <TableCell padding="none"><ArrowForwardIcon fontSize="inherit" color="disabled" /></TableCell>
          <TableCell data-testid="history-to" sx={{ color: 'success.main' }}>{words.value('Customer', change.field, change.to)}</TableCell>
        </>
      )}
      <TableCell align="right" sx={{ width: 120 }}>
        {onRevert ? (
          <Button size="small" startIcon={<UndoIcon />} onClick={onRevert} data-testid="history-revert-field" aria-label={translate('custos.history.revert_field', { field: label })}>
            {translate('custos.history.revert')}
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

function Entry({ entry, canRevert, onRevert }: { entry: HistoryEntry; canRevert: boolean; onRevert: (target: RevertTarget) => void }) {
  const translate = useTranslate();
  const words = useAuditWords();
  const [locale] = useLocaleState();
  const revertible = canRevert && entry.seq ? entry.changes.filter((c) => c.revertible) : [];
  const labelsOf = (fields: string[]) => fields.map((f) => words.field('Customer', f)).join(locale.startsWith('zh') ? '、' : ', ');
  return (
    <Box sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider' }} data-testid="history-entry" data-action={entry.action} data-seq={entry.seq ?? ''}>
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
        <Typography variant="subtitle2" component="span">{words.action(entry.action)}</Typography>
        <Typography variant="body2" color="text.secondary" component="span">{formatDate(entry.at, locale)}</Typography>
        <Typography variant="body2" color="text.secondary" component="span">
          {translate('custos.history.by', { name: entry.actor?.displayName ?? translate('custos.history.system') })}
        </Typography>
        {entry.reason ? <Chip size="small" variant="outlined" label={entry.reason} /> : null}
        <Box sx={{ flexGrow: 1 }} />
        {revertible.length > 1 ? (
          <Button
            size="small"
            startIcon={<UndoIcon />}
            data-testid="history-revert-all"
            onClick={() => onRevert({ seq: entry.seq!, fields: null, labels: labelsOf(revertible.map((c) => c.field)) })}
          >
            {translate('custos.history.revert_all')}
          </Button>
        ) : null}
      </Stack>
      {!entry.valuesKept ? <Typography variant="caption" color="text.secondary">{translate('custos.history.from_log')}</Typography> : null}
      {entry.changes.length ? (
        <Table size="small">
          <TableBody>
            {entry.changes.map((change) => (
              <ChangeRow
                key={change.field}
                change={change}
                onRevert={revertible.includes(change) ? () => onRevert({ seq: entry.seq!, fields: [change.field], labels: labelsOf([change.field]) }) : undefined}
              />
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
}

/**
 * A customer's history, newest first (issue 21): who changed what and why, values as the
 * role reads the record, and revert of one field or a whole change through the server's
 * revertCustomer (version checked, one audit event). Shown on live and archived customers;
 * reverting needs an active customer.
 */
export function HistoryPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<CustosDataProvider>();
  const { allowed, action, notify, refresh } = useRecordAction('revertCustomer', 'customer:update');
  const [target, setTarget] = useState<RevertTarget | null>(null);
  const id = record ? String(record.id) : '';
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ['customerHistory', id],
    queryFn: async () => (await dataProvider.operation('CustomerHistory', { id })).data.data ?? [],
    enabled: !!id,
  });
  if (!record) return null;
  const canRevert = allowed && record['status'] === 'ACTIVE';
  const entries = [...(data ?? [])].reverse();
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="customer-history">
      <CardContent>
        <Typography variant="h6" gutterBottom>{translate('custos.history.title')}</Typography>
        {record['status'] === 'ARCHIVED' ? <Alert severity="info" sx={{ mb: 1 }}>{translate('custos.history.archived_note')}</Alert> : null}
        {error ? <ErrorAlert error={error} /> : null}
        {isPending ? <Skeleton variant="rectangular" height={80} /> : null}
        {!isPending && !error && entries.length === 0 ? <Typography color="text.secondary">{translate('custos.history.empty')}</Typography> : null}
        {entries.map((entry) => (
          <Entry key={entry.id} entry={entry} canRevert={canRevert} onRevert={setTarget} />
        ))}
      </CardContent>
      <ActionDialog
        open={!!target}
        onClose={() => setTarget(null)}
        title="custos.history.revert_title"
        confirmLabel="custos.history.revert"
        color="warning"
        testId="revert-dialog"
        description={target ? translate('custos.history.revert_intro', { fields: target.labels }) : undefined}
        onSubmit={async (values) => {
          await action.mutateAsync({ id, version: record['version'], seq: target!.seq, fields: target!.fields, reason: values['reason'] });
          setTarget(null);
          notify('custos.history.reverted', { type: 'success' });
          refresh();
          await refetch();
        }}
      >
        <ReasonInput label="custos.history.reason" />
      </ActionDialog>
    </Card>
  );
}
