import { DomainError, invalidInput } from '../../common/domain-error.js';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action, RowScope } from '../../policy/policy.js';
import { ArchiveErrorCode } from '../archive/archive.errors.js';
import { customerNotFoundFailure, stateFailure, type LifecycleFailureRecord } from '../archive/lifecycle-failure.js';
import { recordAuditMany } from '../audit/audit.service.js';
import { CustomerStatus, VoidReason } from '../customer/customer.enums.js';
import { customerNotFound, customerVersionConflict } from '../customer/customer.errors.js';
import { findCustomersByIds, validIds } from '../customer/customer.reader.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import type { UnvoidCustomerInput, UnvoidCustomersInput, VoidCustomerInput, VoidCustomersInput } from './void.inputs.js';

/**
 * ACTIVE --void(reason)--> VOID --unvoid(reason)--> ACTIVE. Voided customers stay in the
 * live table for traceability but leave default lists, counts and reports (which show
 * ACTIVE unless asked otherwise). Both directions are one set-based UPDATE guarded by the
 * expected status, so a concurrent change can never be overwritten.
 */

interface Transition {
  verb: 'void' | 'unvoid';
  action: Action;
  from: CustomerStatus;
  auditAction: string;
  /** SET clause; $1 is the ids array, $2.. the values. */
  set: string;
  values: unknown[];
  reason: string;
  changes: (before: CustomerRecord) => Record<string, unknown>;
}

interface Outcome {
  customers: CustomerRecord[];
  failures: LifecycleFailureRecord[];
}

async function transition(ctx: RequestContext, ids: readonly string[], t: Transition, version?: number | null): Promise<Outcome> {
  const { scope } = requireAction(ctx, t.action);
  const owner = scope === RowScope.OWN ? ctx.actor!.userId : customerRowOwner(ctx);
  const unique = [...new Set(ids)];
  const valid = validIds(unique);
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`select 1 from customer where id = any($1::bigint[]) order by id for update`, [valid]);
    const before = await findCustomersByIds(tx.sql, valid, owner);
    const byId = new Map(before.map((c) => [c.id, c]));
    const archived = new Set(
      (await tx.sql.query<{ id: string }>(
        `select id::text from archive.customer where id = any($1::bigint[]) and ($2::bigint is null or owner_id = $2::bigint)`,
        [valid, owner ?? null],
      )).map((r) => r.id),
    );
    const failures: LifecycleFailureRecord[] = [];
    const changing: CustomerRecord[] = [];
    for (const id of unique) {
      const current = byId.get(id);
      if (!current) failures.push(archived.has(id) ? stateFailure(id, t.verb, 'ARCHIVED') : customerNotFoundFailure(id));
      else if (current.status !== t.from) failures.push(stateFailure(id, t.verb, current.status));
      else if (version != null && current.version !== version) throw customerVersionConflict();
      else changing.push(current);
    }
    const ids = changing.map((c) => c.id);
    if (ids.length) {
      await tx.sql.query(
        `update customer set ${t.set}, status = $${t.values.length + 2}, updated_at = now(), version = version + 1
          where id = any($1::bigint[]) and status = $${t.values.length + 3}`,
        [ids, ...t.values, t.verb === 'void' ? CustomerStatus.VOID : CustomerStatus.ACTIVE, t.from],
      );
      await recordAuditMany(tx, {
        action: t.auditAction,
        entityType: 'Customer',
        entityIds: ids,
        reason: t.reason,
        changes: changing.map(t.changes),
      });
    }
    const after = await findCustomersByIds(tx.sql, ids);
    return { customers: after.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)), failures };
  });
}

function voidTransition(reason: VoidReason, note: string | null | undefined): Transition {
  const cleanNote = note?.trim() || null;
  if (reason === VoidReason.OTHER && !cleanNote) throw invalidInput([{ field: 'note', message: 'explain the reason when it is OTHER' }]);
  return {
    verb: 'void',
    action: Action.CUSTOMER_VOID,
    from: CustomerStatus.ACTIVE,
    auditAction: 'CUSTOMER_VOIDED',
    set: 'void_reason = $2, void_note = $3, voided_at = now()',
    values: [reason, cleanNote],
    reason: cleanNote ? `${reason}: ${cleanNote}` : reason,
    changes: () => ({ status: { from: 'ACTIVE', to: 'VOID' }, voidReason: { to: reason } }),
  };
}

function unvoidTransition(note: string): Transition {
  return {
    verb: 'unvoid',
    action: Action.CUSTOMER_UNVOID,
    from: CustomerStatus.VOID,
    auditAction: 'CUSTOMER_UNVOIDED',
    // The void's reason and time stay in the audit log; the live row no longer claims it.
    set: 'void_reason = null, void_note = null, voided_at = null',
    values: [],
    reason: note.trim(),
    changes: (before) => ({ status: { from: 'VOID', to: 'ACTIVE' }, voidReason: { from: before.voidReason, to: null } }),
  };
}

/** Single forms report what the bulk forms list as failures as errors. */
function single(outcome: Outcome, id: string): CustomerRecord {
  const failure = outcome.failures[0];
  if (failure?.code === 'NOT_FOUND') throw customerNotFound(id);
  if (failure) throw new DomainError(ArchiveErrorCode.INVALID_STATE, failure.message);
  return outcome.customers[0]!;
}

export async function voidCustomer(ctx: RequestContext, input: VoidCustomerInput): Promise<CustomerRecord> {
  return single(await transition(ctx, [input.id], voidTransition(input.reason, input.note), input.version), input.id);
}

export function voidCustomers(ctx: RequestContext, input: VoidCustomersInput): Promise<Outcome> {
  return transition(ctx, input.ids, voidTransition(input.reason, input.note));
}

export async function unvoidCustomer(ctx: RequestContext, input: UnvoidCustomerInput): Promise<CustomerRecord> {
  return single(await transition(ctx, [input.id], unvoidTransition(input.note), input.version), input.id);
}

export function unvoidCustomers(ctx: RequestContext, input: UnvoidCustomersInput): Promise<Outcome> {
  return transition(ctx, input.ids, unvoidTransition(input.note));
}
