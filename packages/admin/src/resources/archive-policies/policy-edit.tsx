import { useState } from 'react';
import { Edit, useNotify } from 'react-admin';
import { normalizeError } from '../../data-provider/errors.ts';
import { ConflictNotice } from '../../shared/conflict-notice.tsx';
import { PolicyForm } from './policy-form.tsx';
import { policyInput } from './policy-input.ts';

/** Saved at once with the version read; someone else's newer save is a CONFLICT to reload. */
export function PolicyEdit() {
  const notify = useNotify();
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
          if (apiError.code !== 'BAD_USER_INPUT' || !apiError.body.errors) notify(apiError.message, { type: 'error', messageArgs: { _: apiError.body.serverMessage } });
        },
      }}
    >
      <PolicyForm header={conflict ? <ConflictNotice onReload={() => setConflict(false)} /> : null} />
    </Edit>
  );
}
