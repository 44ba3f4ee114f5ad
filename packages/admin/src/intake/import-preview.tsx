import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFieldValue } from '../cleanup/field-value.tsx';
import { fieldMessage } from '../data-provider/refusals.ts';
import { IMPORT_FIELDS, type PreviewRow } from './import.logic.ts';

/** A problem's field and reason in the reader's words (the server's English never shows). */
export function useProblemWords() {
  const translate = useTranslate();
  const field = (name: string) =>
    translate(`resources.customers.fields.${name}`, { _: translate(`custos.intake.problem_field.${name}`, { _: name }) });
  const reason = (message: string) => {
    const m = fieldMessage(message);
    return translate(m.message, m.args);
  };
  /** "Phone: Not a phone number". */
  const text = (problem: { field: string; message: string }) => translate('custos.intake.field_reason', { field: field(problem.field), reason: reason(problem.message) });
  return { field, reason, text };
}

/**
 * The first rows as they would be written: phones in E.164, emails and regions
 * normalized, types and tiers read from Chinese or English words (shown here in the
 * reader's words), each row's problems beside it.
 */
export function ImportPreview({ rows, mapped }: { rows: readonly PreviewRow[]; mapped: readonly string[] }) {
  const translate = useTranslate();
  const show = useFieldValue();
  const problemText = useProblemWords().text;
  // The type is always written (SMB when the file has none).
  const fields = IMPORT_FIELDS.filter((f) => mapped.includes(f) || f === 'type');
  return (
    <Card data-testid="import-preview">
      <CardContent>
        <Typography variant="h6">{translate('custos.intake.preview.title', { smart_count: rows.length })}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('custos.intake.preview.hint')}</Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('custos.intake.row')}</TableCell>
                {fields.map((f) => <TableCell key={f}>{translate(`resources.customers.fields.${f}`)}</TableCell>)}
                <TableCell>{translate('custos.intake.preview.problems')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => {
                const values = new Map(row.values.map((v) => [v.field, v.value]));
                const bad = row.problems.length > 0;
                return (
                  <TableRow key={row.rowNo} data-testid="preview-row" data-row={row.rowNo} data-problems={bad ? 'true' : 'false'} sx={bad ? { bgcolor: 'rgba(211, 47, 47, 0.08)' } : undefined}>
                    <TableCell>{row.rowNo}</TableCell>
                    {fields.map((f) => <TableCell key={f} data-field={f}>{show(f, values.get(f))}</TableCell>)}
                    <TableCell data-testid="preview-problems">
                      {bad ? row.problems.map((p) => problemText(p)).join(translate('custos.intake.sentence_separator')) : translate('custos.intake.preview.ok')}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
}
