import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Form, FormDataConsumer, useTranslate, type ValidateForm } from 'react-admin';
import { normalizeError } from '../data-provider/errors.ts';
import { ErrorAlert } from './error-alert.tsx';

export interface ActionDialogProps {
  open: boolean;
  onClose: () => void;
  /** Translation keys. */
  title: string;
  confirmLabel: string;
  /** Shown above the inputs: what will happen, to how many records. */
  description?: ReactNode;
  color?: 'primary' | 'warning' | 'error';
  defaultValues?: Record<string, unknown>;
  validate?: ValidateForm;
  /** Runs the action; throws what the data provider threw. */
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  /** Keeps the confirm button disabled (e.g. until the customer's code is typed). */
  canSubmit?: (values: Record<string, unknown>) => boolean;
  testId?: string;
  children?: ReactNode;
}

function SubmitButton({ label, color, pending, canSubmit }: { label: string; color: ActionDialogProps['color']; pending: boolean; canSubmit?: ActionDialogProps['canSubmit'] }) {
  const translate = useTranslate();
  return (
    <FormDataConsumer>
      {({ formData }) => (
        <Button type="submit" variant="contained" color={color ?? 'primary'} data-testid="action-confirm"
          disabled={pending || (canSubmit ? !canSubmit(formData as Record<string, unknown>) : false)}
          startIcon={pending ? <CircularProgress size={16} color="inherit" /> : undefined}>
          {translate(label)}
        </Button>
      )}
    </FormDataConsumer>
  );
}

/**
 * The confirmation dialog every lifecycle action goes through: a reason (and whatever
 * else the action needs), then the server's answer. Validation problems the server
 * reports per field (BAD_USER_INPUT) land on those fields; any other refusal is shown in
 * the dialog with its meaning, and the dialog stays open with the user's input.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { open, onClose, title, confirmLabel, description, color, defaultValues, validate, onSubmit, canSubmit, testId, children } = props;
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    if (pending) return;
    setError(null);
    onClose();
  };
  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    setError(null);
    try {
      await onSubmit(values);
      return undefined;
    } catch (caught) {
      const e = normalizeError(caught);
      if (e.code === 'BAD_USER_INPUT' && e.body.errors) return e.body.errors;
      setError(e);
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid={testId}>
      <DialogTitle>{translate(title)}</DialogTitle>
      <Form onSubmit={submit} defaultValues={defaultValues} validate={validate} noValidate>
        <DialogContent sx={{ pt: 0 }}>
          {description ? <DialogContentText component="div" sx={{ mb: 2 }}>{description}</DialogContentText> : null}
          {children}
          <ErrorAlert error={error} />
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={pending}>{translate('ra.action.cancel')}</Button>
          <SubmitButton label={confirmLabel} color={color} pending={pending} canSubmit={canSubmit} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
