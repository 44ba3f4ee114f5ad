import ArchiveOutlinedIcon from '@mui/icons-material/ArchiveOutlined';
import BlockIcon from '@mui/icons-material/Block';
import HistoryToggleOffIcon from '@mui/icons-material/HistoryToggleOff';
import SettingsBackupRestoreIcon from '@mui/icons-material/SettingsBackupRestore';
import { Button, DateInput, required } from 'react-admin';
import { ActionDialog } from '../../shared/action-dialog.tsx';
import type { BulkPayload } from '../../shared/use-action.ts';
import { useRecordAction } from '../../shared/use-record-action.ts';
import { useNotifyUndoable, type UndoOperation } from '../../shared/undo.tsx';
import { ArchiveInputs, NoteInput, ReasonInput, VoidInputs, notFuture, retainUntilInput } from './lifecycle-inputs.tsx';

/** Void one ACTIVE customer (SALES: their own; the server checks the row). */
export function VoidButton() {
  const { record, allowed, action, open, setOpen, refresh } = useRecordAction<{ undo: UndoOperation | null }>('voidCustomer', 'customer:void');
  const notifyUndoable = useNotifyUndoable();
  if (!allowed || !record || record['status'] !== 'ACTIVE') return null;
  return (
    <>
      <Button label="custos.lifecycle.void" onClick={() => setOpen(true)} color="warning"><BlockIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.lifecycle.void_title"
        confirmLabel="custos.lifecycle.void"
        color="warning"
        testId="void-dialog"
        onSubmit={async (values) => {
          // The version read: a change made meanwhile is refused as CONFLICT, not overwritten.
          const result = await action.mutateAsync({ id: record.id, reason: values['reason'], note: values['note'], version: record['version'] });
          setOpen(false);
          notifyUndoable('custos.lifecycle.voided', { operation: result.undo, customerIds: [String(record.id)] });
          refresh();
        }}
      >
        <VoidInputs />
      </ActionDialog>
    </>
  );
}

/** Undo a void (ADMIN, MANAGER), with a note saying why. */
export function UnvoidButton() {
  const { record, allowed, action, open, setOpen, notify, refresh } = useRecordAction('unvoidCustomer', 'customer:unvoid');
  if (!allowed || !record || record['status'] !== 'VOID') return null;
  return (
    <>
      <Button label="custos.lifecycle.unvoid" onClick={() => setOpen(true)}><SettingsBackupRestoreIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.lifecycle.unvoid_title"
        confirmLabel="custos.lifecycle.unvoid"
        testId="unvoid-dialog"
        onSubmit={async (values) => {
          await action.mutateAsync({ id: record.id, note: values['note'], version: record['version'] });
          setOpen(false);
          notify('custos.lifecycle.unvoided', { type: 'success' });
          refresh();
        }}
      >
        <NoteInput />
      </ActionDialog>
    </>
  );
}

/** Move one ACTIVE or VOID customer to the archive (ADMIN, MANAGER), then open it there. */
export function ArchiveButton() {
  const { record, allowed, action, open, setOpen, redirect } = useRecordAction<BulkPayload & { undo: UndoOperation | null }>('archiveCustomers', 'customer:archive');
  const notifyUndoable = useNotifyUndoable();
  const status = record?.['status'];
  if (!allowed || !record || (status !== 'ACTIVE' && status !== 'VOID')) return null;
  return (
    <>
      <Button label="custos.lifecycle.archive" onClick={() => setOpen(true)}><ArchiveOutlinedIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.lifecycle.archive_title"
        confirmLabel="custos.lifecycle.archive"
        testId="archive-dialog"
        onSubmit={async (values) => {
          const result = await action.mutateAsync({ ids: [record.id], reason: values['reason'], retainUntil: retainUntilInput(values['retainUntil']) });
          const failure = result.failures[0];
          // A per-id refusal is the only answer for a single id: shown like any error.
          if (failure) throw { graphQLErrors: [{ message: failure.message, extensions: { code: failure.code } }] };
          setOpen(false);
          // Found again from the live page or the archived one: the archived record has its own global id.
          notifyUndoable('custos.lifecycle.archived', { operation: result.undo, customerIds: [String(record.id), ...result.customers.map((c) => String(c.id))] });
          // In the archive under its ArchivedCustomer id (global ids name the store: schema 0.2).
          redirect('show', 'archived-customers', result.customers[0]?.id ?? record.id);
        }}
      >
        <ArchiveInputs />
      </ActionDialog>
    </>
  );
}

/** Archive this customer's interactions older than a date; the customer stays live. */
export function ArchiveInteractionsButton() {
  const { record, allowed, action, open, setOpen, notify, refresh } = useRecordAction<{ archivedCount: number; customerCount: number }>('archiveInteractions', 'customer:archive');
  if (!allowed || !record || record['status'] !== 'ACTIVE') return null;
  return (
    <>
      <Button label="custos.lifecycle.archive_interactions" onClick={() => setOpen(true)}><HistoryToggleOffIcon /></Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="custos.lifecycle.archive_interactions"
        confirmLabel="custos.lifecycle.archive"
        testId="archive-interactions-dialog"
        onSubmit={async (values) => {
          const result = await action.mutateAsync({
            customerId: record.id,
            olderThan: new Date(`${String(values['olderThan']).slice(0, 10)}T00:00:00Z`).toISOString(),
            reason: values['reason'],
          });
          setOpen(false);
          notify('custos.lifecycle.interactions_archived', { type: 'success', messageArgs: { smart_count: result.archivedCount } });
          refresh();
        }}
      >
        <DateInput source="olderThan" label="custos.lifecycle.older_than" validate={[required(), notFuture]} fullWidth />
        <ReasonInput label="custos.lifecycle.archive_reason" />
      </ActionDialog>
    </>
  );
}
