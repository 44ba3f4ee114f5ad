import { tableNodeSource, type NodeSource } from '../../graphql/node.js';
import { Action } from '../../policy/policy.js';
import { SCHEDULE_COLUMNS } from './recycle-bin.record.js';

/** As `scheduledPurges` lists them (CUSTOMER_PURGE; the export is guarded by its field resolver). */
export const recycleBinNodes: readonly NodeSource[] = [
  tableNodeSource('ScheduledPurge', Action.CUSTOMER_PURGE, `select ${SCHEDULE_COLUMNS} from purge_schedule s where s.id`),
];
