import { invalidInput } from '../../common/domain-error.js';
import type { PageArgs } from '../../db/paginate.js';
import { compareIds, isBigintId } from '../../db/keyset.js';
import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { assertWritable, customerRowOwner, requireAction, requireActor } from '../../policy/guard.js';
import type { Role } from '../../policy/role.js';
import { Action, CUSTOMER_WRITABLE, customerValueAccess, FieldAccess } from '../../policy/policy.js';
import { guardCustomerValue } from '../../policy/value-guard.js';
import { stateFailure, type LifecycleFailureRecord } from '../customer/customer.failures.js';
import { recordAuditMany } from '../audit/audit.service.js';
import { INDUSTRIES } from '../customer/customer.enums.js';
import { customerByIdLoader } from '../customer/customer.loaders.js';
import { allows, lockCustomers } from '../customer/customer.lifecycle.js';
import { customerConditions, findCustomersByIds, type CustomerReadScope } from '../customer/customer.reader.js';
import { CUSTOMER_COLUMNS, type CustomerRecord } from '../customer/customer.record.js';
import { customerReadScope } from '../customer/customer.service.js';
import { writeCustomers, type CustomerChanges, type CustomerWrite } from '../customer/customer.store.js';
import { withSegment } from '../customer/customer.segment.js';
import { CleanupField, DataQualityAction, DataQualityProblem, FIELD_KEYS } from './cleanup.enums.js';
import { noSuggestion } from './cleanup.errors.js';
import { candidateCondition, issuesOf, valueDigest, type Issue } from './quality.rules.js';
import type { DataQualityFilter, DataQualityIssueRecord, ResolveDataQualityIssuesInput } from './quality.types.js';

/** One issue named for resolution: customer, field, problem. */
export interface DataQualityIssueRefRecord {
  customerId: string;
  field: CleanupField;
  problem: DataQualityProblem;
}
import { openCustomerRows } from '../../crypto/sensitive.js';
import { idForClient } from '../../common/client-id.js';


/**
 * Data-quality issues are computed when asked, from the current values: a SQL superset
 * picks the candidate customers, `issuesOf` (the same rules as normalization) decides.
 * Issues are for the roles that may fix them (customer:update: SALES on its own rows),
 * and an issue about a field the caller may not read at all is not listed.
 */

const SCAN_BATCH = 500;

interface Located {
  customer: CustomerRecord;
  issue: Issue;
  index: number;
}

export interface QualityScanOptions {
  defaultCountry: string;
  outdatedYears: number;
  now: Date;
}

export function qualityOptions(ctx: RequestContext, outdatedYears?: number | null): QualityScanOptions {
  return { defaultCountry: ctx.config.PHONE_DEFAULT_REGION, outdatedYears: outdatedYears ?? ctx.config.DATA_QUALITY_OUTDATED_YEARS, now: new Date() };
}

/** The SQL superset of customers that may have an issue (alias `c`): the filter, the scope, the rules' candidates. */
export function qualityCandidates(
  customerFilter: DataQualityFilter['customer'] | null | undefined,
  scope: CustomerReadScope,
  options: QualityScanOptions,
  params: Params,
): string[] {
  const where = customerConditions(customerFilter, params, scope);
  where.push(candidateCondition(params.add(options.outdatedYears, 'integer'), params.add([...INDUSTRIES], 'text[]')));
  return where;
}

/**
 * Candidate customers with id >= fromId (at most `limit`, by id), each with its open
 * issues: those the rules find and nobody dismissed for the current value. Shared by the
 * issue list and the counting job, so both see the same issues.
 */
export async function qualityBatch(
  sql: RequestContext['sql'],
  customerFilter: DataQualityFilter['customer'] | null | undefined,
  scope: CustomerReadScope,
  fromId: string,
  limit: number,
  options: QualityScanOptions,
): Promise<{ customers: { customer: CustomerRecord; issues: { issue: Issue; index: number }[] }[]; fetched: number; lastId: string | null }> {
  const params = new Params();
  const where = qualityCandidates(customerFilter, scope, options, params);
  where.push(`c.id >= ${params.add(fromId, 'bigint')}`);
  const rows = openCustomerRows(
    await sql.query<CustomerRecord & { dismissed: { field: string; problem: string; digest: string }[] | null }>(
      `select ${CUSTOMER_COLUMNS},
              (select jsonb_agg(jsonb_build_object('field', d.field, 'problem', d.problem, 'digest', d.value_digest))
                 from data_quality_dismissal d where d.customer_id = c.id) as dismissed
         from customer c where ${where.join(' and ')} order by c.id limit ${limit}`,
      params.values,
    ),
  );
  const customers = rows.map(({ dismissed, ...customer }) => ({
    customer,
    // The index is the issue's place among all the rules found, so list cursors stay
    // valid whatever a caller may see or has dismissed.
    issues: issuesOf(customer, options)
      .map((issue, index) => ({ issue, index }))
      .filter(({ issue }) => !dismissed?.some((d) => d.field === issue.field && d.problem === issue.problem && d.digest === valueDigest(customer, issue.field))),
  }));
  return { customers, fetched: rows.length, lastId: rows.length ? String(rows[rows.length - 1]!.id) : null };
}

async function* scan(ctx: RequestContext, filter: DataQualityFilter | null | undefined, afterId: string): AsyncGenerator<Located> {
  const scope = customerReadScope(ctx);
  const options = qualityOptions(ctx, filter?.outdatedYears);
  for (let fromId = afterId; ; ) {
    const batch = await qualityBatch(ctx.sql, filter?.customer, scope, fromId, SCAN_BATCH, options);
    for (const { customer, issues } of batch.customers) {
      for (const { issue, index } of issues) {
        if (filter?.problem?.length && !filter.problem.includes(issue.problem)) continue;
        if (filter?.field?.length && !filter.field.includes(issue.field)) continue;
        if (hiddenFrom(ctx, customer, issue)) continue;
        yield { customer, issue, index };
      }
    }
    if (batch.fetched < SCAN_BATCH || !batch.lastId) return;
    fromId = (BigInt(batch.lastId) + 1n).toString();
  }
}

/** The customer fields an issue is about; an issue on a field a role cannot read at all is not shown to it. */
export function issueHiddenFromRole(role: Role, field: CleanupField): boolean {
  const keys = field === CleanupField.CONTACT ? ['email', 'phone'] : FIELD_KEYS[field] ? [FIELD_KEYS[field]!.key] : [];
  return keys.some((key) => customerValueAccess(role, key) === FieldAccess.NONE);
}

export function hiddenFrom(ctx: RequestContext, _customer: CustomerRecord, issue: Issue): boolean {
  return issueHiddenFromRole(requireActor(ctx).role, issue.field);
}

function toRecord(ctx: RequestContext, { customer, issue }: Located): DataQualityIssueRecord {
  const key = FIELD_KEYS[issue.field]?.key;
  const guard = (v: unknown) => (key ? guardCustomerValue(ctx, key, customer.id, v).value : null);
  return {
    id: `${customer.id}:${issue.field}:${issue.problem}`,
    customer,
    field: issue.field,
    problem: issue.problem,
    value: key ? guard((customer as unknown as Record<string, unknown>)[key]) : null,
    hasSuggestion: issue.hasSuggestion,
    suggestion: issue.hasSuggestion ? guard(issue.suggestion) : null,
    message: issue.message,
  };
}

const encode = (l: Located) => Buffer.from(`${l.customer.id}:${l.index}`).toString('base64url');

function decode(cursor: string): { id: string; index: number } {
  const [id, index] = Buffer.from(cursor, 'base64url').toString().split(':');
  // isBigintId, not validIds: an id past the 64-bit range must not reach the SQL.
  if (!id || !isBigintId(id) || !/^\d{1,9}$/.test(index ?? '')) throw invalidInput([{ field: 'after', message: 'invalid cursor' }]);
  return { id, index: Number(index) };
}

export async function listDataQualityIssues(ctx: RequestContext, given: DataQualityFilter | null | undefined, args: PageArgs) {
  requireAction(ctx, Action.CUSTOMER_UPDATE);
  const filter = given?.customer ? { ...given, customer: await withSegment(ctx.sql, given.customer, 'filter.customer.segmentId') } : given;
  if (args.last != null || args.before != null) throw invalidInput([{ field: args.last != null ? 'last' : 'before', message: 'issues page forward only (first/after)' }]);
  const first = args.first ?? 20;
  if (first < 0 || first > ctx.config.MAX_PAGE_SIZE) throw invalidInput([{ field: 'first', message: `must be between 0 and ${ctx.config.MAX_PAGE_SIZE}` }]);
  if ((args.offset ?? 0) < 0) throw invalidInput([{ field: 'offset', message: 'must not be negative' }]);
  const after = args.after ? decode(args.after) : null;
  const found: Located[] = [];
  let skip = args.offset ?? 0;
  for await (const located of scan(ctx, filter, after?.id ?? '0')) {
    if (after && located.customer.id === after.id && located.index <= after.index) continue;
    if (skip > 0) {
      skip -= 1;
      continue;
    }
    found.push(located);
    if (found.length > first) break;
  }
  const page = found.slice(0, first);
  for (const l of page) customerByIdLoader(ctx).prime(l.customer.id, l.customer);
  const edges = page.map((l) => ({ cursor: encode(l), node: toRecord(ctx, l) }));
  let counted: Promise<number> | undefined;
  const count = async () => {
    let n = 0;
    for await (const _ of scan(ctx, filter, '0')) n += 1;
    return n;
  };
  return {
    edges,
    pageInfo: {
      hasNextPage: found.length > first,
      hasPreviousPage: after != null || (args.offset ?? 0) > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count: () => (counted ??= count()),
  };
}

/**
 * Applies suggestions or dismisses issues. Each named issue is re-checked against the
 * customer's current values under a row lock; one that no longer exists (or a customer
 * the caller cannot see) is a per-item failure, the others go ahead. Applying writes
 * like updateCustomer (same writable fields), one audit event per customer.
 */
export async function resolveDataQualityIssues(ctx: RequestContext, input: ResolveDataQualityIssuesInput) {
  const { actor } = requireAction(ctx, Action.CUSTOMER_UPDATE);
  const apply = input.action === DataQualityAction.APPLY_SUGGESTION;
  input.issues.forEach((ref, i) => {
    if (!FIELD_KEYS[ref.field] && apply) throw noSuggestion(i);
  });
  if (apply) assertWritable(actor.role, CUSTOMER_WRITABLE, Object.fromEntries(input.issues.map((r) => [FIELD_KEYS[r.field]!.key, true])));
  return inTransaction(ctx, (tx) => resolveIssuesInTransaction(tx, input.issues, apply));
}

/**
 * The resolution itself, in the caller's transaction: by resolveDataQualityIssues and, a
 * range of customers at a time, by the job that resolves every issue of a filter
 * (quality.resolve.job.ts). The caller has checked the action and the writable fields.
 */
export async function resolveIssuesInTransaction(tx: RequestContext, issues: readonly DataQualityIssueRefRecord[], apply: boolean, outdatedYears?: number) {
  const actor = requireActor(tx);
  const owner = customerRowOwner(tx);
  const ids = [...new Set(issues.map((r) => r.customerId))];
  const rows = (await lockCustomers(tx, ids, owner)).live;
  const options = qualityOptions(tx, outdatedYears);
  const failures: LifecycleFailureRecord[] = [];
  const changes = new Map<string, CustomerChanges>();
  const dismissals: { customer_id: string; field: string; problem: string; value_digest: string }[] = [];
  issues.forEach((ref, i) => {
    const customer = rows.get(ref.customerId);
    if (!customer) return void failures.push({ id: ref.customerId, code: 'NOT_FOUND', message: `Customer ${idForClient('Customer', ref.customerId)} was not found` });
    // A fix rewrites values like normalization does: never a MERGED row, which unmerge restores.
    if (apply && !allows('maintain', customer.status)) return void failures.push(stateFailure(ref.customerId, 'fix', customer.status));
    const current = issuesOf(customer, { ...options }).find((x) => x.field === ref.field && x.problem === ref.problem);
    if (!current || hiddenFrom(tx, customer, current)) {
      return void failures.push({ id: ref.customerId, code: 'INVALID_STATE', message: `Customer ${idForClient('Customer', ref.customerId)} no longer has ${ref.problem} on ${ref.field}` });
    }
    if (!apply) return void dismissals.push({ customer_id: customer.id, field: ref.field, problem: ref.problem, value_digest: valueDigest(customer, ref.field) });
    if (!current.hasSuggestion) throw noSuggestion(i);
    changes.set(customer.id, { ...changes.get(customer.id), [FIELD_KEYS[ref.field]!.key]: current.suggestion });
  });
  const touched = [...new Set([...changes.keys(), ...dismissals.map((d) => d.customer_id)])].sort(compareIds);
  const fixed = new Map<string, CustomerWrite>();
  if (apply) {
    const edits = [...changes].map(([id, set]) => ({ before: rows.get(id)!, changes: set }));
    for (const write of await writeCustomers(tx, edits, { audit: null })) fixed.set(write.id, write);
  } else if (dismissals.length) {
    await tx.sql.query(
      `insert into data_quality_dismissal (customer_id, field, problem, value_digest, dismissed_by)
       select v.customer_id, v.field, v.problem, v.value_digest, $2::bigint
         from jsonb_to_recordset($1::jsonb) as v(customer_id bigint, field text, problem text, value_digest text)
       on conflict (customer_id, field, problem) do update set value_digest = excluded.value_digest, dismissed_by = excluded.dismissed_by, dismissed_at = now()`,
      [JSON.stringify(dismissals), actor.userId],
    );
  }
  const after = new Map((await findCustomersByIds(tx.sql, touched)).map((r) => [r.id, r]));
  await recordAuditMany(tx, {
    action: apply ? 'DATA_QUALITY_FIXED' : 'DATA_QUALITY_DISMISSED',
    entityType: 'Customer',
    entityIds: touched,
    changes: touched.map((id) =>
      apply ? (fixed.get(id)?.changes ?? {}) : { dismissed: { to: dismissals.filter((d) => d.customer_id === id).map((d) => `${d.field}:${d.problem}`) } },
    ),
  });
  return { resolved: issues.length - failures.length, customers: touched.map((id) => after.get(id)!), failures };
}
