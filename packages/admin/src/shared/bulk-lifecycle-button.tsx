import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, useListContext, useTranslate } from 'react-admin';
import type { ActionName } from '../data-provider/actions.ts';
import { ActionDialog } from './action-dialog.tsx';
import { BulkOutcomeDialog, type Outcome } from './bulk-outcome.tsx';
import type { BulkPayload } from './use-action.ts';
import { useRecordAction } from './use-record-action.ts';

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
  const { allowed, action: mutation, open, setOpen, notify, refresh } = useRecordAction<BulkPayload>(props.action, props.permission, { needsRecord: false });
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
          // The selection stays while the refusals are shown: react-admin unmounts the
          // bulk toolbar (and this dialog with it) once nothing is selected.
          if (result.failures.length) {
            setOutcome({ done, failures: result.failures });
          } else {
            onUnselectItems();
            notify(props.done, { type: 'success', messageArgs: { smart_count: done } });
          }
        }}
      >
        {props.children}
      </ActionDialog>
      <BulkOutcomeDialog outcome={outcome} onClose={() => { setOutcome(null); onUnselectItems(); }} />
    </>
  );
}

