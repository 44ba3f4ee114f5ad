import type { GraphQLResolveInfo } from 'graphql';
import { LockMode, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { invalidInput, type FieldProblem } from '../../common/domain-error.js';
import type { PageArgs } from '../../db/paginate.js';
import { inTransaction, type RequestContext } from '../../graphql/context.js';
import { assertWritable, customerRowOwner, requireAction } from '../../policy/guard.js';

import { Action, CUSTOMER_WRITABLE, FieldAccess, fieldAccess, RowScope } from '../../policy/policy.js';
import { auditDiff } from '../audit/audit.changes.js';
import { recordAudit } from '../audit/audit.service.js';
import { withSegment } from '../classification/segment.store.js';
import { CustomerEntity } from './customer.entity.js';
import { CustomerStatus } from './customer.enums.js';
import { customerCodeTaken, customerNotEditable, customerNotFound, customerVersionConflict } from './customer.errors.js';
import type { CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from './customer.inputs.js';
import { customerByIdLoader } from './customer.loaders.js';
import { findPlannedCustomerPage } from './customer.plan.js';
import type { CustomerOrder } from './customer.order.js';
import { findCustomerPage, findCustomersByIds, validIds, type CustomerPage, type CustomerReadScope } from './customer.reader.js';
import type { CustomerRecord } from './customer.record.js';
import { storedTaxId } from './customer.tax.js';
import { sortForbidden } from '../../policy/policy.errors.js';

/** Fields whose changes the audit log records for customers. */
export const CUSTOMER_AUDITED_FIELDS = [
  'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycleStage', 'status', 'ownerId', 'email', 'phone',
  'address', 'taxId', 'tags', 'notes',
] as const;

export function customerReadScope(ctx: RequestContext): CustomerReadScope {
  const { role } = requireAction(ctx, Action.CUSTOMER_READ).actor;
  // A role searches only what it may read in full: a masked phone must not be
  // discoverable digit by digit through search.
  const searchable = ['name', 'code'];
  if (fieldAccess(role, 'Customer.email') === FieldAccess.FULL) searchable.push('email');
  if (fieldAccess(role, 'Customer.phone') === FieldAccess.FULL) searchable.push('phone');
  return { ownerId: customerRowOwner(ctx), searchable };
}

/** Allows the exact tax id filter of a list read, for roles that read the tax id in full. */
export function withTaxIdLookup(
  ctx: RequestContext,
  scope: CustomerReadScope,
  filter: { taxId?: string | null } | null | undefined,
  field: 'Customer.taxId' | 'ArchivedCustomer.taxId',
): CustomerReadScope {
  if (filter?.taxId == null) return scope;
  if (fieldAccess(ctx.actor!.role, field) !== FieldAccess.FULL) throw sortForbidden('taxId');
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

export async function createCustomer(ctx: RequestContext, input: CreateCustomerInput): Promise<CustomerRecord> {
  const { actor, scope } = requireAction(ctx, Action.CUSTOMER_CREATE);
  assertWritable(actor.role, CUSTOMER_WRITABLE, input);
  return inTransaction(ctx, async (tx) => {
    const code = input.code?.trim() || (await nextFreeCode(tx));
    const entity = tx.em.create(CustomerEntity, {
      code,
      name: input.name.trim(),
      type: input.type,
      ...editableFields(input),
      // Roles limited to their own customers create customers they own.
      ...(scope === RowScope.OWN ? { ownerId: actor.userId } : {}),
    });
    await flush(tx);
    const after = await reread(tx, entity.id);
    await recordAudit(tx, {
      action: 'CUSTOMER_CREATED',
      entityType: 'Customer',
      entityId: after.id,
      changes: auditDiff('Customer', null, after as never, CUSTOMER_AUDITED_FIELDS),
    });
    return after;
  });
}

export async function updateCustomer(ctx: RequestContext, input: UpdateCustomerInput): Promise<CustomerRecord> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_UPDATE);
  assertWritable(actor.role, CUSTOMER_WRITABLE, input, ['id', 'version']);
  const problems: FieldProblem[] = [];
  for (const field of ['name', 'type', 'code', 'tier', 'lifecycleStage', 'tags'] as const) {
    if (input[field] === null) problems.push({ field, message: 'cannot be null' });
  }
  if (problems.length) throw invalidInput(problems);
  const owner = customerRowOwner(ctx);
  return inTransaction(ctx, async (tx) => {
    // The row lock orders this edit against a concurrent archive, void or merge of the same
    // customer: whichever locks first wins, and the other sees the outcome (INVALID_STATE
    // or CONFLICT), never a customer that vanished half-way through the edit.
    const entity = validIds([input.id]).length
      ? await tx.em.findOne(CustomerEntity, { id: input.id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    // Another owner's customer is reported exactly like a missing one.
    if (!entity || (owner && entity.ownerId !== owner)) {
      if (await isArchived(tx, input.id, owner)) throw customerNotEditable(CustomerStatus.ARCHIVED);
      throw customerNotFound(input.id);
    }
    if (entity.version !== input.version) throw customerVersionConflict();
    if (entity.status !== CustomerStatus.ACTIVE) throw customerNotEditable(entity.status);
    const before = await reread(tx, entity.id);
    tx.em.assign(entity, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.code !== undefined ? { code: input.code.trim() } : {}),
      ...editableFields(input),
    });
    await flush(tx);
    const after = await reread(tx, entity.id);
    await recordAudit(tx, {
      action: 'CUSTOMER_UPDATED',
      entityType: 'Customer',
      entityId: after.id,
      changes: auditDiff('Customer', before as never, after as never, CUSTOMER_AUDITED_FIELDS),
    });
    return after;
  });
}

type EditableFields = Omit<CreateCustomerInput, 'name' | 'type' | 'code'>;

/** Only the fields present in the input, trimmed, with blank optional text as null. */
function editableFields(input: EditableFields): Partial<CustomerEntity> {
  const out: Partial<CustomerEntity> = {};
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
  if (input.taxId !== undefined) Object.assign(out, storedTaxId(text(input.taxId)));
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

async function isArchived(ctx: RequestContext, id: string, owner: string | undefined): Promise<boolean> {
  if (validIds([id]).length === 0) return false;
  const row = await ctx.sql.one(`select 1 from archive.customer where id = $1::bigint and ($2::bigint is null or owner_id = $2::bigint)`, [
    id,
    owner ?? null,
  ]);
  return row !== undefined;
}

async function flush(ctx: RequestContext): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw customerVersionConflict();
    if (error instanceof UniqueConstraintViolationException) throw customerCodeTaken();
    if ((error as { code?: string }).code === '23503') throw invalidInput([{ field: 'ownerId', message: 'no such user' }]);
    throw error;
  }
}

async function reread(ctx: RequestContext, id: string): Promise<CustomerRecord> {
  const [row] = await findCustomersByIds(ctx.sql, [id]);
  if (!row) throw customerNotFound(id);
  return row;
}

