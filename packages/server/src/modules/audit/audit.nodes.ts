import { isBigintId } from '../../db/keyset.js';
import type { NodeSource } from '../../graphql/node.js';
import { inIdOrder } from '../../graphql/node.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { findAuditEventsBySeq } from './audit.reader.js';

/** As `auditEvents` reads them (AUDIT_READ). */
export const auditNodes: readonly NodeSource[] = [
  {
    type: 'AuditEvent',
    async load(ctx, ids) {
      requireAction(ctx, Action.AUDIT_READ);
      return inIdOrder(ids, await findAuditEventsBySeq(ctx.sql, ids.filter(isBigintId)));
    },
  },
];
