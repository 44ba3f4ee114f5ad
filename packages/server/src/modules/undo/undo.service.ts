import { inTransaction, type RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { restoreArchived } from '../archive/archive.service.js';
import { customerNotFoundFailure, type LifecycleFailureRecord } from '../customer/customer.failures.js';
import { archivedIds, lockCustomers } from '../customer/customer.lifecycle.js';
import { validIds } from '../customer/customer.reader.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { writeCustomers, type CustomerEdit } from '../customer/customer.store.js';
import {
  lockOperation, markUndone, openRestore, operationEntries, UndoKind, type UndoOperationRecord,
} from '../customer/customer.undo.js';
import { undoAlreadyUndone, undoExpired, undoNotFound, undoStillRunning } from './undo.errors.js';
import { idForClient } from '../../common/client-id.js';

export interface UndoOutcome {
  operation: UndoOperationRecord;
  customers: CustomerRecord[];
  failures: LifecycleFailureRecord[];
  restoredInteractions: number;
}

/** The audit action of each kind's undo, one event per customer put back. */
const AUDIT_ACTION: Record<UndoKind, string> = {
  [UndoKind.VOID]: 'CUSTOMER_VOID_UNDONE',
  [UndoKind.ARCHIVE]: 'CUSTOMER_ARCHIVE_UNDONE',
  [UndoKind.TAGS]: 'CUSTOMER_TAGS_UNDONE',
  [UndoKind.NORMALIZE]: 'CUSTOMER_NORMALIZATION_UNDONE',
};

/**
 * Takes back the caller's own operation while its window is open (policy: operation:undo,
 * own operations only). The reverse is not the reverse action (unvoid, restore) under its
 * own permission: it is "put back what I just did", so a SALES user may undo their own
 * void although unvoid is not theirs. Each customer is put back only when nothing changed
 * it since (its version is the one the operation left); the others are reported.
 */
export async function undoOperation(ctx: RequestContext, id: string): Promise<UndoOutcome> {
  const { actor } = requireAction(ctx, Action.OPERATION_UNDO);
  if (validIds([id]).length === 0) throw undoNotFound(id);
  return inTransaction(ctx, async (tx) => {
    const operation = await lockOperation(tx.sql, id);
    if (!operation || operation.actorId !== actor.userId) throw undoNotFound(id);
    if (operation.undoneAt) throw undoAlreadyUndone(id);
    if (operation.jobId) {
      const job = await tx.sql.one<{ state: string }>(`select j.state from job j where j.id = $1::bigint`, [operation.jobId]);
      if (job && (job.state === 'QUEUED' || job.state === 'RUNNING')) throw undoStillRunning(id);
    }
    const open = await tx.sql.one<{ open: boolean }>(`select $1::timestamptz > now() as open`, [operation.expiresAt]);
    if (!open?.open) throw undoExpired(id, tx.config.UNDO_WINDOW_MINUTES);
    const entries = await operationEntries(tx.sql, id);
    const reason = `undo of operation ${id} (${operation.kind})`;
    let outcome: Omit<UndoOutcome, 'operation'>;
    if (operation.kind === UndoKind.ARCHIVE) {
      const restored = await restoreArchived(tx, entries.map((e) => e.customerId), undefined, { action: AUDIT_ACTION.ARCHIVE, reason });
      outcome = { customers: restored.customers, failures: restored.failures, restoredInteractions: restored.interactions };
    } else {
      outcome = { ...(await putBack(tx, entries, AUDIT_ACTION[operation.kind], reason)), restoredInteractions: 0 };
    }
    return { operation: await markUndone(tx.sql, id), ...outcome };
  });
}

/** Field values back as they were, through the customer write path, where untouched since. */
async function putBack(
  tx: RequestContext,
  entries: { customerId: string; version: number | null; restore: Record<string, unknown> | null }[],
  action: string,
  reason: string,
): Promise<{ customers: CustomerRecord[]; failures: LifecycleFailureRecord[] }> {
  const ids = entries.map((e) => e.customerId);
  // Every row the operation changed, whoever owns it now: the caller's own change is
  // what is taken back, and a row changed since is refused by its version below.
  const locked = await lockCustomers(tx, ids);
  const gone = await archivedIds(tx.sql, ids.filter((i) => !locked.live.has(i)));
  const failures: LifecycleFailureRecord[] = [];
  const edits: CustomerEdit[] = [];
  for (const entry of entries) {
    const current = locked.live.get(entry.customerId);
    if (!current) {
      failures.push(gone.has(entry.customerId)
        ? { id: entry.customerId, code: 'INVALID_STATE', message: `Customer ${idForClient('Customer', entry.customerId)} was archived since` }
        : customerNotFoundFailure(entry.customerId));
    } else if (current.version !== entry.version) {
      failures.push({ id: entry.customerId, code: 'CONFLICT', message: `Customer ${idForClient('Customer', entry.customerId)} changed since` });
    } else {
      edits.push({ before: current, changes: openRestore(entry.restore ?? {}, entry.customerId) });
    }
  }
  const written = await writeCustomers(tx, edits, { audit: { action, reason } });
  return { customers: written.map((w) => w.after), failures };
}
