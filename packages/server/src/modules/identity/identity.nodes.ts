import type { NodeSource } from '../../graphql/node.js';
import { requireActor } from '../../policy/guard.js';
import { getUser } from './user.service.js';

/** As a customer's `owner` reads a user: any signed-in role gets the record, and the User
 * type's field guards decide what of it (emails and roles: USER_MANAGE or oneself). */
export const identityNodes: readonly NodeSource[] = [
  {
    type: 'User',
    load(ctx, ids) {
      requireActor(ctx);
      return Promise.all(ids.map((id) => getUser(ctx, id)));
    },
  },
];
