import LockResetIcon from '@mui/icons-material/LockReset';
import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import {
  Button,
  Form,
  PasswordInput,
  SaveButton,
  Toolbar,
  maxLength,
  minLength,
  required,
  useTranslate,
} from 'react-admin';
import { useRecordAction } from '../../shared/use-record-action.ts';

/** Sets a new password for the user (ADMIN); their sessions end at once. */
export function ResetPasswordButton() {
  const translate = useTranslate();
  const { record, allowed, action, open, setOpen, notify, notifyError } = useRecordAction('resetUserPassword', 'user:manage');
  const { isPending } = action;
  if (!allowed || !record) return null;
  const reset = (password: string) => action.mutate({ id: record.id, password }, {
    onSuccess: () => {
      notify('custos.users.password_reset', { type: 'success' });
      setOpen(false);
    },
    onError: notifyError,
  });
  return (
    <>
      <Button label="custos.users.reset_password" onClick={() => setOpen(true)}>
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('custos.users.reset_password')} · {String(record['displayName'])}</DialogTitle>
        <Form onSubmit={(values: Record<string, unknown>) => reset(String(values['password']))}>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('custos.users.password_help')}
            </Typography>
            <PasswordInput
              source="password"
              label="custos.users.new_password"
              validate={[required(), minLength(10, 'custos.users.password_too_short'), maxLength(200)]}
              fullWidth
              autoComplete="new-password"
            />
          </DialogContent>
          <Toolbar>
            <SaveButton label="custos.users.reset_password" disabled={isPending} alwaysEnable={!isPending} />
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} sx={{ ml: 1 }} />
          </Toolbar>
        </Form>
      </Dialog>
    </>
  );
}
