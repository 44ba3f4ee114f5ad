import { isBigintId } from '../../db/keyset.js';
import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { JOB_COLUMNS, type JobRecord } from './job.record.js';

/** As `job(id)` reads it (JOB_READ). */
export const jobNodes: readonly NodeSource[] = [
  {
    type: 'Job',
    async load(ctx, ids) {
      requireAction(ctx, Action.JOB_READ);
      const rows = await ctx.sql.query<JobRecord>(`select ${JOB_COLUMNS} from job j where j.id = any($1::bigint[])`, [ids.filter(isBigintId)]);
      return inIdOrder(ids, rows);
    },
  },
];
