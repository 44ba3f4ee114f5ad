import type { SqlExecutor } from '../../db/sql.js';
import type { MergeRecord } from './merge.types.js';

export const MERGE_COLUMNS = `
  m.id::text as id, m.survivor_id::text as "survivorId", m.merged_ids::text[] as "mergedIds",
  coalesce(m.picks->'list', '[]'::jsonb) as picks, m.merged_by::text as "mergedById", m.merged_at as "mergedAt",
  m.unmerged_by::text as "unmergedById", m.unmerged_at as "unmergedAt", m.unmerge_reason as "unmergeReason",
  (select count(*)::int from customer_merge_interaction mi where mi.merge_id = m.id) as "interactionCount"`;

export async function findMerge(sql: SqlExecutor, id: string, lock = false): Promise<MergeRecord | undefined> {
  if (!/^[1-9][0-9]{0,18}$/.test(id)) return undefined;
  return sql.one<MergeRecord>(`select ${MERGE_COLUMNS} from customer_merge m where m.id = $1::bigint ${lock ? 'for update' : ''}`, [id]);
}

let restorable: Promise<string[]> | undefined;

/**
 * The customer columns an unmerge writes back from the snapshot: all stored columns but
 * the id and `last_interaction_at`, which the interaction triggers recompute once the
 * interactions are back (so interactions logged since the merge still count). Read from
 * the catalog so a column added by a later migration is restored too.
 */
export function restorableColumns(sql: SqlExecutor): Promise<string[]> {
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

/** Puts every party's row back as the snapshot holds it. */
export async function restoreSnapshot(sql: SqlExecutor, mergeId: string, ids: string[]): Promise<void> {
  const columns = await restorableColumns(sql);
  const quoted = columns.map((c) => `"${c}"`);
  await sql.query(
    `update customer c set (${quoted.join(', ')}) =
       (select ${quoted.map((c) => `r.${c}`).join(', ')}
          from customer_merge m, jsonb_populate_record(null::customer, m.snapshot -> c.id::text) r where m.id = $1::bigint)
      where c.id = any($2::bigint[])`,
    [mergeId, ids],
  );
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
              'email', null, 'phone', null, 'address', null, 'tax_id', null, 'tax_id_hash', null, 'notes', null, 'void_note', null,
              'name', case when m.snapshot -> $1::text ->> 'type' = 'INDIVIDUAL'
                           then to_jsonb('Erased ' || (m.snapshot -> $1::text ->> 'code')) else m.snapshot -> $1::text -> 'name' end))
      where m.snapshot ? $1::text`,
    [customerId],
  );
}
