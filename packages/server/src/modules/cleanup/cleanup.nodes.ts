import { isBigintId } from '../../db/keyset.js';
import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { MERGE_COLUMNS } from './merge.store.js';
import type { MergeRecord } from './merge.types.js';

/** As `merges` reads them (CUSTOMER_MERGE). */
export const cleanupNodes: readonly NodeSource[] = [
  {
    type: 'CustomerMerge',
    async load(ctx, ids) {
      requireAction(ctx, Action.CUSTOMER_MERGE);
      const rows = await ctx.sql.query<MergeRecord>(`select ${MERGE_COLUMNS} from customer_merge m where m.id = any($1::bigint[])`, [ids.filter(isBigintId)]);
      return inIdOrder(ids, rows);
    },
  },
];
