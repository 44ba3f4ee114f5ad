import { VoidReason } from '../customer/customer.enums.js';
import { lockCustomers } from '../customer/customer.lifecycle.js';
import { deleteUntouchedCustomers, restoreRowImages, writeCustomers, type CustomerEdit } from '../customer/customer.store.js';
import { recordAuditMany } from '../audit/audit.service.js';
import { JobKind } from '../job/job.enums.js';
import { JobError, type JobHandler } from '../job/job.handler.js';
import { readImport, readRows, updateImport } from './import.store.js';

/**
 * UNDO_CUSTOMER_IMPORT: puts back what an import changed, as one job (batches of rows,
 * each one transaction with its checkpoint), audited with the import's id.
 *
 * - A customer the import created is removed when nothing has touched it since (still
 *   its first version, no interaction); otherwise it is voided (INVALID_DATA, the note
 *   naming the import), so what people added to it stays reachable.
 * - A customer the import updated gets back the exact row it had (values, version,
 *   timestamps) when nobody has changed it since the import; otherwise it is left as it
 *   is and counted as kept, since putting back the old values would undo someone's edit.
 * - Skipped and erred rows changed nothing.
 */

const BATCH = 500;

interface Params extends Record<string, unknown> {
  importId: string;
}

interface Checkpoint {
  next: number;
  removed: number;
  voided: number;
  restored: number;
  kept: number;
}

export const undoCustomerImportHandler: JobHandler<Params, Checkpoint> = {
  kind: JobKind.UNDO_CUSTOMER_IMPORT,

  async begin(tx, job) {
    const found = await readImport(tx.sql, job.params.importId);
    if (!found) throw new JobError(`import ${job.params.importId} does not exist`);
    const row = await tx.sql.one<{ n: number }>(
      `select count(*)::int as n from customer_import_row where import_id = $1::bigint and outcome in ('CREATED', 'QUEUED', 'UPDATED')`,
      [found.id],
    );
    return { total: row!.n, checkpoint: { next: 1, removed: 0, voided: 0, restored: 0, kept: 0 } };
  },

  async step(tx, job, cp) {
    const importId = job.params.importId;
    const rows = await readRows(tx.sql, importId, cp.next, BATCH, `r.outcome in ('CREATED', 'QUEUED', 'UPDATED') and r.undone is null`);
    const next = { ...cp, next: (rows.at(-1)?.rowNo ?? cp.next - 1) + 1 };
    const audit = { reason: `undo customer import ${importId}`, extra: () => ({ importId: { to: importId } }) };
    // Per customer over the whole import: several rows may have written one customer
    // (a row created it, a later row matched and updated it), so the undo goes back to
    // before the first write, and "touched since" means changed after the last one.
    const customers = await tx.sql.query<{ id: string; created: boolean; firstImage: Record<string, unknown> | null; lastVersion: number }>(
      `select r.customer_id::text as id, bool_or(r.outcome in ('CREATED', 'QUEUED')) as created,
              (array_agg(r.before_image order by r.row_no) filter (where r.outcome = 'UPDATED'))[1] as "firstImage",
              (array_agg(r.version_after order by r.row_no desc))[1] as "lastVersion"
         from customer_import_row r
        where r.import_id = $1::bigint and r.customer_id = any($2::bigint[]) and r.outcome in ('CREATED', 'QUEUED', 'UPDATED')
        group by r.customer_id order by r.customer_id`,
      [importId, [...new Set(rows.map((r) => r.customerId).filter((id): id is string => id !== null))]],
    );
    const state = new Map<string, 'REMOVED' | 'VOIDED' | 'RESTORED' | 'KEPT'>();

    const created = customers.filter((c) => c.created);
    for (const id of await deleteUntouchedCustomers(tx, created.map((c) => ({ id: c.id, version: c.lastVersion })), { action: 'CUSTOMER_IMPORT_UNDONE', ...audit })) {
      state.set(id, 'REMOVED');
    }
    const locked = await lockCustomers(tx, customers.filter((c) => !state.has(c.id)).map((c) => c.id));
    const voids: CustomerEdit[] = [];
    for (const c of created.filter((c) => !state.has(c.id))) {
      const customer = locked.live.get(c.id);
      if (customer?.status === 'ACTIVE') {
        voids.push({ before: customer, changes: { status: 'VOID' as never, voidReason: VoidReason.INVALID_DATA, voidNote: `created by customer import ${importId}, undone`, voidedAt: 'now' } });
        state.set(c.id, 'VOIDED');
      } else state.set(c.id, 'KEPT');
    }
    await writeCustomers(tx, voids, { audit: { action: 'CUSTOMER_IMPORT_UNDONE', ...audit } });

    const restorable = customers.filter((c) => !c.created && c.firstImage && locked.live.get(c.id)?.version === c.lastVersion);
    if (restorable.length) {
      await restoreRowImages(tx.sql, Object.fromEntries(restorable.map((c) => [c.id, c.firstImage])), restorable.map((c) => c.id));
      await recordAuditMany(tx, {
        action: 'CUSTOMER_IMPORT_UNDONE',
        entityType: 'Customer',
        entityIds: restorable.map((c) => c.id),
        reason: audit.reason,
        changes: restorable.map((c) => ({ importId: { to: importId }, version: { from: c.lastVersion, to: (c.firstImage as { version: number }).version } })),
      });
    }
    for (const c of customers) if (!state.has(c.id)) state.set(c.id, restorable.includes(c) ? 'RESTORED' : 'KEPT');

    if (state.size) {
      await tx.sql.query(
        `update customer_import_row r set undone = v.state from jsonb_to_recordset($2::jsonb) as v(id bigint, state text)
          where r.import_id = $1::bigint and r.customer_id = v.id and r.outcome in ('CREATED', 'QUEUED', 'UPDATED')`,
        [importId, JSON.stringify([...state].map(([id, s]) => ({ id, state: s })))],
      );
    }
    const states = [...state.values()];
    next.removed += states.filter((s) => s === 'REMOVED').length;
    next.voided += states.filter((s) => s === 'VOIDED').length;
    next.restored += states.filter((s) => s === 'RESTORED').length;
    next.kept += states.filter((s) => s === 'KEPT').length;
    const finished = rows.length < BATCH;
    if (finished) {
      const found = (await readImport(tx.sql, importId, true))!;
      await updateImport(tx.sql, importId, { state: 'UNDONE', counts: { ...found.counts, removed: next.removed, voided: next.voided, restored: next.restored, kept: next.kept } });
    }
    return { checkpoint: next, done: rows.length, finished };
  },

  result(job, cp) {
    return { importId: job.params.importId, removed: cp.removed, voided: cp.voided, restored: cp.restored, kept: cp.kept };
  },
};
