import type { SqlExecutor } from '../../db/sql.js';

/** One kept state of a customer (customer_history). `seq` is the audit event that
 * claimed it; 0 for the baseline kept when history began; null when no event followed. */
export interface StateRow {
  id: string;
  at: string;
  seq: string | null;
  store: 'LIVE' | 'ARCHIVE';
  state: Record<string, unknown>;
}

/** One audit event about a customer. */
export interface EventRow {
  seq: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  reason: string | null;
  changes: Record<string, unknown>;
}

/** Every kept state of the customer, oldest first. */
export function readStates(sql: SqlExecutor, customerId: string): Promise<StateRow[]> {
  return sql.query<StateRow>(
    `select h.id::text as id, h.at, h.seq::text as seq, h.store, h.state
       from customer_history h where h.customer_id = $1::bigint order by h.id`,
    [customerId],
  );
}

/** Every audit event about the customer, oldest first. */
export function readEvents(sql: SqlExecutor, customerId: string): Promise<EventRow[]> {
  return sql.query<EventRow>(
    `select e.seq::text as seq, e.at, e.actor_id::text as "actorId", e.actor_role as "actorRole", e.action, e.reason, e.changes
       from audit_event e where e.entity_type = 'Customer' and e.entity_id = $1 order by e.seq`,
    [customerId],
  );
}

/** The state the customer had at `at`: the last one kept at or before it. */
export async function readStateAt(sql: SqlExecutor, customerId: string, at: string): Promise<StateRow | undefined> {
  const [row] = await sql.query<StateRow>(
    `select h.id::text as id, h.at, h.seq::text as seq, h.store, h.state
       from customer_history h where h.customer_id = $1::bigint and h.at <= $2::timestamptz
      order by h.at desc, h.id desc limit 1`,
    [customerId, at],
  );
  return row;
}

/** The state an audit event claimed, and the one kept before it. */
export async function readEventStates(sql: SqlExecutor, customerId: string, seq: string): Promise<{ before?: StateRow; after?: StateRow }> {
  const rows = await sql.query<StateRow & { which: 'after' | 'before' }>(
    `with claimed as (select h.* from customer_history h where h.customer_id = $1::bigint and h.seq = $2::bigint order by h.id limit 1)
     select 'after' as which, c.id::text as id, c.at, c.seq::text as seq, c.store, c.state from claimed c
     union all
     select 'before', p.id::text, p.at, p.seq::text, p.store, p.state from claimed c
       cross join lateral (select h.* from customer_history h where h.customer_id = c.customer_id and h.id < c.id order by h.id desc limit 1) p`,
    [customerId, seq],
  );
  return { after: rows.find((r) => r.which === 'after'), before: rows.find((r) => r.which === 'before') };
}

/** Purged customers leave no history: only the audit log's tombstone remains. */
export async function deleteHistory(sql: SqlExecutor, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await sql.query(`delete from customer_history where customer_id = any($1::bigint[])`, [customerIds]);
}

/**
 * Erasure reaches history too: the given stored columns become null in every kept state
 * of the customer (from the merge `sinceMerge` on, when given: values it carried in), and a private
 * person's name becomes the erased placeholder. The tax id goes with its shape.
 */
export async function eraseHistory(
  sql: SqlExecutor,
  customerId: string,
  columns: readonly string[],
  options: { erasedName?: boolean; sinceMerge?: string | null } = {},
): Promise<void> {
  const nulls = [...new Set(columns.flatMap((c) => (c === 'tax_id' ? ['tax_id', 'tax_id_shape'] : c === 'name' ? [] : [c])))];
  const nameErased = options.erasedName || columns.includes('name');
  await sql.query(
    `update customer_history h
        set state = h.state
          || (select coalesce(jsonb_object_agg(k, null), '{}'::jsonb) from unnest($2::text[]) k)
          || case when $3::boolean and ($4::boolean or h.state->>'type' = 'INDIVIDUAL')
                  then jsonb_build_object('name', 'Erased ' || (h.state->>'code')) else '{}'::jsonb end
      where h.customer_id = $1::bigint
        and ($5::bigint is null or h.at >= (select m.merged_at from customer_merge m where m.id = $5::bigint))`,
    [customerId, nulls, nameErased, columns.includes('name'), options.sinceMerge ?? null],
  );
}
