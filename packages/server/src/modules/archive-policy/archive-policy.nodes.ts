import { tableNodeSource, type NodeSource } from '../../graphql/node.js';
import { Action } from '../../policy/policy.js';
import { POLICY_COLUMNS } from './archive-policy.record.js';

/** As `archivePolicy(id)` reads it (POLICY_READ). */
export const archivePolicyNodes: readonly NodeSource[] = [
  tableNodeSource('ArchivePolicy', Action.POLICY_READ, `select ${POLICY_COLUMNS} from archive_policy p where p.id`),
];
