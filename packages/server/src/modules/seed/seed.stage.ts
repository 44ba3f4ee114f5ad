import type pg from 'pg';
import { storedTaxId } from '../customer/customer.tax.js';

/** The demo seed's staging step: generated customers wait here while their tax ids are sealed. */

const STAGE_COLUMNS = [
  'id', 'code', 'name', 'type', 'tier', 'industry', 'region', 'status', 'owner_id', 'email', 'phone', 'address', 'tax_id',
  'tags', 'notes', 'created_at', 'updated_at', 'void_reason', 'void_note', 'voided_at',
];

/** A temporary copy of the customer columns the generator writes (no indexes, no
 * triggers), taking ids from the customer sequence. */
export async function createStage(client: pg.ClientBase): Promise<void> {
  await client.query(`drop table if exists seed_stage, seed_sealed`);
  await client.query(`create temp table seed_stage as select ${STAGE_COLUMNS.join(', ')} from customer limit 0`);
  await client.query(`alter table seed_stage alter id set default nextval(pg_get_serial_sequence('customer', 'id'))`);
  await client.query(`create temp table seed_sealed (id bigint primary key, tax_id text not null, hash bytea, shape text)`);
}

/**
 * Tax ids are generated in SQL like everything else (fast, set-based), then encrypted
 * in the application (the key never reaches PostgreSQL) while still in the staging
 * table: read in chunks, sealed with their blind index, written to a side table, and
 * the batch goes into `customer` in one insert. Encrypting after the insert instead
 * (an UPDATE of every row with a tax id) rewrote each row and all its index entries
 * a second time and cost about as much as generating the customers.
 */
export async function moveStage(client: pg.ClientBase, chunk: number): Promise<void> {
  const { rows } = await client.query<{ id: string; tax_id: string }>(`select id::text, tax_id from seed_stage where tax_id is not null`);
  for (let i = 0; i < rows.length; i += chunk) {
    const ids: string[] = [];
    const sealed: (string | null)[] = [];
    const hashes: (Buffer | null)[] = [];
    const shapes: (string | null)[] = [];
    for (const row of rows.slice(i, i + chunk)) {
      const s = storedTaxId(row.tax_id);
      ids.push(row.id);
      sealed.push(s.taxId);
      hashes.push(s.taxIdHash);
      shapes.push(s.taxIdShape);
    }
    await client.query(`insert into seed_sealed (id, tax_id, hash, shape) select * from unnest($1::bigint[], $2::text[], $3::bytea[], $4::text[])`, [
      ids, sealed, hashes, shapes,
    ]);
  }
  const plain = STAGE_COLUMNS.filter((c) => c !== 'tax_id').map((c) => `s.${c}`);
  await client.query(
    `insert into customer (${STAGE_COLUMNS.filter((c) => c !== 'tax_id').join(', ')}, tax_id, tax_id_hash, tax_id_shape)
     select ${plain.join(', ')}, e.tax_id, e.hash, e.shape from seed_stage s left join seed_sealed e on e.id = s.id order by s.id`,
  );
  await client.query(`truncate seed_stage, seed_sealed`);
}

export async function dropStage(client: pg.ClientBase): Promise<void> {
  await client.query(`drop table seed_stage, seed_sealed`);
}
