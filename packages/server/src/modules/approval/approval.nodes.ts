import { tableNodeSource, type NodeSource } from '../../graphql/node.js';
import { Action } from '../../policy/policy.js';
import { APPROVAL_COLUMNS } from './approval.record.js';

/** As `approvalRequests` lists them (APPROVAL_READ: every request, no row rule). */
export const approvalNodes: readonly NodeSource[] = [
  tableNodeSource('ApprovalRequest', Action.APPROVAL_READ, `select ${APPROVAL_COLUMNS} from approval_request r where r.id`),
];
