import { inTransaction, type RequestContext } from '../../core/context.js';
import { forgetCustomers } from '../customer/customer.undo.js';
import { requireAction } from '../../policy/guard.js';
import { FourEyesOperation, requireFourEyes } from '../../policy/four-eyes.js';
import { Action } from '../../policy/policy.js';
import { outboxInsertFrom } from '../../search/outbox.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  CARRIED_COLUMNS, MOVED_INTERACTIONS, carriedValues, eraseCarriedFromSnapshots, eraseFromMergeSnapshots, erasedColumnSets, foldedInto,
} from '../cleanup/merge.store.js';
import { CustomerType } from '../customer/customer.enums.js';
import { customerNotFound } from '../customer/customer.errors.js';
import { locateCustomer, type Store } from '../customer/customer.lifecycle.js';
import { readForWrite, writeCustomers, type CustomerChanges, type StoredCustomer } from '../customer/customer.store.js';
import { customerDigest, interactionDigest } from '../archive/archive.columns.js';
import { confirmationMismatch } from '../archive/archive.errors.js';
import type { ErasePersonalDataInput, SetLegalHoldInput } from './compliance.inputs.js';
import { eraseHistory } from '../history/history.store.js';

/** Archived rows change only through audited actions like these, and get a fresh
 * checksum in the same transaction, so verification keeps catching silent edits, and
 * tell the search index in the same transaction (the archived row changed, or the
 * customer is archived and its interactions changed, which costs a harmless re-index). */
async function reseal(tx: RequestContext, customerId: string): Promise<void> {
  await tx.sql.query(
    `with c as (update archive.customer c set checksum = ${customerDigest('c')} where c.id = $1::bigint returning c.id)
     ${outboxInsertFrom('c')}`,
    [customerId],
  );
  await tx.sql.query(`update archive.interaction i set checksum = ${interactionDigest('i')} where i.customer_id = $1::bigint`, [customerId]);
}

function table(store: Store, kind: 'customer' | 'interaction'): string {
  return store === 'LIVE' ? kind : `archive.${kind}`;
}

export async function setLegalHold(ctx: RequestContext, input: SetLegalHoldInput): Promise<{ id: string; store: Store }> {
  requireAction(ctx, Action.LEGAL_HOLD);
  return inTransaction(ctx, async (tx) => {
    const found = await locateCustomer(tx, input.id);
    if (!found) throw customerNotFound(input.id);
    if (found.legalHold !== input.hold) {
      if (found.store === 'LIVE') {
        await writeCustomers(tx, [{ before: await lockedLive(tx, found.id), changes: { legalHold: input.hold } }], { audit: null });
      } else {
        await tx.sql.query(`update archive.customer set legal_hold = $2 where id = $1::bigint`, [found.id, input.hold]);
        await reseal(tx, found.id);
      }
    }
    await recordAudit(tx, {
      action: input.hold ? 'LEGAL_HOLD_SET' : 'LEGAL_HOLD_LIFTED',
      entityType: 'Customer',
      entityId: found.id,
      reason: input.reason.trim(),
      changes: { legalHold: { from: found.legalHold, to: input.hold } },
    });
    return { id: found.id, store: found.store };
  });
}

/** The live row's personal fields as an erasure leaves them. */
const ERASED_VALUES: CustomerChanges = { email: null, phone: null, address: null, taxId: null, notes: null, voidNote: null };

/** A live customer, locked (locateCustomer found it live in this transaction). */
async function lockedLive(tx: RequestContext, id: string): Promise<StoredCustomer> {
  const [row] = await readForWrite(tx.sql, [id]);
  if (!row) throw customerNotFound(id);
  return row;
}

/** Personal fields blanked on a request for erasure; what stays (type, region, industry,
 * tier, dates, interaction kinds and amounts) serves statistics without naming anyone. */
const ERASED_FIELDS = ['email', 'phone', 'address', 'taxId', 'notes', 'voidNote', 'interaction.subject', 'interaction.body'];

/**
 * Erases the customer and every customer merged into it (a merge says they are one
 * customer), wherever their data went: their rows in either store, their interactions,
 * interactions a merge moved to a survivor, values a merge carried into a survivor, and
 * the merge snapshots. One audit event per customer changed.
 */
export async function erasePersonalData(
  ctx: RequestContext,
  input: ErasePersonalDataInput,
  options: { audit?: Record<string, unknown> } = {},
): Promise<{ id: string; store: Store; erased: string[] }> {
  requireAction(ctx, Action.CUSTOMER_ERASE);
  requireFourEyes(ctx, FourEyesOperation.ERASE_PERSONAL_DATA);
  return inTransaction(ctx, async (tx) => {
    const found = await locateCustomer(tx, input.id);
    if (!found) throw customerNotFound(input.id);
    if (input.confirm.trim() !== found.code) throw confirmationMismatch();
    const reason = input.reason.trim();
    // `options.audit` links every event to what asked for it (a data-subject request).
    const extra = options.audit ?? {};
    const erased = [found.id];
    await eraseOne(tx, found, reason, extra);
    for (const id of await foldedInto(tx.sql, found.id)) {
      const party = await locateCustomer(tx, id);
      if (party) {
        await eraseOne(tx, party, reason, { ...extra, foldedInto: { to: found.id } });
        erased.push(party.id);
      }
    }
    return { id: found.id, store: found.store, erased };
  });
}

async function eraseOne(tx: RequestContext, found: { id: string; store: Store }, reason: string, extra: Record<string, unknown>): Promise<void> {
  // Before the snapshot loses the values it compares against.
  await eraseCarriedValues(tx, found.id, reason, extra);
  if (found.store === 'LIVE') {
    const before = await lockedLive(tx, found.id);
    // A private person's name is personal data; a company's name is not.
    const name = before.type === CustomerType.INDIVIDUAL ? `Erased ${before.code}` : before.name;
    // Touched even when nothing was left to erase: a merge of this customer can then no
    // longer be undone (unmerge would bring the erased values back), which unmerge says.
    await writeCustomers(tx, [{ before, changes: { ...ERASED_VALUES, name } }], { audit: null, touch: true });
  } else {
    await tx.sql.query(
      `update archive.customer set email = null, phone = null, address = null, tax_id = null, tax_id_hash = null, tax_id_shape = null, notes = null,
              void_note = null, name = case when type = 'INDIVIDUAL' then 'Erased ' || code else name end
        where id = $1::bigint`,
      [found.id],
    );
  }
  for (const store of ['LIVE', 'ARCHIVE'] as const) {
    await tx.sql.query(
      `update ${table(store, 'interaction')} set subject = '[erased]', body = null
        where customer_id = $1::bigint or id in (${MOVED_INTERACTIONS})`,
      [found.id],
    );
  }
  await reseal(tx, found.id);
  await eraseFromMergeSnapshots(tx.sql, found.id);
  // An undo journal holds values from before a recent change: they go too.
  await forgetCustomers(tx.sql, [found.id]);
  // Every kept state of the customer, not only the current one: history must not bring back what erasure removed.
  await eraseHistory(tx.sql, found.id, ['email', 'phone', 'address', 'tax_id', 'notes', 'void_note'], { erasedName: true });
  await recordAudit(tx, {
    action: 'CUSTOMER_PERSONAL_DATA_ERASED',
    entityType: 'Customer',
    entityId: found.id,
    reason,
    changes: { erased: { to: ERASED_FIELDS }, ...extra },
  });
}

/** Survivors keep their own values; only what a merge carried over from the erased customer goes. */
async function eraseCarriedValues(tx: RequestContext, mergedId: string, reason: string, extra: Record<string, unknown>): Promise<void> {
  for (const store of ['LIVE', 'ARCHIVE'] as const) {
    const customers = table(store, 'customer');
    for (const carried of await carriedValues(tx.sql, customers as 'customer' | 'archive.customer', mergedId)) {
      const keys = carried.columns.map((c) => CARRIED_COLUMNS.find((x) => x.column === c)?.key ?? c);
      if (store === 'LIVE') {
        const before = await lockedLive(tx, carried.survivorId);
        const changes = Object.fromEntries(keys.map((k) => [k, k === 'name' ? `Erased ${before.code}` : null]));
        await writeCustomers(tx, [{ before, changes }], { audit: null, touch: true });
      } else {
        const sets = carried.columns.map((c) => (c === 'name' ? `name = 'Erased ' || code` : erasedColumnSets(c)));
        await tx.sql.query(`update archive.customer set ${sets.join(', ')} where id = $1::bigint`, [carried.survivorId]);
        await reseal(tx, carried.survivorId);
      }
      await eraseCarriedFromSnapshots(tx.sql, carried.survivorId, carried.columns, mergedId);
      await eraseHistory(tx.sql, carried.survivorId, carried.columns, { sinceMerge: carried.mergeId });
      await recordAudit(tx, {
        action: 'CUSTOMER_PERSONAL_DATA_ERASED',
        entityType: 'Customer',
        entityId: carried.survivorId,
        reason,
        changes: { ...extra, erased: { to: keys }, carriedFrom: { to: { customerId: mergedId, mergeId: carried.mergeId } } },
      });
    }
  }
}
