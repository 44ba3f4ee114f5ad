import type { FieldProblem } from '../../common/domain-error.js';
import type { Params } from '../../db/sql.js';
import { CustomerStatus } from '../customer/customer.enums.js';
import type { CustomerFilter } from '../customer/customer.inputs.js';
import { customerConditions } from '../customer/customer.reader.js';
import { ArchivePolicyAction } from './archive-policy.enums.js';
import { isBigintId } from '../../db/keyset.js';

/**
 * The one translation of a policy's rule into SQL. Preview counts and the job's batches
 * both call these builders, so what a preview shows is exactly what a run moves.
 */

/** What a policy selects; stored as JSON in archive_policy.criteria (absent = any). */
export interface PolicyCriteria {
  lifecycleStage?: string[];
  type?: string[];
  tier?: string[];
  region?: string[];
  industry?: string[];
  /** Tagged with at least one of these. */
  tags?: string[];
  ownerId?: string[];
  /** Days since the last interaction (customers without one: since creation). */
  inactiveDays?: number;
  createdBeforeDays?: number;
  /** ACTIVE and/or VOID; default ACTIVE. */
  status?: string[];
  /** Voided more than this many days ago (only VOID customers match). */
  voidedBeforeDays?: number;
  /** Also matching this saved segment (classification module). */
  segmentId?: string;
}

export interface PolicyRule {
  action: ArchivePolicyAction;
  criteria: PolicyCriteria;
  interactionsOlderThanDays: number | null;
  /** The named segment's filter, read when the rule is previewed or a run is queued
   * (a run keeps it in its snapshot, so editing the segment does not change a run in flight). */
  segment?: CustomerFilter;
}

const LIST_KEYS = ['lifecycleStage', 'type', 'tier', 'region', 'industry', 'tags', 'ownerId', 'status'] as const;
const DAY_KEYS = ['inactiveDays', 'createdBeforeDays', 'voidedBeforeDays'] as const;
export const ARCHIVABLE_STATUSES: readonly string[] = [CustomerStatus.ACTIVE, CustomerStatus.VOID];

/** Drops empty lists and unset values and removes duplicates, so stored criteria compare equal. */
export function normalizeCriteria(input: Partial<Record<keyof PolicyCriteria, unknown>> | null | undefined): PolicyCriteria {
  const out: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const values = input?.[key];
    if (Array.isArray(values) && values.length) out[key] = [...new Set(values.map(String))].sort();
  }
  for (const key of DAY_KEYS) {
    const value = input?.[key];
    if (typeof value === 'number') out[key] = value;
  }
  if (typeof input?.segmentId === 'string') out.segmentId = input.segmentId;
  return out as PolicyCriteria;
}

/** Rules class-validator cannot express: they span fields. */
export function criteriaProblems(rule: PolicyRule, prefix = 'criteria'): FieldProblem[] {
  const c = rule.criteria;
  const problems: FieldProblem[] = [];
  const bad = c.status?.filter((s) => !ARCHIVABLE_STATUSES.includes(s)) ?? [];
  if (bad.length) problems.push({ field: `${prefix}.status`, message: 'only ACTIVE and VOID customers can be archived' });
  if (c.ownerId?.some((id) => !isBigintId(id))) problems.push({ field: `${prefix}.ownerId`, message: 'must be user ids' });
  if (c.voidedBeforeDays !== undefined && c.status && !c.status.includes(CustomerStatus.VOID)) {
    problems.push({ field: `${prefix}.voidedBeforeDays`, message: 'needs VOID in status (only voided customers have a void date)' });
  }
  // An empty rule would archive every active customer: a policy must say what it wants.
  if (Object.keys(c).length === 0 && rule.action === ArchivePolicyAction.ARCHIVE_CUSTOMERS) {
    problems.push({ field: prefix, message: 'give at least one condition; an empty rule would archive every customer' });
  }
  if (rule.action === ArchivePolicyAction.ARCHIVE_INTERACTIONS && rule.interactionsOlderThanDays == null) {
    problems.push({ field: 'interactionsOlderThanDays', message: 'is required when action is ARCHIVE_INTERACTIONS' });
  }
  if (rule.action === ArchivePolicyAction.ARCHIVE_CUSTOMERS && rule.interactionsOlderThanDays != null) {
    problems.push({ field: 'interactionsOlderThanDays', message: 'only applies when action is ARCHIVE_INTERACTIONS' });
  }
  return problems;
}

/** Which voided customers a VOID-only criterion implies. */
function statuses(c: PolicyCriteria): string[] {
  if (c.status?.length) return c.status;
  return c.voidedBeforeDays !== undefined ? [CustomerStatus.VOID] : [CustomerStatus.ACTIVE];
}

/** `asOf` is the time every "N days ago" counts back from (fixed per run, so a resumed
 * job keeps the same cut-offs); it is bound once, and only when a condition uses it. */
class Clock {
  #placeholder: string | undefined;
  constructor(
    private readonly asOf: string,
    private readonly params: Params,
  ) {}

  daysAgo(days: number): string {
    this.#placeholder ??= this.params.add(this.asOf, 'timestamptz');
    return `(${this.#placeholder} - ${this.params.add(days, 'integer')} * interval '1 day')`;
  }
}

/** The criteria as conditions on `customer c`. */
function criteriaConditions(c: PolicyCriteria, clock: Clock, params: Params, segment: CustomerFilter | undefined): string[] {
  const where = [`c.status = any(${params.add(statuses(c), 'text[]')})`];
  const anyOf = (column: string, values: string[] | undefined, cast = 'text') => {
    if (values?.length) where.push(`${column} = any(${params.add(values, `${cast}[]`)})`);
  };
  anyOf('c.lifecycle_stage', c.lifecycleStage);
  anyOf('c.type', c.type);
  anyOf('c.tier', c.tier);
  anyOf('c.region', c.region);
  anyOf('c.industry', c.industry);
  anyOf('c.owner_id', c.ownerId, 'bigint');
  if (c.tags?.length) where.push(`c.tags && ${params.add(c.tags, 'text[]')}`);
  if (c.inactiveDays !== undefined) where.push(`coalesce(c.last_interaction_at, c.created_at) < ${clock.daysAgo(c.inactiveDays)}`);
  if (c.createdBeforeDays !== undefined) where.push(`c.created_at < ${clock.daysAgo(c.createdBeforeDays)}`);
  if (c.voidedBeforeDays !== undefined) where.push(`c.voided_at < ${clock.daysAgo(c.voidedBeforeDays)}`);
  if (c.segmentId !== undefined) {
    if (!segment) throw new Error(`archive policy rule names segment ${c.segmentId} but it was not loaded`);
    // The segment's own conditions (its status rule included) must hold as well.
    where.push(...customerConditions(segment, params, { searchable: ['name', 'code'] }));
  }
  return where;
}

/** Customers the rule touches (alias `c`); `asOf` is a timestamp value: those it archives, or those with interactions it archives. */
export function policyCustomerCondition(rule: PolicyRule, asOf: string, params: Params): string {
  const clock = new Clock(asOf, params);
  const where = criteriaConditions(rule.criteria, clock, params, rule.segment);
  if (rule.action === ArchivePolicyAction.ARCHIVE_INTERACTIONS) {
    where.push(
      `exists (select 1 from interaction oi where oi.customer_id = c.id and oi.occurred_at < ${clock.daysAgo(rule.interactionsOlderThanDays!)})`,
    );
  }
  return where.join(' and ');
}

/** Interactions an ARCHIVE_INTERACTIONS rule moves (alias `i`). */
export function policyInteractionCondition(rule: PolicyRule, asOf: string, params: Params): string {
  const clock = new Clock(asOf, params);
  const older = `i.occurred_at < ${clock.daysAgo(rule.interactionsOlderThanDays!)}`;
  return `${older} and exists (select 1 from customer c where c.id = i.customer_id and ${criteriaConditions(rule.criteria, clock, params, rule.segment).join(' and ')})`;
}
