import { SEALED_STORAGE } from '../../crypto/sensitive.js';
import type { SqlExecutor } from '../../db/sql.js';
import type { MergeRecord } from './merge.types.js';
import { isBigintId } from '../../db/keyset.js';

export const MERGE_COLUMNS = `
  m.id::text as id, m.survivor_id::text as "survivorId", m.merged_ids::text[] as "mergedIds",
  coalesce(m.picks->'list', '[]'::jsonb) as picks, m.merged_by::text as "mergedById", m.merged_at as "mergedAt",
  m.unmerged_by::text as "unmergedById", m.unmerged_at as "unmergedAt", m.unmerge_reason as "unmergeReason",
  (select count(*)::int from customer_merge_interaction mi where mi.merge_id = m.id) as "interactionCount"`;

export async function findMerge(sql: SqlExecutor, id: string, lock = false): Promise<MergeRecord | undefined> {
  if (!isBigintId(id)) return undefined;
  return sql.one<MergeRecord>(`select ${MERGE_COLUMNS} from customer_merge m where m.id = $1::bigint ${lock ? 'for update' : ''}`, [id]);
}

/**
 * Erasure reaches the copies merges keep: the customer's entry in every merge snapshot
 * loses the same personal fields as its live row. (The erasure also bumps the live
 * version, so such a merge can no longer be undone exactly, which unmerge then says.)
 */
export async function eraseFromMergeSnapshots(sql: SqlExecutor, customerId: string): Promise<void> {
  await sql.query(
    `update customer_merge m
        set snapshot = jsonb_set(m.snapshot, array[$1::text], (m.snapshot -> $1::text) || jsonb_build_object(
              'email', null, 'phone', null, 'address', null, 'tax_id', null, 'tax_id_hash', null, 'tax_id_shape', null, 'notes', null, 'void_note', null,
              'name', case when m.snapshot -> $1::text ->> 'type' = 'INDIVIDUAL'
                           then to_jsonb('Erased ' || (m.snapshot -> $1::text ->> 'code')) else m.snapshot -> $1::text -> 'name' end))
      where m.snapshot ? $1::text`,
    [customerId],
  );
}

/** Customers folded into this one by merges still in force, at any depth (A ← B ← C). */
export async function foldedInto(sql: SqlExecutor, survivorId: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `with recursive f(id) as (
       select unnest(m.merged_ids) from customer_merge m where m.survivor_id = $1::bigint and m.unmerged_at is null
       union
       select unnest(m.merged_ids) from customer_merge m join f on m.survivor_id = f.id where m.unmerged_at is null)
     select f.id::text from f order by f.id`,
    [survivorId],
  );
  return rows.map((r) => r.id);
}

/** Interactions a merge still in force moved away from the customer (they sit on a survivor now). */
export const MOVED_INTERACTIONS = `
  select mi.interaction_id from customer_merge_interaction mi join customer_merge m on m.id = mi.merge_id
   where mi.from_customer_id = $1::bigint and m.unmerged_at is null`;

/** Personal columns a merge can carry from a merged customer to its survivor. */
export const CARRIED_COLUMNS = [
  { column: 'email', key: 'email' },
  { column: 'phone', key: 'phone' },
  { column: 'address', key: 'address' },
  { column: 'tax_id', key: 'taxId' },
  { column: 'notes', key: 'notes' },
] as const;

/** Encrypted columns hold a different ciphertext for every write of one value (and a
 * rotation rewrites them), so "the same value" is decided by their blind index; erasing
 * one erases its blind index with it. */
const COMPARED_BY: Record<string, string> = Object.fromEntries(SEALED_STORAGE.map((s) => [s.name, s.hashColumn]));
const COMPANIONS: Record<string, readonly string[]> = Object.fromEntries(SEALED_STORAGE.map((s) => [s.name, s.companions]));
const compareColumn = (column: string) => COMPARED_BY[column] ?? column;

/** `column = null` for an erased column, and the columns derived from it with it. */
export function erasedColumnSets(column: string): string {
  return [column, ...(COMPANIONS[column] ?? [])].map((c) => `${c} = null`).join(', ');
}

export interface CarriedValues {
  survivorId: string;
  mergeId: string;
  /** Columns whose survivor value came from the merged customer, and `name` for a private person's name. */
  columns: string[];
}

/**
 * Survivor values that came from this customer: a survivor (of a merge in force that
 * folded the customer in, or of a later merge that folded that survivor in, and so on up)
 * now holds the customer's value and held something else before its merge, so the value
 * was picked or filled in from the customer and not changed since. Compares with the
 * customer's current row, so call before erasing it.
 */
export async function carriedValues(sql: SqlExecutor, table: 'customer' | 'archive.customer', customerId: string): Promise<CarriedValues[]> {
  const flags = CARRIED_COLUMNS.map(({ column }) => {
    const cmp = compareColumn(column);
    if (cmp === column) {
      return `case when c.${column} = e.v ->> '${column}' and (m.snapshot -> c.id::text ->> '${column}') is distinct from c.${column} then '${column}' end`;
    }
    return `case when c.${cmp} = (e.v ->> '${cmp}')::bytea and (m.snapshot -> c.id::text ->> '${cmp}')::bytea is distinct from c.${cmp} then '${column}' end`;
  });
  flags.push(`case when e.v ->> 'type' = 'INDIVIDUAL' and c.name = e.v ->> 'name' and (m.snapshot -> c.id::text ->> 'name') is distinct from c.name then 'name' end`);
  const rows = await sql.query<CarriedValues>(
    `with recursive up(merge_id, survivor_id) as (
       select m.id, m.survivor_id from customer_merge m where m.unmerged_at is null and m.merged_ids @> array[$1::bigint]
       union
       select m.id, m.survivor_id from customer_merge m join up on m.merged_ids @> array[up.survivor_id] where m.unmerged_at is null),
     e as (select coalesce((select to_jsonb(l) from customer l where l.id = $1::bigint),
                           (select to_jsonb(a) from archive.customer a where a.id = $1::bigint)) as v)
     select c.id::text as "survivorId", m.id::text as "mergeId", array_remove(array[${flags.join(', ')}], null) as columns
       from up join customer_merge m on m.id = up.merge_id join ${table} c on c.id = up.survivor_id cross join e
      order by c.id`,
    [customerId],
  );
  return rows.filter((r) => r.columns.length > 0);
}

/** The carried values leave the survivor's entries in merge snapshots too (a later merge keeps a copy). */
export async function eraseCarriedFromSnapshots(sql: SqlExecutor, survivorId: string, columns: string[], customerId: string): Promise<void> {
  await sql.query(
    `with e as (select coalesce((select to_jsonb(l) from customer l where l.id = $3::bigint),
                                (select to_jsonb(a) from archive.customer a where a.id = $3::bigint)) as v)
     update customer_merge m
        set snapshot = jsonb_set(m.snapshot, array[$1::text], (m.snapshot -> $1::text) || (
              select coalesce(jsonb_object_agg(x.key, case when x.key = 'name' then to_jsonb('Erased ' || (m.snapshot -> $1::text ->> 'code')) else 'null'::jsonb end), '{}')
                from unnest($2::text[], $4::text[]) as k(col, cmp)
                cross join lateral unnest(array[k.col] || array(select jsonb_array_elements_text(coalesce($5::jsonb -> k.col, '[]')))) as x(key)
               where m.snapshot -> $1::text ->> k.cmp = e.v ->> k.cmp))
       from e
      where m.snapshot ? $1::text`,
    [survivorId, columns, customerId, columns.map(compareColumn), JSON.stringify(COMPANIONS)],
  );
}
