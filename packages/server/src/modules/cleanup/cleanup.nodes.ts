import { tableNodeSource, type NodeSource } from '../../graphql/node.js';
import { Action } from '../../policy/policy.js';
import { MERGE_COLUMNS } from './merge.store.js';

/** As `merges` reads them (CUSTOMER_MERGE). */
export const cleanupNodes: readonly NodeSource[] = [tableNodeSource('CustomerMerge', Action.CUSTOMER_MERGE, `select ${MERGE_COLUMNS} from customer_merge m where m.id`)];
