import CheckOutlinedIcon from '@mui/icons-material/CheckOutlined';
import CloseOutlinedIcon from '@mui/icons-material/CloseOutlined';
import { Box, Card, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, TextInput, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { can } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import { useAction } from '../../shared/use-action.ts';
import { ErrorAlert } from '../../shared/error-alert.tsx';
import { relativeTime, useApprovalRequests, type ApprovalRow } from './approvals.api.ts';

const STATES = ['PENDING', 'APPROVED', 'EXECUTED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'FAILED'] as const;
const COUNT_OF: Record<(typeof STATES)[number], string> = {
  PENDING: 'pendingCount', APPROVED: 'approvedCount', EXECUTED: 'executedCount', REJECTED: 'rejectedCount',
  CANCELLED: 'cancelledCount', EXPIRED: 'expiredCount', FAILED: 'failedCount',
};

/** Approve or reject, each after a confirmation that repeats what the request touches. */
function Decide({ row, onDone }: { row: ApprovalRow; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const approve = useAction<{ id: string }>('approveRequest');
  const reject = useAction<{ id: string }>('rejectRequest');
  const [open, setOpen] = useState<'approve' | 'reject' | null>(null);
  // The requester is never offered the buttons (the server refuses it too).
  if (!row.canDecide) return null;
  const counts = translate('custos.approvals.preview', { customers: row.preview.customers, interactions: row.preview.interactions, held: row.preview.held });
  const action = open === 'approve' ? approve : reject;
  return (
    <>
      <Button label="custos.approvals.approve" onClick={() => setOpen('approve')} data-testid={`approve-${row.id}`}><CheckOutlinedIcon /></Button>
      <Button label="custos.approvals.reject" onClick={() => setOpen('reject')} color="error" data-testid={`reject-${row.id}`}><CloseOutlinedIcon /></Button>
      <ActionDialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open === 'approve' ? 'custos.approvals.approve_title' : 'custos.approvals.reject_title'}
        confirmLabel={open === 'approve' ? 'custos.approvals.approve' : 'custos.approvals.reject'}
        color={open === 'approve' ? 'primary' : 'error'}
        testId="decide-dialog"
        description={`${translate(`custos.approvals.operations.${row.operation}`)}: ${counts}`}
        onSubmit={async (values) => {
          const note = String(values['note'] ?? '').trim();
          await action.mutateAsync({ id: row.id, ...(note ? { note } : {}) });
          setOpen(null);
          notify(open === 'approve' ? 'custos.approvals.approved' : 'custos.approvals.rejected', { type: 'success' });
          onDone();
        }}
      >
        <TextInput source="note" label="custos.approvals.note" multiline fullWidth />
      </ActionDialog>
    </>
  );
}

/** The four-eyes inbox: requests by state with counts; approve or reject someone else's. */
export function ApprovalsPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const access = useAccess();
  const [state, setState] = useState<(typeof STATES)[number]>('PENDING');
  const list = useApprovalRequests(state);
  if (!can(access, 'approval:read')) return null;
  const data = list.data;
  return (
    <Box sx={{ p: 2 }}>
      <Title title="custos.approvals.title" />
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} data-testid="approval-counts">
        {STATES.map((s) => (
          <Chip
            key={s}
            label={`${translate(`custos.approvals.states.${s}`)} ${data ? (data as unknown as Record<string, number>)[COUNT_OF[s]] : ''}`}
            color={s === state ? 'primary' : 'default'}
            onClick={() => setState(s)}
            data-testid={`approval-state-${s}`}
          />
        ))}
      </Stack>
      {data ? (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="awaiting-you">
          {translate('custos.approvals.awaiting_you', { smart_count: data.awaitingYouCount })}
        </Typography>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card variant="outlined">
        <Table size="small" data-testid="approvals-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate('custos.approvals.operation')}</TableCell>
              <TableCell>{translate('custos.approvals.reason')}</TableCell>
              <TableCell>{translate('custos.approvals.what')}</TableCell>
              <TableCell>{translate('custos.approvals.requested_by')}</TableCell>
              <TableCell>{translate('custos.approvals.expires')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.nodes ?? []).map((row) => (
              <TableRow key={row.id} data-testid={`approval-${row.id}`}>
                <TableCell>{translate(`custos.approvals.operations.${row.operation}`)}</TableCell>
                <TableCell>{row.reason}</TableCell>
                <TableCell>{translate('custos.approvals.preview', { customers: row.preview.customers, interactions: row.preview.interactions, held: row.preview.held })}</TableCell>
                <TableCell>{row.requestedBy?.displayName ?? ''}</TableCell>
                <TableCell>{relativeTime(row.expiresAt, locale)}</TableCell>
                <TableCell align="right"><Decide row={row} onDone={() => void list.refetch()} /></TableCell>
              </TableRow>
            ))}
            {data && data.nodes.length === 0 ? (
              <TableRow><TableCell colSpan={6}>{translate('custos.approvals.empty')}</TableCell></TableRow>
            ) : null}
          </TableBody>
        </Table>
      </Card>
    </Box>
  );
}
