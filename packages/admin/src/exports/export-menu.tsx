import DownloadIcon from '@mui/icons-material/GetApp';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import {
  Alert, Button as MuiButton, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, ListItemText, Menu, MenuItem, Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useTranslate } from 'react-admin';
import { useAccess } from '../auth/use-access.ts';
import { loadCatalogue } from '../i18n/i18n-provider.ts';
import { LANGUAGE_LOCALE } from './export-labels.ts';
import { buildExport, maskedColumns, type ExportFormat, type ExportLanguage, type ExportLink } from './exports.api.ts';
import type { CustosDataProvider } from '../data-provider/index.ts';
import { ErrorAlert } from '../shared/error-alert.tsx';

const CHOICES: { format: ExportFormat; language: ExportLanguage }[] = [
  { format: 'CSV', language: 'EN' },
  { format: 'CSV', language: 'ZH_CN' },
  { format: 'XLSX', language: 'EN' },
  { format: 'XLSX', language: 'ZH_CN' },
];

/** The browser's IANA zone (the file's times are written in it), if it knows one. */
function browserTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

/** Follows the single-use link once; the server names the file (Content-Disposition). */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  link.download = '';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

interface Outcome {
  link: ExportLink;
  format: ExportFormat;
  language: ExportLanguage;
}

/**
 * Export of the list as the server builds it (`createExport`): every row the current
 * filter matches, not just this page, under the role's field guards (hidden columns
 * left out, masked ones masked). Replaces react-admin's client-side ExportButton, which
 * could only export what the browser already fetched.
 */
export function ExportMenu() {
  const translate = useTranslate();
  const access = useAccess();
  const { resource, filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<CustosDataProvider>();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: async (choice: { format: ExportFormat; language: ExportLanguage }) => {
      // Value labels in the file's language, which need not be the screen's.
      const messages = await loadCatalogue(LANGUAGE_LOCALE[choice.language]);
      const request = { resource, filter: filterValues, sort, timeZone: browserTimeZone(), ...choice };
      return { ...choice, link: (await dataProvider.read((b) => buildExport(b, request, messages))).data };
    },
    onSuccess: (result) => {
      download(result.link.url);
      setOutcome(result);
    },
    onError: (error) => setFailed(error),
  });
  const masked = outcome ? maskedColumns(access, resource, outcome.link.columns) : [];
  const columnLabel = (c: string) => translate(`resources.${resource}.fields.${c}`, { _: c });
  return (
    <>
      <Button label="custos.exports.export" onClick={(e) => setAnchor(e.currentTarget)} disabled={mutation.isPending || total === 0} data-testid="export-button">
        {mutation.isPending ? <CircularProgress size={16} /> : <DownloadIcon />}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {CHOICES.map((choice) => (
          <MenuItem key={`${choice.format}-${choice.language}`} data-testid={`export-${choice.format}-${choice.language}`}
            onClick={() => { setAnchor(null); mutation.mutate(choice); }}>
            <ListItemText primary={translate(`custos.exports.format.${choice.format}`)} secondary={translate(`custos.exports.language.${choice.language}`)} />
          </MenuItem>
        ))}
      </Menu>
      <Dialog open={!!outcome || !!failed} onClose={() => { setOutcome(null); setFailed(null); }} maxWidth="sm" fullWidth data-testid="export-dialog">
        <DialogTitle>{translate(failed ? 'custos.exports.failed' : 'custos.exports.ready')}</DialogTitle>
        <DialogContent>
          {failed ? <ErrorAlert error={failed} /> : null}
          {outcome ? (
            <>
              <Typography data-testid="export-rows" data-count={outcome.link.rowCount}>
                {translate('custos.exports.rows', { smart_count: outcome.link.rowCount, count: outcome.link.rowCount.toLocaleString() })}
                {' · '}{translate(`custos.exports.format.${outcome.format}`)}{' · '}{translate(`custos.exports.language.${outcome.language}`)}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="export-columns">
                {translate('custos.exports.columns', { columns: outcome.link.columns.map(columnLabel).join(', ') })}
              </Typography>
              {masked.length ? (
                <Alert severity="info" icon={<LockOutlinedIcon />} sx={{ mt: 2 }} data-testid="export-masked">
                  {translate('custos.exports.masked', { columns: masked.map(columnLabel).join(', ') })}
                </Alert>
              ) : null}
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>{translate('custos.exports.single_use')}</Typography>
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => { setOutcome(null); setFailed(null); }}>{translate('ra.action.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
