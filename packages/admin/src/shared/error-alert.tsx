import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { normalizeError } from '../data-provider/errors.ts';

/** What each error code means for the person who clicked, in their language. */
const TITLES: Record<string, string> = {
  INVALID_STATE: 'custos.errors.invalid_state',
  FORBIDDEN: 'custos.errors.forbidden',
  CONFLICT: 'custos.errors.conflict',
  NOT_FOUND: 'custos.errors.not_found',
  BAD_USER_INPUT: 'custos.errors.bad_input',
  UNAUTHENTICATED: 'custos.errors.unauthenticated',
  NETWORK: 'custos.errors.network',
  INTERNAL_SERVER_ERROR: 'custos.errors.internal',
};

/**
 * A refused action shown with its meaning (from `extensions.code`) and the server's
 * own explanation underneath, which names the record or field concerned.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const translate = useTranslate();
  if (!error) return null;
  const e = normalizeError(error);
  const title = translate(TITLES[e.code] ?? 'custos.errors.internal');
  // The server's explanation names the record and the rule (e.g. "under legal hold");
  // for transport-level failures it is technical noise.
  const technical = e.code === 'NETWORK' || e.code === 'INTERNAL_SERVER_ERROR' || e.code === 'UNAUTHENTICATED';
  const detail = !technical && e.body.serverMessage ? e.body.serverMessage : null;
  return (
    <Alert severity="error" sx={{ mt: 2 }} data-testid="action-error" data-code={e.code}>
      <AlertTitle>{title}</AlertTitle>
      {detail}
    </Alert>
  );
}
