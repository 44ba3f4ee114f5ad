import { keyRing, type KeyRing } from '../../crypto/keyring.js';
import { open } from '../../crypto/sealed.js';
import { storedTaxId } from '../customer/customer.tax.js';
import { rewriteSealedTaxIds, type RunSql } from '../customer/customer.store.js';
import { customerDigest } from '../archive/archive.columns.js';
import { idForClient } from '../../common/client-id.js';

export type { RunSql };

/** The stored form of a value under the current key starts with this. */
export function currentPrefix(ring: KeyRing = keyRing()): string {
  return `v1:${ring.currentId}:`;
}

/** Rows whose tax id is not (yet) under the current key: legacy plaintext, or ciphertext
 * under a retired key. `left(…) <>` rather than LIKE, since key ids may contain `_`. */
export function staleTaxId(alias: string): string {
  return `${alias}.tax_id is not null and left(${alias}.tax_id, length($1::text)) <> $1::text`;
}

export interface ResealBatch {
  /** Highest id looked at (the next batch starts after it); null when nothing was left. */
  lastId: string | null;
  rewritten: number;
  /** Archived rows left as they are because their checksum no longer matched. */
  skipped: number;
}

/**
 * Re-encrypts the next `size` tax ids after `afterId` that are not under the current key
 * (decrypting with whichever ring key they name; legacy plaintext as is) and recomputes
 * their blind index with the current key. Rows are locked and rewritten in one statement.
 * Archived rows are resealed (checksum) and queued for the search index, but only when
 * their checksum still matched: re-encrypting must never launder a silent edit, so a
 * mismatching row stays as it is and is counted in `skipped`.
 */
export async function resealTaxIds(
  run: RunSql,
  table: 'customer' | 'archive.customer',
  afterId: string,
  size: number,
  ring: KeyRing = keyRing(),
): Promise<ResealBatch> {
  const archived = table === 'archive.customer';
  const rows = await run<{ id: string; taxId: string; intact: boolean }>(
    `select c.id::text, c.tax_id as "taxId", ${archived ? `c.checksum = ${customerDigest('c')}` : 'true'} as intact
       from ${table} c where c.id > $2::bigint and ${staleTaxId('c')}
      order by c.id limit $3::int for update`,
    [currentPrefix(ring), afterId, size],
  );
  if (rows.length === 0) return { lastId: null, rewritten: 0, skipped: 0 };
  const todo = rows.filter((r) => r.intact);
  if (todo.length) {
    const ids: string[] = [];
    const sealed: string[] = [];
    const hashes: (Buffer | null)[] = [];
    const shapes: (string | null)[] = [];
    for (const row of todo) {
      const stored = storedTaxId(open('customer.tax_id', row.taxId, `customer ${idForClient('Customer', row.id)}`, ring), ring);
      ids.push(row.id);
      sealed.push(stored.taxId!);
      hashes.push(stored.taxIdHash);
      shapes.push(stored.taxIdShape);
    }
    // The shape is recomputed too: values from before encryption get theirs here.
    if (archived) {
      await run(
        `update archive.customer c set tax_id = v.tax_id, tax_id_hash = v.hash, tax_id_shape = v.shape
           from unnest($1::bigint[], $2::text[], $3::bytea[], $4::text[]) as v(id, tax_id, hash, shape) where c.id = v.id`,
        [ids, sealed, hashes, shapes],
      );
      await run(
        `with c as (update archive.customer c set checksum = ${customerDigest('c')} where c.id = any($1::bigint[]) returning c.id)
         insert into search_outbox (customer_id) select id from c`,
        [ids],
      );
    } else {
      await rewriteSealedTaxIds(run, { ids, sealed, hashes, shapes });
    }
  }
  return { lastId: rows.at(-1)!.id, rewritten: todo.length, skipped: rows.length - todo.length };
}

/**
 * The same for the customer rows merges keep (`customer_merge.snapshot`, used by
 * unmerge): every entry's tax id is re-encrypted and its blind index recomputed, so a
 * retired key is not still needed to undo an old merge.
 */
export async function resealMergeSnapshots(run: RunSql, afterId: string, size: number, ring: KeyRing = keyRing()): Promise<ResealBatch> {
  const rows = await run<{ id: string; snapshot: Record<string, Record<string, unknown>> }>(
    `select m.id::text, m.snapshot from customer_merge m
      where m.id > $2::bigint
        and exists (select 1 from jsonb_each(m.snapshot) e where e.value ->> 'tax_id' is not null
                       and left(e.value ->> 'tax_id', length($1::text)) <> $1::text)
      order by m.id limit $3::int for update`,
    [currentPrefix(ring), afterId, size],
  );
  if (rows.length === 0) return { lastId: null, rewritten: 0, skipped: 0 };
  for (const row of rows) {
    for (const [customerId, entry] of Object.entries(row.snapshot)) {
      const stored = entry.tax_id as string | null | undefined;
      if (stored == null || stored.startsWith(currentPrefix(ring))) continue;
      const rewritten = storedTaxId(open('customer.tax_id', stored, `customer ${idForClient('Customer', customerId)} in merge ${idForClient('CustomerMerge', row.id)}`, ring), ring);
      entry.tax_id = rewritten.taxId;
      // As to_jsonb writes bytea, so unmerge's jsonb_populate_record reads it back.
      entry.tax_id_hash = rewritten.taxIdHash ? `\\x${rewritten.taxIdHash.toString('hex')}` : null;
      entry.tax_id_shape = rewritten.taxIdShape;
    }
  }
  await run(
    `update customer_merge m set snapshot = v.snapshot
       from jsonb_to_recordset($1::jsonb) as v(id bigint, snapshot jsonb) where m.id = v.id`,
    [JSON.stringify(rows)],
  );
  return { lastId: rows.at(-1)!.id, rewritten: rows.length, skipped: 0 };
}

/** Kept customer states (customer_history, issue 21) whose tax id is not under the current key. */
const STALE_STATE = `h.state ->> 'tax_id' is not null and left(h.state ->> 'tax_id', length($1::text)) <> $1::text`;

/**
 * The same for customer history: every kept state's tax id re-encrypted, so a retired key
 * is not still needed to read a customer's history or to revert to an old tax id. States
 * keep the value only (no blind index); the shape is the value's and does not change.
 */
export async function resealHistoryStates(run: RunSql, afterId: string, size: number, ring: KeyRing = keyRing()): Promise<ResealBatch> {
  const rows = await run<{ id: string; customerId: string; taxId: string }>(
    `select h.id::text, h.customer_id::text as "customerId", h.state ->> 'tax_id' as "taxId" from customer_history h
      where h.id > $2::bigint and ${STALE_STATE}
      order by h.id limit $3::int for update`,
    [currentPrefix(ring), afterId, size],
  );
  if (rows.length === 0) return { lastId: null, rewritten: 0, skipped: 0 };
  const sealed = rows.map((r) => storedTaxId(open('customer.tax_id', r.taxId, `customer ${idForClient('Customer', r.customerId)} history`, ring), ring).taxId);
  await run(
    `update customer_history h set state = jsonb_set(h.state, '{tax_id}', to_jsonb(v.tax_id))
       from unnest($1::bigint[], $2::text[]) as v(id, tax_id) where h.id = v.id`,
    [rows.map((r) => r.id), sealed],
  );
  return { lastId: rows.at(-1)!.id, rewritten: rows.length, skipped: 0 };
}

/** How many values the rotation still has to rewrite (the job's total). */
export async function countStale(run: RunSql, ring: KeyRing = keyRing()): Promise<number> {
  const [row] = await run<{ n: number }>(
    `select ((select count(*) from customer c where ${staleTaxId('c')})
           + (select count(*) from archive.customer c where ${staleTaxId('c')})
           + (select count(*) from customer_merge m where exists (
                select 1 from jsonb_each(m.snapshot) e where e.value ->> 'tax_id' is not null
                   and left(e.value ->> 'tax_id', length($1::text)) <> $1::text))
           + (select count(*) from customer_history h where ${STALE_STATE}))::int as n`,
    [currentPrefix(ring)],
  );
  return row!.n;
}
