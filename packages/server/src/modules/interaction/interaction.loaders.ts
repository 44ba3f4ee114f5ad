import DataLoader from 'dataloader';
import type { PageArgs, Page } from '../../db/paginate.js';
import type { RequestContext } from '../../core/context.js';
import type { InteractionFilter, InteractionOrder } from './interaction.inputs.js';
import type { InteractionRecord } from './interaction.record.js';
import { countInteractionsByCustomer, findInteractionPagesByCustomer } from './interaction.reader.js';

/** Loaders are keyed by their arguments: customers asked for with the same arguments
 * (the usual case in a list) share one batch. */
export function interactionPageByCustomerLoader(
  ctx: RequestContext,
  filter: InteractionFilter | null | undefined,
  orderBy: InteractionOrder[] | null | undefined,
  args: PageArgs,
): DataLoader<string, Page<InteractionRecord>> {
  const key = JSON.stringify([filter ?? null, orderBy ?? null, args]);
  return ctx.loaders.get(`interaction.pageByCustomer:${key}`, () =>
    new DataLoader<string, Page<InteractionRecord>>((ids) =>
      findInteractionPagesByCustomer(ctx.sql, ids, filter, orderBy, args, ctx.config.MAX_PAGE_SIZE),
    ),
  );
}

export function interactionCountByCustomerLoader(
  ctx: RequestContext,
  filter: InteractionFilter | null | undefined,
): DataLoader<string, number> {
  return ctx.loaders.get(`interaction.countByCustomer:${JSON.stringify(filter ?? null)}`, () =>
    new DataLoader<string, number>((ids) => countInteractionsByCustomer(ctx.sql, ids, filter)),
  );
}
