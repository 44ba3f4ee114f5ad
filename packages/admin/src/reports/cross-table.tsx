import { MenuItem, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { crossTable, type CustomerDimension } from './reports.api.ts';
import { useDimensionLabels } from './labels.ts';
import { ReportCard } from './report-card.tsx';
import { useCustomerStats } from './use-report.ts';

export const DIMENSIONS: CustomerDimension[] = ['LIFECYCLE_STAGE', 'TYPE', 'TIER', 'REGION', 'INDUSTRY', 'OWNER', 'TAG', 'STATUS'];

function DimensionSelect({ label, value, onChange, testId }: { label: string; value: CustomerDimension; onChange: (d: CustomerDimension) => void; testId: string }) {
  const translate = useTranslate();
  return (
    <TextField select size="small" label={translate(label)} value={value} onChange={(e) => onChange(e.target.value as CustomerDimension)}
      sx={{ minWidth: 170 }} slotProps={{ htmlInput: { 'data-testid': testId } }}>
      {DIMENSIONS.map((d) => <MenuItem key={d} value={d}>{translate(`custos.enums.CustomerDimension.${d}`)}</MenuItem>)}
    </TextField>
  );
}

/** Two dimensions at once (e.g. region × stage): one `customerStats` call grouped by both. */
export function CrossTable({ includeVoided }: { includeVoided: boolean }) {
  const translate = useTranslate();
  const labelOf = useDimensionLabels();
  const [rowsBy, setRowsBy] = useState<CustomerDimension>('REGION');
  const [columnsBy, setColumnsBy] = useState<CustomerDimension>('LIFECYCLE_STAGE');
  const same = rowsBy === columnsBy;
  const { data, isPending, error } = useCustomerStats({ groupBy: same ? [rowsBy] : [rowsBy, columnsBy], includeVoided });
  const table = crossTable(same ? (data ?? []).map((r) => ({ keys: [r.keys[0] ?? null, r.keys[0] ?? null], count: r.count })) : (data ?? []));
  const total = (data ?? []).reduce((sum, r) => sum + r.count, 0);
  return (
    <ReportCard
      title="custos.reports.cross_title"
      hint={rowsBy === 'TAG' || columnsBy === 'TAG' ? 'custos.reports.tag_hint' : undefined}
      isPending={isPending} error={error} empty={table.rows.length === 0} testId="report-cross" total={data ? total : undefined}
      action={(
        <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
          <DimensionSelect label="custos.reports.rows" value={rowsBy} onChange={setRowsBy} testId="cross-rows" />
          <DimensionSelect label="custos.reports.columns" value={columnsBy} onChange={setColumnsBy} testId="cross-columns" />
        </Stack>
      )}
    >
      <TableContainer sx={{ maxHeight: 420 }}>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell>{translate(`custos.enums.CustomerDimension.${rowsBy}`)} \ {translate(`custos.enums.CustomerDimension.${columnsBy}`)}</TableCell>
              {table.columns.map((c) => <TableCell key={String(c)} align="right" sx={{ whiteSpace: 'nowrap' }}>{labelOf(columnsBy, c)}</TableCell>)}
              <TableCell align="right">{translate('custos.reports.row_total')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.map((r) => (
              <TableRow key={String(r)} hover>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{labelOf(rowsBy, r)}</TableCell>
                {table.columns.map((c) => {
                  const n = table.cell(r, c);
                  return <TableCell key={String(c)} align="right" sx={{ color: n ? undefined : 'text.disabled' }}>{n.toLocaleString()}</TableCell>;
                })}
                <TableCell align="right" sx={{ fontWeight: 500 }}>{table.columns.reduce((s, c) => s + table.cell(r, c), 0).toLocaleString()}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </ReportCard>
  );
}
