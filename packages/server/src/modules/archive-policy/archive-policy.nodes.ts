import { isBigintId } from '../../db/keyset.js';
import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { POLICY_COLUMNS, type ArchivePolicyRecord } from './archive-policy.record.js';

/** As `archivePolicy(id)` reads it (POLICY_READ). */
export const archivePolicyNodes: readonly NodeSource[] = [
  {
    type: 'ArchivePolicy',
    async load(ctx, ids) {
      requireAction(ctx, Action.POLICY_READ);
      const rows = await ctx.sql.query<ArchivePolicyRecord>(`select ${POLICY_COLUMNS} from archive_policy p where p.id = any($1::bigint[])`, [
        ids.filter(isBigintId),
      ]);
      return inIdOrder(ids, rows);
    },
  },
];
