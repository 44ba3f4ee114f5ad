import DeleteForeverOutlinedIcon from '@mui/icons-material/DeleteForeverOutlined';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import PersonOffOutlinedIcon from '@mui/icons-material/PersonOffOutlined';
import UnarchiveOutlinedIcon from '@mui/icons-material/UnarchiveOutlined';
import { Typography } from '@mui/material';
import { Button, TextInput, required, useTranslate } from 'react-admin';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import type { BulkPayload } from '../../shared/use-action.ts';
import { useRecordAction } from '../../shared/use-record-action.ts';
import { ReasonInput } from '../customers/lifecycle-inputs.tsx';

/** The typed code must match exactly: the server checks it too (`confirm`). */
function ConfirmCodeInput({ code }: { code: string }) {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }}>{translate('custos.archive.type_code', { code })}</Typography>
      <TextInput source="confirm" label="custos.archive.confirm_code" validate={required()} fullWidth autoComplete="off" />
    </>
  );
}

/** Put one archived customer back in the live store, then open it there. */
export function RestoreButton() {
  const { record, allowed, action, open, setOpen, notify, redirect } = useRecordAction<BulkPayload>('restoreCustomers', 'customer:restore');
  if (!allowed || !record) return null;
  return (
    <>
      <Button label="custos.archive.restore" onClick={() => setOpen(true)}><UnarchiveOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.archive.restore_title"
        confirmLabel="custos.archive.restore"
        testId="restore-dialog"
        onSubmit={async (values) => {
          const result = await action.mutateAsync({ ids: [record.id], reason: values['reason'] });
          const failure = result.failures[0];
          if (failure) throw { graphQLErrors: [{ message: failure.message, extensions: { code: failure.code } }] };
          setOpen(false);
          notify('custos.archive.restored', { type: 'success' });
          // Live again under its Customer id (global ids name the store: schema 0.2).
          redirect('show', 'customers', result.customers[0]?.id ?? record.id);
        }}
      >
        <ReasonInput />
      </ActionDialog>
    </>
  );
}

/** Set or lift a legal hold (ADMIN): a held record cannot be purged, by hand or by retention. */
export function LegalHoldButton() {
  const { record, allowed, action, open, setOpen, notify, refresh } = useRecordAction('setLegalHold', 'customer:legal-hold');
  if (!allowed || !record) return null;
  const held = record['legalHold'] === true;
  const label = held ? 'custos.archive.lift_hold' : 'custos.archive.set_hold';
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)}><GavelOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title={label}
        confirmLabel={label}
        testId="legal-hold-dialog"
        onSubmit={async (values) => {
          await action.mutateAsync({ id: record.id, hold: !held, reason: values['reason'] });
          setOpen(false);
          notify(held ? 'custos.archive.hold_lifted' : 'custos.archive.hold_set', { type: 'success' });
          refresh();
        }}
      >
        <ReasonInput label="custos.archive.hold_reason" />
      </ActionDialog>
    </>
  );
}

/**
 * Puts a VOID or ARCHIVED customer in the recycle bin (ADMIN): it is deleted for good when
 * its countdown ends, unless cancelled there. The customer's code must be typed.
 */
export function PurgeButton({ listAfter }: { listAfter: string }) {
  const translate = useTranslate();
  const { record, allowed, action, open, setOpen, notify, redirect } = useRecordAction<{ scheduledPurge: { id: string; code: string; dueAt: string } }>('purgeCustomer', 'customer:purge');
  const status = record?.['status'];
  if (!allowed || !record || (status !== 'VOID' && status !== 'ARCHIVED')) return null;
  const code = String(record['code']);
  return (
    <>
      <Button label="custos.archive.purge" onClick={() => setOpen(true)} color="error"><DeleteForeverOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.archive.purge_title"
        confirmLabel="custos.archive.purge"
        color="error"
        testId="purge-dialog"
        description={translate('custos.archive.purge_warning')}
        canSubmit={(values) => values['confirm'] === code}
        onSubmit={async (values) => {
          const result = await action.mutateAsync({ id: record.id, reason: values['reason'], confirm: values['confirm'] });
          setOpen(false);
          notify('custos.archive.purge_scheduled', { type: 'success', messageArgs: { code: result.scheduledPurge.code } });
          redirect('list', listAfter);
        }}
      >
        <ReasonInput />
        <ConfirmCodeInput code={code} />
      </ActionDialog>
    </>
  );
}

/** Erase a person's data on a privacy request (ADMIN); non-personal facts stay. */
export function ErasePersonalDataButton() {
  const translate = useTranslate();
  const { record, allowed, action, open, setOpen, notify, refresh } = useRecordAction('erasePersonalData', 'customer:erase');
  if (!allowed || !record) return null;
  const code = String(record['code']);
  return (
    <>
      <Button label="custos.archive.erase" onClick={() => setOpen(true)} color="error"><PersonOffOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.archive.erase_title"
        confirmLabel="custos.archive.erase"
        color="error"
        testId="erase-dialog"
        description={translate('custos.archive.erase_warning')}
        canSubmit={(values) => values['confirm'] === code}
        onSubmit={async (values) => {
          await action.mutateAsync({ id: record.id, reason: values['reason'], confirm: values['confirm'] });
          setOpen(false);
          notify('custos.archive.erased', { type: 'success' });
          refresh();
        }}
      >
        <ReasonInput label="custos.archive.erase_reason" />
        <ConfirmCodeInput code={code} />
      </ActionDialog>
    </>
  );
}
