import { invalidInput, type FieldProblem } from '../../common/domain-error.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { assertWritable, requireAction } from '../../policy/guard.js';
import { Action, CUSTOMER_WRITABLE } from '../../policy/policy.js';
import { auditDiff } from '../audit/audit.changes.js';
import { recordAudit, recordAuditMany } from '../audit/audit.service.js';
import { CustomerStatus } from '../customer/customer.enums.js';
import { lockCustomers, requireTransition } from '../customer/customer.lifecycle.js';
import { findCustomersByIds, validIds } from '../customer/customer.reader.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import {
  CUSTOMER_AUDITED_FIELDS, restoreRowImages, ROW_IMAGES, writeCustomers, type CustomerChanges,
} from '../customer/customer.store.js';
import { CleanupField, FIELD_KEYS } from './cleanup.enums.js';
import { mergeNotFound, notMergeable, unmergeBlocked } from './cleanup.errors.js';
import { findMerge } from './merge.store.js';
import type { MergeCustomersInput, MergeRecord, UnmergeCustomersInput } from './merge.types.js';
import { compareIds } from '../../db/keyset.js';
import { idForClient } from '../../common/client-id.js';

/** Fields a merge takes from one party; tags are the union of all parties'. */
const PICKABLE = [
  CleanupField.NAME, CleanupField.TYPE, CleanupField.TIER, CleanupField.INDUSTRY, CleanupField.REGION, CleanupField.LIFECYCLE_STAGE,
  CleanupField.OWNER, CleanupField.EMAIL, CleanupField.PHONE, CleanupField.ADDRESS, CleanupField.TAX_ID, CleanupField.NOTES,
];

/** Thrown inside the transaction of a dry run to roll it back with its result. */
class DryRun {
  constructor(
    readonly survivor: CustomerRecord,
    readonly movedInteractions: number,
  ) {}
}

function checkInput(input: MergeCustomersInput, role: Parameters<typeof assertWritable>[0]): { parties: string[]; picks: Map<CleanupField, string> } {
  const problems: FieldProblem[] = [];
  const parties = [input.survivorId, ...input.mergedIds];
  if (validIds(parties).length !== parties.length) problems.push({ field: 'mergedIds', message: 'must be customer ids' });
  if (new Set(parties).size !== parties.length) problems.push({ field: 'mergedIds', message: 'must be distinct and must not contain the survivor' });
  const picks = new Map<CleanupField, string>();
  (input.picks ?? []).forEach((pick, i) => {
    if (!PICKABLE.includes(pick.field)) problems.push({ field: `picks.${i}.field`, message: `${pick.field} cannot be picked` });
    else if (picks.has(pick.field)) problems.push({ field: `picks.${i}.field`, message: `${pick.field} is picked twice` });
    if (!parties.includes(pick.fromId)) problems.push({ field: `picks.${i}.fromId`, message: 'must be the survivor or a merged customer' });
    picks.set(pick.field, pick.fromId);
  });
  if (!input.dryRun) {
    const given = new Set((input.versions ?? []).map((v) => v.id));
    const missing = parties.filter((id) => !given.has(id));
    if (missing.length) problems.push({ field: 'versions', message: `give the version you read of every party (missing: ${missing.join(', ')})` });
  }
  if (problems.length) throw invalidInput(problems);
  // Picking a value is writing it: the same fields as updateCustomer.
  assertWritable(role, CUSTOMER_WRITABLE, Object.fromEntries([...picks.keys()].map((f) => [FIELD_KEYS[f]!.key, true])));
  return { parties, picks };
}

/** The survivor's values after the merge: picks, then the survivor's own value, then the
 * first non-empty value among the merged customers (for fields the caller may write). */
function mergedValues(role: Parameters<typeof assertWritable>[0], parties: CustomerRecord[], picks: Map<CleanupField, string>): CustomerChanges {
  const [survivor, ...merged] = parties as [CustomerRecord, ...CustomerRecord[]];
  const writable = new Set(CUSTOMER_WRITABLE[role]);
  const values: Record<string, unknown> = {};
  for (const field of PICKABLE) {
    const key = FIELD_KEYS[field]!.key as keyof CustomerRecord;
    const from = picks.get(field);
    if (from) values[key] = parties.find((p) => p.id === from)![key];
    else if (survivor[key] == null && writable.has(key)) values[key] = merged.find((m) => m[key] != null)?.[key] ?? null;
    else values[key] = survivor[key];
  }
  values.tags = [...new Set(parties.flatMap((p) => p.tags))];
  return values as CustomerChanges;
}

/**
 * ACTIVE --merge into survivor--> MERGED. One transaction: all parties locked in id order
 * (so two merges of the same customer serialize and the second sees it MERGED), versions
 * and states checked, every party's full row kept as it was, interactions moved in one
 * statement with a record of whose they were, the survivor rewritten, one audit event.
 */
export async function mergeCustomers(ctx: RequestContext, input: MergeCustomersInput): Promise<{ survivor: CustomerRecord; merge: MergeRecord | null; movedInteractions: number; dryRun: boolean }> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_MERGE);
  const { parties, picks } = checkInput(input, actor.role);
  try {
    return await inTransaction(ctx, async (tx) => {
      const locked = await lockCustomers(tx, parties);
      const versions = new Map((input.versions ?? []).map((v) => [v.id, v.version]));
      for (const id of parties) requireTransition('merge', id, locked, versions.get(id), (status) => notMergeable(id, status));
      const ordered = parties.map((id) => locked.live.get(id)!);
      const values = mergedValues(actor.role, ordered, picks);
      const [merge] = await tx.sql.query<{ id: string }>(
        `insert into customer_merge (survivor_id, merged_ids, picks, snapshot, versions_after, merged_by)
         select $1::bigint, $2::bigint[], $3::jsonb, ${ROW_IMAGES('c')},
                jsonb_object_agg(c.id::text, c.version + 1), $4::bigint
           from customer c where c.id = any($5::bigint[])
         returning id::text`,
        [input.survivorId, input.mergedIds, JSON.stringify({ list: [...picks].map(([field, fromId]) => ({ field, fromId })) }), actor.userId, parties],
      );
      const mergeId = merge!.id;
      const moved = await tx.sql.one<{ n: number }>(
        `with recorded as (
           insert into customer_merge_interaction (merge_id, interaction_id, from_customer_id)
           select $1::bigint, i.id, i.customer_id from interaction i where i.customer_id = any($2::bigint[])
           returning 1)
         select count(*)::int as n from recorded`,
        [mergeId, input.mergedIds],
      );
      const movedInteractions = moved!.n;
      await tx.sql.query(`update interaction set customer_id = $1::bigint where customer_id = any($2::bigint[])`, [input.survivorId, input.mergedIds]);
      // Each merged customer gets its own event: its history (and the audit log read by
      // customer) must say that it was merged, and into which survivor.
      await writeCustomers(tx, ordered.slice(1).map((before) => ({ before, changes: { status: CustomerStatus.MERGED } })), {
        audit: {
          action: 'CUSTOMER_MERGED',
          reason: input.reason?.trim() || null,
          extra: () => ({ mergeId: { to: mergeId }, mergedInto: { to: input.survivorId } }),
        },
      });
      // The tax id is stored encrypted: a survivor keeping its own keeps it as stored, a
      // picked one is sealed anew (with its blind index) under the current key.
      const [survivor] = await writeCustomers(tx, [{ before: ordered[0]!, changes: values }], { audit: null, touch: true });
      const after = survivor!.after;
      if (input.dryRun) throw new DryRun(after, movedInteractions);
      await recordAudit(tx, {
        action: 'CUSTOMERS_MERGED',
        entityType: 'Customer',
        entityId: input.survivorId,
        reason: input.reason?.trim() || null,
        changes: {
          ...survivor!.changes,
          mergeId: { to: mergeId },
          mergedIds: { to: [...input.mergedIds].sort(compareIds) },
        },
      });
      return { survivor: after, merge: (await findMerge(tx.sql, mergeId))!, movedInteractions, dryRun: false };
    });
  } catch (error) {
    if (error instanceof DryRun) return { survivor: error.survivor, merge: null, movedInteractions: error.movedInteractions, dryRun: true };
    throw error;
  }
}

/**
 * MERGED --unmerge--> ACTIVE, exactly: interactions go back to the customer they came
 * from and every party's row is written back from the merge's snapshot (same values,
 * versions and timestamps). Refused, naming each blocker, when a party changed since
 * the merge in a way the snapshot would silently overwrite.
 */
export async function unmergeCustomers(ctx: RequestContext, input: UnmergeCustomersInput): Promise<{ merge: MergeRecord; customers: CustomerRecord[] }> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_UNMERGE);
  return inTransaction(ctx, async (tx) => {
    const merge = await findMerge(tx.sql, input.mergeId, true);
    if (!merge) throw mergeNotFound(input.mergeId);
    if (merge.unmergedAt) throw unmergeBlocked(merge.id, [`it was already undone at ${merge.unmergedAt}`]);
    const parties = [merge.survivorId, ...merge.mergedIds];
    const rows = (await lockCustomers(tx, parties)).live;
    const kept = (await tx.sql.one<{ v: Record<string, number>; snapshot: Record<string, unknown> }>(
      `select versions_after as v, snapshot from customer_merge where id = $1::bigint`,
      [merge.id],
    ))!;
    const expected = kept.v;
    const blockers: string[] = [];
    for (const id of parties) {
      const row = rows.get(id);
      const role = id === merge.survivorId ? 'survivor' : 'merged customer';
      const status = id === merge.survivorId ? CustomerStatus.ACTIVE : CustomerStatus.MERGED;
      if (!row) blockers.push(`${role} ${idForClient('Customer', id)} is no longer live (archived or purged)`);
      else if (row.status !== status) blockers.push(`${role} ${idForClient('Customer', id)} is now ${row.status}${row.status === CustomerStatus.MERGED ? ' (undo the later merge first)' : ''}`);
      else if (row.version !== expected[id]) blockers.push(`${role} ${idForClient('Customer', id)} was edited since the merge (version ${row.version}, merge left ${expected[id]})`);
    }
    const gone = await tx.sql.one<{ n: number }>(
      `select count(*)::int as n from customer_merge_interaction mi
        where mi.merge_id = $1::bigint
          and not exists (select 1 from interaction i where i.id = mi.interaction_id and i.customer_id = $2::bigint)`,
      [merge.id, merge.survivorId],
    );
    if (gone!.n > 0) blockers.push(`${gone!.n} moved interaction(s) are no longer with the survivor (archived or moved)`);
    if (blockers.length) throw unmergeBlocked(merge.id, blockers);

    await tx.sql.query(
      `update interaction i set customer_id = mi.from_customer_id
         from customer_merge_interaction mi where mi.merge_id = $1::bigint and i.id = mi.interaction_id`,
      [merge.id],
    );
    await restoreRowImages(tx.sql, kept.snapshot, parties);
    await tx.sql.query(
      `update customer_merge set unmerged_at = now(), unmerged_by = $2::bigint, unmerge_reason = $3 where id = $1::bigint`,
      [merge.id, actor.userId, input.reason.trim()],
    );
    const restored = new Map((await findCustomersByIds(tx.sql, parties)).map((r) => [r.id, r]));
    const mergedIds = [...merge.mergedIds].sort(compareIds);
    await recordAuditMany(tx, {
      action: 'CUSTOMER_UNMERGED',
      entityType: 'Customer',
      entityIds: mergedIds,
      reason: input.reason.trim(),
      changes: mergedIds.map((id) => ({
        ...auditDiff('Customer', rows.get(id) as never, restored.get(id) as never, CUSTOMER_AUDITED_FIELDS),
        mergeId: { from: merge.id },
        mergedInto: { from: merge.survivorId },
      })),
    });
    await recordAudit(tx, {
      action: 'CUSTOMERS_UNMERGED',
      entityType: 'Customer',
      entityId: merge.survivorId,
      reason: input.reason.trim(),
      changes: {
        ...auditDiff('Customer', rows.get(merge.survivorId) as never, restored.get(merge.survivorId) as never, CUSTOMER_AUDITED_FIELDS),
        mergeId: { from: merge.id },
        restoredIds: { to: [...merge.mergedIds].sort(compareIds) },
      },
    });
    return { merge: (await findMerge(tx.sql, merge.id))!, customers: parties.map((id) => restored.get(id)!) };
  });
}
