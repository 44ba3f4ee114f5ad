import { useState } from 'react';
import { Edit, useNotify } from 'react-admin';
import { normalizeError } from '../../data-provider/errors.ts';
import { ConflictNotice } from '../../shared/conflict-notice.tsx';
import { CustomerForm } from './customer-form.tsx';

export function CustomerEdit() {
  const notify = useNotify();
  const [conflict, setConflict] = useState(false);
  return (
    // Pessimistic: the save goes to the server at once and a refusal (CONFLICT, a
    // validation error) keeps the form open with the user's input.
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      mutationOptions={{
        onError: (error: unknown) => {
          const apiError = normalizeError(error);
          if (apiError.code === 'CONFLICT') setConflict(true);
          // Validation problems are shown next to their inputs by react-admin.
          if (apiError.code !== 'BAD_USER_INPUT' || !apiError.body.errors) notify(apiError.message, { type: 'error', messageArgs: { _: apiError.body.serverMessage } });
        },
      }}
    >
      <CustomerForm header={conflict ? <ConflictNotice onReload={() => setConflict(false)} /> : null} />
    </Edit>
  );
}
