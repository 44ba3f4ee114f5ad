import { invalidInput } from '../../common/domain-error.js';
import { openCustomerRows } from '../../crypto/sensitive.js';
import type { Params, SqlExecutor } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { auditDiff, type AuditChanges } from '../audit/audit.changes.js';
import { recordAudit, recordAuditMany } from '../audit/audit.service.js';
import { customerCodeTaken, customerNotFound } from './customer.errors.js';
import { CUSTOMER_COLUMNS, type CustomerRecord } from './customer.record.js';
import {
  AUDITED_ON_CHANGE, changedKeys, COLUMN, CUSTOMER_AUDITED_FIELDS, recordsetColumns, storedValues,
  type AuditSpec, type ChangeKey, type CustomerChanges, type CustomerEdit, type CustomerWrite, type StoredCustomer, type WriteOptions,
} from './customer.changes.js';

export { CUSTOMER_AUDITED_FIELDS } from './customer.changes.js';
export type { AuditSpec, CustomerChanges, CustomerEdit, CustomerWrite, StoredCustomer, WriteOptions } from './customer.changes.js';
import { byId } from '../../db/keyset.js';

/**
 * The one write path of live customer rows. Every change of a customer's fields or status
 * (create, update, void, tags, merge, normalization, data-quality fixes, lifecycle stage,
 * erasure, legal hold) comes here as typed field changes; the store writes only what
 * changed, bumps `version` and `updated_at`, seals the tax id, and returns (and, when
 * asked, records) the audit diff. Callers lock and check first (customer.lifecycle.ts).
 * A source test (customer-write-path.test.ts) fails when another module writes the table.
 */

const STORED_COLUMNS = `${CUSTOMER_COLUMNS}, c.legal_hold as "legalHold", c.stage_override as "stageOverride"`;

/** Reads customers for a change, locking them in id order; with `ownerId`, only that user's. */
export async function readForWrite(sql: SqlExecutor, ids: readonly string[], ownerId?: string | null): Promise<StoredCustomer[]> {
  if (ids.length === 0) return [];
  return openCustomerRows(
    await sql.query<StoredCustomer>(
      `select ${STORED_COLUMNS} from customer c
        where c.id = any($1::bigint[]) and ($2::bigint is null or c.owner_id = $2::bigint)
        order by c.id for update`,
      [ids, ownerId ?? null],
    ),
  );
}

async function readStored(sql: SqlExecutor, ids: readonly string[]): Promise<Map<string, StoredCustomer>> {
  if (ids.length === 0) return new Map();
  const rows = openCustomerRows(await sql.query<StoredCustomer>(`select ${STORED_COLUMNS} from customer c where c.id = any($1::bigint[])`, [ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Database refusals a write can meet, as the errors clients know. */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505') throw customerCodeTaken();
    if (code === '23503') throw invalidInput([{ field: 'ownerId', message: 'no such user' }]);
    throw error;
  }
}

/**
 * Applies field changes to customers the caller has locked and checked: one UPDATE per
 * set of changed columns (a batch of normalized rows is one statement), fields whose value
 * is already the given one left alone. Returns what was written, by id.
 */
export async function writeCustomers(tx: RequestContext, edits: readonly CustomerEdit[], options: WriteOptions): Promise<CustomerWrite[]> {
  const groups = new Map<string, { keys: ChangeKey[]; rows: Record<string, unknown>[] }>();
  const written = new Map<string, { edit: CustomerEdit; keys: ChangeKey[] }>();
  for (const edit of edits) {
    const keys = changedKeys(edit.before, edit.changes).sort();
    if (keys.length === 0 && !options.touch) continue;
    const signature = keys.join(',');
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { keys, rows: [] }));
    group.rows.push(Object.assign({ id: edit.before.id }, ...keys.map((k) => storedValues(k, edit.changes[k]))));
    written.set(edit.before.id, { edit, keys });
  }
  for (const { keys, rows } of groups.values()) {
    const { defs, sets } = recordsetColumns(keys);
    await mapped(() =>
      tx.sql.query(
        `update customer c set ${[...sets, 'version = c.version + 1', 'updated_at = now()'].join(', ')}
           from jsonb_to_recordset($1::jsonb) as v(${['id bigint', ...defs].join(', ')}) where c.id = v.id`,
        [JSON.stringify(rows)],
      ),
    );
  }
  const after = await readStored(tx.sql, [...written.keys()]);
  const writes = [...written.values()]
    .map(({ edit, keys }): CustomerWrite => {
      const now = after.get(edit.before.id);
      if (!now) throw customerNotFound(edit.before.id);
      const audited = keys.filter((k) => AUDITED_ON_CHANGE.has(k));
      return { id: now.id, before: edit.before, after: now, changes: auditDiff('Customer', edit.before as never, now as never, audited) };
    })
    .sort(byId);
  if (options.audit) await auditWrites(tx, writes, options.audit);
  return writes;
}

async function auditWrites(tx: RequestContext, writes: readonly CustomerWrite[], audit: AuditSpec): Promise<void> {
  await recordAuditMany(tx, {
    action: audit.action,
    entityType: 'Customer',
    entityIds: writes.map((w) => w.id),
    reason: audit.reason ?? null,
    changes: writes.map((w) => ({ ...w.changes, ...audit.extra?.(w) })),
  });
}

/** The one-customer form of `writeCustomers`; returns the row after the write (as it is
 * when nothing changed). */
export async function writeCustomer(tx: RequestContext, edit: CustomerEdit, options: WriteOptions): Promise<CustomerWrite> {
  const [write] = await writeCustomers(tx, [edit], options);
  if (write) return write;
  const now = (await readStored(tx.sql, [edit.before.id])).get(edit.before.id);
  if (!now) throw customerNotFound(edit.before.id);
  const unchanged: CustomerWrite = { id: now.id, before: edit.before, after: now, changes: {} };
  if (options.audit) await auditWrites(tx, [unchanged], options.audit);
  return unchanged;
}

export type NewCustomer = CustomerChanges & Required<Pick<CustomerChanges, 'code' | 'name' | 'type'>>;

/** Inserts a customer (database defaults for what is not given) and records its creation. */
export async function insertCustomer(tx: RequestContext, fields: NewCustomer, audit: AuditSpec): Promise<StoredCustomer> {
  const keys = (Object.keys(fields) as ChangeKey[]).filter((k) => fields[k] !== undefined);
  const values: Record<string, unknown> = Object.assign({}, ...keys.map((k) => storedValues(k, fields[k])));
  const { defs, sets } = recordsetColumns(keys);
  const columns = sets.map((s) => s.slice(0, s.indexOf(' = ')));
  const expressions = sets.map((s) => s.slice(s.indexOf(' = ') + 3));
  const row = await mapped(() =>
    tx.sql.one<{ id: string }>(
      `insert into customer (${columns.join(', ')})
       select ${expressions.join(', ')} from jsonb_to_record($1::jsonb) as v(${defs.join(', ')})
       returning id::text as id`,
      [JSON.stringify(values)],
    ),
  );
  const created = (await readStored(tx.sql, [row!.id])).get(row!.id)!;
  await recordAudit(tx, {
    action: audit.action,
    entityType: 'Customer',
    entityId: created.id,
    reason: audit.reason ?? null,
    changes: { ...auditDiff('Customer', null, created as never, CUSTOMER_AUDITED_FIELDS), ...audit.extra?.({ id: created.id, before: created, after: created, changes: {} }) },
  });
  return created;
}

/** Ids for customers about to be inserted, in ascending order (an import's batch knows
 * each new customer's id before it writes, so its later rows can refer to it). */
export async function reserveCustomerIds(sql: SqlExecutor, count: number): Promise<string[]> {
  if (count === 0) return [];
  const rows = await sql.query<{ id: string }>(
    `select nextval(pg_get_serial_sequence('customer', 'id'))::text as id from generate_series(1, $1::int) g order by g`,
    [count],
  );
  return rows.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

/**
 * The set-based form of `insertCustomer`: customers with reserved ids, one INSERT per set
 * of given fields (so what is not given takes the database default, as a single insert
 * does), then one creation event each in the order given. Either all are written or the
 * statement fails and the caller's transaction (or savepoint) holds none of them.
 */
export async function insertCustomers(tx: RequestContext, rows: readonly { id: string; fields: NewCustomer }[], audit: AuditSpec): Promise<StoredCustomer[]> {
  if (rows.length === 0) return [];
  const groups = new Map<string, { keys: ChangeKey[]; values: Record<string, unknown>[] }>();
  for (const { id, fields } of rows) {
    const keys = (Object.keys(fields) as ChangeKey[]).filter((k) => fields[k] !== undefined).sort();
    const signature = keys.join(',');
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { keys, values: [] }));
    group.values.push(Object.assign({ id }, ...keys.map((k) => storedValues(k, fields[k]))));
  }
  for (const { keys, values } of groups.values()) {
    const { defs, sets } = recordsetColumns(keys);
    const columns = ['id', ...sets.map((s) => s.slice(0, s.indexOf(' = ')))];
    const expressions = ['v.id', ...sets.map((s) => s.slice(s.indexOf(' = ') + 3))];
    await mapped(() =>
      tx.sql.query(
        `insert into customer (${columns.join(', ')})
         select ${expressions.join(', ')} from jsonb_to_recordset($1::jsonb) as v(${['id bigint', ...defs].join(', ')})`,
        [JSON.stringify(values)],
      ),
    );
  }
  const stored = await readStored(tx.sql, rows.map((r) => r.id));
  const created = rows.map((r) => stored.get(r.id)!);
  await recordAuditMany(tx, {
    action: audit.action,
    entityType: 'Customer',
    entityIds: created.map((c) => c.id),
    reason: audit.reason ?? null,
    changes: created.map((c) => ({ ...auditDiff('Customer', null, c as never, CUSTOMER_AUDITED_FIELDS), ...audit.extra?.({ id: c.id, before: c, after: c, changes: {} }) })),
  });
  return created;
}

/** Keys a set-based write may assign by SQL expression (the tax id needs sealing in
 * JavaScript and goes through `writeCustomers`). */
export type SetKey = Exclude<ChangeKey, 'taxId'>;

export interface SetBasedWrite {
  /** Condition on alias `c`, with its parameters in `params`. */
  where: string;
  params: Params;
  /** New value per key, as an SQL expression over `c` (its current row). */
  set: Partial<Record<SetKey, string>>;
  audit: Omit<AuditSpec, 'extra'> | null;
}

/**
 * Set-based form for changes computed in SQL (bulk tags, tag renames, stage
 * classification): one statement locks the matching rows in id order, writes those whose
 * value changes and hands back each one's before and after, then one audit event per
 * changed customer. Nothing passes through JavaScript but the diffs.
 */
export interface SetBasedChange {
  id: string;
  changes: AuditChanges;
  /** The assigned keys' values before the write (raw, for an undo journal). */
  before: Record<string, unknown>;
  /** The row's version after the write. */
  version: number;
}

export async function writeCustomersWhere(tx: RequestContext, spec: SetBasedWrite): Promise<SetBasedChange[]> {
  const keys = Object.keys(spec.set) as SetKey[];
  if (keys.length === 0) return [];
  const old = keys.map((k, i) => `c.${COLUMN[k].column} as o${i}`);
  const next = keys.map((k, i) => `(${spec.set[k]})::${COLUMN[k].type} as n${i}`);
  const pairs = (prefix: string) => keys.map((k, i) => `'${k}', sel.${prefix}${i}`).join(', ');
  const rows = await mapped(() =>
    tx.sql.query<{ id: string; from: Record<string, unknown>; to: Record<string, unknown>; version: number }>(
      `with sel as (
         select c.id, ${[...old, ...next].join(', ')} from customer c where ${spec.where} order by c.id for update
       )
       update customer c set ${keys.map((k, i) => `${COLUMN[k].column} = sel.n${i}`).join(', ')}, version = c.version + 1, updated_at = now()
         from sel
        where c.id = sel.id and row(${keys.map((_, i) => `sel.o${i}`).join(', ')}) is distinct from row(${keys.map((_, i) => `sel.n${i}`).join(', ')})
       returning c.id::text as id, c.version, jsonb_build_object(${pairs('o')}) as "from", jsonb_build_object(${pairs('n')}) as "to"`,
      spec.params.values,
    ),
  );
  const diffs = rows
    .map((r) => ({ id: r.id, version: r.version, before: r.from, changes: auditDiff('Customer', r.from, r.to, keys.filter((k) => AUDITED_ON_CHANGE.has(k))) }))
    .sort(byId);
  if (spec.audit && diffs.length) {
    await recordAuditMany(tx, {
      action: spec.audit.action,
      entityType: 'Customer',
      entityIds: diffs.map((d) => d.id),
      reason: spec.audit.reason ?? null,
      changes: diffs.map((d) => d.changes),
    });
  }
  return diffs;
}

let restorable: Promise<string[]> | undefined;

/**
 * The columns a row image puts back: all stored columns but the id and
 * `last_interaction_at`, which the interaction triggers recompute (so interactions logged
 * since the image still count). Read from the catalog so a column added by a later
 * migration is restored too.
 */
function restorableColumns(sql: SqlExecutor): Promise<string[]> {
  restorable ??= sql
    .query<{ name: string }>(
      `select a.attname as name from pg_attribute a
        where a.attrelid = 'customer'::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
          and a.attname not in ('id', 'last_interaction_at')
        order by a.attnum`,
    )
    .then((rows) => rows.map((r) => r.name))
    .catch((error) => {
      restorable = undefined;
      throw error;
    });
  return restorable;
}

/** One customer's row image: its stored columns as JSON, without the generated ones (the
 * name key is recomputed on restore, and an erasure that scrubs an image's personal
 * values must find none in a derived copy). */
export const ROW_IMAGE = (alias: string) => `(to_jsonb(${alias}) - 'name_key')`;

/** Row images (`to_jsonb(customer)`, by id) of customers as they are now, e.g. the
 * snapshot a merge keeps so it can be undone exactly. */
export const ROW_IMAGES = (alias: string) => `jsonb_object_agg(${alias}.id::text, ${ROW_IMAGE(alias)})`;

/**
 * Writes customers back exactly as row images hold them (values, version, timestamps):
 * undoing a change whose images were kept (unmerge). The caller has locked the rows and
 * checked that nothing changed since the images were taken, and records the audit event.
 */
export async function restoreRowImages(sql: SqlExecutor, images: Record<string, unknown>, ids: readonly string[]): Promise<void> {
  const quoted = (await restorableColumns(sql)).map((c) => `"${c}"`);
  await sql.query(
    `update customer c set (${quoted.join(', ')}) =
       (select ${quoted.map((c) => `r.${c}`).join(', ')} from jsonb_populate_record(null::customer, $1::jsonb -> c.id::text) r)
      where c.id = any($2::bigint[])`,
    [JSON.stringify(images), ids],
  );
}

/** Runs one statement and returns its rows (SqlExecutor.query, or a pg client adapted). */
export type RunSql = <T>(text: string, params: unknown[]) => Promise<T[]>;

/**
 * Re-encryption by a key rotation: the same tax ids stored again under the current key.
 * The value does not change, so neither do version, updated_at or the audit log (the
 * rotation job audits its run).
 */
export async function rewriteSealedTaxIds(
  run: RunSql,
  rows: { ids: string[]; sealed: string[]; hashes: (Buffer | null)[]; shapes: (string | null)[] },
): Promise<void> {
  await run(
    `update customer c set tax_id = v.tax_id, tax_id_hash = v.hash, tax_id_shape = v.shape
       from unnest($1::bigint[], $2::text[], $3::bytea[], $4::text[]) as v(id, tax_id, hash, shape) where c.id = v.id`,
    [rows.ids, rows.sealed, rows.hashes, rows.shapes],
  );
}

/**
 * Removes customers as if they had never been created: only those still at the version
 * the caller's own writes left them at, with no interaction in either store (an import's
 * undo; anything touched since is the caller's to void instead). Returns the ids removed
 * and records one event each with the removed values as `from`.
 */
export async function deleteUntouchedCustomers(tx: RequestContext, rows: readonly { id: string; version: number }[], audit: AuditSpec): Promise<string[]> {
  if (rows.length === 0) return [];
  const deleted = openCustomerRows(
    await tx.sql.query<StoredCustomer>(
      `delete from customer c using jsonb_to_recordset($1::jsonb) as v(id bigint, version int)
        where c.id = v.id and c.version = v.version
          and not exists (select 1 from interaction i where i.customer_id = c.id)
          and not exists (select 1 from archive.interaction i where i.customer_id = c.id)
        returning ${STORED_COLUMNS}`,
      [JSON.stringify(rows)],
    ),
  ).sort(byId);
  if (deleted.length) {
    await recordAuditMany(tx, {
      action: audit.action,
      entityType: 'Customer',
      entityIds: deleted.map((r) => r.id),
      reason: audit.reason ?? null,
      changes: deleted.map((r) => ({ ...auditDiff('Customer', r as never, null, CUSTOMER_AUDITED_FIELDS), ...audit.extra?.({ id: r.id, before: r, after: r, changes: {} }) })),
    });
  }
  return deleted.map((r) => r.id);
}
