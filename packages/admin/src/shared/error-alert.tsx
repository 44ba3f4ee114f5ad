import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { normalizeError, type FieldRefusal } from '../data-provider/errors.ts';

/** What each error code means for the person who clicked, in their language. */
const TITLES: Record<string, string> = {
  INVALID_STATE: 'custos.errors.invalid_state',
  FORBIDDEN: 'custos.errors.forbidden',
  CONFLICT: 'custos.errors.conflict',
  NOT_FOUND: 'custos.errors.not_found',
  BAD_USER_INPUT: 'custos.errors.bad_input',
  UNAUTHENTICATED: 'custos.errors.unauthenticated',
  TOO_MANY_REQUESTS: 'custos.refusals.too_many_requests',
  SEARCH_UNAVAILABLE: 'custos.refusals.reasons.SEARCH_UNAVAILABLE',
  NETWORK: 'custos.errors.network',
  INTERNAL_SERVER_ERROR: 'custos.errors.internal',
};

/** "Reason: At least 3 characters": a refused field the screen has no input for. */
export function useFieldRefusalText() {
  const translate = useTranslate();
  return (f: FieldRefusal) => {
    const nameKey = `custos.refusals.field_names.${f.field}`;
    const name = translate(nameKey, { _: '' });
    const text = translate(f.message, f.args);
    return name && name !== nameKey ? `${name}: ${text}` : text;
  };
}

/**
 * A refused action shown with its meaning (from `extensions.code`) and, underneath,
 * what exactly was refused in the dashboard's own words (`extensions.reason`, and the
 * per-field problems not shown on an input: all of them unless `fields` narrows them).
 * The server's English never shows.
 */
export function ErrorAlert({ error, fields }: { error: unknown; fields?: FieldRefusal[] }) {
  const translate = useTranslate();
  const fieldText = useFieldRefusalText();
  if (!error) return null;
  const e = normalizeError(error);
  const title = translate(TITLES[e.code] ?? 'custos.errors.internal');
  const detail = e.message !== TITLES[e.code] ? translate(e.message) : null;
  const listed = fields ?? e.body.fields ?? [];
  return (
    <Alert severity="error" sx={{ mt: 2 }} data-testid="action-error" data-code={e.code} data-reason={e.body.reason ?? ''}>
      <AlertTitle>{title}</AlertTitle>
      {detail}
      {listed.length ? (
        <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="refused-fields">
          {listed.map((f) => <li key={f.field} data-field={f.field}>{fieldText(f)}</li>)}
        </Box>
      ) : null}
    </Alert>
  );
}
