import RestoreFromTrashOutlinedIcon from '@mui/icons-material/RestoreFromTrashOutlined';
import { Box, Card, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { can } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import { useAction } from '../../shared/use-action.ts';
import { ErrorAlert } from '../../shared/error-alert.tsx';
import { ReasonInput } from '../customers/lifecycle-inputs.tsx';
import { relativeTime } from '../../shared/relative-time.ts';
import { useScheduledPurges, type BinRow } from '../approvals/approvals.api.ts';

/** Takes a waiting purge out of the bin after a confirmation; the customer stays. */
function CancelPurge({ row, onDone }: { row: BinRow; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const cancel = useAction<{ id: string }>('cancelScheduledPurge');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="custos.recycle_bin.cancel" onClick={() => setOpen(true)} data-testid={`cancel-purge-${row.id}`}><RestoreFromTrashOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.recycle_bin.cancel_title"
        confirmLabel="custos.recycle_bin.cancel"
        testId="cancel-purge-dialog"
        description={translate('custos.recycle_bin.cancel_help', { code: row.code })}
        onSubmit={async (values) => {
          await cancel.mutateAsync({ id: row.id, reason: values['reason'] });
          setOpen(false);
          notify('custos.recycle_bin.cancelled', { type: 'success', messageArgs: { code: row.code } });
          onDone();
        }}
      >
        <ReasonInput />
      </ActionDialog>
    </>
  );
}

const STATES = ['SCHEDULED', 'CANCELLED', 'PURGED'] as const;
/** The time column: the countdown while waiting, when it was put in once taken out, when it went once purged. */
const WHEN_HEADER = { SCHEDULED: 'custos.recycle_bin.due', CANCELLED: 'custos.recycle_bin.scheduled_at', PURGED: 'custos.recycle_bin.purged' } as const;

/** Purges waiting for their date (countdown in words), cancelled ones and carried-out ones. */
export function RecycleBinPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const access = useAccess();
  const [state, setState] = useState<(typeof STATES)[number]>('SCHEDULED');
  const list = useScheduledPurges(state);
  if (!can(access, 'customer:purge')) return null;
  const data = list.data;
  const count = (s: (typeof STATES)[number]) => (data ? { SCHEDULED: data.scheduledCount, CANCELLED: data.cancelledCount, PURGED: data.purgedCount }[s] : '');
  return (
    <Box sx={{ p: 2 }}>
      <Title title="custos.recycle_bin.title" />
      <Stack direction="row" spacing={1} sx={{ mb: 2 }} data-testid="bin-counts">
        {STATES.map((s) => (
          <Chip key={s} label={`${translate(`custos.enums.ScheduledPurgeState.${s}`)} ${count(s)}`.trim()} color={s === state ? 'primary' : 'default'} onClick={() => setState(s)} data-testid={`bin-state-${s}`} />
        ))}
      </Stack>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card variant="outlined">
        <Table size="small" data-testid="bin-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate('custos.recycle_bin.code')}</TableCell>
              <TableCell>{translate('custos.recycle_bin.reason')}</TableCell>
              <TableCell>{translate('custos.recycle_bin.scheduled_by')}</TableCell>
              <TableCell>{translate(WHEN_HEADER[state])}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.nodes ?? []).map((row) => (
              <TableRow key={row.id} data-testid={`bin-${row.code}`}>
                <TableCell>{row.code}</TableCell>
                <TableCell>
                  {row.reason}
                  {row.state === 'CANCELLED' && row.cancelReason ? <Typography variant="body2" color="text.secondary">{translate('custos.recycle_bin.cancelled_reason', { reason: row.cancelReason })}</Typography> : null}
                </TableCell>
                <TableCell>{row.scheduledBy?.displayName ?? ''}</TableCell>
                <TableCell data-testid="bin-countdown">
                  {relativeTime(row.state === 'PURGED' ? (row.purgedAt ?? row.dueAt) : row.state === 'CANCELLED' ? row.scheduledAt : row.dueAt, locale)}
                </TableCell>
                <TableCell align="right">{row.state === 'SCHEDULED' ? <CancelPurge row={row} onDone={() => void list.refetch()} /> : null}</TableCell>
              </TableRow>
            ))}
            {data && data.nodes.length === 0 ? (
              <TableRow><TableCell colSpan={5}>{translate('custos.recycle_bin.empty')}</TableCell></TableRow>
            ) : null}
          </TableBody>
        </Table>
      </Card>
    </Box>
  );
}
