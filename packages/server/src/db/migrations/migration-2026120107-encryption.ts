import { Migration } from '@mikro-orm/migrations';

/** The archive checksum as it was computed when this migration was written (a frozen copy
 * of modules/archive/archive.columns.ts's rowDigest: a migration must mean the same thing
 * whatever the code does later, and the database layer does not import modules). */
const TIMESTAMPS = new Set(['last_interaction_at', 'created_at', 'updated_at', 'voided_at', 'occurred_at']);
function rowDigest(columns: readonly string[], alias: string): string {
  const values = columns.map((c) =>
    TIMESTAMPS.has(c) ? `to_char(${alias}.${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')` : `${alias}.${c}`,
  );
  return `sha256(convert_to(jsonb_build_array(${values.join(', ')})::text, 'UTF8'))`;
}

/** The customer store columns before this migration (frozen: the archive checksums
 * written until now cover exactly these). */
export const COLUMNS_BEFORE_ENCRYPTION = [
  'id', 'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycle_stage', 'status', 'owner_id', 'email', 'phone',
  'address', 'tax_id', 'tags', 'notes', 'last_interaction_at', 'created_at', 'updated_at', 'version', 'void_reason',
  'void_note', 'voided_at', 'legal_hold', 'stage_override',
];

/**
 * Sensitive fields encrypted at rest (src/crypto): the tax id column keeps its type
 * (text) and from now on holds `v1:<keyId>:<…>` ciphertext; `tax_id_hash` beside it
 * holds the keyed blind index (HMAC-SHA256 of the normalized tax id) that exact lookups
 * and duplicate detection compare, and `tax_id_shape`, which data-quality rule the value
 * breaks if any (SQL can no longer look at the value), on the live and archive tables.
 *
 * Values already stored stay plaintext until the `ROTATE_ENCRYPTION_KEYS` job (CLI
 * `keys:rotate`) encrypts them and fills their blind index; reads accept both forms
 * meanwhile. The archive checksums now also cover `tax_id_hash`, so archived rows whose
 * checksum was intact are resealed here (those that already failed keep failing).
 */
export class MigrationEncryption extends Migration {
  override name = 'migration-2026120107-encryption';

  override up(): void {
    for (const table of ['customer', 'archive.customer']) {
      this.addSql(`alter table ${table} add column tax_id_hash bytea, add column tax_id_shape text`);
    }
    this.addSql(`create index customer_tax_id_hash_idx on customer (tax_id_hash) where tax_id_hash is not null`);
    this.addSql(`create index archive_customer_tax_id_hash_idx on archive.customer (tax_id_hash) where tax_id_hash is not null`);
    const after = [...COLUMNS_BEFORE_ENCRYPTION, 'tax_id_hash', 'tax_id_shape'];
    this.addSql(`
      with resealed as (
        update archive.customer a set checksum = ${rowDigest(after, 'a')}
         where a.checksum = ${rowDigest(COLUMNS_BEFORE_ENCRYPTION, 'a')}
        returning a.id)
      insert into search_outbox (customer_id) select id from resealed`);
  }
}
