import { inTransaction, type RequestContext } from '../../core/context.js';
import { duplicateEvidenceAccess } from '../../policy/criteria.js';
import { assertWritable, customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action, CUSTOMER_WRITABLE, FieldAccess } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { combinedScore } from '../cleanup/duplicate.groups.js';
import { findMatchingCustomers, type CustomerMatch, type MatchCandidate, type MatchThreshold } from '../cleanup/duplicate.reader.js';
import type { MatchKind } from '../cleanup/duplicate.rules.js';
import { customerNotFound } from '../customer/customer.errors.js';
import { customerByIdLoader } from '../customer/customer.loaders.js';
import type { CustomerWriteCheck } from '../customer/customer.service.js';
import type { CustomerChanges, StoredCustomer } from '../customer/customer.store.js';
import { duplicateBlocked } from './intake.errors.js';
import {
  DuplicateMatchKind,
  DuplicateRuleAction,
  type CustomerDuplicateCheckInput,
  type DuplicateRuleRecord,
  type PossibleDuplicateRecord,
  type SetDuplicateRuleInput,
} from './duplicate-gate.types.js';

/**
 * The duplicate gate: every create and update of a customer (by hand or by import) is
 * compared with the ACTIVE customers through the cleanup module's reader, by the same
 * rules as detection. Rules say per kind whether a match warns (returned with the
 * payload) or blocks (the write is refused and rolled back: nothing written or audited).
 *
 * What a caller learns follows its row and field rules: evidence only of kinds whose
 * field it reads in full (duplicate detection's rule, src/policy/criteria.ts), and a
 * customer it may not read (another owner's, for SALES) only as "one exists, for these
 * reasons" — no id, name or owner. A blocked write says which kinds and how many, never
 * which customers (docs/api-clients/duplicates.md).
 */

const KINDS = Object.values(DuplicateMatchKind);

export async function readDuplicateRules(ctx: RequestContext): Promise<DuplicateRuleRecord[]> {
  const rows = await ctx.sql.query<DuplicateRuleRecord>(`select kind, action, updated_at as "updatedAt" from duplicate_rule`);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return KINDS.map((kind) => byKind.get(kind) ?? { kind, action: DuplicateRuleAction.WARN, updatedAt: new Date(0).toISOString() });
}

export async function listDuplicateRules(ctx: RequestContext): Promise<DuplicateRuleRecord[]> {
  requireAction(ctx, Action.CUSTOMER_READ);
  return readDuplicateRules(ctx);
}

export async function setDuplicateRule(ctx: RequestContext, input: SetDuplicateRuleInput): Promise<DuplicateRuleRecord> {
  const { actor } = requireAction(ctx, Action.POLICY_WRITE);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.sql.one<{ action: string }>(`select action from duplicate_rule where kind = $1 for update`, [input.kind]);
    const row = await tx.sql.one<DuplicateRuleRecord>(
      `insert into duplicate_rule (kind, action, updated_by) values ($1, $2, $3::bigint)
       on conflict (kind) do update set action = excluded.action, updated_by = excluded.updated_by, updated_at = now()
       returning kind, action, updated_at as "updatedAt"`,
      [input.kind, input.action, actor.userId],
    );
    await recordAudit(tx, {
      action: 'DUPLICATE_RULE_CHANGED',
      entityType: 'DuplicateRule',
      entityId: input.kind,
      changes: { action: { from: before?.action ?? DuplicateRuleAction.WARN, to: input.action } },
    });
    return row!;
  });
}

export async function ruleMap(ctx: RequestContext): Promise<Map<MatchKind, DuplicateRuleAction>> {
  return new Map((await readDuplicateRules(ctx)).map((r) => [r.kind as MatchKind, r.action]));
}

/** Many checks in one transaction (an import's batch): the rules read once, and the
 * trigram threshold sent only when a row's name needs another one. */
export interface GateBatch {
  rules: Map<MatchKind, DuplicateRuleAction>;
  threshold: MatchThreshold;
}

export async function startBatch(tx: RequestContext): Promise<GateBatch> {
  return { rules: await ruleMap(tx), threshold: {} };
}

/** Kinds whose inputs a write touches: a create checks them all, an update only what it changes. */
function kindsWritten(before: StoredCustomer | null, values: CustomerChanges): MatchKind[] {
  if (!before) return [...KINDS];
  const kinds: MatchKind[] = [];
  if (values.email !== undefined) kinds.push('EMAIL');
  if (values.phone !== undefined || values.region !== undefined) kinds.push('PHONE');
  if (values.taxId !== undefined) kinds.push('TAX_ID');
  if (values.name !== undefined || values.region !== undefined) kinds.push('NAME', 'SIMILAR_NAME');
  return kinds;
}

export interface GateResult {
  matches: CustomerMatch[];
  rules: Map<MatchKind, DuplicateRuleAction>;
}

/**
 * Finds the matches of a customer about to be written and refuses the write when a
 * blocking kind matched. Runs inside the write's transaction.
 */
export async function checkCandidate(
  tx: RequestContext,
  candidate: MatchCandidate,
  options: { exceptId?: string | null; kinds: readonly MatchKind[]; enforce: boolean; batch?: GateBatch },
): Promise<GateResult> {
  // An update that touches no compared field costs nothing: not even the rules read.
  if (options.kinds.length === 0) return { matches: [], rules: options.batch?.rules ?? new Map() };
  // A batch (an import's) reads the rules once for all its rows.
  const rules = options.batch?.rules ?? (await ruleMap(tx));
  const kinds = options.kinds.filter((k) => rules.get(k) !== DuplicateRuleAction.OFF);
  if (kinds.length === 0) return { matches: [], rules };
  const matches = await findMatchingCustomers(tx.sql, candidate, {
    kinds,
    exceptId: options.exceptId,
    similarity: tx.config.DUPLICATE_NAME_SIMILARITY,
    defaultCountry: tx.config.PHONE_DEFAULT_REGION,
    limit: 20,
    threshold: options.batch?.threshold,
  });
  if (options.enforce) {
    const blocking = kinds
      .filter((k) => rules.get(k) === DuplicateRuleAction.BLOCK)
      .map((kind) => ({ kind, count: matches.filter((m) => m.reasons.some((r) => r.kind === kind)).length }))
      .filter((b) => b.count > 0);
    if (blocking.length) throw duplicateBlocked(blocking);
  }
  return { matches, rules };
}

/** The check createCustomer and updateCustomer run; what it found lands in `found`. */
export function duplicateGate(found: { result?: GateResult }): CustomerWriteCheck {
  return async (tx, { before, values }) => {
    const after = { ...(before ?? {}), ...values } as MatchCandidate;
    found.result = await checkCandidate(tx, after, { exceptId: before?.id ?? null, kinds: kindsWritten(before, values), enforce: true });
  };
}

/** The matches as the caller may see them (see the module comment). */
export async function visibleDuplicates(ctx: RequestContext, result: GateResult | undefined): Promise<PossibleDuplicateRecord[]> {
  if (!result || result.matches.length === 0) return [];
  const role = ctx.actor!.role;
  const owner = customerRowOwner(ctx);
  const shown = result.matches
    .map((m) => ({ match: m, reasons: m.reasons.filter((r) => duplicateEvidenceAccess(role, r.kind) === FieldAccess.FULL) }))
    .filter((m) => m.reasons.length > 0);
  const visibleIds = shown.filter(({ match }) => owner === undefined || match.ownerId === owner).map(({ match }) => match.id);
  const records = await customerByIdLoader(ctx).loadMany(visibleIds);
  const byId = new Map(records.filter((r) => r && !(r instanceof Error)).map((r) => [(r as { id: string }).id, r as never]));
  return shown.map(({ match, reasons }) => {
    const customer = byId.get(match.id) ?? null;
    return {
      customer,
      visible: customer !== null,
      score: combinedScore(Object.fromEntries(reasons.map((r) => [r.kind, r.score]))),
      reasons: reasons.map((r) => ({ kind: r.kind as DuplicateMatchKind, score: r.score, action: result.rules.get(r.kind) ?? DuplicateRuleAction.WARN })),
    };
  });
}

/** What a save would report, before saving: the dashboard's warning on the form. Nothing
 * is refused here; blocking kinds show as BLOCK. */
export async function previewDuplicates(ctx: RequestContext, input: CustomerDuplicateCheckInput): Promise<PossibleDuplicateRecord[]> {
  const { actor } = requireAction(ctx, input.id ? Action.CUSTOMER_UPDATE : Action.CUSTOMER_CREATE);
  // Checking a value is writing it as far as what it reveals: a role that may not write a
  // field (the tax id) may not probe it either.
  assertWritable(actor.role, CUSTOMER_WRITABLE, input, ['id']);
  if (input.id && !(await customerByIdLoader(ctx).load(input.id))) throw customerNotFound(input.id);
  const result = await inTransaction(ctx, (tx) =>
    checkCandidate(tx, input, { exceptId: input.id ?? null, kinds: KINDS.filter((k) => k !== 'TAX_ID' || input.taxId != null), enforce: false }),
  );
  return visibleDuplicates(ctx, result);
}
