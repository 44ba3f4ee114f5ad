import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useCloseNotification, useDataProvider, useNotify, useRefresh, useStore, useTranslate } from 'react-admin';
import { ACTIONS } from '../actions.ts';
import { currentAccess, loadSession } from '../auth/session.ts';
import type { CustosDataProvider } from '../data-provider/index.ts';
import { normalizeError } from '../data-provider/errors.ts';
import type { LifecycleFailure } from './use-action.ts';

/** What a void, archive, bulk tag change or normalization names in its payload (`undo`). */
export interface UndoOperation {
  id: string;
  kind: 'VOID' | 'ARCHIVE' | 'TAGS' | 'NORMALIZE';
  customerCount: number;
  expiresAt: string;
}

interface Remembered {
  operation: UndoOperation;
  /** The customers it is about, where known (a normalization job's are not listed). */
  customerIds: string[];
  userId: string;
}

/**
 * The server decides whether an undo is still possible (its clock, its window); the
 * dashboard offers it until a little after the time the server named, so a click near the
 * end gets the server's answer rather than a button that vanished under the pointer.
 */
const GRACE_MS = 30_000;
const STORE_KEY = 'custos.undo';

const userId = () => loadSession()?.user.id ?? '';
const stillOffered = (r: Remembered) => Date.parse(r.operation.expiresAt) + GRACE_MS > Date.now() && r.userId === userId();

/**
 * The signed-in user's recent undoable changes, kept in react-admin's store (this browser,
 * across reloads) for as long as they may be undone, so a screen showing one of their
 * customers can offer "Undo" after the toast has gone.
 */
export function useUndoJournal() {
  const [entries, setEntries] = useStore<Remembered[]>(STORE_KEY, []);
  const remember = useCallback((operation: UndoOperation | null | undefined, customerIds: readonly string[] = []) => {
    if (!operation) return;
    setEntries((list) => [...(list ?? []).filter(stillOffered), { operation, customerIds: customerIds.map(String), userId: userId() }]);
  }, [setEntries]);
  const forget = useCallback((id: string) => setEntries((list) => (list ?? []).filter((r) => r.operation.id !== id && stillOffered(r))), [setEntries]);
  const find = useCallback(
    (customerId: string, kind: UndoOperation['kind']) =>
      [...(entries ?? [])].reverse().find((r) => r.operation.kind === kind && r.customerIds.includes(String(customerId)) && stillOffered(r))?.operation,
    [entries],
  );
  return { remember, forget, find };
}

interface UndoResult {
  customers: { id: string }[];
  failures: LifecycleFailure[];
}

/** Refusals after which the operation can never be undone: it leaves the journal. */
const FINAL = new Set(['UNDO_EXPIRED', 'UNDO_ALREADY_UNDONE', 'UNDO_NOT_FOUND']);

/** Runs undoOperation, says what came back (and what stayed, and why), refreshes the screen. */
export function useUndo(onDone?: () => void) {
  const dataProvider = useDataProvider<CustosDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { forget } = useUndoJournal();
  return useMutation<UndoResult, unknown, UndoOperation>({
    mutationFn: async (operation) => (await dataProvider.action(ACTIONS.undoOperation, { id: operation.id })).data as UndoResult,
    onSuccess: (result, operation) => {
      forget(operation.id);
      const failed = result.failures.length;
      notify(failed ? 'custos.undo.done_partly' : 'custos.undo.done', {
        type: failed ? 'warning' : 'success',
        messageArgs: { smart_count: result.customers.length, failed },
      });
      refresh();
      onDone?.();
    },
    onError: (error, operation) => {
      const e = normalizeError(error);
      if (FINAL.has(String(e.body.reason ?? ''))) forget(operation.id);
      notify(e.message, { type: 'error' });
    },
  });
}

/** "Undo" for one operation: anywhere a screen can show it (notices, the normalization page). */
export function UndoButton({ operation, testId = 'undo-button' }: { operation: UndoOperation | null | undefined; testId?: string }) {
  const translate = useTranslate();
  const undo = useUndo();
  if (!operation || !currentAccess()) return null;
  return (
    <Button size="small" color="inherit" startIcon={<UndoIcon />} disabled={undo.isPending} onClick={() => undo.mutate(operation)} data-testid={testId}>
      {translate('custos.undo.undo')}
    </Button>
  );
}

/**
 * A success toast with "Undo" (react-admin renders an element given to notify in place of
 * its text). It stays a little longer than a plain toast; after that the screens showing
 * the customers still offer the undo while it is open.
 */
function UndoToast({ message, args, operation }: { message: string; args?: Record<string, unknown>; operation: UndoOperation }) {
  const translate = useTranslate();
  const close = useCloseNotification();
  const undo = useUndo(close);
  return (
    <Alert
      severity="success"
      variant="filled"
      data-testid="undo-toast"
      action={(
        <Button color="inherit" size="small" startIcon={<UndoIcon />} disabled={undo.isPending} onClick={() => undo.mutate(operation)} data-testid="undo-toast-button">
          {translate('custos.undo.undo')}
        </Button>
      )}
    >
      {translate(message, args)}
    </Alert>
  );
}

export const UNDO_TOAST_MS = 20_000;

/** Success notice of an undoable change: remembered for the window, toast with Undo. */
export function useNotifyUndoable() {
  const notify = useNotify();
  const { remember } = useUndoJournal();
  return useCallback((message: string, options: { args?: Record<string, unknown>; operation?: UndoOperation | null; customerIds?: readonly string[] }) => {
    const { operation } = options;
    if (!operation) {
      notify(message, { type: 'success', messageArgs: options.args });
      return;
    }
    remember(operation, options.customerIds);
    notify(<UndoToast message={message} args={options.args} operation={operation} />, { autoHideDuration: UNDO_TOAST_MS });
  }, [notify, remember]);
}

/** Re-renders when an offered undo passes its end, so it disappears from the screen. */
export function useUndoClock(operation: UndoOperation | undefined): UndoOperation | undefined {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!operation) return undefined;
    const left = Date.parse(operation.expiresAt) + GRACE_MS - Date.now();
    const timer = setTimeout(() => tick((n) => n + 1), Math.max(0, left) + 50);
    return () => clearTimeout(timer);
  }, [operation]);
  return operation && Date.parse(operation.expiresAt) + GRACE_MS > Date.now() ? operation : undefined;
}
