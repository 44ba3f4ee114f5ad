import { DomainError } from '../../common/domain-error.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { queueDuplicateGroup } from '../cleanup/duplicate.service.js';
import { createCustomersInBatch, updateCustomersInBatch, type BatchAudit } from '../customer/customer-batch.service.js';
import { reserveCustomerIds } from '../customer/customer.store.js';
import { withIds, type PlannedRow } from './import.plan.js';
import type { RowProblem } from './import.rows.js';

/**
 * A run's writes for one planned batch, through the customer module's batch operations:
 * the new customers in one INSERT per set of given fields, the updates in one UPDATE per
 * set of changed columns, each with its audit events (the import's id as their reason),
 * history rows and search outbox rows (both written by the table's triggers).
 *
 * The batch's writes share a savepoint: a statement the plan did not foresee refusing
 * (a code taken meanwhile by someone else) rolls all of them back, and the batch is then
 * written again a row at a time, each in its own savepoint, so the refused row errs alone
 * and no row is half-written. Any other failure fails the step: the job's transaction
 * then holds nothing of the batch, and a resumed run starts at the batch again.
 */

export interface WrittenRow {
  plan: PlannedRow;
  customerId: string | null;
  beforeImage: Record<string, unknown> | null;
  versionAfter: number | null;
  problems: RowProblem[] | null;
}

const idOf = (identity: string | null) => (identity?.startsWith('c:') ? identity.slice(2) : null);
const writes = (p: PlannedRow) => p.outcome === 'CREATED' || p.outcome === 'QUEUED' || p.outcome === 'UPDATED';

/** Rows in order, cut where a row updates a customer an earlier row of the group wrote
 * (one statement cannot write a row twice). */
function groups(plan: readonly PlannedRow[]): PlannedRow[][] {
  const out: PlannedRow[][] = [[]];
  let written = new Set<string>();
  for (const p of plan.filter(writes)) {
    if (p.outcome === 'UPDATED' && written.has(p.target!)) {
      out.push([]);
      written = new Set();
    }
    out.at(-1)!.push(p);
    written.add(p.target!);
  }
  return out.filter((g) => g.length > 0);
}

async function writeGroup(tx: RequestContext, group: readonly PlannedRow[], audit: (action: string) => BatchAudit): Promise<Map<number, WrittenRow>> {
  const out = new Map<number, WrittenRow>();
  const creates = group.filter((p) => p.outcome !== 'UPDATED');
  const created = await createCustomersInBatch(tx, creates.map((p) => ({ id: idOf(p.target)!, input: p.values! })), audit('CUSTOMER_CREATED'));
  for (const [i, p] of creates.entries()) {
    const customer = created[i]!;
    out.set(p.row.rowNo, { plan: p, customerId: customer.id, beforeImage: null, versionAfter: customer.version, problems: null });
    if (p.outcome === 'QUEUED') {
      const best = p.matches[0]!;
      const members = [idOf(best.identity)!, customer.id].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      await queueDuplicateGroup(tx, { memberIds: members, region: customer.region, score: best.score, reasons: best.reasons });
    }
  }
  const updates = group.filter((p) => p.outcome === 'UPDATED');
  const updated = await updateCustomersInBatch(
    tx,
    updates.map((p) => {
      const { code: _code, ...changes } = p.values!;
      return { ...changes, id: idOf(p.target)!, version: null };
    }),
    audit('CUSTOMER_UPDATED'),
  );
  for (const [i, p] of updates.entries()) {
    const r = updated[i]!;
    out.set(
      p.row.rowNo,
      r.ok
        ? { plan: p, customerId: r.id, beforeImage: r.beforeImage, versionAfter: r.after.version, problems: null }
        : { plan: p, customerId: null, beforeImage: null, versionAfter: null, problems: problemsOf(r.error) },
    );
  }
  return out;
}

const problemsOf = (error: DomainError): RowProblem[] => (error.fields.length ? error.fields : [{ field: 'row', message: error.message }]);

/** Writes a planned batch (a run; a dry run writes nothing) and says what each row did. */
export async function writeBatch(tx: RequestContext, importId: string, planned: PlannedRow[]): Promise<WrittenRow[]> {
  const creating = planned.filter((p) => p.outcome === 'CREATED' || p.outcome === 'QUEUED');
  const ids = await reserveCustomerIds(tx.sql, creating.length);
  const plan = withIds(planned, new Map(creating.map((p, i) => [`r:${p.row.rowNo}`, ids[i]!])));
  const extra = { importId: { to: importId } };
  const audit = (action: string): BatchAudit => ({ action, reason: `customer import ${importId}`, extra });

  let written = new Map<number, WrittenRow>();
  try {
    written = await inTransaction(tx, async (t) => {
      const all = new Map<number, WrittenRow>();
      for (const group of groups(plan)) for (const [rowNo, w] of await writeGroup(t, group, audit)) all.set(rowNo, w);
      return all;
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const p of plan.filter(writes)) {
      try {
        for (const [rowNo, w] of await inTransaction(tx, (t) => writeGroup(t, [p], audit))) written.set(rowNo, w);
      } catch (rowError) {
        if (!(rowError instanceof DomainError)) throw rowError;
        written.set(p.row.rowNo, { plan: p, customerId: null, beforeImage: null, versionAfter: null, problems: problemsOf(rowError) });
      }
    }
  }
  return plan.map(
    (p) => written.get(p.row.rowNo) ?? { plan: p, customerId: p.outcome === 'SKIPPED' ? idOf(p.target) : null, beforeImage: null, versionAfter: null, problems: null },
  );
}
