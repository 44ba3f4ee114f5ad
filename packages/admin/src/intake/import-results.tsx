import DownloadOutlinedIcon from '@mui/icons-material/DownloadOutlined';
import { Button, Chip, Stack } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { CustosDataProvider } from '../data-provider/index.ts';
import { normalizeError } from '../data-provider/errors.ts';
import { intlLocale } from '../shared/dates.ts';
import { downloadText } from '../shared/download.ts';
import { localizeErrorFile, type ImportCounts as Counts } from './import.logic.ts';
import { useProblemWords } from './import-preview.tsx';

const KEYS = {
  dry: ['created', 'updated', 'skipped', 'queued', 'errored'],
  run: ['created', 'updated', 'skipped', 'queued', 'errored'],
  undo: ['removed', 'voided', 'restored', 'kept'],
} as const;

/** Counts in words ("Would create 12"), each with a test id for the browser tests. */
export function ImportCounts({ counts, mode }: { counts: Counts; mode: keyof typeof KEYS }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" data-testid={`import-counts-${mode}`}>
      {KEYS[mode].map((key) => {
        const n = (counts as Record<string, number | null | undefined>)[key] ?? 0;
        return (
          <Chip key={key} data-testid={`count-${key}`} data-count={n} color={key === 'errored' && n > 0 ? 'error' : 'default'} variant={n > 0 ? 'filled' : 'outlined'}
            label={translate(`custos.intake.counts.${mode}.${key}`, { count: n.toLocaleString(intlLocale(locale)), smart_count: n })} />
        );
      })}
    </Stack>
  );
}

/** The rows with problems as a CSV file, headers and reasons in the reader's language. */
export function ErrorFileButton({ importId, fileName }: { importId: string; fileName: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CustosDataProvider>();
  const words = useProblemWords();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.operation('CustomerImportErrorFile', { id: importId });
      const csv = data.customerImport?.errorFile ?? '';
      const text = localizeErrorFile(
        csv,
        { row: translate('custos.intake.row'), field: translate('custos.intake.error_file.field'), reason: translate('custos.intake.error_file.reason') },
        words.field,
        words.reason,
      );
      downloadText(`${fileName.replace(/\.[^.]+$/, '')}-${translate('custos.intake.error_file.suffix')}.csv`, text);
    } catch (error) {
      notify(normalizeError(error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button startIcon={<DownloadOutlinedIcon />} disabled={busy} onClick={() => void download()} data-testid="import-error-file">
      {translate('custos.intake.error_file.download')}
    </Button>
  );
}
