/**
 * getOne of an audit event: the log has no single-event query of its own, but every event
 * is a Node, so `node(id)` reads it by the global id the list gave it, under the same rule
 * as `auditEvents` (ADMIN and AUDITOR).
 */
import type { QueryBuilder } from './build-query.ts';
import { resourceSpec } from './resources.ts';

export function auditEventById(builder: QueryBuilder, id: string) {
  const spec = resourceSpec('audit-events');
  return {
    ...builder.document(`query AuditEventById($id: ID!) {
  data: node(id: $id) { ... on AuditEvent { ${builder.selection(spec.typeName, spec.nested, spec.exclude)} } }
}`, { id }),
    toRecord: (node: Record<string, unknown>) => builder.toRecord(spec, node),
  };
}
