import { useCallback } from 'react';
import { useNotify } from 'react-admin';
import { normalizeError } from '../data-provider/errors.ts';

/**
 * Reports a refusal as a notification in the user's language: the refusal's reason when
 * the dashboard has words for it, else its code's meaning (errors.ts always puts a
 * message key in `message`). `fieldsShown`: per-field problems are already on the form's
 * inputs, so the notification only says to look there.
 */
export function useNotifyError() {
  const notify = useNotify();
  return useCallback((error: unknown, { fieldsShown = false }: { fieldsShown?: boolean } = {}) => {
    const e = normalizeError(error);
    const key = fieldsShown && e.body.fields?.length ? 'custos.ui.see_fields' : e.message;
    notify(key, { type: 'error' });
  }, [notify]);
}
