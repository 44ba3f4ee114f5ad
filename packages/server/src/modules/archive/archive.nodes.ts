import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { findInteractionsByIds } from '../interaction/interaction.reader.js';
import { ARCHIVED_INTERACTIONS } from './archive.reader.js';
import { archiveReadScope, getArchivedCustomer } from './archive.service.js';

/** As `archivedCustomer(id)` and an archived customer's `interactions` read them. */
export const archiveNodes: readonly NodeSource[] = [
  // getArchivedCustomer reads through a DataLoader: one statement for all ids.
  { type: 'ArchivedCustomer', load: (ctx, ids) => Promise.all(ids.map((id) => getArchivedCustomer(ctx, id))) },
  {
    type: 'ArchivedInteraction',
    async load(ctx, ids) {
      const scope = archiveReadScope(ctx);
      const rows = await findInteractionsByIds(ctx.sql, ids, scope.ownerId, ARCHIVED_INTERACTIONS);
      for (const row of rows) ctx.accessLog.record('ArchivedCustomer', 'record', row.customerId);
      return inIdOrder(ids, rows);
    },
  },
];
