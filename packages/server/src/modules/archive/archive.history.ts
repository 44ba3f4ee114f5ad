import type { Page, PageArgs } from '../../db/paginate.js';
import type { RequestContext } from '../../core/context.js';
import { requireAction } from '../../policy/guard.js';
import { sortForbidden } from '../../policy/policy.errors.js';
import { Action } from '../../policy/policy.js';
import { forbiddenOrder } from '../../policy/decisions.js';
import { ARCHIVED_GUARDED_SORTS, type InteractionFilter, type InteractionOrder } from '../interaction/interaction.inputs.js';
import { archivedInteractionCountLoader, archivedInteractionPageLoader } from './archive.loaders.js';
import type { ArchivedInteractionRecord } from './archive.record.js';

/** An archived customer's archived history. The customer itself was read under the
 * caller's row rule; sorting by amount needs full read access to it. */
export function archivedHistory(
  ctx: RequestContext,
  customerId: string,
  filter: InteractionFilter | null | undefined,
  orderBy: InteractionOrder[] | null | undefined,
  args: PageArgs,
): { page: Promise<Page<ArchivedInteractionRecord>>; count: () => Promise<number> } {
  const { role } = requireAction(ctx, Action.ARCHIVE_READ).actor;
  const forbidden = forbiddenOrder(role, orderBy, ARCHIVED_GUARDED_SORTS);
  if (forbidden) throw sortForbidden(forbidden);
  return {
    page: archivedInteractionPageLoader(ctx, filter, orderBy, args).load(customerId),
    count: () => archivedInteractionCountLoader(ctx, filter).load(customerId),
  };
}

export function archivedHistoryCount(ctx: RequestContext, customerId: string): Promise<number> {
  requireAction(ctx, Action.ARCHIVE_READ);
  return archivedInteractionCountLoader(ctx, null).load(customerId);
}
