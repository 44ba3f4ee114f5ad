/**
 * The columns a customer and an interaction carry between the hot tables and the archive
 * schema. Moves name them explicitly (never `select *`), so a column added later to one
 * table cannot silently shift values into the wrong column of the other; the archive
 * test compares these lists with the live catalog and fails when they drift. Generated
 * columns (the customer's name key) are not carried: each table computes its own.
 */
export const CUSTOMER_STORE_COLUMNS = [
  'id', 'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycle_stage', 'status', 'owner_id', 'email', 'phone',
  'address', 'tax_id', 'tags', 'notes', 'last_interaction_at', 'created_at', 'updated_at', 'version', 'void_reason',
  'void_note', 'voided_at', 'legal_hold', 'stage_override', 'tax_id_hash',
  'tax_id_shape',
] as const;

export const INTERACTION_STORE_COLUMNS = [
  'id', 'customer_id', 'kind', 'occurred_at', 'channel', 'subject', 'body', 'amount', 'currency', 'owner_id', 'created_at',
] as const;

const TIMESTAMPS = new Set(['last_interaction_at', 'created_at', 'updated_at', 'voided_at', 'occurred_at']);

export function columnList(columns: readonly string[], alias?: string): string {
  return columns.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');
}

/**
 * SHA-256 over a canonical text of the row's stored values. Timestamps are rendered in
 * UTC with microseconds and numerics keep their scale, so the digest depends on the data
 * alone, never on session settings such as TimeZone or DateStyle.
 */
export function rowDigest(columns: readonly string[], alias: string): string {
  const values = columns.map((c) =>
    TIMESTAMPS.has(c) ? `to_char(${alias}.${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')` : `${alias}.${c}`,
  );
  return `sha256(convert_to(jsonb_build_array(${values.join(', ')})::text, 'UTF8'))`;
}

export const customerDigest = (alias: string) => rowDigest(CUSTOMER_STORE_COLUMNS, alias);
export const interactionDigest = (alias: string) => rowDigest(INTERACTION_STORE_COLUMNS, alias);
