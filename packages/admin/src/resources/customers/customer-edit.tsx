import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { Edit, useEditContext, useNotify, useTranslate } from 'react-admin';
import { normalizeError } from '../../data-provider/errors.ts';
import { CustomerForm } from './customer-form.tsx';

/**
 * Shown after a save failed with CONFLICT: the record changed since it was read.
 * Reload fetches the current version (and its values) into the form.
 */
function ConflictNotice({ onReload }: { onReload: () => void }) {
  const translate = useTranslate();
  const { refetch } = useEditContext();
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2, width: '100%' }}
      data-testid="conflict-notice"
      action={
        <Button color="inherit" size="small" onClick={() => { void refetch(); onReload(); }}>
          {translate('custos.common.reload')}
        </Button>
      }
    >
      {translate('custos.errors.conflict')}
    </Alert>
  );
}

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
