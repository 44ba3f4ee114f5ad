import PreviewOutlinedIcon from '@mui/icons-material/PreviewOutlined';
import { formatDate } from '../../shared/dates.ts';
import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Button, useLocaleState, useTranslate } from 'react-admin';
import { ErrorAlert } from '../../shared/error-alert.tsx';
import { useAction } from '../../shared/use-action.ts';

export interface Preview {
  customerCount: number;
  interactionCount: number;
  sample: Record<string, unknown>[];
}

/** Counts and the sample of a dry run: nothing has moved yet. */
export function PreviewResult({ preview }: { preview: Preview }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box data-testid="policy-preview">
      <Alert severity="info" sx={{ mb: 1 }}>
        {translate('custos.policies.preview_counts', {
          customers: preview.customerCount.toLocaleString(locale),
          interactions: preview.interactionCount.toLocaleString(locale),
        })}
      </Alert>
      <span data-testid="preview-customer-count" data-value={preview.customerCount} hidden />
      {preview.sample.length ? (
        <>
          <Typography variant="caption" color="text.secondary">{translate('custos.policies.preview_sample', { n: preview.sample.length })}</Typography>
          <Table size="small" data-testid="preview-sample">
            <TableHead>
              <TableRow>
                {['code', 'name', 'lifecycleStage', 'status', 'lastInteractionAt'].map((f) => (
                  <TableCell key={f}>{translate(`resources.customers.fields.${f}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.sample.map((c) => (
                <TableRow key={String(c['id'])}>
                  <TableCell>{String(c['code'])}</TableCell>
                  <TableCell>{String(c['name'])}</TableCell>
                  <TableCell>{translate(`custos.enums.LifecycleStage.${c['lifecycleStage']}`)}</TableCell>
                  <TableCell>{translate(`custos.enums.CustomerStatus.${c['status']}`)}</TableCell>
                  <TableCell>{c['lastInteractionAt'] ? formatDate(String(c['lastInteractionAt']), locale, false) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </Box>
  );
}

/**
 * "Preview" for a saved policy (`{ id }`) or for the rule being edited (`input()` reads
 * the form): a dry run on the server, shown below the button.
 */
export function PreviewPanel({ input }: { input: () => Record<string, unknown> }) {
  const action = useAction<Preview>('previewArchivePolicy');
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      <Box>
        <Button label="custos.policies.preview" variant="outlined" onClick={() => action.mutate(input())} disabled={action.isPending} data-testid="preview-button">
          <PreviewOutlinedIcon />
        </Button>
      </Box>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {action.data ? <PreviewResult preview={action.data} /> : null}
    </Stack>
  );
}
