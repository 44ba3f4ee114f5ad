import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface Change {
  from?: unknown;
  to?: unknown;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * `changes` is `{ field: { from, to } }` (personal data arrives masked). Entries that are
 * not in that shape (e.g. a creation snapshot) are shown as their value.
 */
export function ChangesDiff() {
  const record = useRecordContext();
  const translate = useTranslate();
  const changes = (record?.['changes'] ?? {}) as Record<string, unknown>;
  const entries = Object.entries(changes);
  if (!entries.length) return <Typography variant="body2" color="text.secondary">{translate('custos.audit.no_changes')}</Typography>;
  return (
    <Table size="small" data-testid="changes-diff">
      <TableHead>
        <TableRow>
          <TableCell>{translate('custos.audit.field')}</TableCell>
          <TableCell>{translate('custos.audit.before')}</TableCell>
          <TableCell>{translate('custos.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(([field, value]) => {
          const diff = value && typeof value === 'object' && ('from' in value || 'to' in value) ? (value as Change) : { to: value };
          return (
            <TableRow key={field}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{field}</TableCell>
              <TableCell sx={{ color: 'error.main', textDecoration: diff.from !== undefined && diff.from !== null ? 'line-through' : undefined }}>
                {show(diff.from)}
              </TableCell>
              <TableCell sx={{ color: 'success.main' }}>{show(diff.to)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
