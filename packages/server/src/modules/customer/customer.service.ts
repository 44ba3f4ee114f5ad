import type { GraphQLResolveInfo } from 'graphql';
import { invalidInput, type FieldProblem } from '../../common/domain-error.js';
import type { PageArgs } from '../../db/paginate.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { assertWritable, customerRowOwner, requireAction } from '../../policy/guard.js';

import { Action, CUSTOMER_WRITABLE, RowScope } from '../../policy/policy.js';
import { mayCompareBy, searchableColumns } from '../../policy/decisions.js';
import { withSegment } from './customer.segment.js';
import { customerNotEditable } from './customer.errors.js';
import type { CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from './customer.inputs.js';
import { customerByIdLoader } from './customer.loaders.js';
import { findPlannedCustomerPage } from './customer.plan.js';
import type { CustomerOrder } from './customer.order.js';
import { lockCustomers, requireTransition } from './customer.lifecycle.js';
import { findCustomerPage, validIds, type CustomerPage, type CustomerReadScope } from './customer.reader.js';
import type { CustomerRecord } from './customer.record.js';
import { insertCustomer, writeCustomer, type CustomerChanges, type NewCustomer, type StoredCustomer } from './customer.store.js';
import { sortForbidden } from '../../policy/policy.errors.js';

export function customerReadScope(ctx: RequestContext): CustomerReadScope {
  const { role } = requireAction(ctx, Action.CUSTOMER_READ).actor;
  return { ownerId: customerRowOwner(ctx), searchable: searchableColumns(role, 'Customer') };
}

/** Allows the exact tax id filter of a list read, for roles that read the tax id in full. */
export function withTaxIdLookup(
  ctx: RequestContext,
  scope: CustomerReadScope,
  filter: { taxId?: string | null } | null | undefined,
  field: 'Customer.taxId' | 'ArchivedCustomer.taxId',
): CustomerReadScope {
  if (filter?.taxId == null) return scope;
  if (!mayCompareBy(ctx.actor!.role, field)) throw sortForbidden('taxId');
  return { ...scope, taxIdLookup: true };
}

export async function getCustomer(ctx: RequestContext, id: string): Promise<CustomerRecord | null> {
  requireAction(ctx, Action.CUSTOMER_READ);
  if (validIds([id]).length === 0) return null;
  return customerByIdLoader(ctx).load(id);
}

/** With `info` (and READ_PLAN on), the page and what is selected below it are read in one
 * statement; the rows then hold only what the selection reads, so they prime no loader. */
export async function listCustomers(
  ctx: RequestContext,
  filter: CustomerFilter | null | undefined,
  orderBy: CustomerOrder[] | null | undefined,
  args: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<CustomerPage> {
  const scope = withTaxIdLookup(ctx, customerReadScope(ctx), filter, 'Customer.taxId');
  const resolved = await withSegment(ctx.sql, filter);
  if (info && ctx.config.READ_PLAN === 'on') {
    return findPlannedCustomerPage(ctx, info, scope, resolved, orderBy, args);
  }
  const result = await findCustomerPage(ctx.sql, scope, resolved, orderBy, args, ctx.config.MAX_PAGE_SIZE);
  for (const row of result.page.rows) customerByIdLoader(ctx).prime(row.id, row);
  return result;
}

/**
 * A check a caller runs inside the write's transaction, after the input is validated and
 * before anything is written: it sees the customer as it was (null for a create) and the
 * values about to be written, and refuses the write by throwing (the transaction then
 * rolls back: nothing written, nothing audited). The intake module's duplicate gate is
 * one; the customer module knows no more about it than this.
 */
export type CustomerWriteCheck = (tx: RequestContext, write: { before: StoredCustomer | null; values: CustomerChanges }) => Promise<void>;

export interface CustomerWriteOptions {
  check?: CustomerWriteCheck;
  /** Audit action and extra fields (an import's id) in place of the defaults. */
  audit?: { action?: string; reason?: string | null; extra?: Record<string, unknown> };
}

export async function createCustomer(ctx: RequestContext, input: CreateCustomerInput, options: CustomerWriteOptions = {}): Promise<StoredCustomer> {
  const { actor, scope } = requireAction(ctx, Action.CUSTOMER_CREATE);
  assertWritable(actor.role, CUSTOMER_WRITABLE, input);
  const fields = editableFields(input);
  return inTransaction(ctx, async (tx) => {
    const values: NewCustomer = {
      code: input.code?.trim() || (await nextFreeCode(tx)),
      name: input.name.trim(),
      type: input.type,
      ...fields,
      // Roles limited to their own customers create customers they own.
      ...(scope === RowScope.OWN ? { ownerId: actor.userId } : {}),
    };
    await options.check?.(tx, { before: null, values });
    const extra = options.audit?.extra;
    return insertCustomer(tx, values, {
      action: options.audit?.action ?? 'CUSTOMER_CREATED',
      reason: options.audit?.reason,
      ...(extra ? { extra: () => extra } : {}),
    });
  });
}

export async function updateCustomer(ctx: RequestContext, input: UpdateCustomerInput, options: CustomerWriteOptions = {}): Promise<StoredCustomer> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_UPDATE);
  assertWritable(actor.role, CUSTOMER_WRITABLE, input, ['id', 'version']);
  const problems: FieldProblem[] = [];
  for (const field of ['name', 'type', 'code', 'tier', 'lifecycleStage', 'tags'] as const) {
    if (input[field] === null) problems.push({ field, message: 'cannot be null' });
  }
  if (problems.length) throw invalidInput(problems);
  const changes = updateChanges(input);
  const owner = customerRowOwner(ctx);
  return inTransaction(ctx, async (tx) => {
    // The row lock orders this edit against a concurrent archive, void or merge of the same
    // customer: whichever locks first wins, and the other sees the outcome (INVALID_STATE
    // or CONFLICT), never a customer that vanished half-way through the edit. Another
    // owner's customer is reported exactly like a missing one.
    const locked = await lockCustomers(tx, [input.id], owner);
    const before = requireTransition('edit', input.id, locked, input.version, customerNotEditable);
    await options.check?.(tx, { before, values: changes });
    const extra = options.audit?.extra;
    const write = await writeCustomer(
      tx,
      { before, changes },
      { audit: { action: options.audit?.action ?? 'CUSTOMER_UPDATED', reason: options.audit?.reason, ...(extra ? { extra: () => extra } : {}) } },
    );
    return write.after;
  });
}

/** The changes an update's input asks for (the batch form of an update uses it too). */
export function updateChanges(input: Omit<UpdateCustomerInput, 'id' | 'version'>): CustomerChanges {
  return {
    ...(input.name != null ? { name: input.name.trim() } : {}),
    ...(input.type != null ? { type: input.type } : {}),
    ...(input.code != null ? { code: input.code.trim() } : {}),
    ...editableFields(input),
  };
}

type EditableFields = Omit<CreateCustomerInput, 'name' | 'type' | 'code'>;

/** Only the fields present in the input, trimmed, with blank optional text as null. */
export function editableFields(input: EditableFields): CustomerChanges {
  const out: CustomerChanges = {};
  const text = (value: string | null | undefined) => (value == null ? null : value.trim() || null);
  if (input.tier != null) out.tier = input.tier;
  if (input.lifecycleStage != null) {
    out.lifecycleStage = input.lifecycleStage;
    out.stageOverride = true;
  }
  if (input.industry !== undefined) out.industry = input.industry;
  if (input.region !== undefined) out.region = input.region;
  if (input.ownerId !== undefined) {
    if (input.ownerId !== null && validIds([input.ownerId]).length === 0) {
      throw invalidInput([{ field: 'ownerId', message: 'no such user' }]);
    }
    out.ownerId = input.ownerId;
  }
  if (input.email !== undefined) out.email = text(input.email);
  if (input.phone !== undefined) out.phone = text(input.phone);
  if (input.address !== undefined) out.address = text(input.address);
  if (input.taxId !== undefined) out.taxId = text(input.taxId);
  if (input.notes !== undefined) out.notes = text(input.notes);
  if (input.tags != null) out.tags = [...new Set(input.tags)];
  return out;
}

async function nextFreeCode(ctx: RequestContext): Promise<string> {
  // Hand-entered codes may collide with the sequence's; skip over them. customer_code
  // holds the codes of live and archived customers alike.
  const row = await ctx.sql.one<{ code: string }>(
    `select g.code from (select 'C' || lpad(nextval('customer_code_seq')::text, 7, '0') as code
                           from generate_series(1, 10)) g
      where not exists (select 1 from customer_code k where k.code = g.code) limit 1`,
  );
  if (!row) throw new Error('no free customer code in 10 attempts');
  return row.code;
}
