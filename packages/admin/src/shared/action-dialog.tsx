import { Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useRef, useState, type ReactNode } from 'react';
import { Confirm, Form, FormDataConsumer, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { normalizeError, type FieldRefusal } from '../data-provider/errors.ts';
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
  /** Runs the action; throws what the data provider threw. */
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  /** Keeps the confirm button disabled (e.g. until the customer's code is typed). */
  canSubmit?: (values: Record<string, unknown>) => boolean;
  testId?: string;
  children?: ReactNode;
}

function SubmitButton({ label, color, pending, canSubmit, onDirty }: {
  label: string; color: ActionDialogProps['color']; pending: boolean; canSubmit?: ActionDialogProps['canSubmit']; onDirty: (dirty: boolean) => void;
}) {
  const translate = useTranslate();
  const { isValid, isDirty } = useFormState();
  const area = useRef<HTMLSpanElement>(null);
  onDirty(isDirty);
  return (
    <FormDataConsumer>
      {({ formData }) => {
        const allowed = canSubmit ? canSubmit(formData as Record<string, unknown>) : true;
        return (
          // A disabled button takes no clicks (MUI: pointer-events none), so the click
          // lands here: submitting an invalid form shows every missing or wrong input's
          // message inline (and from then on re-checks them as they change); react-hook-form
          // sends nothing while the form is invalid.
          <Box component="span" ref={area} data-testid="action-confirm-area"
            onClick={() => { if (!pending && !isValid) area.current?.closest('form')?.requestSubmit(); }}>
            <Button type="submit" variant="contained" color={color ?? 'primary'} data-testid="action-confirm" disabled={pending || !isValid || !allowed}
              startIcon={pending ? <CircularProgress size={16} color="inherit" /> : undefined}>
              {translate(label)}
            </Button>
          </Box>
        );
      }}
    </FormDataConsumer>
  );
}

/**
 * The confirmation dialog every lifecycle action goes through: a reason (and whatever
 * else the action needs), checked as it is typed (mode onTouched) with the confirm
 * button disabled until the form is valid, then the server's answer. Validation is per
 * input only: react-admin ignores input validators as soon as a form-level `validate`
 * is given (that is how a void without a reason once reached the server). Problems the
 * server reports per field (BAD_USER_INPUT) land on those inputs, translated; those
 * about a value the dialog has no input for, and any other refusal, are shown in the
 * dialog in the user's words. Closing with typed input by Escape or a click beside the
 * dialog asks first; Cancel discards.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { open, onClose, title, confirmLabel, description, color, defaultValues, onSubmit, canSubmit, testId, children } = props;
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldRefusal[] | undefined>(undefined);
  const [askDiscard, setAskDiscard] = useState(false);
  const dirty = useRef(false);
  const content = useRef<HTMLDivElement>(null);
  const close = () => {
    if (pending) return;
    dirty.current = false;
    setError(null);
    setAskDiscard(false);
    onClose();
  };
  const requestClose = () => {
    if (pending) return;
    if (dirty.current) setAskDiscard(true);
    else close();
  };
  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    setError(null);
    setUnplaced(undefined);
    try {
      await onSubmit(values);
      dirty.current = false;
      return undefined;
    } catch (caught) {
      const e = normalizeError(caught);
      const fields = e.body.fields ?? [];
      // On an input when the dialog has one by that name; listed in the dialog otherwise.
      const shown = (f: FieldRefusal) => !!content.current?.querySelector(`[name="${CSS.escape(f.field)}"]`);
      const placed = fields.filter(shown);
      const rest = fields.filter((f) => !shown(f));
      if (!placed.length || rest.length || e.code !== 'BAD_USER_INPUT') {
        setError(e);
        setUnplaced(rest);
      }
      return placed.length ? Object.fromEntries(placed.map((f) => [f.field, e.body.errors![f.field]!])) : undefined;
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open={open} onClose={requestClose} fullWidth maxWidth="sm" data-testid={testId}>
      <DialogTitle>{translate(title)}</DialogTitle>
      <Form onSubmit={submit} defaultValues={defaultValues} mode="onTouched" disableInvalidFormNotification noValidate>
        <DialogContent sx={{ pt: 0 }} ref={content}>
          {description ? <DialogContentText component="div" sx={{ mb: 2 }}>{description}</DialogContentText> : null}
          {children}
          <ErrorAlert error={error} fields={unplaced} />
        </DialogContent>
        <DialogActions>
          {/* Cancel is a deliberate discard; only an accidental close (Escape, a click
              beside the dialog) asks first. */}
          <Button onClick={close} disabled={pending}>{translate('ra.action.cancel')}</Button>
          <SubmitButton label={confirmLabel} color={color} pending={pending} canSubmit={canSubmit} onDirty={(d) => { dirty.current = d; }} />
        </DialogActions>
      </Form>
      <Confirm isOpen={askDiscard} title="custos.ui.discard_title" content="custos.ui.discard_body"
        confirm="custos.ui.discard" cancel="custos.ui.keep_editing" onConfirm={close} onClose={() => setAskDiscard(false)} />
    </Dialog>
  );
}
