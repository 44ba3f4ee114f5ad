import type { RequestContext } from '../../core/context.js';
import { recordAuditMany } from '../audit/audit.service.js';
import { archiveCustomerRows, archiveInteractionRows, type CodeConflict, type MovedCustomer, type Selection } from './archive.store.js';

/**
 * One batch of a move with its audit events, for manual actions and policy jobs alike.
 * Call inside a transaction (`inTransaction`): the rows and their audit events commit
 * together, so a crash between batches leaves every record in exactly one store and a
 * re-run simply continues with what is still live.
 */

export interface ArchiveBatchOptions {
  reason: string;
  policyId: string | null;
  retainUntil: string | null;
}

export async function archiveCustomerBatch(
  tx: RequestContext,
  selection: Selection,
  options: ArchiveBatchOptions,
): Promise<{ customers: MovedCustomer[]; interactions: number; conflicts: CodeConflict[] }> {
  const moved = await archiveCustomerRows(tx.sql, selection, { ...options, actorId: tx.actor?.userId ?? null });
  await recordAuditMany(tx, {
    action: 'CUSTOMER_ARCHIVED',
    entityType: 'Customer',
    entityIds: moved.customers.map((c) => c.id),
    reason: options.reason,
    changes: moved.customers.map((c) => ({
      status: { from: c.status, to: 'ARCHIVED' },
      ...(options.policyId ? { policyId: { to: options.policyId } } : {}),
      ...(options.retainUntil ? { retainUntil: { to: options.retainUntil } } : {}),
    })),
  });
  return moved;
}

/** Archives interactions while their customers stay live; one audit event per customer
 * affected, with the number of interactions moved. */
export async function archiveInteractionBatch(
  tx: RequestContext,
  selection: Selection,
  options: Omit<ArchiveBatchOptions, 'retainUntil'>,
): Promise<{ customerId: string; count: number }[]> {
  const moved = await archiveInteractionRows(tx.sql, selection, { ...options, retainUntil: null, actorId: tx.actor?.userId ?? null });
  await recordAuditMany(tx, {
    action: 'INTERACTIONS_ARCHIVED',
    entityType: 'Customer',
    entityIds: moved.map((m) => m.customerId),
    reason: options.reason,
    changes: moved.map((m) => ({
      archivedInteractions: { to: m.count },
      ...(options.policyId ? { policyId: { to: options.policyId } } : {}),
    })),
  });
  return moved;
}
