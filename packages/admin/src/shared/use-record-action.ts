import { useState } from 'react';
import { useNotify, useRecordContext, useRedirect, useRefresh, type RaRecord } from 'react-admin';
import { useNotifyError } from './use-notify-error.ts';
import { can } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';
import type { ActionName } from '../actions.ts';
import { useAction, useSupports } from './use-action.ts';

export interface RecordActionOptions {
  /** Buttons that act on no record (start a backup, classify all) set this to false. */
  needsRecord?: boolean;
}

/**
 * What every action button starts with: the record it acts on, whether to show it at
 * all (the server's schema offers the action, the role holds `permission`, and there is
 * a record), the mutation, its dialog's open state, and react-admin's notify, refresh and
 * redirect. `notifyError` reports a refusal in the user's words (use-notify-error.ts).
 * Whether the action fits the record's state (VOID, ARCHIVED…) stays with each button.
 */
export function useRecordAction<T = Record<string, unknown>>(name: ActionName, permission: string, { needsRecord = true }: RecordActionOptions = {}) {
  const record = useRecordContext<RaRecord>();
  const access = useAccess();
  const supported = useSupports(name);
  const action = useAction<T>(name);
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const allowed = supported && can(access, permission) && (!needsRecord || !!record);
  const notifyError = useNotifyError();
  return { record, allowed, action, open, setOpen, notify, notifyError, refresh, redirect };
}
