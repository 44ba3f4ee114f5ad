import {
  Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Radio, Stack, Table, TableBody, TableCell,
  TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { PICKABLE_FIELDS, type CustomerRow, type DuplicateGroup } from './cleanup.api.ts';
import { normalizeError } from '../data-provider/errors.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { useAction } from '../shared/use-action.ts';
import { useFieldValue } from './field-value.tsx';

interface MergeResult {
  survivor: CustomerRow;
  movedInteractions: number;
  merge: { id: string } | null;
}

/**
 * Side by side: one column per customer of the group, one row per field. The survivor
 * is picked in the header, a value per field by the radio in its cell (defaulting to
 * the survivor's). Preview is a dry run on the server, so what is shown is exactly what
 * the merge would write; the merge itself sends the versions read here, and CONFLICT
 * means someone edited a party since: the wizard then offers to reload the group.
 */
export function MergeWizard({ group, onClose, onMerged, onReload }: { group: DuplicateGroup; onClose: () => void; onMerged: () => void; onReload: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const show = useFieldValue();
  const customers = group.customers;
  const [survivorId, setSurvivorId] = useState(customers[0]!.id);
  // Explicit choices only; a field not chosen follows the survivor.
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const merge = useAction<MergeResult>('mergeCustomers');
  const [preview, setPreview] = useState<MergeResult | null>(null);
  const pickOf = (field: string) => chosen[field] ?? survivorId;

  const input = useMemo(() => ({
    survivorId,
    mergedIds: customers.filter((c) => c.id !== survivorId).map((c) => c.id),
    picks: PICKABLE_FIELDS.map(({ field }) => ({ field, fromId: chosen[field] ?? survivorId })),
  }), [survivorId, chosen, customers]);

  const runPreview = () => merge.mutate({ ...input, dryRun: true }, { onSuccess: setPreview });
  const confirm = () =>
    merge.mutate(
      { ...input, dryRun: false, reason: reason || null, versions: customers.map((c) => ({ id: c.id, version: c.version })) },
      {
        onSuccess: () => {
          notify('custos.cleanup.merge.done', { type: 'info' });
          onMerged();
        },
      },
    );
  const conflict = merge.error ? normalizeError(merge.error).code === 'CONFLICT' : false;
  // Any change of choice makes the preview stale.
  const change = (update: () => void) => { update(); setPreview(null); merge.reset(); };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" data-testid="merge-wizard">
      <DialogTitle>{translate('custos.cleanup.merge.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('custos.cleanup.merge.help')}</Typography>
        {/* The server's answer above the long grid, where it is seen without scrolling. */}
        {preview ? (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="merge-preview">
            {translate('custos.cleanup.merge.preview_summary', { smart_count: preview.movedInteractions, count: customers.length - 1 })}
          </Alert>
        ) : null}
        <ErrorAlert error={merge.error} />
        {conflict ? <Button sx={{ my: 1 }} onClick={onReload} data-testid="merge-reload">{translate('custos.cleanup.merge.reload')}</Button> : null}
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('custos.cleanup.merge.field')}</TableCell>
              {customers.map((c) => (
                <TableCell key={c.id}>
                  <label>
                    <Radio size="small" checked={survivorId === c.id} data-testid={`survivor-${c.code}`} onChange={() => change(() => { setSurvivorId(c.id); setChosen({}); })} />
                    <strong>{c.code}</strong> {translate('custos.cleanup.merge.survivor')}
                  </label>
                </TableCell>
              ))}
              {preview ? <TableCell data-testid="preview-head">{translate('custos.cleanup.merge.result')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {PICKABLE_FIELDS.map(({ field, source }) => (
              <TableRow key={field}>
                <TableCell>{translate(`custos.enums.CleanupField.${field}`)}</TableCell>
                {customers.map((c) => (
                  <TableCell key={c.id}>
                    <label>
                      <Radio size="small" checked={pickOf(field) === c.id} data-testid={`pick-${field}-${c.code}`}
                        onChange={() => change(() => setChosen((prev) => ({ ...prev, [field]: c.id })))} />
                      {show(source, c[source])}
                    </label>
                  </TableCell>
                ))}
                {preview ? <TableCell data-testid={`result-${field}`} sx={{ bgcolor: 'action.hover' }}>{show(source, preview.survivor[source])}</TableCell> : null}
              </TableRow>
            ))}
            <TableRow>
              <TableCell>{translate('custos.enums.CleanupField.TAGS')}</TableCell>
              {customers.map((c) => <TableCell key={c.id}>{c.tags.join(', ') || '—'}</TableCell>)}
              {preview ? <TableCell sx={{ bgcolor: 'action.hover' }}>{preview.survivor.tags.join(', ') || '—'}</TableCell> : null}
            </TableRow>
          </TableBody>
        </Table>
        <TextField label={translate('custos.cleanup.reason')} value={reason} onChange={(e) => setReason(e.target.value)} fullWidth size="small" sx={{ mt: 2 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Stack direction="row" spacing={1}>
          <Button onClick={runPreview} disabled={merge.isPending} data-testid="merge-preview-button"
            startIcon={merge.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}>
            {translate('custos.cleanup.merge.preview')}
          </Button>
          <Button variant="contained" color="warning" onClick={confirm} disabled={!preview || merge.isPending} data-testid="merge-confirm">
            {translate('custos.cleanup.merge.confirm')}
          </Button>
        </Stack>
      </DialogActions>
    </Dialog>
  );
}
