import CategoryOutlinedIcon from '@mui/icons-material/CategoryOutlined';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import StopCircleOutlinedIcon from '@mui/icons-material/StopCircleOutlined';
import { Button, NumberInput, minValue, required, useTranslate, type Validator } from 'react-admin';
import { ReasonInput } from '../../cleanup/reason-input.tsx';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import { useRecordAction } from '../../shared/use-record-action.ts';
import { isActive } from './job-fields.tsx';

/** Asks a queued or running job to stop; a running one stops after its current batch. */
export function CancelJobButton() {
  const { record, allowed, action, notify, notifyError, refresh } = useRecordAction('cancelJob', 'job:cancel');
  if (!allowed || !record || !isActive(record) || record['cancelRequested']) return null;
  return (
    <>
      <Button
        label="custos.jobs.cancel"
        color="warning"
        disabled={action.isPending}
        onClick={(event) => {
          event.stopPropagation();
          action.mutate({ id: record.id }, {
            onSuccess: () => {
              notify('custos.jobs.cancel_requested', { type: 'info' });
              refresh();
            },
            onError: notifyError,
          });
        }}
      >
        <StopCircleOutlinedIcon />
      </Button>
    </>
  );
}

const DEFAULTS = { newDays: 30, activeDays: 90, inactiveDays: 365 };

/** Recomputes lifecycle stages from activity in a background job, then follows it. */
export function ClassifyButton() {
  const translate = useTranslate();
  const { allowed, action, open, setOpen, redirect } = useRecordAction<{ id: string }>('classifyLifecycleStages', 'policy:run', { needsRecord: false });
  if (!allowed) return null;
  const days = [required(), minValue(1)];
  // Per input: a form-level validate would switch the inputs' own checks off.
  const afterActive: Validator = (value: unknown, values: Record<string, unknown>) =>
    Number(values['activeDays']) > Number(value) ? 'custos.jobs.inactive_after_active' : undefined;
  return (
    <>
      <Button label="custos.jobs.classify" onClick={() => setOpen(true)}><CategoryOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.jobs.classify_title"
        confirmLabel="custos.jobs.classify_start"
        description={translate('custos.jobs.classify_help')}
        defaultValues={DEFAULTS}
        testId="classify-dialog"
        onSubmit={async (values) => {
          const job = await action.mutateAsync({ newDays: values['newDays'], activeDays: values['activeDays'], inactiveDays: values['inactiveDays'] });
          setOpen(false);
          redirect('show', 'jobs', job.id);
        }}
      >
        <NumberInput source="newDays" label="custos.jobs.new_days" validate={days} fullWidth />
        <NumberInput source="activeDays" label="custos.jobs.active_days" validate={days} fullWidth />
        <NumberInput source="inactiveDays" label="custos.jobs.inactive_days" validate={[...days, afterActive]} fullWidth />
      </ActionDialog>
    </>
  );
}

/** ADMIN: re-encrypts sensitive values under the current key in a background job, then follows it. */
export function RotateKeysButton() {
  const translate = useTranslate();
  const { allowed, action, open, setOpen, redirect } = useRecordAction<{ id: string }>('startKeyRotation', 'encryption:rotate', { needsRecord: false });
  if (!allowed) return null;
  return (
    <>
      <Button label="custos.jobs.rotate_keys" onClick={() => setOpen(true)}><KeyOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.jobs.rotate_keys_title"
        confirmLabel="custos.jobs.rotate_keys_start"
        description={translate('custos.jobs.rotate_keys_help')}
        testId="rotate-keys-dialog"
        onSubmit={async (values) => {
          const job = await action.mutateAsync({ reason: values['reason'] });
          setOpen(false);
          redirect('show', 'jobs', job.id);
        }}
      >
        <ReasonInput />
      </ActionDialog>
    </>
  );
}
