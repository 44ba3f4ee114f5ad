import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  Login,
  PasswordInput,
  SaveButton,
  TextInput,
  email,
  required,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';

/** Sign-in with email and password (react-admin's default form asks for a "username"). */
function LoginForm() {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    try {
      await login({ email: values['email'], password: values['password'] });
    } catch (error) {
      // A refused sign-in carries the wait (seconds, minutes) for its message.
      const messageArgs = (error as { messageArgs?: Record<string, unknown> } | null)?.messageArgs;
      notify(error instanceof Error ? error.message : String(error), { type: 'error', ...(messageArgs ? { messageArgs } : {}) });
    } finally {
      setPending(false);
    }
  };
  return (
    <Form onSubmit={submit} noValidate>
      <Box sx={{ px: 2, pb: 2, width: 320 }}>
        <Typography variant="h6" align="center" sx={{ mb: 1 }}>{translate('custos.title')}</Typography>
        <TextInput source="email" label="custos.auth.email" type="email" autoComplete="username" validate={[required(), email()]} fullWidth autoFocus />
        <PasswordInput source="password" label="custos.auth.password" autoComplete="current-password" validate={required()} fullWidth />
        <SaveButton label="custos.auth.sign_in" icon={<span />} disabled={pending} alwaysEnable={!pending} fullWidth variant="contained" />
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
          {translate('custos.auth.demo_hint')}
        </Typography>
      </Box>
    </Form>
  );
}

export function LoginPage() {
  return (
    <Login>
      <LoginForm />
    </Login>
  );
}
