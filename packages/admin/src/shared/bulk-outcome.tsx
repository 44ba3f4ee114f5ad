import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { LifecycleFailure } from './use-action.ts';
import { UndoButton, type UndoOperation } from './undo.tsx';

export interface Outcome {
  done: number;
  failures: LifecycleFailure[];
  /** What the part that went ahead may be undone with. */
  undo?: UndoOperation | null;
}

/**
 * Why one id was refused, in the user's words: the failure's code, and the status the
 * record has now when the server names it ("… whose status is VOID"). The server's
 * sentence itself is English and is not shown.
 */
function useFailureText() {
  const translate = useTranslate();
  return (f: LifecycleFailure) => {
    const why = translate(`custos.lifecycle.failure_codes.${f.code}`, { _: translate(`custos.ui.failure_codes.${f.code}`, { _: translate('custos.refusals.generic') }) });
    const status = /status is ([A-Z_]+)/.exec(f.message)?.[1];
    return status ? `${why} · ${translate('custos.ui.status_now', { status: translate(`custos.enums.CustomerStatus.${status}`, { _: status }) })}` : why;
  };
}

/**
 * After a bulk action with refusals: how many records changed and, for each one that
 * did not, why (per-id failures from the payload). Shown only when something failed.
 */
export function BulkOutcomeDialog({ outcome, onClose }: { outcome: Outcome | null; onClose: () => void }) {
  const translate = useTranslate();
  const failureText = useFailureText();
  return (
    <Dialog open={!!outcome && outcome.failures.length > 0} onClose={onClose} fullWidth maxWidth="sm" data-testid="bulk-outcome">
      <DialogTitle>{translate('custos.lifecycle.bulk_outcome')}</DialogTitle>
      <DialogContent>
        <Alert severity={outcome?.done ? 'warning' : 'error'} sx={{ mb: 2 }}>
          {translate('custos.lifecycle.bulk_summary', { done: outcome?.done ?? 0, failed: outcome?.failures.length ?? 0 })}
        </Alert>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('custos.lifecycle.failure_id')}</TableCell>
              <TableCell>{translate('custos.lifecycle.failure_reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {outcome?.failures.map((f) => (
              <TableRow key={f.id}>
                <TableCell>{f.id}</TableCell>
                <TableCell>{failureText(f)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <UndoButton operation={outcome?.done ? outcome.undo : null} />
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
