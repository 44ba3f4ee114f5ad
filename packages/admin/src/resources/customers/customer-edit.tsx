import { useState } from 'react';
import { useNotifyError } from '../../shared/use-notify-error.ts';
import { Edit } from 'react-admin';
import { normalizeError } from '../../data-provider/errors.ts';
import { ConflictNotice } from '../../shared/conflict-notice.tsx';
import { CustomerForm } from './customer-form.tsx';

export function CustomerEdit() {
  const notifyError = useNotifyError();
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
          // Field problems are shown on their inputs (translated); the notice says so.
          notifyError(apiError, { fieldsShown: true });
        },
      }}
    >
      <CustomerForm header={conflict ? <ConflictNotice onReload={() => setConflict(false)} /> : null} />
    </Edit>
  );
}
