import { Alert, Button } from '@mui/material';
import { useEditContext, useTranslate } from 'react-admin';

/**
 * Shown after a save failed with CONFLICT: the record changed since it was read.
 * Reload fetches the current version (and its values) into the form.
 */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
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
