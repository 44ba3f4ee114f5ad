import type { SqlExecutor } from '../../db/sql.js';
import { outboxInsertFrom } from '../../search/outbox.js';
import { columnList, CUSTOMER_STORE_COLUMNS, customerDigest, INTERACTION_STORE_COLUMNS, interactionDigest } from './archive.columns.js';

/**
 * Set-based moves between the hot tables and the `archive` schema. Each function is one
 * SQL statement (plus a setting) inside the caller's transaction: rows never pass through
 * JavaScript, and a crash anywhere leaves each row in exactly one store because the
 * delete and the insert commit together or not at all. Customer moves also write their
 * search-index outbox rows in the same statement (search/outbox.ts).
 */

export interface ArchiveMeta {
  actorId: string | null;
  reason: string;
  policyId: string | null;
  retainUntil: string | null;
}

/** A condition on the hot `customer c` (or `interaction i`) with its own parameters,
 * numbered from $1; the store appends its parameters after them. */
export interface Selection {
  where: string;
  params: unknown[];
}

const C = CUSTOMER_STORE_COLUMNS;
const I = INTERACTION_STORE_COLUMNS;

/** Keeps the derived last_interaction_at exactly as it is while rows change stores. */
async function markMoving(sql: SqlExecutor): Promise<void> {
  await sql.query(`select set_config('custos.moving', 'on', true)`);
}

function metaParams(selection: Selection, meta: ArchiveMeta) {
  const base = selection.params.length;
  return {
    values: [...selection.params, meta.actorId, meta.reason, meta.policyId, meta.retainUntil],
    actor: `$${base + 1}::bigint`,
    reason: `$${base + 2}::text`,
    policy: `$${base + 3}::bigint`,
    retain: `$${base + 4}::timestamptz`,
  };
}

export interface MovedCustomer {
  id: string;
  /** The status it had (ACTIVE or VOID), kept in the archive row and restored later. */
  status: string;
  code: string;
  ownerId: string | null;
}

/** A customer left where it is because another customer holds its code in the other store. */
export interface CodeConflict {
  id: string;
  code: string;
}

/**
 * Archives the ACTIVE or VOID customers matched by `selection` together with all their
 * interactions. Rows are locked in id order, so concurrent moves and edits queue rather
 * than deadlock; a customer an editor is holding is archived after the edit commits.
 * A live customer whose code an archived one also holds (a twin from before codes were
 * keyed across both stores) stays live and is returned in `conflicts`, so it cannot
 * fail the whole batch.
 */
export async function archiveCustomerRows(
  sql: SqlExecutor,
  selection: Selection,
  meta: ArchiveMeta,
): Promise<{ customers: MovedCustomer[]; interactions: number; conflicts: CodeConflict[] }> {
  await markMoving(sql);
  // Locked in a statement of their own: the move below then reads with a snapshot taken
  // after every lock was granted, so it sees the interactions committed while it waited
  // for a row. Locking and moving in one statement missed those, and deleting their
  // customer failed on the foreign key.
  const locked = await sql.query<{ id: string }>(
    `select c.id::text from customer c where (${selection.where}) and c.status in ('ACTIVE', 'VOID') order by c.id for update of c`,
    selection.params,
  );
  if (locked.length === 0) return { customers: [], interactions: 0, conflicts: [] };
  const p = metaParams({ where: '', params: [locked.map((r) => r.id)] }, meta);
  const row = await sql.one<{ interactions: number; customers: MovedCustomer[]; conflicts: CodeConflict[] }>(
    `with sel as (
       select c.id, c.code, exists (select 1 from archive.customer a where a.code = c.code and a.id <> c.id) as twin
         from customer c where c.id = any($1::bigint[])
     ), mv as (
       select id from sel where not twin
     ), mi as (
       delete from interaction i using mv where i.customer_id = mv.id returning i.*
     ), ai as (
       insert into archive.interaction (${columnList(I)}, archived_at, archived_by, archive_reason, archive_policy_id, with_customer, checksum)
       select ${columnList(I, 'mi')}, now(), ${p.actor}, ${p.reason}, ${p.policy}, true, ${interactionDigest('mi')} from mi
       returning 1
     ), mc as (
       delete from customer c using mv where c.id = mv.id returning c.*
     ), ac as (
       insert into archive.customer (${columnList(C)}, archived_at, archived_by, archive_reason, archive_policy_id, retain_until, checksum)
       select ${columnList(C, 'mc')}, now(), ${p.actor}, ${p.reason}, ${p.policy}, ${p.retain}, ${customerDigest('mc')} from mc
       returning id, status, code, owner_id
     ), so as (
       ${outboxInsertFrom('ac')}
     )
     select (select count(*) from ai)::int as interactions,
            coalesce((select json_agg(json_build_object('id', id::text, 'status', status, 'code', code, 'ownerId', owner_id::text) order by id)
                        from ac), '[]'::json) as customers,
            coalesce((select json_agg(json_build_object('id', id::text, 'code', code) order by id) from sel where twin), '[]'::json) as conflicts`,
    p.values,
  );
  return row!;
}

export interface IntegrityProblem {
  id: string;
  customerChecksumOk: boolean;
  badInteractions: number;
}

/**
 * Locks the archived customers to restore and re-checks their checksums and those of the
 * interactions archived with them. A record that fails is not restored: putting back
 * something other than what was archived would break the promise of an exact restore.
 */
export async function checkArchivedForRestore(
  sql: SqlExecutor,
  ids: readonly string[],
  ownerId?: string,
): Promise<{ found: { id: string; code: string; status: string }[]; problems: IntegrityProblem[] }> {
  const rows = await sql.query<{ id: string; code: string; status: string; ok: boolean; bad: number }>(
    `select a.id::text, a.code, a.status, a.checksum = ${customerDigest('a')} as ok,
            (select count(*) from archive.interaction ai
              where ai.customer_id = a.id and ai.with_customer and ai.checksum <> ${interactionDigest('ai')})::int as bad
       from archive.customer a
      where a.id = any($1::bigint[]) and ($2::bigint is null or a.owner_id = $2::bigint)
      order by a.id
      for update of a`,
    [ids, ownerId ?? null],
  );
  return {
    found: rows.map(({ id, code, status }) => ({ id, code, status })),
    problems: rows.filter((r) => !r.ok || r.bad > 0).map((r) => ({ id: r.id, customerChecksumOk: r.ok, badInteractions: r.bad })),
  };
}

/**
 * Makes sure each archived customer about to be restored holds the key of its code, and
 * names those whose code another customer holds (a twin from before the key table): they
 * must not be restored. Call with the archived rows locked (checkArchivedForRestore), in
 * the restoring transaction, so the keys are kept from here to the commit.
 */
export async function claimCodesForRestore(sql: SqlExecutor, ids: readonly string[]): Promise<CodeConflict[]> {
  if (ids.length === 0) return [];
  let rows: (CodeConflict & { owner: string | null })[] = [];
  // A key found taken can be released by its owner's purge before it is read: claim again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await sql.query(
      `insert into customer_code (code, customer_id) select a.code, a.id from archive.customer a
        where a.id = any($1::bigint[]) order by a.id on conflict (code) do nothing`,
      [ids],
    );
    rows = await sql.query<CodeConflict & { owner: string | null }>(
      `select a.id::text, a.code, k.customer_id::text as owner
         from archive.customer a left join customer_code k on k.code = a.code
        where a.id = any($1::bigint[])
          and (k.customer_id is distinct from a.id or exists (select 1 from customer c where c.code = a.code and c.id <> a.id))
        order by a.id`,
      [ids],
    );
    if (rows.every((r) => r.owner !== null)) break;
  }
  return rows.map(({ id, code }) => ({ id, code }));
}

/** Puts archived customers back with the interactions archived with them: same ids,
 * timestamps, numbers and text, and the status they had before. */
export async function restoreCustomerRows(
  sql: SqlExecutor,
  ids: readonly string[],
): Promise<{ customers: MovedCustomer[]; interactions: number }> {
  if (ids.length === 0) return { customers: [], interactions: 0 };
  await markMoving(sql);
  const row = await sql.one<{ interactions: number; customers: MovedCustomer[] }>(
    `with sel as (
       select unnest($1::bigint[]) as id
     ), ra as (
       delete from archive.customer a using sel where a.id = sel.id returning a.*
     ), rc as (
       insert into customer (${columnList(C)}) select ${columnList(C, 'ra')} from ra
       returning id, status, code, owner_id
     ), ri as (
       delete from archive.interaction ai using sel where ai.customer_id = sel.id and ai.with_customer returning ai.*
     ), rn as (
       insert into interaction (${columnList(I)}) select ${columnList(I, 'ri')} from ri returning 1
     ), so as (
       ${outboxInsertFrom('ra')}
     )
     select (select count(*) from rn)::int as interactions,
            coalesce((select json_agg(json_build_object('id', id::text, 'status', status, 'code', code, 'ownerId', owner_id::text) order by id)
                        from rc), '[]'::json) as customers`,
    [ids],
  );
  return row!;
}

/** Archives the interactions matched by `selection` (on alias `i`) while their
 * customers stay live; returns how many moved per customer. */
export async function archiveInteractionRows(
  sql: SqlExecutor,
  selection: Selection,
  meta: ArchiveMeta,
): Promise<{ customerId: string; count: number }[]> {
  await markMoving(sql);
  const p = metaParams(selection, meta);
  return sql.query<{ customerId: string; count: number }>(
    `with mi as (
       delete from interaction i where ${selection.where} returning i.*
     ), ai as (
       insert into archive.interaction (${columnList(I)}, archived_at, archived_by, archive_reason, archive_policy_id, with_customer, checksum)
       select ${columnList(I, 'mi')}, now(), ${p.actor}, ${p.reason}, ${p.policy}, false, ${interactionDigest('mi')} from mi
       returning customer_id
     )
     select customer_id::text as "customerId", count(*)::int as count from ai group by customer_id order by customer_id`,
    // Interactions carry no retention of their own: drop the last (retain_until) parameter.
    p.values.slice(0, -1),
  );
}

export interface ArchiveVerification {
  ok: boolean;
  checkedCustomers: number;
  checkedInteractions: number;
  /** CUSTOMER and INTERACTION: the checksum no longer matches. CODE_TWIN: an archived
   * customer whose code a live customer also holds (docs/api-clients/lifecycle.md, code twins, for the repair). */
  mismatches: { kind: 'CUSTOMER' | 'INTERACTION' | 'CODE_TWIN'; id: string }[];
}

/** Re-computes every archived row's checksum and names those that no longer match, and
 * the archived customers whose code is also live (at most `limit` of each; the counts
 * cover everything). */
export async function verifyArchiveRows(sql: SqlExecutor, limit = 100): Promise<ArchiveVerification> {
  const [counts] = await sql.query<{ customers: number; interactions: number }>(
    `select (select count(*) from archive.customer)::int as customers, (select count(*) from archive.interaction)::int as interactions`,
  );
  const mismatches = await sql.query<{ kind: 'CUSTOMER' | 'INTERACTION' | 'CODE_TWIN'; id: string }>(
    `(select 'CUSTOMER' as kind, a.id::text as id from archive.customer a where a.checksum <> ${customerDigest('a')} order by a.id limit $1)
     union all
     (select 'INTERACTION', ai.id::text from archive.interaction ai where ai.checksum <> ${interactionDigest('ai')} order by ai.id limit $1)
     union all
     (select 'CODE_TWIN', a.id::text from archive.customer a join customer c on c.code = a.code and c.id <> a.id order by a.id limit $1)`,
    [limit],
  );
  return {
    ok: mismatches.length === 0,
    checkedCustomers: counts!.customers,
    checkedInteractions: counts!.interactions,
    mismatches,
  };
}
