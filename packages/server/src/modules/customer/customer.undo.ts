import { NotANodeId } from '../../graphql/global-id.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { openNullable, seal } from '../../crypto/sealed.js';
import type { SqlExecutor } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import type { CustomerChanges } from './customer.store.js';

/**
 * The undo journal: what one person's void, archive, bulk tag or normalization changed,
 * per customer, kept for UNDO_WINDOW_MINUTES so that they can take it back (undo module).
 * Written in the transaction of the change itself, so an operation is journaled exactly
 * when it happened. Lives beside the customer write path because every module that
 * changes customers records here; the undo itself is the undo module's.
 */

export enum UndoKind {
  VOID = 'VOID',
  ARCHIVE = 'ARCHIVE',
  TAGS = 'TAGS',
  NORMALIZE = 'NORMALIZE',
}

registerEnumType(UndoKind, {
  name: 'UndoKind',
  description: 'What an undoable operation did.',
  valuesConfig: {
    VOID: { description: 'Voided customers (undo: back to the state before, void reason cleared).' },
    ARCHIVE: { description: 'Archived customers by hand (undo: restored from the archive with their interactions).' },
    TAGS: { description: 'Added or removed tags in bulk (undo: each customer\u2019s tags as they were).' },
    NORMALIZE: { description: 'Normalized stored values, as a job (undo: each changed value as it was).' },
  },
});

export interface UndoOperationRecord {
  id: string;
  kind: UndoKind;
  actorId: string;
  jobId: string | null;
  customerCount: number;
  createdAt: string;
  expiresAt: string;
  undoneAt: string | null;
}

@ObjectType('UndoableOperation', {
  description: 'A change its author may take back with undoOperation until `expiresAt` (UNDO_WINDOW_MINUTES), even where the reverse action is otherwise not theirs.',
  simpleResolvers: true,
})
export class UndoableOperation {
  @NotANodeId('a handle for undoOperation, read only in the payload of the change it undoes')
  @Field(() => ID, { description: 'Pass it to undoOperation.' })
  id!: string;

  @Field(() => UndoKind, { description: 'What was done.' })
  kind!: UndoKind;

  @Field(() => Int, { description: 'Customers it changed (so far, for a normalization job still running).' })
  customerCount!: number;

  @Field(() => DateTimeScalar, { description: 'Until when it can be undone.' })
  expiresAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was undone; null while in effect.' })
  undoneAt!: string | null;
}

const OPERATION_COLUMNS = `o.id::text, o.kind, o.actor_id::text as "actorId", o.job_id::text as "jobId", o.customer_count as "customerCount",
  to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
  to_char(o.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "expiresAt",
  to_char(o.undone_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "undoneAt"`;

/** One customer of a field-restoring operation: its version right after the change and
 * the values it had before (record keys, as `writeCustomers` takes them). */
export interface UndoChange {
  id: string;
  version: number;
  before: CustomerChanges;
}

/** The tax id travels sealed, like in the customer table; everything else as JSON. */
function sealRestore(before: CustomerChanges): Record<string, unknown> {
  const out: Record<string, unknown> = { ...before };
  if (typeof before.taxId === 'string') out['taxId'] = seal('customer.tax_id', before.taxId);
  return out;
}

export function openRestore(stored: Record<string, unknown>, customerId: string): CustomerChanges {
  const out = { ...stored } as CustomerChanges;
  if ('taxId' in stored) out.taxId = openNullable('customer.tax_id', (stored['taxId'] as string | null) ?? null, `undo of customer ${customerId}`);
  return out;
}

/**
 * Journals an operation of the caller (nothing when it changed no customer): field
 * changes with their before values, or (ARCHIVE) the customers moved. Returns it for the
 * mutation's payload. Expired journals are cleared on the way.
 */
export async function journalOperation(
  tx: RequestContext,
  kind: UndoKind,
  customers: { changes?: readonly UndoChange[]; archivedIds?: readonly string[] },
): Promise<UndoOperationRecord | null> {
  const actor = tx.actor;
  const count = customers.changes?.length ?? customers.archivedIds?.length ?? 0;
  if (!actor || count === 0) return null;
  await forgetExpired(tx.sql);
  const operation = (await tx.sql.one<UndoOperationRecord>(
    `insert into undo_operation as o (actor_id, kind, customer_count, expires_at)
     values ($1::bigint, $2, $3, now() + $4 * interval '1 minute') returning ${OPERATION_COLUMNS}`,
    [actor.userId, kind, count, tx.config.UNDO_WINDOW_MINUTES],
  ))!;
  await addEntries(tx.sql, operation.id, customers);
  return operation;
}

async function addEntries(sql: SqlExecutor, operationId: string, customers: { changes?: readonly UndoChange[]; archivedIds?: readonly string[] }): Promise<void> {
  const rows = customers.changes
    ? customers.changes.map((c) => ({ customer_id: c.id, version: c.version, restore: sealRestore(c.before) }))
    : (customers.archivedIds ?? []).map((id) => ({ customer_id: id, version: null, restore: null }));
  if (rows.length === 0) return;
  await sql.query(
    `insert into undo_entry (operation_id, customer_id, version, restore)
     select $1::bigint, v.customer_id, v.version, v.restore from jsonb_to_recordset($2::jsonb) as v(customer_id bigint, version integer, restore jsonb)`,
    [operationId, JSON.stringify(rows)],
  );
}

/** A job's operation (normalization): opened when the job is queued by its author… */
export async function journalJob(tx: RequestContext, kind: UndoKind, jobId: string): Promise<UndoOperationRecord | null> {
  if (!tx.actor) return null;
  await forgetExpired(tx.sql);
  const operation = await tx.sql.one<UndoOperationRecord>(
    `insert into undo_operation as o (actor_id, kind, job_id, expires_at)
     values ($1::bigint, $2, $3::bigint, now() + $4 * interval '1 minute') returning ${OPERATION_COLUMNS}`,
    [tx.actor.userId, kind, jobId, tx.config.UNDO_WINDOW_MINUTES],
  );
  return operation ?? null;
}

/** …and filled batch by batch; the window runs from the latest batch. */
export async function journalJobBatch(tx: RequestContext, jobId: string, changes: readonly UndoChange[]): Promise<void> {
  if (changes.length === 0) return;
  const operation = await tx.sql.one<{ id: string }>(
    `update undo_operation set customer_count = customer_count + $2, expires_at = now() + $3 * interval '1 minute'
      where job_id = $1::bigint returning id::text`,
    [jobId, changes.length, tx.config.UNDO_WINDOW_MINUTES],
  );
  if (operation) await addEntries(tx.sql, operation.id, { changes });
}

export async function lockOperation(sql: SqlExecutor, id: string): Promise<UndoOperationRecord | undefined> {
  const [row] = await sql.query<UndoOperationRecord>(`select ${OPERATION_COLUMNS} from undo_operation o where o.id = $1::bigint for update`, [id]);
  return row;
}

export async function operationEntries(sql: SqlExecutor, id: string): Promise<{ customerId: string; version: number | null; restore: Record<string, unknown> | null }[]> {
  return sql.query(
    `select e.customer_id::text as "customerId", e.version, e.restore from undo_entry e where e.operation_id = $1::bigint order by e.customer_id`,
    [id],
  );
}

export async function markUndone(sql: SqlExecutor, id: string): Promise<UndoOperationRecord> {
  await sql.query(`delete from undo_entry where operation_id = $1::bigint`, [id]);
  return (await sql.one<UndoOperationRecord>(`update undo_operation o set undone_at = now() where o.id = $1::bigint returning ${OPERATION_COLUMNS}`, [id]))!;
}

/**
 * Journals past their window lose their entries (the values before the change), so
 * personal data is not kept longer than the undo needs it. Set-based, and SKIP LOCKED so
 * that two operations tidying at once never wait on each other.
 */
async function forgetExpired(sql: SqlExecutor): Promise<void> {
  await sql.query(
    `delete from undo_entry e using (
       select o.id from undo_operation o where o.expires_at < now() and exists (select 1 from undo_entry x where x.operation_id = o.id)
        for update of o skip locked) old
      where e.operation_id = old.id`,
  );
}

/** A customer that is purged or erased leaves no earlier values behind in a journal. */
export async function forgetCustomers(sql: SqlExecutor, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length) await sql.query(`delete from undo_entry where customer_id = any($1::bigint[])`, [customerIds]);
}
