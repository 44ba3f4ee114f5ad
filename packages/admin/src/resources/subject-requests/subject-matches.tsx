import DeleteForeverOutlinedIcon from '@mui/icons-material/DeleteForeverOutlined';
import { Alert, Box, Card, CardContent, Checkbox, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Link, TextInput, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { can } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import { ErrorAlert } from '../../shared/error-alert.tsx';
import { customerIdIn } from '../../shared/global-id.ts';
import { useOperationQuery } from '../../shared/use-operation.ts';
import { useRecordAction } from '../../shared/use-record-action.ts';

interface Match { customerId: string; code: string; name: string; status: string; archived: boolean; matchedBy: string[] }

/**
 * The customer records the request's identifiers match now, with why; for an erasure
 * request, the ones to erase are picked here and erased after typing their count.
 */
export function SubjectMatches() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const access = useAccess();
  const open = record?.['status'] === 'OPEN' || record?.['status'] === 'IN_PROGRESS';
  const enabled = !!record && open && can(access, 'subject-request:manage');
  const matches = useOperationQuery('SubjectMatches', { id: String(record?.id ?? '') }, { enabled, select: (r) => (r.data ?? []) as Match[] });
  const [picked, setPicked] = useState<string[]>([]);
  const erase = useRecordAction('eraseSubjectData', 'customer:erase');
  if (!enabled) return null;
  const rows = matches.data ?? [];
  const erasable = record['kind'] === 'ERASURE' && erase.allowed;
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const reasons = (m: Match) => m.matchedBy.map((r) => translate(`custos.enums.SubjectMatchReason.${r}`, { _: r }));
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="subject-matches">
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={2} sx={{ mb: 1 }}>
          <Typography variant="h6">{translate('custos.subject_requests.matches_title')}</Typography>
          <Box sx={{ flexGrow: 1 }} />
          {erasable ? (
            <Button label="custos.subject_requests.erase" color="error" variant="contained" disabled={picked.length === 0} data-testid="subject-erase" onClick={() => erase.setOpen(true)}>
              <DeleteForeverOutlinedIcon />
            </Button>
          ) : null}
        </Stack>
        {matches.error ? <ErrorAlert error={matches.error} /> : null}
        {!matches.isPending && rows.length === 0 ? <Alert severity="info">{translate('custos.subject_requests.no_matches')}</Alert> : null}
        {rows.length ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                {erasable ? <TableCell padding="checkbox" /> : null}
                <TableCell>{translate('resources.customers.fields.code')}</TableCell>
                <TableCell>{translate('resources.customers.fields.name')}</TableCell>
                <TableCell>{translate('resources.customers.fields.status')}</TableCell>
                <TableCell>{translate('custos.subject_requests.matched_by')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((m) => (
                <TableRow key={m.customerId} data-testid="subject-match" data-customer={m.customerId}>
                  {erasable ? (
                    <TableCell padding="checkbox">
                      <Checkbox checked={picked.includes(m.customerId)} onChange={() => toggle(m.customerId)} inputProps={{ 'aria-label': m.code }} data-testid="subject-match-pick" />
                    </TableCell>
                  ) : null}
                  <TableCell>
                    <Link to={m.archived ? `/archived-customers/${customerIdIn('ArchivedCustomer', m.customerId)}/show` : `/customers/${m.customerId}/show`}>{m.code}</Link>
                  </TableCell>
                  <TableCell>{m.name}</TableCell>
                  <TableCell>{translate(`custos.enums.CustomerStatus.${m.status}`, { _: m.status })}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
                      {reasons(m).map((r) => <Chip key={r} size="small" label={r} />)}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        <ActionDialog
          open={erase.open}
          onClose={() => erase.setOpen(false)}
          title="custos.subject_requests.erase_title"
          confirmLabel="custos.subject_requests.erase"
          color="error"
          testId="subject-erase-dialog"
          description={translate('custos.subject_requests.erase_intro', {
            smart_count: picked.length,
            codes: rows.filter((m) => picked.includes(m.customerId)).map((m) => m.code).join(locale.startsWith('zh') ? '、' : ', '),
          })}
          canSubmit={(values) => Number(values['confirmCount']) === picked.length}
          onSubmit={async (values) => {
            await erase.action.mutateAsync({ id: record.id, customerIds: picked, confirmCount: Number(values['confirmCount']) });
            erase.setOpen(false);
            setPicked([]);
            erase.notify('custos.subject_requests.erased', { type: 'info', messageArgs: { smart_count: picked.length } });
            await matches.refetch();
            erase.refresh();
          }}
        >
          <TextInput source="confirmCount" label="custos.subject_requests.confirm_count" helperText={translate('custos.subject_requests.confirm_count_help', { count: picked.length })} fullWidth />
        </ActionDialog>
      </CardContent>
    </Card>
  );
}
