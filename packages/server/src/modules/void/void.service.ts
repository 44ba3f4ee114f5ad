import { DomainError, invalidInput } from '../../common/domain-error.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action, RowScope } from '../../policy/policy.js';
import { CustomerStatus, VoidReason } from '../customer/customer.enums.js';
import { CustomerErrorCode, customerNotFound, customerVersionConflict } from '../customer/customer.errors.js';
import type { LifecycleFailureRecord } from '../customer/customer.failures.js';
import { checkTransition, lockCustomers } from '../customer/customer.lifecycle.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { writeCustomers, type CustomerChanges, type CustomerEdit } from '../customer/customer.store.js';
import { journalOperation, UndoKind, type UndoOperationRecord } from '../customer/customer.undo.js';
import type { UnvoidCustomerInput, UnvoidCustomersInput, VoidCustomerInput, VoidCustomersInput } from './void.inputs.js';

/**
 * ACTIVE --void(reason)--> VOID --unvoid(reason)--> ACTIVE (customer.lifecycle.ts). Voided
 * customers stay in the live table for traceability but leave default lists, counts and
 * reports (which show ACTIVE unless asked otherwise). Both directions lock the customers,
 * check each one's state and write through the customer store.
 */

interface Transition {
  verb: 'void' | 'unvoid';
  action: Action;
  auditAction: string;
  changes: CustomerChanges;
  reason: string;
}

interface Outcome {
  customers: CustomerRecord[];
  failures: LifecycleFailureRecord[];
  /** A void its author may take back for a while (undoOperation); null for unvoid. */
  undo: UndoOperationRecord | null;
}

async function transition(ctx: RequestContext, ids: readonly string[], t: Transition, version?: number | null): Promise<Outcome> {
  const { scope } = requireAction(ctx, t.action);
  const owner = scope === RowScope.OWN ? ctx.actor!.userId : customerRowOwner(ctx);
  const unique = [...new Set(ids)];
  return inTransaction(ctx, async (tx) => {
    const locked = await lockCustomers(tx, unique, owner);
    const failures: LifecycleFailureRecord[] = [];
    const edits: CustomerEdit[] = [];
    for (const id of unique) {
      const check = checkTransition(t.verb, id, locked, version);
      if (check.ok) edits.push({ before: check.customer, changes: t.changes });
      else if (check.reason === 'VERSION') throw customerVersionConflict();
      else failures.push(check.failure);
    }
    const written = await writeCustomers(tx, edits, { audit: { action: t.auditAction, reason: t.reason } });
    const undo = t.verb === 'void'
      ? await journalOperation(tx, UndoKind.VOID, {
        changes: written.map((w) => ({ id: w.id, version: w.after.version, before: pick(w.before, Object.keys(t.changes) as (keyof CustomerChanges)[]) })),
      })
      : null;
    return { customers: written.map((w) => w.after), failures, undo };
  });
}

/** The values of `keys` as they were, to put back on undo. */
function pick(record: CustomerRecord, keys: readonly (keyof CustomerChanges)[]): CustomerChanges {
  return Object.fromEntries(keys.map((k) => [k, (record as unknown as Record<string, unknown>)[k] ?? null])) as CustomerChanges;
}

function voidTransition(reason: VoidReason, note: string | null | undefined): Transition {
  const cleanNote = note?.trim() || null;
  if (reason === VoidReason.OTHER && !cleanNote) throw invalidInput([{ field: 'note', message: 'explain the reason when it is OTHER' }]);
  return {
    verb: 'void',
    action: Action.CUSTOMER_VOID,
    auditAction: 'CUSTOMER_VOIDED',
    changes: { status: CustomerStatus.VOID, voidReason: reason, voidNote: cleanNote, voidedAt: 'now' },
    reason: cleanNote ? `${reason}: ${cleanNote}` : reason,
  };
}

function unvoidTransition(note: string): Transition {
  return {
    verb: 'unvoid',
    action: Action.CUSTOMER_UNVOID,
    auditAction: 'CUSTOMER_UNVOIDED',
    // The void's reason and time stay in the audit log; the live row no longer claims it.
    changes: { status: CustomerStatus.ACTIVE, voidReason: null, voidNote: null, voidedAt: null },
    reason: note.trim(),
  };
}

/** Single forms report what the bulk forms list as failures as errors. */
function single(outcome: Outcome, id: string): { customer: CustomerRecord; undo: UndoOperationRecord | null } {
  const failure = outcome.failures[0];
  if (failure?.code === 'NOT_FOUND') throw customerNotFound(id);
  if (failure) throw new DomainError(CustomerErrorCode.INVALID_STATE, failure.message);
  return { customer: outcome.customers[0]!, undo: outcome.undo };
}

export async function voidCustomer(ctx: RequestContext, input: VoidCustomerInput): Promise<{ customer: CustomerRecord; undo: UndoOperationRecord | null }> {
  return single(await transition(ctx, [input.id], voidTransition(input.reason, input.note), input.version), input.id);
}

export function voidCustomers(ctx: RequestContext, input: VoidCustomersInput): Promise<Outcome> {
  return transition(ctx, input.ids, voidTransition(input.reason, input.note));
}

export async function unvoidCustomer(ctx: RequestContext, input: UnvoidCustomerInput): Promise<{ customer: CustomerRecord; undo: UndoOperationRecord | null }> {
  return single(await transition(ctx, [input.id], unvoidTransition(input.note), input.version), input.id);
}

export function unvoidCustomers(ctx: RequestContext, input: UnvoidCustomersInput): Promise<Outcome> {
  return transition(ctx, input.ids, unvoidTransition(input.note));
}
