import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useAuditWords } from './audit-words.ts';
import { NamedRecord } from './record-link.tsx';

interface Change {
  from?: unknown;
  to?: unknown;
}

/** Changed fields whose values name a user or a job by database id: shown by name and
 * linked, never as the number (people read words). */
const REFERENCES: Record<string, 'User' | 'Job'> = {
  ownerId: 'User',
  requestedBy: 'User',
  decidedBy: 'User',
  createdBy: 'User',
  actorId: 'User',
  jobId: 'Job',
  job: 'Job',
  undoJobId: 'Job',
};

const isChange = (value: unknown): value is Change => !!value && typeof value === 'object' && !Array.isArray(value) && ('from' in value || 'to' in value);

/** The stored changes exactly as recorded, for those who need them (hidden by default). */
export function RawData({ value, testId }: { value: unknown; testId: string }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <Box sx={{ mt: 1 }}>
      <Button size="small" onClick={() => setOpen(!open)} data-testid={`${testId}-toggle`}>
        {translate(open ? 'custos.records.hide_raw' : 'custos.records.show_raw')}
      </Button>
      {open ? (
        <Box component="pre" data-testid={testId} sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, overflowX: 'auto' }}>
          {JSON.stringify(value, null, 2)}
        </Box>
      ) : null}
    </Box>
  );
}

/**
 * `changes` is `{ field: { from, to } }` (personal data arrives masked), shown as a diff:
 * the field's name in words, the value before struck through, the value after, enum
 * values and times as people read them (issue 18; the log showed `voidReason` and
 * `ACTIVE→VOID`). Entries not in that shape (a creation snapshot) show as the new value.
 */
export function ChangesDiff() {
  const record = useRecordContext();
  const translate = useTranslate();
  const words = useAuditWords();
  const changes = (record?.['changes'] ?? {}) as Record<string, unknown>;
  const entityType = String(record?.['entityType'] ?? '');
  const entries = Object.entries(changes);
  const shown = (field: string, value: unknown) => {
    const type = REFERENCES[field];
    if (type && (typeof value === 'string' || typeof value === 'number') && /^\d+$/.test(String(value))) return <NamedRecord type={type} id={String(value)} />;
    return words.value(entityType, field, value);
  };
  if (!entries.length) return <Typography variant="body2" color="text.secondary">{translate('custos.audit.no_changes')}</Typography>;
  return (
    <>
      <Table size="small" data-testid="changes-diff">
        <TableHead>
          <TableRow>
            <TableCell>{translate('custos.audit.field')}</TableCell>
            <TableCell>{translate('custos.audit.before')}</TableCell>
            <TableCell padding="none" />
            <TableCell>{translate('custos.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map(([field, value]) => {
            const diff = isChange(value) ? value : { to: value };
            const had = diff.from !== undefined && diff.from !== null;
            return (
              <TableRow key={field} data-testid="change-row" data-field={field}>
                <TableCell sx={{ fontWeight: 500 }}>{words.field(entityType, field)}</TableCell>
                <TableCell data-testid="change-from" sx={{ color: had ? 'error.main' : 'text.disabled', textDecoration: had ? 'line-through' : undefined }}>
                  {diff.from === undefined ? '' : shown(field, diff.from)}
                </TableCell>
                <TableCell padding="none"><ArrowForwardIcon fontSize="inherit" color="disabled" /></TableCell>
                <TableCell data-testid="change-to" sx={{ color: 'success.main' }}>{diff.to === undefined ? '' : shown(field, diff.to)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <RawData value={changes} testId="changes-raw" />
    </>
  );
}
