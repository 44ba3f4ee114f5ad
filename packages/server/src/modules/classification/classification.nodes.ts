import { tableNodeSource, type NodeSource } from '../../graphql/node.js';
import { Action } from '../../policy/policy.js';
import { SEGMENT_COLUMNS } from '../customer/customer.segment.js';

/** As `segment(id)` reads it (CUSTOMER_READ). */
export const classificationNodes: readonly NodeSource[] = [tableNodeSource('Segment', Action.CUSTOMER_READ, `select ${SEGMENT_COLUMNS} from segment s where s.id`)];
