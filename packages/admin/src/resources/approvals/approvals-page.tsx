import CheckOutlinedIcon from '@mui/icons-material/CheckOutlined';
import CloseOutlinedIcon from '@mui/icons-material/CloseOutlined';
import UndoOutlinedIcon from '@mui/icons-material/UndoOutlined';
import { Box, Card, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, TextInput, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { can } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { reasonKey } from '../../data-provider/refusals.ts';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import { useAction } from '../../shared/use-action.ts';
import { ErrorAlert } from '../../shared/error-alert.tsx';
import { ReasonInput } from '../customers/lifecycle-inputs.tsx';
import { relativeTime } from '../../shared/relative-time.ts';
import { useApprovalRequests, type ApprovalList, type ApprovalRow } from './approvals.api.ts';

const STATES = ['PENDING', 'APPROVED', 'EXECUTED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'FAILED'] as const;
type State = (typeof STATES)[number];

function countOf(list: ApprovalList, state: State): number {
  const counts: Record<State, number> = {
    PENDING: list.pendingCount, APPROVED: list.approvedCount, EXECUTED: list.executedCount, REJECTED: list.rejectedCount,
    CANCELLED: list.cancelledCount, EXPIRED: list.expiredCount, FAILED: list.failedCount,
  };
  return counts[state];
}

/** "1 customer, 12 interactions, none under legal hold": the dry run's counts in words. */
function usePreviewWords() {
  const translate = useTranslate();
  return (preview: ApprovalRow['preview']) => translate('custos.approvals.preview', {
    customers: translate('custos.approvals.customers', { smart_count: preview.customers }),
    interactions: translate('custos.approvals.interactions', { smart_count: preview.interactions }),
    held: preview.held ? translate('custos.approvals.held', { smart_count: preview.held }) : translate('custos.approvals.none_held'),
  });
}

/** Approve (optional note) or reject (reason required), each after a confirmation repeating what the request touches. */
function Decide({ row, onDone }: { row: ApprovalRow; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const previewWords = usePreviewWords();
  const approve = useAction<{ id: string }>('approveRequest');
  const reject = useAction<{ id: string }>('rejectRequest');
  const [open, setOpen] = useState<'approve' | 'reject' | null>(null);
  // The requester is never offered the buttons (the server refuses it too); they may withdraw it.
  if (!row.canDecide) return row.canCancel ? <Withdraw row={row} onDone={onDone} /> : null;
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      <Button label="custos.approvals.approve" onClick={() => setOpen('approve')} data-testid={`approve-${row.id}`}><CheckOutlinedIcon /></Button>
      <Button label="custos.approvals.reject" onClick={() => setOpen('reject')} color="error" data-testid={`reject-${row.id}`}><CloseOutlinedIcon /></Button>
      <ActionDialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open === 'reject' ? 'custos.approvals.reject_title' : 'custos.approvals.approve_title'}
        confirmLabel={open === 'reject' ? 'custos.approvals.reject' : 'custos.approvals.approve'}
        color={open === 'reject' ? 'error' : 'primary'}
        testId="decide-dialog"
        description={`${translate(`custos.enums.ApprovalOperation.${row.operation}`)}: ${previewWords(row.preview)}`}
        onSubmit={async (values) => {
          const rejecting = open === 'reject';
          const note = String((rejecting ? values['reason'] : values['note']) ?? '').trim();
          await (rejecting ? reject : approve).mutateAsync({ id: row.id, ...(note ? { note } : {}) });
          setOpen(null);
          notify(rejecting ? 'custos.approvals.rejected' : 'custos.approvals.approved', { type: 'success' });
          onDone();
        }}
      >
        {open === 'reject'
          ? <ReasonInput label="custos.approvals.reject_reason" />
          : <TextInput source="note" label="custos.approvals.note" multiline fullWidth />}
      </ActionDialog>
    </Stack>
  );
}

/** One's own waiting request: who decides, and a way to withdraw it. */
function Withdraw({ row, onDone }: { row: ApprovalRow; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const withdraw = useAction<{ id: string }>('cancelApprovalRequest');
  const [open, setOpen] = useState(false);
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary" data-testid={`own-${row.id}`}>{translate('custos.approvals.own')}</Typography>
      <Button label="custos.approvals.withdraw" onClick={() => setOpen(true)} data-testid={`withdraw-${row.id}`}><UndoOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.approvals.withdraw_title"
        confirmLabel="custos.approvals.withdraw"
        testId="withdraw-dialog"
        description={translate(`custos.enums.ApprovalOperation.${row.operation}`)}
        onSubmit={async (values) => {
          const note = String(values['note'] ?? '').trim();
          await withdraw.mutateAsync({ id: row.id, ...(note ? { note } : {}) });
          setOpen(false);
          notify('custos.approvals.withdrawn', { type: 'success' });
          onDone();
        }}
      >
        <TextInput source="note" label="custos.approvals.note" multiline fullWidth />
      </ActionDialog>
    </Stack>
  );
}

/** Who decided and what they said; for a failed run, the refusal in words. */
function Decision({ row }: { row: ApprovalRow }) {
  const translate = useTranslate();
  if (row.state === 'FAILED' && row.failure) {
    return <>{translate(reasonKey(row.failure) ?? 'custos.refusals.generic', { _: translate('custos.refusals.generic') })}</>;
  }
  // A withdrawn request has the requester's note and no decider.
  const name = row.decidedBy?.displayName;
  if (!name) return <>{row.decisionNote ?? ''}</>;
  return <>{row.decisionNote ? translate('custos.approvals.decided_by', { name, note: row.decisionNote }) : translate('custos.approvals.decided_by_plain', { name })}</>;
}

/** The four-eyes inbox: requests by state with counts; approve or reject someone else's. */
export function ApprovalsPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const access = useAccess();
  const previewWords = usePreviewWords();
  const [state, setState] = useState<State>('PENDING');
  const list = useApprovalRequests(state);
  if (!can(access, 'approval:read')) return null;
  const data = list.data;
  const pending = state === 'PENDING';
  return (
    <Box sx={{ p: 2 }}>
      <Title title="custos.approvals.title" />
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }} data-testid="approval-counts">
        {STATES.map((s) => (
          <Chip
            key={s}
            label={data ? `${translate(`custos.enums.ApprovalState.${s}`)} ${countOf(data, s)}` : translate(`custos.enums.ApprovalState.${s}`)}
            color={s === state ? 'primary' : 'default'}
            onClick={() => setState(s)}
            data-testid={`approval-state-${s}`}
          />
        ))}
      </Stack>
      {data ? (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="awaiting-you">
          {data.awaitingYouCount > 0 ? translate('custos.approvals.awaiting_you', { smart_count: data.awaitingYouCount }) : translate('custos.approvals.awaiting_none')}
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
              <TableCell>{translate(pending ? 'custos.approvals.expires' : 'custos.approvals.decision')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.nodes ?? []).map((row) => (
              <TableRow key={row.id} data-testid={`approval-${row.id}`}>
                <TableCell>{translate(`custos.enums.ApprovalOperation.${row.operation}`)}</TableCell>
                <TableCell>{row.reason}</TableCell>
                <TableCell>{previewWords(row.preview)}</TableCell>
                <TableCell>{row.requestedBy?.displayName ?? ''}</TableCell>
                <TableCell data-testid="approval-decision">{pending ? relativeTime(row.expiresAt, locale) : <Decision row={row} />}</TableCell>
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
