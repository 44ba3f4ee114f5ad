import { Alert, Box, Button, Card, CardActions, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Confirm, Title, useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { intlLocale } from '../shared/dates.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';
import { countsOf, isJobActive, stepOf, type DuplicateAction, type ImportStatus } from './import.logic.ts';
import { ImportDuplicates } from './import-duplicates.tsx';
import { ImportMapping } from './import-mapping.tsx';
import { ImportPreview } from './import-preview.tsx';
import { ImportProgress } from './import-progress.tsx';
import { ErrorFileButton, ImportCounts } from './import-results.tsx';
import { ImportSteps } from './import-steps.tsx';
import { useImportChange, useImportRows, useImportSetup, useImportStatus } from './use-import.ts';

const STEP_INDEX = { mapping: 1, checked: 2, importing: 3, stopped: 3, imported: 4, undone: 5 } as const;

function Header({ status }: { status: ImportStatus }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const encoding = status.encoding ? translate(`custos.intake.encoding.${status.encoding}`, { _: status.encoding }) : null;
  return (
    <Stack direction="row" spacing={2} alignItems="baseline" sx={{ mb: 1 }} data-testid="import-header" data-state={status.state}>
      <Typography variant="h6">{status.fileName}</Typography>
      <Typography variant="body2" color="text.secondary">
        {[status.format, encoding, translate('custos.intake.rows', { smart_count: status.rowCount, count: status.rowCount.toLocaleString(intlLocale(locale)) }), translate(`custos.enums.CustomerImportState.${status.state}`)].filter(Boolean).join(' · ')}
      </Typography>
    </Stack>
  );
}

/**
 * A customer import from mapping to undo (issue 22): mapping and preview, a dry run with
 * counts and the rows matching existing customers (handled per row), then the import as
 * a job with live progress, cancel and resume, the error file, and an exact undo, each
 * large change confirmed with its counts first.
 */
export function ImportWizardPage() {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const change = useImportChange();
  const status = useImportStatus(id);
  const setup = useImportSetup();
  const [offset, setOffset] = useState(0);
  const [chosenSinceCheck, setChosenSinceCheck] = useState(false);
  const [confirm, setConfirm] = useState<'run' | 'undo' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const s = status.data;
  const rows = useImportRows(id, offset, !!s);
  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'custos' && String(q.queryKey[1]).startsWith('CustomerImport') });
  }, [queryClient]);
  // The rows (preview, duplicates) change with each finished job: read them again then,
  // however the end of the job was learnt (pushed, or the import polled).
  const phase = `${s?.state}:${s?.progress?.state}:${s?.undoProgress?.state}`;
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['custos', 'CustomerImportRows'] });
  }, [phase, queryClient]);

  if (status.isPending) return <Box sx={{ p: 4 }}><CircularProgress /></Box>;
  if (!s) return <Box sx={{ p: 2 }}><Alert severity="warning" data-testid="import-missing">{translate('custos.refusals.reasons.INTAKE_IMPORT_NOT_FOUND')}</Alert></Box>;

  const step = stepOf(s);
  const jobActive = isJobActive(s.progress);
  const undoActive = isJobActive(s.undoProgress);
  const counts = countsOf(s.counts);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };
  const check = () => act(async () => {
    await change('CheckCustomerImport', { input: { id } });
    setChosenSinceCheck(false);
  });
  const run = () => act(() => change('RunCustomerImport', { input: { id } }));
  const undo = () => act(() => change('UndoCustomerImport', { input: { id } }));
  const mapped = s.columns.flatMap((c) => (c.field ? [c.field] : []));
  const follower = (progress: NonNullable<ImportStatus['progress']>) => <ImportProgress progress={progress} onFinished={reload} />;

  return (
    <Box sx={{ p: 2 }} data-testid="import-wizard" data-step={step}>
      <Title title={translate('custos.intake.title')} />
      <ImportSteps step={STEP_INDEX[step]} />
      <Header status={s} />
      <Stack spacing={2}>
        {step === 'mapping' || step === 'checked' ? (
          <ImportMapping status={s} templates={setup.data?.templates ?? []} locked={jobActive} onCheck={check} />
        ) : null}
        {jobActive && (step === 'mapping' || step === 'checked') ? (
          <Card><CardContent><Typography sx={{ mb: 1 }}>{translate('custos.intake.check.running')}</Typography>{follower(s.progress!)}</CardContent></Card>
        ) : null}
        {step === 'checked' && !jobActive ? (
          <Card data-testid="import-dry-run">
            <CardContent>
              <Typography variant="h6">{translate('custos.intake.check.title')}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('custos.intake.check.hint', { smart_count: s.rowCount })}</Typography>
              <ImportCounts counts={s.counts} mode="dry" />
              {chosenSinceCheck ? <Alert severity="info" sx={{ mt: 1 }} data-testid="import-choices-changed">{translate('custos.intake.check.choices_changed')}</Alert> : null}
            </CardContent>
            <CardActions>
              <Button variant="contained" disabled={busy} onClick={() => setConfirm('run')} data-testid="import-run">{translate('custos.intake.run.start')}</Button>
              <Button disabled={busy} onClick={() => void check()} data-testid="import-check-again">{translate('custos.intake.check.again')}</Button>
              {counts.errored > 0 ? <ErrorFileButton importId={id} fileName={s.fileName} /> : null}
            </CardActions>
          </Card>
        ) : null}
        {step === 'checked' && !jobActive && counts.duplicates > 0 && rows.data ? (
          <ImportDuplicates importId={id} rows={rows.data.duplicateRows} total={counts.duplicates} offset={offset} onOffset={setOffset}
            defaultAction={s.duplicateAction as DuplicateAction} locked={busy} onChosen={() => setChosenSinceCheck(true)} />
        ) : null}
        {(step === 'mapping' || step === 'checked') && rows.data ? <ImportPreview rows={rows.data.preview} mapped={mapped} /> : null}
        {step === 'importing' || step === 'stopped' ? (
          <Card data-testid="import-running">
            <CardContent>
              <Typography variant="h6">{translate(step === 'importing' ? 'custos.intake.run.running' : 'custos.intake.run.stopped')}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate(step === 'importing' ? 'custos.intake.run.running_hint' : 'custos.intake.run.stopped_hint')}</Typography>
              {s.progress ? follower(s.progress) : null}
            </CardContent>
            {step === 'stopped' ? (
              <CardActions>
                <Button variant="contained" disabled={busy} onClick={() => void run()} data-testid="import-resume">{translate('custos.intake.run.resume')}</Button>
              </CardActions>
            ) : null}
          </Card>
        ) : null}
        {step === 'imported' || step === 'undone' ? (
          <Card data-testid="import-result">
            <CardContent>
              <Typography variant="h6">{translate('custos.intake.result.title')}</Typography>
              {step === 'imported' ? <ImportCounts counts={s.counts} mode="run" /> : <ImportCounts counts={s.counts} mode="undo" />}
              {step === 'undone' ? <Alert severity="success" sx={{ mt: 1 }} data-testid="import-undone">{translate('custos.intake.undo.done')}</Alert> : null}
              {undoActive ? <Box sx={{ mt: 1 }}><Typography sx={{ mb: 1 }}>{translate('custos.intake.undo.running')}</Typography>{follower(s.undoProgress!)}</Box> : null}
            </CardContent>
            {step === 'imported' ? (
              <CardActions>
                {counts.errored > 0 ? <ErrorFileButton importId={id} fileName={s.fileName} /> : null}
                <Button color="warning" disabled={busy || undoActive} onClick={() => setConfirm('undo')} data-testid="import-undo">{translate('custos.intake.undo.start')}</Button>
              </CardActions>
            ) : null}
          </Card>
        ) : null}
        <ErrorAlert error={error} />
      </Stack>
      <Confirm
        isOpen={confirm === 'run'}
        loading={busy}
        title="custos.intake.run.confirm_title"
        content="custos.intake.run.confirm"
        contentTranslateOptions={{ rows: s.rowCount, created: counts.created, updated: counts.updated, skipped: counts.skipped, queued: counts.queued, errored: counts.errored }}
        confirm="custos.intake.run.start"
        onConfirm={() => void run()}
        onClose={() => setConfirm(null)}
      />
      <Confirm
        isOpen={confirm === 'undo'}
        loading={busy}
        title="custos.intake.undo.confirm_title"
        content="custos.intake.undo.confirm"
        contentTranslateOptions={{ created: counts.created + counts.queued, updated: counts.updated }}
        confirm="custos.intake.undo.start"
        confirmColor="warning"
        onConfirm={() => void undo()}
        onClose={() => setConfirm(null)}
      />
    </Box>
  );
}
