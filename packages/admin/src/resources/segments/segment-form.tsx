import { Box, Card, CardContent, Grid, Skeleton, Typography } from '@mui/material';
import { LimitedTextInput } from '../../shared/limited-text-input.tsx';
import { useNotifyError } from '../../shared/use-notify-error.ts';
import { useEffect, useState, type ReactNode } from 'react';
import { Create, Edit, FormDataConsumer, Link, SimpleForm, TextInput, maxLength, required, useGetList, useNotify, useTranslate } from 'react-admin';
import { normalizeError } from '../../data-provider/errors.ts';
import { ConflictNotice } from '../../shared/conflict-notice.tsx';
import { customerFilterInputs } from '../customers/customer-filters.tsx';

/** The customers list's filters, stored under `filter.` in the API's names (customer-filters.tsx). */
const filterInputs = customerFilterInputs({ stored: true });

/** The value after it stopped changing for a moment (typing a name should not query per key). */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

/** How many customers the filter matches now: the customers list's own count, one row fetched. */
function Preview({ filter }: { filter: Record<string, unknown> }) {
  const translate = useTranslate();
  const settled = useSettled(filter);
  const { total, isPending, error } = useGetList('customers', { filter: settled, pagination: { page: 1, perPage: 1 } });
  const to = `/customers?filter=${encodeURIComponent(JSON.stringify({ ...settled, q: settled['search'], search: undefined }))}`;
  return (
    <Box data-testid="segment-preview" data-count={isPending || error ? '' : (total ?? 0)}>
      <Typography variant="overline" color="text.secondary">{translate('custos.classification.preview')}</Typography>
      <Typography variant="h6">
        {isPending ? <Skeleton width={160} /> : error ? '—' : <Link to={to}>{translate('custos.classification.preview_count', { smart_count: total ?? 0 })}</Link>}
      </Typography>
    </Box>
  );
}

function SegmentForm({ header }: { header?: ReactNode }) {
  const translate = useTranslate();
  return (
    <SimpleForm defaultValues={{ filter: {} }} warnWhenUnsavedChanges>
      {header}
      <Box sx={{ width: '100%', maxWidth: 900 }}>
        <LimitedTextInput source="name" isRequired max={100} fullWidth />
        <LimitedTextInput source="description" max={1000} multiline minRows={2} fullWidth />
        <Card variant="outlined" sx={{ mt: 1 }}>
          <CardContent>
            <Typography variant="subtitle1">{translate('custos.classification.segment_filter')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('custos.classification.segment_filter_hint')}</Typography>
            <Grid container columnSpacing={2}>
              {filterInputs.map((input) => <Grid key={String(input.key)} size={{ xs: 12, md: 6 }}>{input}</Grid>)}
            </Grid>
            <FormDataConsumer>
              {({ formData }) => <Preview filter={(formData['filter'] as Record<string, unknown> | undefined) ?? {}} />}
            </FormDataConsumer>
          </CardContent>
        </Card>
      </Box>
    </SimpleForm>
  );
}

export function SegmentCreate() {
  return (
    <Create redirect="list">
      <SegmentForm />
    </Create>
  );
}

/** Pessimistic, with the version read: a segment changed meanwhile is CONFLICT, shown with a reload. */
export function SegmentEdit() {
  const notifyError = useNotifyError();
  const [conflict, setConflict] = useState(false);
  return (
    <Edit mutationMode="pessimistic" redirect="list"
      mutationOptions={{
        onError: (error: unknown) => {
          const apiError = normalizeError(error);
          if (apiError.code === 'CONFLICT') setConflict(true);
          // Field problems are shown on their inputs (translated); the notice says so.
          notifyError(apiError, { fieldsShown: true });
        },
      }}>
      <SegmentForm header={conflict ? <ConflictNotice onReload={() => setConflict(false)} /> : null} />
    </Edit>
  );
}
