import { SENSITIVE_FIELDS, type GuardedField } from '../policy/policy.js';
import type { KeyRing } from './keyring.js';
import { openNullable, type SealedColumn } from './sealed.js';
import { idForClient } from '../common/client-id.js';

/**
 * Where each field the policy marks sensitive is stored encrypted: its column (AAD
 * name), the tables holding that column, the blind-index column beside it, and the
 * record key readers return it under. `sensitiveStorage()` fails at start (and the
 * storage test fails) when the policy marks a field this table does not cover.
 */
export interface SealedStorage {
  column: SealedColumn;
  /** Column name in every table below. */
  name: string;
  hashColumn: string;
  /** Columns derived from the value at write time (blind index included): erased with it. */
  companions: readonly string[];
  tables: readonly string[];
  /** The property on CustomerRecord / ArchivedCustomerRecord. */
  recordKey: 'taxId';
  fields: readonly GuardedField[];
}

export const SEALED_STORAGE: readonly SealedStorage[] = [
  {
    column: 'customer.tax_id',
    name: 'tax_id',
    hashColumn: 'tax_id_hash',
    companions: ['tax_id_hash', 'tax_id_shape'],
    tables: ['customer', 'archive.customer'],
    recordKey: 'taxId',
    fields: ['Customer.taxId', 'ArchivedCustomer.taxId'],
  },
];

/** Sensitive policy fields that no storage entry encrypts (should always be empty). */
export function unencryptedSensitiveFields(): GuardedField[] {
  const covered = new Set(SEALED_STORAGE.flatMap((s) => s.fields));
  return SENSITIVE_FIELDS.filter((f) => !covered.has(f));
}

{
  const missing = unencryptedSensitiveFields();
  if (missing.length) throw new Error(`policy marks ${missing.join(', ')} sensitive, but src/crypto/sensitive.ts does not encrypt it`);
}

/**
 * Decrypts the sensitive values of customer rows (live or archived) in place, once per
 * row as they come from SQL, before any field guard sees them: guards, masks and access
 * logging then work on the plaintext exactly as before. A value that fails to decrypt
 * fails the read with DECRYPTION_FAILED or ENCRYPTION_KEY_UNKNOWN, never garbage.
 */
export function openCustomerRows<T extends { id: string; taxId: string | null }>(rows: T[], ring?: KeyRing): T[] {
  for (const row of rows) {
    for (const s of SEALED_STORAGE) row[s.recordKey] = openNullable(s.column, row[s.recordKey], () => `customer ${idForClient('Customer', row.id)}`, ring);
  }
  return rows;
}
