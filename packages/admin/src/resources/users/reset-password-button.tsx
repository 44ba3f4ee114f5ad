import LockResetIcon from '@mui/icons-material/LockReset';
import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Form,
  PasswordInput,
  SaveButton,
  Toolbar,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { CustosDataProvider } from '../../data-provider/index.ts';
import { normalizeError } from '../../data-provider/errors.ts';

/** Sets a new password for the user (ADMIN); their sessions end at once. */
export function ResetPasswordButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CustosDataProvider>();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (password: string) => dataProvider.resetUserPassword({ id: record?.id, password }),
    onSuccess: () => {
      notify('custos.users.password_reset', { type: 'success' });
      setOpen(false);
    },
    onError: (error: unknown) => {
      const e = normalizeError(error);
      notify(e.message, { type: 'error', messageArgs: { _: e.body.serverMessage } });
    },
  });
  if (!record) return null;
  return (
    <>
      <Button label="custos.users.reset_password" onClick={() => setOpen(true)}>
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('custos.users.reset_password')} · {String(record['displayName'])}</DialogTitle>
        <Form onSubmit={(values: Record<string, unknown>) => mutate(String(values['password']))}>
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
