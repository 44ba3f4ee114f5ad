import { mask } from '../../policy/masking.js';
import { AUDIT_MASKED_FIELDS, GUARDED_FIELDS, type MaskKind } from '../../policy/policy.js';

export type AuditChanges = Record<string, { from?: unknown; to?: unknown }>;

/** Personal data of staff: the log is read by AUDITOR, who reads other users' emails
 * only masked (and erasing a former employee must not mean editing the log either). */
const STAFF_AUDIT_MASKED: Record<string, MaskKind> = { 'User.email': 'email' };

/** How each field of an entity type enters the audit log: in clear, or masked. */
function auditMask(entityType: string, field: string): MaskKind | undefined {
  const guarded = (GUARDED_FIELDS as Record<string, { mask: MaskKind; personal: boolean }>)[`${entityType}.${field}`];
  if (guarded?.personal) return guarded.mask;
  return STAFF_AUDIT_MASKED[`${entityType}.${field}`] ?? AUDIT_MASKED_FIELDS[field];
}

function auditValue(entityType: string, field: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  const kind = auditMask(entityType, field);
  return kind ? mask(kind, value) : (value ?? null);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The before → after difference of the given fields. Personal data is masked before it
 * enters the log, so erasing a person later never means editing an append-only table.
 */
export function auditDiff(
  entityType: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  fields: readonly string[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const from = before?.[field];
    const to = after?.[field];
    if (before && after && same(from, to)) continue;
    const entry: { from?: unknown; to?: unknown } = {};
    if (before) entry.from = auditValue(entityType, field, from ?? null);
    if (after) entry.to = auditValue(entityType, field, to ?? null);
    changes[field] = entry;
  }
  return changes;
}
