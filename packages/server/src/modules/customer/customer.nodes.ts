import type { NodeSource } from '../../graphql/node.js';
import { getCustomer } from './customer.service.js';

/** As `customer(id)` reads it; getCustomer reads through a DataLoader (one statement). */
export const customerNodes: readonly NodeSource[] = [
  { type: 'Customer', load: (ctx, ids) => Promise.all(ids.map((id) => getCustomer(ctx, id))) },
];
