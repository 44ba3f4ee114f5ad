import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useState, type DragEvent } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { formatBytes } from '../backups/format.ts';
import { intlLocale } from '../shared/dates.ts';
import { ACCEPTED } from './import.logic.ts';
import { ImportSteps } from './import-steps.tsx';
import { UploadRefused, useImportSetup, useUpload } from './use-import.ts';

/**
 * Step 1 of a customer import: a CSV (UTF-8 or GB18030) or XLSX file picked or dropped;
 * the size limit is shown first and a larger file is refused before it is sent.
 */
export function ImportUploadPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const setup = useImportSetup();
  const upload = useUpload();
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<{ key: string; args?: Record<string, unknown> } | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const maxBytes = setup.data?.maxBytes;
  const size = maxBytes ? formatBytes(maxBytes, intlLocale(locale)) : '…';

  const accept = async (file: File | undefined) => {
    if (!file) return;
    setRefusal(null);
    if (!ACCEPTED.test(file.name)) return setRefusal({ key: 'custos.intake.upload.format' });
    if (maxBytes && file.size > maxBytes) return setRefusal({ key: 'custos.intake.upload.too_large_named', args: { size } });
    setSending(file.name);
    try {
      const { id } = await upload(file);
      navigate(`/imports/${id}`);
    } catch (error) {
      setRefusal({ key: error instanceof UploadRefused ? error.messageKey : 'custos.intake.upload.failed', args: { size } });
    } finally {
      setSending(null);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void accept(event.dataTransfer.files[0]);
  };

  return (
    <Box sx={{ p: 2 }} data-testid="import-upload-page">
      <Title title={translate('custos.intake.title')} />
      <ImportSteps step={0} />
      <Card>
        <CardContent>
          <Box
            data-testid="import-drop-zone"
            onDragOver={(e) => { e.preventDefault(); setOver(true); }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
            sx={{ border: 2, borderStyle: 'dashed', borderColor: over ? 'primary.main' : 'divider', borderRadius: 2, p: 4, textAlign: 'center', bgcolor: over ? 'action.hover' : undefined }}
          >
            <Stack spacing={2} alignItems="center">
              <UploadFileOutlinedIcon fontSize="large" color="action" />
              <Typography>{translate('custos.intake.upload.drop')}</Typography>
              <Button variant="contained" component="label" disabled={!!sending} startIcon={sending ? <CircularProgress size={16} color="inherit" /> : undefined}>
                {translate(sending ? 'custos.intake.upload.sending' : 'custos.intake.upload.choose', { name: sending ?? '' })}
                <input hidden type="file" accept=".csv,.tsv,.txt,.xlsx" data-testid="import-file" onChange={(e) => { void accept(e.target.files?.[0]); e.target.value = ''; }} />
              </Button>
              <Typography variant="body2" color="text.secondary" data-testid="import-limits">
                {translate('custos.intake.upload.limits', { size, rows: setup.data ? setup.data.maxRows.toLocaleString(intlLocale(locale)) : '…' })}
              </Typography>
            </Stack>
          </Box>
          {refusal ? <Alert severity="error" sx={{ mt: 2 }} data-testid="import-upload-error">{translate(refusal.key, refusal.args)}</Alert> : null}
        </CardContent>
      </Card>
    </Box>
  );
}
