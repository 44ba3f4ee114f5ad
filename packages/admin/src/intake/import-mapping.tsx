import { Alert, Box, Button, Card, CardActions, CardContent, CircularProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { canWriteCustomerField } from '../auth/access.ts';
import { useAccess } from '../auth/use-access.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';
import {
  DUPLICATE_ACTIONS, IMPORT_FIELDS, applyTemplate, mappingInput, mappingOf, mappingProblems, templateFit,
  type DuplicateAction, type ImportStatus, type ImportTemplate, type Mapping,
} from './import.logic.ts';
import { useImportChange } from './use-import.ts';

/**
 * The column mapping (suggested by the server from the headers, or from a template made
 * for the same header row), a saved template to apply, the default handling of rows that
 * match an existing customer, and a name to remember the mapping under. "Check all rows"
 * saves it and starts the dry run.
 */
export function ImportMapping({ status, templates, locked, onCheck }: {
  status: ImportStatus;
  templates: readonly ImportTemplate[];
  /** A job runs: nothing can change meanwhile. */
  locked: boolean;
  onCheck: () => Promise<void>;
}) {
  const translate = useTranslate();
  const access = useAccess();
  const change = useImportChange();
  const saved = useMemo(() => mappingOf(status.columns), [status.columns]);
  const [mapping, setMapping] = useState<Mapping>(saved);
  const [action, setAction] = useState<DuplicateAction>(status.duplicateAction as DuplicateAction);
  const [templateName, setTemplateName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setMapping(saved), [saved]);
  useEffect(() => setAction(status.duplicateAction as DuplicateAction), [status.duplicateAction]);

  const mayWrite = (field: string) => canWriteCustomerField(access, field);
  const problems = mappingProblems(mapping, mayWrite);
  const fitting = templates.map((t) => ({ template: t, fit: templateFit(status.columns, t) })).filter((t) => t.fit > 0).sort((a, b) => b.fit - a.fit);
  const fromTemplate = templates.find((t) => t.id === status.templateId);
  const changed = JSON.stringify(mappingInput(mapping)) !== JSON.stringify(mappingInput(saved)) || action !== status.duplicateAction || templateName.trim() !== '';
  const label = (field: string) => translate(`resources.customers.fields.${field}`);

  /** Saves what changed, then (unless `check` is false) starts the dry run. */
  const save = async (check: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (changed) {
        await change('ConfigureCustomerImport', { input: { id: status.id, mapping: mappingInput(mapping), duplicateAction: action, templateName: templateName.trim() || null } });
        setTemplateName('');
      }
      if (check) await onCheck();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-testid="import-mapping">
      <CardContent>
        <Typography variant="h6">{translate('custos.intake.mapping.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {fromTemplate ? translate('custos.intake.mapping.from_template', { name: fromTemplate.name }) : translate('custos.intake.mapping.suggested')}
        </Typography>
        {fitting.length ? (
          <TextField select size="small" sx={{ minWidth: 280, mb: 1 }} value="" label={translate('custos.intake.mapping.apply_template')} disabled={locked}
            data-testid="import-template" onChange={(e) => {
              const chosen = templates.find((t) => t.id === e.target.value);
              if (chosen) setMapping(applyTemplate(status.columns, mapping, chosen));
            }}>
            {fitting.map(({ template, fit }) => (
              <MenuItem key={template.id} value={template.id}>
                {translate('custos.intake.mapping.template_fit', { name: template.name, fit, columns: status.columns.length })}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('custos.intake.mapping.column')}</TableCell>
                <TableCell>{translate('custos.intake.mapping.field')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {status.columns.map((column) => (
                <TableRow key={column.index} data-testid="mapping-row" data-header={column.header}>
                  <TableCell sx={{ fontWeight: 500 }}>{column.header || translate('custos.intake.mapping.no_header', { n: column.index + 1 })}</TableCell>
                  <TableCell sx={{ py: 0.5 }}>
                    <TextField select size="small" sx={{ minWidth: 220 }} name={`mapping-${column.index}`} value={mapping[column.index] ?? ''} disabled={locked}
                      slotProps={{ htmlInput: { 'data-testid': `mapping-${column.index}` } }}
                      onChange={(e) => setMapping({ ...mapping, [column.index]: e.target.value || null })}>
                      <MenuItem value="">{translate('custos.intake.mapping.not_imported')}</MenuItem>
                      {IMPORT_FIELDS.map((field) => (
                        <MenuItem key={field} value={field} disabled={!mayWrite(field)}>
                          {mayWrite(field) ? label(field) : translate('custos.intake.mapping.not_writable', { field: label(field) })}
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
        {problems.length ? (
          <Alert severity="warning" sx={{ mt: 1 }} data-testid="mapping-problems">
            {problems.map((p) => translate(`custos.intake.mapping.problem.${p.key}`, { field: p.field ? label(p.field) : '' })).join(translate('custos.intake.sentence_separator'))}
          </Alert>
        ) : null}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2 }}>
          <TextField select size="small" sx={{ minWidth: 340 }} label={translate('custos.intake.mapping.default_action')} value={action} disabled={locked}
            name="duplicateAction" onChange={(e) => setAction(e.target.value as DuplicateAction)}>
            {DUPLICATE_ACTIONS.map((a) => <MenuItem key={a} value={a}>{translate(`custos.enums.ImportDuplicateAction.${a}`)}</MenuItem>)}
          </TextField>
          <TextField size="small" sx={{ minWidth: 280 }} label={translate('custos.intake.mapping.template_name')} value={templateName} disabled={locked}
            name="templateName" helperText={translate('custos.intake.mapping.template_hint')} onChange={(e) => setTemplateName(e.target.value)} slotProps={{ htmlInput: { maxLength: 100 } }} />
        </Stack>
        <ErrorAlert error={error} />
      </CardContent>
      <CardActions>
        <Button variant="contained" disabled={locked || busy || problems.length > 0} onClick={() => void save(true)} data-testid="import-check"
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}>
          {translate('custos.intake.mapping.check')}
        </Button>
        {changed ? (
          <Button disabled={locked || busy || problems.length > 0} onClick={() => void save(false)} data-testid="import-save-mapping">
            {translate('custos.intake.mapping.save')}
          </Button>
        ) : null}
      </CardActions>
    </Card>
  );
}
