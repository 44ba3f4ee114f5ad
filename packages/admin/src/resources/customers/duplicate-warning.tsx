import { Alert, AlertTitle, Box, Link as MuiLink, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { SaveButton, Toolbar, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { canWriteCustomerField } from '../../auth/access.ts';
import { useAccess } from '../../auth/use-access.ts';
import { useOperationQuery } from '../../shared/use-operation.ts';
import { duplicateCheckInput, percent, verdict, type DuplicateVerdict, type PossibleDuplicate } from './duplicates.ts';

/** The value after the user stopped typing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // The key stands for the value: a new object with the same content is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return settled;
}

/**
 * What a save of the form's current values would report (`customerDuplicates`, asked
 * half a second after typing stops). The warning and the save button read the same
 * query (react-query asks once).
 */
export function useDuplicateVerdict(): DuplicateVerdict & { checking: boolean } {
  const access = useAccess();
  const record = useRecordContext();
  const [id, name, region, email, phone, taxId] = useWatch({ name: ['id', 'name', 'region', 'email', 'phone', 'taxId'] }) as unknown[];
  const input = useSettled(
    duplicateCheckInput({ id, name, region, email, phone, taxId }, record?.id != null ? (record as Record<string, unknown>) : undefined, (field) => canWriteCustomerField(access, field)),
    500,
  );
  const query = useOperationQuery('CustomerDuplicates', { input: input ?? {} }, { enabled: input !== null, select: (r) => r.customerDuplicates });
  return { ...verdict(input ? query.data : []), checking: input !== null && query.isFetching };
}

function Reasons({ match }: { match: PossibleDuplicate }) {
  const translate = useTranslate();
  return (
    <>
      {match.reasons
        .map((r) => translate(`custos.intake.reason.${r.kind}`, { similarity: percent(r.score) }))
        .join(translate('custos.intake.list_separator'))}
    </>
  );
}

function MatchLine({ match }: { match: PossibleDuplicate }) {
  const translate = useTranslate();
  const who = match.customer ? (
    <MuiLink component={Link} to={`/customers/${match.customer.id}/show`} target="_blank" data-testid="duplicate-link">
      {`${match.customer.code} ${match.customer.name}`}
    </MuiLink>
  ) : (
    <span data-testid="duplicate-hidden">{translate('custos.intake.hidden_customer')}</span>
  );
  return (
    <Box component="li" data-testid="duplicate-match" data-blocks={match.reasons.some((r) => r.action === 'BLOCK') ? 'true' : 'false'}>
      {who}
      {' · '}
      <Reasons match={match} />
      {' · '}
      {translate('custos.intake.likelihood', { score: percent(match.score) })}
    </Box>
  );
}

/** The possible duplicates of what is being typed, with links and reasons in words. */
export function DuplicateWarning() {
  const translate = useTranslate();
  const { matches, blocked } = useDuplicateVerdict();
  if (matches.length === 0) return null;
  return (
    <Alert severity={blocked ? 'error' : 'warning'} sx={{ mb: 2, width: '100%' }} data-testid="duplicate-warning" data-blocked={blocked ? 'true' : 'false'}>
      <AlertTitle>{translate('custos.intake.warning_title', { smart_count: matches.length })}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {matches.map((m, i) => <MatchLine key={m.customer?.id ?? `hidden-${i}`} match={m} />)}
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate(blocked ? 'custos.intake.blocked_hint' : 'custos.intake.warn_hint')}
      </Typography>
    </Alert>
  );
}

/**
 * Save, or "Save anyway" once possible duplicates are shown; refused up front when a
 * duplicate rule blocks the save (the server refuses it too, should the check be late).
 */
export function DuplicateAwareToolbar() {
  const translate = useTranslate();
  const { matches, blocked } = useDuplicateVerdict();
  return (
    <Toolbar>
      <SaveButton
        disabled={blocked}
        data-testid="customer-save"
        label={matches.length && !blocked ? 'custos.intake.save_anyway' : undefined}
      />
    </Toolbar>
  );
}
