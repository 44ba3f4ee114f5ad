import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { findInteractionsByIds } from './interaction.reader.js';

/** As `interactions` reads them: CUSTOMER_READ, and SALES only its own customers' history. */
export const interactionNodes: readonly NodeSource[] = [
  {
    type: 'Interaction',
    async load(ctx, ids) {
      requireAction(ctx, Action.CUSTOMER_READ);
      return inIdOrder(ids, await findInteractionsByIds(ctx.sql, ids, customerRowOwner(ctx)));
    },
  },
];
