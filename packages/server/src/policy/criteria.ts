import type { Role } from './role.js';
import { CUSTOMER_ROWS, FieldAccess, GUARDED_FIELDS, RowScope, type GuardedField } from './policy.js';

/**
 * Values that stand for customer data without being a customer field: the criteria of a
 * stored filter (segments) and the evidence of duplicate groups. Both follow the rules of
 * the fields their values come from, so a role learns through them nothing it could not
 * read on the customers themselves. The policy snapshot test shows every change here.
 */

/**
 * Criteria of a stored customer filter whose values are data of particular customers,
 * with the fields those values are compared with. Someone else's stored criterion is
 * shown to a role only when the role reads every one of those fields in full on every
 * row: a search term typed by an ADMIN may be the email of a customer a SALES user does
 * not own, or a phone number SUPPORT sees only masked. Every other criterion (types,
 * tiers, regions, stages, tags, owners, dates, statuses) names a classification, not a
 * customer, and is shown to every role that reads customers.
 */
export const ROW_VALUE_CRITERIA = {
  search: ['Customer.email', 'Customer.phone'],
  taxId: ['Customer.taxId'],
  /** Customer ids are not personal, but they say which customers a segment is about. */
  ids: [],
} as const satisfies Record<string, readonly GuardedField[]>;

export type RowValueCriterion = keyof typeof ROW_VALUE_CRITERIA;

/** FULL when the role may see (and store) the criterion in a stored filter, NONE otherwise. */
export function criterionAccess(role: Role, criterion: RowValueCriterion): FieldAccess {
  if (CUSTOMER_ROWS[role] !== RowScope.ALL) return FieldAccess.NONE;
  const fields: readonly GuardedField[] = ROW_VALUE_CRITERIA[criterion];
  return fields.every((field) => GUARDED_FIELDS[field].access[role] === FieldAccess.FULL) ? FieldAccess.FULL : FieldAccess.NONE;
}

/** The criteria of `filter` the role may not see, in a stable order. */
export function hiddenCriteria(role: Role, filter: object | null | undefined): RowValueCriterion[] {
  if (!filter) return [];
  const present = (key: string) => {
    const value = (filter as Record<string, unknown>)[key];
    if (value === undefined || value === null) return false;
    if (typeof value === 'string') return value.trim() !== '';
    return !(Array.isArray(value) && value.length === 0);
  };
  return (Object.keys(ROW_VALUE_CRITERIA) as RowValueCriterion[]).filter((c) => present(c) && criterionAccess(role, c) === FieldAccess.NONE);
}

/**
 * The customer field each kind of duplicate evidence compares. Evidence says two
 * customers share a value, which is an oracle on that value: a role sees (and filters by)
 * only the kinds whose field it reads in full. The same rule decides what `cleanupStats`
 * counts, so the two never disagree.
 */
export const DUPLICATE_EVIDENCE_FIELDS: Record<string, GuardedField | null> = {
  EMAIL: 'Customer.email',
  PHONE: 'Customer.phone',
  TAX_ID: 'Customer.taxId',
  /** Names are public fields. */
  NAME: null,
  SIMILAR_NAME: null,
};

export function duplicateEvidenceAccess(role: Role, kind: string): FieldAccess {
  const field = DUPLICATE_EVIDENCE_FIELDS[kind];
  if (field === undefined) return FieldAccess.NONE;
  return field === null || GUARDED_FIELDS[field].access[role] === FieldAccess.FULL ? FieldAccess.FULL : FieldAccess.NONE;
}

/** The kinds of duplicate evidence the role sees. */
export function visibleDuplicateEvidence(role: Role): string[] {
  return Object.keys(DUPLICATE_EVIDENCE_FIELDS).filter((kind) => duplicateEvidenceAccess(role, kind) === FieldAccess.FULL);
}
