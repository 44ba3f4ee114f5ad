import { Box, Button, Card, CardContent, Link as MuiLink, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { normalizeError } from '../data-provider/errors.ts';
import { DUPLICATE_ACTIONS, type DuplicateAction, type DuplicateRow } from './import.logic.ts';
import { DUPLICATE_PAGE, useImportChange } from './use-import.ts';

const SUMMARY_FIELDS = ['name', 'phone', 'email', 'taxId', 'region'];

/**
 * The rows the dry run found matching existing customers, with links to the matches you
 * may see (others counted), or repeating earlier rows of the same file (by row number:
 * their customers do not exist before the run), and what happens to each: the import's
 * default or a choice of its own. A choice changes the counts: check again to see them.
 */
export function ImportDuplicates({ importId, rows, total, offset, onOffset, defaultAction, locked, onChosen }: {
  importId: string;
  rows: readonly DuplicateRow[];
  total: number;
  offset: number;
  onOffset: (offset: number) => void;
  defaultAction: DuplicateAction;
  locked: boolean;
  onChosen: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const change = useImportChange();
  const [pending, setPending] = useState<number | null>(null);
  const choose = async (rowNo: number, action: DuplicateAction | null) => {
    setPending(rowNo);
    try {
      await change('ChooseImportRowActions', { input: { id: importId, rows: [{ rowNo, action }] } });
      onChosen();
    } catch (error) {
      notify(normalizeError(error).message, { type: 'error' });
    } finally {
      setPending(null);
    }
  };
  const defaultLabel = translate('custos.intake.duplicates.default', { action: translate(`custos.enums.ImportDuplicateAction.${defaultAction}`) });
  return (
    <Card data-testid="import-duplicates">
      <CardContent>
        <Typography variant="h6">{translate('custos.intake.duplicates.title', { smart_count: total })}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('custos.intake.duplicates.hint')}</Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('custos.intake.row')}</TableCell>
                <TableCell>{translate('custos.intake.duplicates.in_file')}</TableCell>
                <TableCell>{translate('custos.intake.duplicates.matches')}</TableCell>
                <TableCell>{translate('custos.intake.duplicates.action')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => {
                const values = new Map(row.values.map((v) => [v.field, v.value]));
                const hidden = row.matchCount - row.customers.length;
                return (
                  <TableRow key={row.rowNo} data-testid="duplicate-row" data-row={row.rowNo}>
                    <TableCell>{row.rowNo}</TableCell>
                    <TableCell>{SUMMARY_FIELDS.map((f) => values.get(f)).filter(Boolean).join(' · ')}</TableCell>
                    <TableCell>
                      <Stack spacing={0.25}>
                        {row.customers.map((c) => (
                          <MuiLink key={c.id} component={Link} to={`/customers/${c.id}/show`} target="_blank" data-testid="duplicate-row-link">{`${c.code} ${c.name}`}</MuiLink>
                        ))}
                        {hidden > 0 ? <span>{translate('custos.intake.duplicates.hidden', { smart_count: hidden })}</span> : null}
                        {row.earlierRows.length > 0 ? (
                          <span data-testid="duplicate-row-earlier" data-rows={row.earlierRows.join(',')}>
                            {translate('custos.intake.duplicates.earlier', { smart_count: row.earlierRows.length, rows: row.earlierRows.join(translate('custos.intake.list_separator')) })}
                          </span>
                        ) : null}
                      </Stack>
                    </TableCell>
                    <TableCell sx={{ py: 0.5 }}>
                      <TextField select size="small" sx={{ minWidth: 260 }} value={row.action ?? ''} slotProps={{ select: { displayEmpty: true } }} disabled={locked || pending === row.rowNo}
                        name={`row-action-${row.rowNo}`} onChange={(e) => void choose(row.rowNo, (e.target.value || null) as DuplicateAction | null)}>
                        <MenuItem value="">{defaultLabel}</MenuItem>
                        {DUPLICATE_ACTIONS.map((a) => <MenuItem key={a} value={a}>{translate(`custos.enums.ImportDuplicateAction.${a}`)}</MenuItem>)}
                      </TextField>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
        {total > DUPLICATE_PAGE ? (
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
            <Button size="small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - DUPLICATE_PAGE))}>{translate('ra.navigation.previous')}</Button>
            <Typography variant="body2">{translate('custos.intake.duplicates.page', { from: offset + 1, to: Math.min(total, offset + DUPLICATE_PAGE), total })}</Typography>
            <Button size="small" disabled={offset + DUPLICATE_PAGE >= total} onClick={() => onOffset(offset + DUPLICATE_PAGE)}>{translate('ra.navigation.next')}</Button>
          </Stack>
        ) : null}
      </CardContent>
    </Card>
  );
}
