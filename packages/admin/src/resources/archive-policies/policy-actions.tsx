import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import PlayArrowOutlinedIcon from '@mui/icons-material/PlayArrowOutlined';
import { CircularProgress } from '@mui/material';
import { useEffect } from 'react';
import { Button, useTranslate } from 'react-admin';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import { ErrorAlert } from '../../shared/error-alert.tsx';
import { useAction } from '../../shared/use-action.ts';
import { useRecordAction } from '../../shared/use-record-action.ts';
import { PreviewResult, type Preview } from './policy-preview.tsx';

/**
 * "Run now": shows the dry run of the saved policy first, then queues the run and
 * opens its job, whose progress the job page follows.
 */
export function RunPolicyButton() {
  const { record, allowed, action: run, open, setOpen, redirect } = useRecordAction<{ id: string }>('runArchivePolicy', 'policy:run');
  // The dry run shown first is a second action on the same record.
  const preview = useAction<Preview>('previewArchivePolicy');
  const { mutate: loadPreview, reset } = preview;
  useEffect(() => {
    if (open && record) loadPreview({ id: record.id });
    if (!open) reset();
  }, [open, record, loadPreview, reset]);
  if (!allowed || !record) return null;
  return (
    <>
      <Button label="custos.policies.run" onClick={(e) => { e.stopPropagation(); setOpen(true); }} data-testid="run-policy">
        <PlayArrowOutlinedIcon />
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.policies.run_title"
        confirmLabel="custos.policies.run"
        color="warning"
        testId="run-dialog"
        canSubmit={() => !!preview.data}
        description={preview.data ? <PreviewResult preview={preview.data} /> : preview.error ? <ErrorAlert error={preview.error} /> : <CircularProgress size={24} />}
        onSubmit={async () => {
          const job = await run.mutateAsync({ id: record.id });
          setOpen(false);
          redirect('show', 'jobs', job.id);
        }}
      />
    </>
  );
}

/** Deletes a policy (ADMIN) with the version read; runs already queued finish. */
export function DeletePolicyButton() {
  const translate = useTranslate();
  const { record, allowed, action, open, setOpen, notify, redirect } = useRecordAction('deleteArchivePolicy', 'policy:write');
  if (!allowed || !record) return null;
  return (
    <>
      <Button label="ra.action.delete" color="error" onClick={() => setOpen(true)}><DeleteOutlineIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.policies.delete_title"
        confirmLabel="ra.action.delete"
        color="error"
        description={translate('custos.policies.delete_warning', { name: String(record['name']) })}
        onSubmit={async () => {
          await action.mutateAsync({ id: record.id, version: record['version'] });
          setOpen(false);
          notify('custos.policies.deleted', { type: 'info' });
          redirect('list', 'archive-policies');
        }}
      />
    </>
  );
}
