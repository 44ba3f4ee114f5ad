import DataLoader from 'dataloader';
import type { Page, PageArgs } from '../../db/paginate.js';
import type { RequestContext } from '../../core/context.js';
import { customerRowOwner } from '../../policy/guard.js';
import type { InteractionFilter, InteractionOrder } from '../interaction/interaction.inputs.js';
import { countInteractionsByCustomer, findInteractionPagesByCustomer } from '../interaction/interaction.reader.js';
import { ARCHIVED_INTERACTIONS, findArchivedByIds } from './archive.reader.js';
import type { ArchivedCustomerRecord, ArchivedInteractionRecord } from './archive.record.js';

/** Archived customers by id within the caller's rows (others read as missing). */
export function archivedByIdLoader(ctx: RequestContext): DataLoader<string, ArchivedCustomerRecord | null> {
  return ctx.loaders.get('archive.byId', () =>
    new DataLoader<string, ArchivedCustomerRecord | null>(async (ids) => {
      const rows = await findArchivedByIds(ctx.sql, ids, customerRowOwner(ctx));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

/** One page of archived history per archived customer, batched across a list. */
export function archivedInteractionPageLoader(
  ctx: RequestContext,
  filter: InteractionFilter | null | undefined,
  orderBy: InteractionOrder[] | null | undefined,
  args: PageArgs,
): DataLoader<string, Page<ArchivedInteractionRecord>> {
  const key = JSON.stringify([filter ?? null, orderBy ?? null, args]);
  return ctx.loaders.get(`archive.interactionPage:${key}`, () =>
    new DataLoader<string, Page<ArchivedInteractionRecord>>(
      (ids) =>
        findInteractionPagesByCustomer(ctx.sql, ids, filter, orderBy, args, ctx.config.MAX_PAGE_SIZE, ARCHIVED_INTERACTIONS) as Promise<
          Page<ArchivedInteractionRecord>[]
        >,
    ),
  );
}

export function archivedInteractionCountLoader(ctx: RequestContext, filter: InteractionFilter | null | undefined): DataLoader<string, number> {
  return ctx.loaders.get(`archive.interactionCount:${JSON.stringify(filter ?? null)}`, () =>
    new DataLoader<string, number>((ids) => countInteractionsByCustomer(ctx.sql, ids, filter, ARCHIVED_INTERACTIONS)),
  );
}
