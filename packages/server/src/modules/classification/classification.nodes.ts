import { isBigintId } from '../../db/keyset.js';
import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { SEGMENT_COLUMNS, type SegmentRecord } from '../customer/customer.segment.js';

/** As `segment(id)` reads it (CUSTOMER_READ). */
export const classificationNodes: readonly NodeSource[] = [
  {
    type: 'Segment',
    async load(ctx, ids) {
      requireAction(ctx, Action.CUSTOMER_READ);
      const rows = await ctx.sql.query<SegmentRecord>(`select ${SEGMENT_COLUMNS} from segment s where s.id = any($1::bigint[])`, [ids.filter(isBigintId)]);
      return inIdOrder(ids, rows);
    },
  },
];
