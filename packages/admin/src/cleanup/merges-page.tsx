import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate } from '../shared/dates.ts';
import { useState } from 'react';
import { Link, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { MergeRow } from './cleanup.api.ts';
import { useMerges } from './use-cleanup.ts';
import { ActionDialog } from '../shared/action-dialog.tsx';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { useAction } from '../shared/use-action.ts';
import { ReasonInput } from './reason-input.tsx';

const party = (c: { id: string; code: string; name: string; status: string }) => (
  <Link key={c.id} to={`/customers/${c.id}/show`} sx={{ display: 'block' }}>{`${c.code} ${c.name}`}</Link>
);

/**
 * Merges, newest first, with Unmerge on those still in effect. The server refuses an
 * unmerge (INVALID_STATE) when a party has moved on since, e.g. was archived or edited
 * in a way that cannot be undone, and its message names the blockers: shown as is.
 */
export function MergesPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const merges = useMerges(50);
  const unmerge = useAction('unmergeCustomers');
  const [target, setTarget] = useState<MergeRow | null>(null);
  // Dates in the dashboard's language, not the browser's.
  const [locale] = useLocaleState();
  return (
    <Box sx={{ p: 2 }} data-testid="merges-page">
      <Title title={translate('custos.cleanup.merges.title')} />
      <ErrorAlert error={merges.error} />
      {merges.data && merges.data.length === 0 ? <Typography color="text.secondary">{translate('custos.cleanup.merges.empty')}</Typography> : null}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('custos.cleanup.merges.merged_at')}</TableCell>
            <TableCell>{translate('custos.cleanup.merges.survivor')}</TableCell>
            <TableCell>{translate('custos.cleanup.merges.merged')}</TableCell>
            <TableCell>{translate('custos.cleanup.merges.interactions')}</TableCell>
            <TableCell>{translate('custos.cleanup.merges.by')}</TableCell>
            <TableCell>{translate('custos.cleanup.merges.state')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(merges.data ?? []).map((m) => (
            <TableRow key={m.id} data-testid="merge-row" data-id={m.id}>
              <TableCell>{formatDate(m.mergedAt, locale)}</TableCell>
              <TableCell>{m.survivor ? party(m.survivor) : '—'}</TableCell>
              <TableCell>{m.merged.map(party)}</TableCell>
              <TableCell>{m.interactionCount}</TableCell>
              <TableCell>{m.mergedBy?.displayName ?? '—'}</TableCell>
              <TableCell>
                {m.unmergedAt
                  ? <Chip size="small" label={translate('custos.cleanup.merges.undone', { at: formatDate(m.unmergedAt, locale) })} data-testid="merge-state" data-state="UNDONE" title={m.unmergeReason ?? ''} />
                  : <Chip size="small" color="success" label={translate('custos.cleanup.merges.in_effect')} data-testid="merge-state" data-state="ACTIVE" />}
              </TableCell>
              <TableCell>
                {m.unmergedAt ? null : (
                  <Button size="small" color="warning" data-testid="unmerge" onClick={() => setTarget(m)}>{translate('custos.cleanup.merges.unmerge')}</Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ActionDialog
        open={!!target}
        onClose={() => setTarget(null)}
        title="custos.cleanup.merges.unmerge_title"
        confirmLabel="custos.cleanup.merges.unmerge"
        color="warning"
        description={translate('custos.cleanup.merges.unmerge_help')}
        testId="unmerge-dialog"
        onSubmit={async (values) => {
          await unmerge.mutateAsync({ mergeId: target!.id, reason: values['reason'] });
          notify('custos.cleanup.merges.unmerged', { type: 'info' });
          setTarget(null);
          void merges.refetch();
        }}
      >
        <ReasonInput mandatory />
      </ActionDialog>
    </Box>
  );
}
