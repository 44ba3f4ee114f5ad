import { useState } from 'react';
import { useNotifyError } from '../../shared/use-notify-error.ts';
import { Edit } from 'react-admin';
import { normalizeError } from '../../data-provider/errors.ts';
import { ConflictNotice } from '../../shared/conflict-notice.tsx';
import { PolicyForm } from './policy-form.tsx';
import { policyInput } from './policy-input.ts';

/** Saved at once with the version read; someone else's newer save is a CONFLICT to reload. */
export function PolicyEdit() {
  const notifyError = useNotifyError();
  const [conflict, setConflict] = useState(false);
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      transform={policyInput}
      mutationOptions={{
        onError: (error: unknown) => {
          const apiError = normalizeError(error);
          if (apiError.code === 'CONFLICT') setConflict(true);
          // Field problems are shown on their inputs (translated); the notice says so.
          notifyError(apiError, { fieldsShown: true });
        },
      }}
    >
      <PolicyForm header={conflict ? <ConflictNotice onReload={() => setConflict(false)} /> : null} />
    </Edit>
  );
}
