import { invalidInput, type FieldProblem } from '../../common/domain-error.js';
import type { Page, PageArgs } from '../../db/paginate.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { assertWritable, customerRowOwner, requireAction } from '../../policy/guard.js';
import { sortForbidden } from '../../policy/policy.errors.js';
import { Action, INTERACTION_WRITABLE, RowScope } from '../../policy/policy.js';
import { forbiddenOrder } from '../../policy/decisions.js';
import { auditDiff } from '../audit/audit.changes.js';
import { recordAudit } from '../audit/audit.service.js';
import { archivedIds } from '../customer/customer.lifecycle.js';
import { InteractionKind } from './interaction.enums.js';
import { interactionCustomerNotActive, interactionCustomerNotFound } from './interaction.errors.js';
import { GUARDED_SORTS, type InteractionFilter, type InteractionOrder, type LogInteractionInput } from './interaction.inputs.js';
import { interactionCountByCustomerLoader, interactionPageByCustomerLoader } from './interaction.loaders.js';
import type { InteractionRecord } from './interaction.record.js';
import { findInteractionPage, findInteractionsByIds } from './interaction.reader.js';
import { isBigintId } from '../../db/keyset.js';

const AUDITED = ['customerId', 'kind', 'occurredAt', 'channel', 'subject', 'body', 'amount', 'currency', 'ownerId'] as const;

/** Sorting by a value the caller may not read in full would reveal it through order. */
export function assertSortable(ctx: RequestContext, orderBy: InteractionOrder[] | null | undefined): void {
  const { role } = requireAction(ctx, Action.CUSTOMER_READ).actor;
  const forbidden = forbiddenOrder(role, orderBy, GUARDED_SORTS);
  if (forbidden) throw sortForbidden(forbidden);
}

export function listInteractions(
  ctx: RequestContext,
  filter: InteractionFilter | null | undefined,
  orderBy: InteractionOrder[] | null | undefined,
  args: PageArgs,
) {
  assertSortable(ctx, orderBy);
  return findInteractionPage(ctx.sql, customerRowOwner(ctx), filter, orderBy, args, ctx.config.MAX_PAGE_SIZE);
}

/** One customer's history. The customer was already read under the caller's row rule. */
export function customerInteractions(
  ctx: RequestContext,
  customerId: string,
  filter: InteractionFilter | null | undefined,
  orderBy: InteractionOrder[] | null | undefined,
  args: PageArgs,
): { page: Promise<Page<InteractionRecord>>; count: () => Promise<number> } {
  assertSortable(ctx, orderBy);
  return {
    page: interactionPageByCustomerLoader(ctx, filter, orderBy, args).load(customerId),
    count: () => interactionCountByCustomerLoader(ctx, filter).load(customerId),
  };
}

export function countCustomerInteractions(ctx: RequestContext, customerId: string): Promise<number> {
  return interactionCountByCustomerLoader(ctx, null).load(customerId);
}

export async function logInteraction(ctx: RequestContext, input: LogInteractionInput): Promise<InteractionRecord> {
  const { actor, scope } = requireAction(ctx, Action.INTERACTION_LOG);
  assertWritable(actor.role, INTERACTION_WRITABLE, input);
  const problems: FieldProblem[] = [];
  if (input.kind === InteractionKind.ORDER && input.amount == null) {
    problems.push({ field: 'amount', message: 'is required for an ORDER' });
  }
  if (input.amount != null && input.amount.startsWith('-')) problems.push({ field: 'amount', message: 'must not be negative' });
  if (input.amount != null && input.currency == null) problems.push({ field: 'currency', message: 'is required with an amount' });
  if (input.amount == null && input.currency != null) problems.push({ field: 'amount', message: 'is required with a currency' });
  if (input.ownerId != null && !isBigintId(input.ownerId)) problems.push({ field: 'ownerId', message: 'no such user' });
  if (problems.length) throw invalidInput(problems);
  if (!isBigintId(input.customerId)) throw interactionCustomerNotFound(input.customerId);

  return inTransaction(ctx, async (tx) => {
    // Lock the customer row so a concurrent void/archive cannot slip in between the
    // status check and the insert. The lock is the one the insert's trigger needs to
    // update last_interaction_at: taking a weaker one first and upgrading it later
    // deadlocked against an archive batch waiting for the same row. When an archive
    // gets the row first, this waits for it and then finds the customer gone.
    const customer = await tx.sql.one<{ status: string; ownerId: string | null }>(
      `select status, owner_id as "ownerId" from customer where id = $1::bigint for no key update`,
      [input.customerId],
    );
    // Another owner's customer is reported exactly like a missing one.
    if (!customer || (scope === RowScope.OWN && customer.ownerId !== actor.userId)) {
      const archived = await archivedIds(tx.sql, [input.customerId], scope === RowScope.OWN ? actor.userId : null);
      if (archived.has(input.customerId)) throw interactionCustomerNotActive('ARCHIVED');
      throw interactionCustomerNotFound(input.customerId);
    }
    if (customer.status !== 'ACTIVE') throw interactionCustomerNotActive(customer.status);
    // Inserted with SQL rather than an entity so a timestamp keeps its microseconds.
    let inserted: { id: string } | undefined;
    try {
      inserted = await tx.sql.one<{ id: string }>(
        `insert into interaction (customer_id, kind, occurred_at, channel, subject, body, amount, currency, owner_id)
         values ($1::bigint, $2, coalesce($3::timestamptz, now()), $4, $5, $6, $7::numeric, $8, $9::bigint)
         returning id`,
        [
          input.customerId,
          input.kind,
          input.occurredAt ?? null,
          input.channel ?? null,
          input.subject.trim(),
          input.body ?? null,
          input.amount ?? null,
          input.currency ?? null,
          input.ownerId === undefined ? actor.userId : input.ownerId,
        ],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23503') throw invalidInput([{ field: 'ownerId', message: 'no such user' }]);
      throw error;
    }
    const [row] = await findInteractionsByIds(tx.sql, [inserted!.id]);
    await recordAudit(tx, {
      action: 'INTERACTION_LOGGED',
      entityType: 'Interaction',
      entityId: row!.id,
      changes: auditDiff('Interaction', null, row as never, AUDITED),
    });
    return row!;
  });
}
