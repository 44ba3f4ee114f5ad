import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Select, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, Link, Title, useLocaleState, useTranslate } from 'react-admin';
import { intlLocale } from '../shared/dates.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { useAction } from '../shared/use-action.ts';
import { UndoButton, type UndoOperation } from '../shared/undo.tsx';
import { JobFollower } from './job-follower.tsx';
import { useSegmentNames } from './use-cleanup.ts';

interface NormalizationPreview {
  scanned: number | null;
  changedCustomers: number | null;
  changeCount: number | null;
  changes: { customer: { id: string; code: string; name: string }; field: string; before: string | null; after: string | null; hidden: boolean }[];
  job: { id: string } | null;
  undo: UndoOperation | null;
}

const ALL = '__all__';

/**
 * Normalization in two steps: a dry run lists before → after per field (hidden values,
 * which the role may not read, say so instead of showing), then Apply starts the same
 * normalization as a background job over the same customers, followed here. Apply
 * asks first with the dry run's own counts ("Apply 1,822 changes to 1,795 customers?"):
 * it rewrites every one of them.
 */
export function NormalizePage() {
  const translate = useTranslate();
  const segments = useSegmentNames();
  const [segmentId, setSegmentId] = useState(ALL);
  const normalize = useAction<NormalizationPreview>('normalizeCustomers');
  const [preview, setPreview] = useState<NormalizationPreview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoOperation | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [locale] = useLocaleState();
  const number = (n: number | null) => (n ?? 0).toLocaleString(intlLocale(locale));
  const filter = segmentId === ALL ? undefined : { segmentId };

  return (
    <Box sx={{ p: 2 }} data-testid="normalize-page">
      <Title title={translate('custos.cleanup.normalize.title')} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('custos.cleanup.normalize.help')}</Typography>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        <FormControl size="small" fullWidth={false} sx={{ width: 300, flexShrink: 0 }}>
          <InputLabel id="norm-scope">{translate('custos.cleanup.normalize.scope')}</InputLabel>
          <Select labelId="norm-scope" label={translate('custos.cleanup.normalize.scope')} value={segmentId}
            onChange={(e) => { setSegmentId(String(e.target.value)); setPreview(null); setJobId(null); }}>
            <MenuItem value={ALL}>{translate('custos.cleanup.normalize.all_active')}</MenuItem>
            {(segments.data ?? []).map((s) => <MenuItem key={s.id} value={s.id}>{s.name}</MenuItem>)}
          </Select>
        </FormControl>
        <Button variant="outlined" data-testid="normalize-preview" disabled={normalize.isPending}
          onClick={() => { setJobId(null); normalize.mutate({ filter, dryRun: true, first: 200 }, { onSuccess: setPreview }); }}>
          {translate('custos.cleanup.normalize.preview')}
        </Button>
        <Button variant="contained" data-testid="normalize-apply" disabled={!preview || !preview.changeCount || normalize.isPending || !!jobId}
          onClick={() => setConfirming(true)}>
          {translate('custos.cleanup.normalize.apply')}
        </Button>
        {jobId ? <JobFollower key={jobId} jobId={jobId} /> : null}
        {jobId && undo ? <UndoButton operation={undo} testId="normalize-undo" /> : null}
      </Stack>
      <ErrorAlert error={normalize.error} />
      <Confirm
        isOpen={confirming && !!preview}
        loading={normalize.isPending}
        title="custos.ui.normalize_apply_title"
        content="custos.ui.normalize_apply_confirm"
        translateOptions={{
          changes: translate('custos.ui.n_changes', { smart_count: preview?.changeCount ?? 0, count: number(preview?.changeCount ?? 0) }),
          customers: translate('custos.ui.n_customers', { smart_count: preview?.changedCustomers ?? 0, count: number(preview?.changedCustomers ?? 0) }),
        }}
        confirm="custos.cleanup.normalize.apply"
        onConfirm={() => normalize.mutate({ filter, dryRun: false }, {
          onSuccess: (r) => { setConfirming(false); if (r.job) setJobId(String(r.job.id)); setUndo(r.undo); },
          onError: () => setConfirming(false),
        })}
        onClose={() => setConfirming(false)}
        data-testid="normalize-confirm"
      />
      {preview ? (
        <>
          <Alert severity="info" sx={{ mb: 2 }} data-testid="normalize-summary">
            {translate('custos.cleanup.normalize.summary', { scanned: number(preview.scanned), customers: number(preview.changedCustomers), changes: number(preview.changeCount) })}
          </Alert>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.customers.name', { smart_count: 1 })}</TableCell>
                <TableCell>{translate('custos.cleanup.merge.field')}</TableCell>
                <TableCell>{translate('custos.cleanup.normalize.before')}</TableCell>
                <TableCell />
                <TableCell>{translate('custos.cleanup.normalize.after')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.changes.map((c) => (
                <TableRow key={`${c.customer.id}:${c.field}`} data-testid="normalize-change" data-field={c.field}>
                  <TableCell><Link to={`/customers/${c.customer.id}/show`}>{`${c.customer.code} ${c.customer.name}`}</Link></TableCell>
                  <TableCell>{translate(`custos.enums.CleanupField.${c.field}`, { _: c.field })}</TableCell>
                  {c.hidden ? (
                    <TableCell colSpan={3}><em>{translate('custos.cleanup.normalize.hidden')}</em></TableCell>
                  ) : (
                    <>
                      <TableCell data-testid="change-before" sx={{ fontFamily: 'monospace' }}>{c.before ?? '—'}</TableCell>
                      <TableCell>→</TableCell>
                      <TableCell data-testid="change-after" sx={{ fontFamily: 'monospace' }}>{c.after ?? '—'}</TableCell>
                    </>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </Box>
  );
}
