import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, useListContext, useTranslate } from 'react-admin';
import type { ActionName } from '../actions.ts';
import { ActionDialog } from './action-dialog.tsx';
import { BulkOutcomeDialog, type Outcome } from './bulk-outcome.tsx';
import type { BulkPayload } from './use-action.ts';
import { useRecordAction } from './use-record-action.ts';
import { useNotifyUndoable, useUndoJournal, type UndoOperation } from './undo.tsx';

export interface BulkActionProps {
  action: ActionName;
  permission: string;
  /** Translation keys: button, dialog title, "will touch N" line, success message. */
  label: string;
  title: string;
  count: string;
  done: string;
  icon: ReactElement;
  color?: 'primary' | 'warning' | 'error';
  toInput: (values: Record<string, unknown>) => Record<string, unknown>;
  children: ReactNode;
}

/**
 * A bulk lifecycle action on the list's selection: says how many records it will touch
 * before it runs, then reports what changed and, per id, what was refused.
 */
export function BulkLifecycleButton(props: BulkActionProps) {
  const { selectedIds, onUnselectItems } = useListContext();
  const translate = useTranslate();
  // The list's selection, not one record: no record needed.
  const { allowed, action: mutation, open, setOpen, refresh } = useRecordAction<BulkPayload & { undo?: UndoOperation | null }>(props.action, props.permission, { needsRecord: false });
  const notifyUndoable = useNotifyUndoable();
  const { remember } = useUndoJournal();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!allowed || !selectedIds.length) return null;
  return (
    <>
      <Button label={props.label} onClick={() => setOpen(true)} color={props.color}>{props.icon}</Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title={props.title}
        confirmLabel={props.label}
        color={props.color}
        testId={`bulk-${props.action}-dialog`}
        description={translate(props.count, { smart_count: selectedIds.length })}
        onSubmit={async (values) => {
          const result = await mutation.mutateAsync({ ids: selectedIds.map(String), ...props.toInput(values) });
          setOpen(false);
          refresh();
          const done = result.customers.length;
          const changed = result.customers.map((c) => String(c.id));
          // The selection stays while the refusals are shown: react-admin unmounts the
          // bulk toolbar (and this dialog with it) once nothing is selected.
          if (result.failures.length) {
            remember(result.undo, changed);
            setOutcome({ done, failures: result.failures, undo: result.undo ?? null });
          } else {
            onUnselectItems();
            notifyUndoable(props.done, { args: { smart_count: done }, operation: result.undo, customerIds: changed });
          }
        }}
      >
        {props.children}
      </ActionDialog>
      <BulkOutcomeDialog outcome={outcome} onClose={() => { setOutcome(null); onUnselectItems(); }} />
    </>
  );
}

