/**
 * getOne of an audit event: the log has no single-event query; events are numbered 1…n
 * without gaps and listed newest first, so event `seq` sits at offset `latest − seq`. Two
 * reads: the latest seq (registered LatestAuditSeq), then the event at its offset (checked,
 * since events may be appended in between; the caller retries once).
 */
import type { QueryBuilder } from './build-query.ts';
import { resourceSpec } from './resources.ts';

export function auditEventAt(builder: QueryBuilder, offset: number) {
  const spec = resourceSpec('audit-events');
  return {
    ...builder.document(`query AuditEventAt($offset: Int) {
  data: auditEvents(first: 1, offset: $offset) { nodes { ${builder.selection(spec.typeName, spec.nested, spec.exclude)} } }
}`, { offset }),
    toRecord: (node: Record<string, unknown>) => builder.toRecord(spec, node),
  };
}
