import type { DomainError } from '../../common/domain-error.js';
import type { RequestContext } from '../../core/context.js';
import { assertWritable, customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action, CUSTOMER_WRITABLE, RowScope } from '../../policy/policy.js';
import { recordAuditMany } from '../audit/audit.service.js';
import { customerNotEditable, customerNotFound, customerVersionConflict } from './customer.errors.js';
import type { CreateCustomerInput, UpdateCustomerInput } from './customer.inputs.js';
import { checkTransition, lockCustomers } from './customer.lifecycle.js';
import { editableFields, updateChanges } from './customer.service.js';
import { insertCustomers, ROW_IMAGE, writeCustomers, type CustomerEdit, type NewCustomer, type StoredCustomer } from './customer.store.js';

/**
 * createCustomer and updateCustomer for many customers at once (an import's batch): the
 * same permission checks, the same input → change rules and the same audit events, but
 * set-based writes (one INSERT per set of given fields, one UPDATE per set of changed
 * columns) instead of a statement chain per customer. The caller owns the transaction;
 * a refused statement (a code taken meanwhile) throws and leaves the batch to the caller's
 * savepoint, so a batch is written whole or not at all.
 */

export interface BatchAudit {
  action: string;
  reason: string | null;
  extra: Record<string, unknown>;
}

/** Free customer codes from the sequence, skipping hand-entered ones (as nextFreeCode). */
async function nextFreeCodes(tx: RequestContext, count: number): Promise<string[]> {
  if (count === 0) return [];
  const rows = await tx.sql.query<{ code: string }>(
    `select g.code from (select n, 'C' || lpad(nextval('customer_code_seq')::text, 7, '0') as code
                           from generate_series(1, $1::int + 10) n) g
      where not exists (select 1 from customer_code k where k.code = g.code) order by g.n limit $1::int`,
    [count],
  );
  if (rows.length < count) throw new Error(`no ${count} free customer codes in ${count + 10} attempts`);
  return rows.map((r) => r.code);
}

/** Creates customers with the ids the caller reserved (reserveCustomerIds), in that order. */
export async function createCustomersInBatch(tx: RequestContext, rows: readonly { id: string; input: CreateCustomerInput }[], audit: BatchAudit): Promise<StoredCustomer[]> {
  if (rows.length === 0) return [];
  const { actor, scope } = requireAction(tx, Action.CUSTOMER_CREATE);
  for (const { input } of rows) assertWritable(actor.role, CUSTOMER_WRITABLE, input);
  const codes = await nextFreeCodes(tx, rows.filter((r) => !r.input.code?.trim()).length);
  const fields = rows.map(({ id, input }) => {
    const values: NewCustomer = {
      code: input.code?.trim() || codes.shift()!,
      name: input.name.trim(),
      type: input.type,
      ...editableFields(input),
      ...(scope === RowScope.OWN ? { ownerId: actor.userId } : {}),
    };
    return { id, fields: values };
  });
  return insertCustomers(tx, fields, { action: audit.action, reason: audit.reason, extra: () => audit.extra });
}

/** An update of the batch form: without a version, the lock alone orders it. */
export type BatchUpdateInput = Omit<UpdateCustomerInput, 'version'> & { version: number | null };

export type BatchUpdateResult =
  | { ok: true; id: string; beforeImage: Record<string, unknown>; after: StoredCustomer }
  | { ok: false; id: string; error: DomainError };

/** Updates distinct customers; one that may not be edited (gone, another owner's, not
 * ACTIVE, a stale version) comes back as its error, the others are written. */
export async function updateCustomersInBatch(tx: RequestContext, inputs: readonly BatchUpdateInput[], audit: BatchAudit): Promise<BatchUpdateResult[]> {
  if (inputs.length === 0) return [];
  const { actor } = requireAction(tx, Action.CUSTOMER_UPDATE);
  for (const input of inputs) assertWritable(actor.role, CUSTOMER_WRITABLE, input, ['id', 'version']);
  const locked = await lockCustomers(tx, inputs.map((i) => i.id), customerRowOwner(tx));
  const images = new Map(
    (await tx.sql.query<{ id: string; image: Record<string, unknown> }>(
      `select c.id::text as id, ${ROW_IMAGE('c')} as image from customer c where c.id = any($1::bigint[])`,
      [[...locked.live.keys()]],
    )).map((r) => [r.id, r.image]),
  );
  const results = new Map<string, BatchUpdateResult>();
  const edits: CustomerEdit[] = [];
  for (const input of inputs) {
    const check = checkTransition('edit', input.id, locked, input.version);
    if (!check.ok) {
      const error = check.reason === 'NOT_FOUND' ? customerNotFound(input.id) : check.reason === 'VERSION' ? customerVersionConflict() : customerNotEditable(check.status!);
      results.set(input.id, { ok: false, id: input.id, error });
      continue;
    }
    edits.push({ before: check.customer, changes: updateChanges(input) });
  }
  const extra = () => audit.extra;
  const writes = new Map((await writeCustomers(tx, edits, { audit: { action: audit.action, reason: audit.reason, extra } })).map((w) => [w.id, w]));
  // An update that changes nothing is still one event, as updateCustomer records it.
  const unchanged = edits.filter((e) => !writes.has(e.before.id));
  await recordAuditMany(tx, {
    action: audit.action,
    entityType: 'Customer',
    entityIds: unchanged.map((e) => e.before.id),
    reason: audit.reason,
    changes: unchanged.map(() => audit.extra),
  });
  for (const edit of edits) {
    const id = edit.before.id;
    results.set(id, { ok: true, id, beforeImage: images.get(id)!, after: writes.get(id)?.after ?? (edit.before as StoredCustomer) });
  }
  return inputs.map((i) => results.get(i.id)!);
}

/** Which of `codes` a customer (live or archived) holds already. */
export async function codesInUse(tx: RequestContext, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx.sql.query<{ code: string }>(`select k.code from customer_code k where k.code = any($1::text[])`, [[...new Set(codes)]]);
  return new Set(rows.map((r) => r.code));
}
