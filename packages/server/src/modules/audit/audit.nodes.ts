import { tableNodeSource, type NodeSource } from '../../graphql/node.js';
import { Action } from '../../policy/policy.js';
import { AUDIT_COLUMNS } from './audit.reader.js';

/** As `auditEvents` reads them (AUDIT_READ); an event's id is its sequence number. */
export const auditNodes: readonly NodeSource[] = [tableNodeSource('AuditEvent', Action.AUDIT_READ, `select ${AUDIT_COLUMNS} from audit_event e where e.seq`)];
