import { isBigintId } from '../../db/keyset.js';
import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { IMPORT_COLUMNS, type ImportRecord } from './import.store.js';

/** As `customerImport(id)` reads it: CUSTOMER_CREATE, and an import of another creator
 * only for roles that read every customer row. */
export const intakeNodes: readonly NodeSource[] = [
  {
    type: 'CustomerImport',
    async load(ctx, ids) {
      requireAction(ctx, Action.CUSTOMER_CREATE);
      const rows = await ctx.sql.query<ImportRecord>(
        `select ${IMPORT_COLUMNS} from customer_import i where i.id = any($1::bigint[]) and ($2::bigint is null or i.created_by = $2::bigint)`,
        [ids.filter(isBigintId), customerRowOwner(ctx) ?? null],
      );
      return inIdOrder(ids, rows);
    },
  },
];
