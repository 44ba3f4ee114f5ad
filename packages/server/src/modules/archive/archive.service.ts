import type { GraphQLResolveInfo } from 'graphql';
import { invalidInput } from '../../common/domain-error.js';
import type { PageArgs } from '../../db/paginate.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { FourEyesOperation, needsApproval, requireFourEyes } from '../../policy/four-eyes.js';
import { Action } from '../../policy/policy.js';
import { searchableColumns } from '../../policy/decisions.js';
import { recordAuditMany } from '../audit/audit.service.js';
import type { CustomerReadScope } from '../customer/customer.reader.js';
import { checkTransition, customerStates, lockCustomers } from '../customer/customer.lifecycle.js';
import { findCustomersByIds, validIds } from '../customer/customer.reader.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { archiveCustomerBatch, archiveInteractionBatch } from './archive.batch.js';
import { codeConflictFailure, customerNotFoundFailure, integrityFailure, stateFailure, type LifecycleFailureRecord } from '../customer/customer.failures.js';
import type {
  ArchiveCustomersInput, ArchivedCustomerFilter, ArchivedCustomerOrder, ArchiveInteractionsInput, RestoreCustomersInput,
} from './archive.inputs.js';
import { archivedByIdLoader } from './archive.loaders.js';
import { findPlannedArchivedPage } from './archive.plan.js';
import { findArchivedByIds, findArchivedCustomerPage } from './archive.reader.js';
import type { ArchivedCustomerRecord } from './archive.record.js';
import {
  checkArchivedForRestore, claimCodesForRestore, restoreCustomerRows, verifyArchiveRows, type ArchiveVerification,
} from './archive.store.js';
import { withTaxIdLookup } from '../customer/customer.service.js';
import { journalOperation, UndoKind, type UndoOperationRecord } from '../customer/customer.undo.js';
import { byId } from '../../db/keyset.js';

/** Who may read which archived rows, and search which columns (only those read in full). */
export function archiveReadScope(ctx: RequestContext): CustomerReadScope {
  const { actor } = requireAction(ctx, Action.ARCHIVE_READ);
  return { ownerId: customerRowOwner(ctx), searchable: searchableColumns(actor.role, 'ArchivedCustomer') };
}

/** Reads of archived records are access-logged, whichever fields were asked for. */
function logArchiveRead(ctx: RequestContext, records: readonly { id: string }[]): void {
  for (const record of records) ctx.accessLog.record('ArchivedCustomer', 'record', record.id);
}

export async function getArchivedCustomer(ctx: RequestContext, id: string): Promise<ArchivedCustomerRecord | null> {
  archiveReadScope(ctx);
  if (validIds([id]).length === 0) return null;
  const record = await archivedByIdLoader(ctx).load(id);
  if (record) logArchiveRead(ctx, [record]);
  return record;
}

export async function listArchivedCustomers(
  ctx: RequestContext,
  filter: ArchivedCustomerFilter | null | undefined,
  orderBy: ArchivedCustomerOrder[] | null | undefined,
  args: PageArgs,
  info?: GraphQLResolveInfo,
) {
  const scope = withTaxIdLookup(ctx, archiveReadScope(ctx), filter, 'ArchivedCustomer.taxId');
  // With `info`, read through a plan (see listCustomers).
  const result =
    info && ctx.config.READ_PLAN === 'on'
      ? await findPlannedArchivedPage(ctx, info, scope, filter, orderBy, args)
      : await findArchivedCustomerPage(ctx.sql, scope, filter, orderBy, args, ctx.config.MAX_PAGE_SIZE);
  logArchiveRead(ctx, result.page.rows);
  return result;
}

function uniqueIds(ids: readonly string[]): { valid: string[]; invalid: string[] } {
  const unique = [...new Set(ids)];
  const valid = validIds(unique);
  return { valid, invalid: unique.filter((id) => !valid.includes(id)) };
}

function defaultRetention(ctx: RequestContext): string {
  return new Date(Date.now() + ctx.config.ARCHIVE_RETENTION_DAYS * 86_400_000).toISOString();
}

export interface ArchiveOutcome {
  customers: ArchivedCustomerRecord[];
  failures: LifecycleFailureRecord[];
  interactions: number;
  undo: UndoOperationRecord | null;
}

/** ACTIVE|VOID → ARCHIVED for each id; the others are reported, not fatal. */
export async function archiveCustomers(ctx: RequestContext, input: ArchiveCustomersInput): Promise<ArchiveOutcome> {
  requireAction(ctx, Action.CUSTOMER_ARCHIVE);
  const owner = customerRowOwner(ctx);
  const { valid, invalid } = uniqueIds(input.ids);
  requireFourEyes(ctx, FourEyesOperation.ARCHIVE_CUSTOMERS, valid.length);
  const retainUntil = input.retainUntil ?? defaultRetention(ctx);
  if (Date.parse(retainUntil) < Date.now()) throw invalidInput([{ field: 'retainUntil', message: 'must be in the future' }]);
  return inTransaction(ctx, async (tx) => {
    const locked = await lockCustomers(tx, valid, owner);
    const failures: LifecycleFailureRecord[] = invalid.map(customerNotFoundFailure);
    const movable: string[] = [];
    for (const id of valid) {
      const check = checkTransition('archive', id, locked);
      if (check.ok) movable.push(id);
      else failures.push(check.failure);
    }
    const moved = await archiveCustomerBatch(
      tx,
      { where: 'c.id = any($1::bigint[])', params: [movable] },
      { reason: input.reason.trim(), policyId: null, retainUntil },
    );
    for (const conflict of moved.conflicts) failures.push(codeConflictFailure(conflict.id, 'archive', conflict.code));
    const customers = await findArchivedByIds(tx.sql, moved.customers.map((c) => c.id));
    const undo = await journalOperation(tx, UndoKind.ARCHIVE, { archivedIds: moved.customers.map((c) => c.id) });
    return { customers: customers.sort(byId), failures, interactions: moved.interactions, undo };
  });
}

/** Whether any of these archived customers is under legal hold (a held restore can need a second person). */
async function anyHeld(ctx: RequestContext, ids: readonly string[]): Promise<boolean> {
  const { valid } = uniqueIds(ids);
  const row = await ctx.sql.one<{ held: boolean }>(`select exists (select 1 from archive.customer where id = any($1::bigint[]) and legal_hold) as held`, [valid]);
  return row!.held;
}

export interface RestoreOutcome {
  customers: CustomerRecord[];
  failures: LifecycleFailureRecord[];
  interactions: number;
}

/** ARCHIVED → the status it had before, with its history, byte for byte. */
export async function restoreCustomers(ctx: RequestContext, input: RestoreCustomersInput): Promise<RestoreOutcome> {
  requireAction(ctx, Action.CUSTOMER_RESTORE);
  const owner = customerRowOwner(ctx);
  if (needsApproval(ctx.config, FourEyesOperation.RESTORE_HELD) && (await anyHeld(ctx, input.ids))) requireFourEyes(ctx, FourEyesOperation.RESTORE_HELD);
  return inTransaction(ctx, (tx) => restoreArchived(tx, input.ids, owner, { action: 'CUSTOMER_RESTORED', reason: input.reason.trim() }));
}

/**
 * The restore itself, in the caller's transaction and under its checks: by restoreCustomers,
 * and by an undo of its author's own archive (undo module), audited as that.
 */
export async function restoreArchived(
  tx: RequestContext,
  ids: readonly string[],
  owner: string | undefined,
  audit: { action: string; reason: string },
): Promise<RestoreOutcome> {
  const { valid, invalid } = uniqueIds(ids);
  const check = await checkArchivedForRestore(tx.sql, valid, owner);
  const found = new Map(check.found.map((r) => [r.id, r]));
  const broken = new Set(check.problems.map((p) => p.id));
  const failures: LifecycleFailureRecord[] = invalid.map(customerNotFoundFailure);
  const restorable: string[] = [];
  const states = await customerStates(tx.sql, valid.filter((id) => !found.has(id)), owner);
  for (const id of valid) {
    if (broken.has(id)) failures.push(integrityFailure(id));
    else if (found.has(id)) restorable.push(id);
    else if (states.has(id)) failures.push(stateFailure(id, 'restore', states.get(id)!));
    else failures.push(customerNotFoundFailure(id));
  }
  const conflicts = await claimCodesForRestore(tx.sql, restorable);
  for (const conflict of conflicts) failures.push(codeConflictFailure(conflict.id, 'restore', conflict.code));
  const taken = new Set(conflicts.map((c) => c.id));
  const restored = await restoreCustomerRows(tx.sql, restorable.filter((id) => !taken.has(id)));
  await recordAuditMany(tx, {
    action: audit.action,
    entityType: 'Customer',
    entityIds: restored.customers.map((c) => c.id),
    reason: audit.reason,
    changes: restored.customers.map((c) => ({ status: { from: 'ARCHIVED', to: c.status } })),
  });
  const customers = await findCustomersByIds(tx.sql, restored.customers.map((c) => c.id));
  return { customers: customers.sort(byId), failures, interactions: restored.interactions };
}

/** Interactions older than a date leave the hot table while the customer stays live.
 * For all customers the move runs in interaction-id ranges, one transaction each. */
export async function archiveInteractions(
  ctx: RequestContext,
  input: ArchiveInteractionsInput,
): Promise<{ archivedCount: number; customerCount: number }> {
  requireAction(ctx, Action.CUSTOMER_ARCHIVE);
  const owner = customerRowOwner(ctx);
  const reason = input.reason.trim();
  if (Date.parse(input.olderThan) > Date.now()) throw invalidInput([{ field: 'olderThan', message: 'must not be in the future' }]);
  if (input.customerId != null) {
    const customerId = input.customerId;
    return inTransaction(ctx, async (tx) => {
      const [customer] = await tx.sql.query<{ status: string }>(
        `select status from customer where id = $1::bigint and ($2::bigint is null or owner_id = $2::bigint) for update`,
        [validIds([customerId])[0] ?? '0', owner ?? null],
      );
      if (!customer) throw invalidInput([{ field: 'customerId', message: 'no such live customer' }]);
      const moved = await archiveInteractionBatch(
        tx,
        { where: 'i.customer_id = $1::bigint and i.occurred_at < $2::timestamptz', params: [customerId, input.olderThan] },
        { reason, policyId: null },
      );
      return { archivedCount: moved.reduce((n, m) => n + m.count, 0), customerCount: moved.length };
    });
  }
  const bounds = await ctx.sql.one<{ lo: string | null; hi: string | null }>(
    `select min(id)::text as lo, max(id)::text as hi from interaction where occurred_at < $1::timestamptz`,
    [input.olderThan],
  );
  let archivedCount = 0;
  const customers = new Set<string>();
  if (bounds?.lo && bounds.hi) {
    const step = 50_000n;
    for (let lo = BigInt(bounds.lo); lo <= BigInt(bounds.hi); lo += step) {
      const moved = await inTransaction(ctx, (tx) =>
        archiveInteractionBatch(
          tx,
          {
            where: `i.id >= $1::bigint and i.id < $2::bigint and i.occurred_at < $3::timestamptz
                    and ($4::bigint is null or exists (select 1 from customer c where c.id = i.customer_id and c.owner_id = $4::bigint))`,
            params: [String(lo), String(lo + step), input.olderThan, owner ?? null],
          },
          { reason, policyId: null },
        ),
      );
      for (const m of moved) {
        archivedCount += m.count;
        customers.add(m.customerId);
      }
    }
  }
  return { archivedCount, customerCount: customers.size };
}

export async function verifyArchive(ctx: RequestContext): Promise<ArchiveVerification> {
  requireAction(ctx, Action.ARCHIVE_VERIFY);
  return verifyArchiveRows(ctx.sql);
}
