import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import { Button, useNotify, useRecordContext, useUpdate } from 'react-admin';
import { useNotifyError } from '../../shared/use-notify-error.ts';

/** Disables or re-enables a user; a disabled user's tokens stop working at once. */
export function EnableToggleButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [update, { isPending }] = useUpdate();
  if (!record) return null;
  const enabled = record['enabled'] === true;
  return (
    <Button
      label={enabled ? 'custos.users.disable' : 'custos.users.enable'}
      disabled={isPending}
      color={enabled ? 'warning' : 'primary'}
      onClick={(event) => {
        // The row opens the edit page on click; this button acts on its own.
        event.stopPropagation();
        update(
          'users',
          { id: record.id, data: { enabled: !enabled }, previousData: record },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => notify(enabled ? 'custos.users.disabled' : 'custos.users.enabled', { type: 'info' }),
            onError: (error) => notifyError(error),
          },
        );
      }}
    >
      {enabled ? <BlockIcon /> : <CheckCircleOutlineIcon />}
    </Button>
  );
}
