import type { AuditChanges } from '../audit/audit.changes.js';
import type { CustomerStatus, CustomerTier, CustomerType, LifecycleStage, VoidReason } from './customer.enums.js';
import type { CustomerRecord } from './customer.record.js';
import { storedTaxId } from './customer.tax.js';

/**
 * The vocabulary of the customer store (customer.store.ts): typed field changes, the
 * column each one writes, and which of them the audit log records. Pure: writing stays in
 * the store, which a source test keeps the only writer of the table.
 */

/** Fields whose changes the audit log records for customers. */
export const CUSTOMER_AUDITED_FIELDS = [
  'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycleStage', 'status', 'ownerId', 'email', 'phone',
  'address', 'taxId', 'tags', 'notes',
] as const;

/** Audited as well when a write changes them (not part of a creation's snapshot). */
export const AUDITED_ON_CHANGE = new Set<string>([...CUSTOMER_AUDITED_FIELDS, 'voidReason', 'legalHold']);

/** A live customer as the write path reads it: the record plus the write-side columns. */
export interface StoredCustomer extends CustomerRecord {
  legalHold: boolean;
  stageOverride: boolean;
}

/** Changes to one customer, by record key. `undefined` leaves a field as it is; the tax
 * id is given in clear (the store seals it); `voidedAt: 'now'` is the transaction's time. */
export interface CustomerChanges {
  code?: string;
  name?: string;
  type?: CustomerType;
  tier?: CustomerTier;
  industry?: string | null;
  region?: string | null;
  lifecycleStage?: LifecycleStage;
  /** Set when a person picks the stage: the activity classifier then leaves it. */
  stageOverride?: boolean;
  status?: CustomerStatus;
  ownerId?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  taxId?: string | null;
  tags?: string[];
  notes?: string | null;
  voidReason?: VoidReason | null;
  voidNote?: string | null;
  voidedAt?: 'now' | string | null;
  legalHold?: boolean;
}

export type ChangeKey = keyof CustomerChanges;

/** Column and SQL type of each key; `taxId` stands for its three stored columns. */
export const COLUMN: Record<ChangeKey, { column: string; type: 'text' | 'text[]' | 'bigint' | 'boolean' | 'timestamptz' }> = {
  code: { column: 'code', type: 'text' },
  name: { column: 'name', type: 'text' },
  type: { column: 'type', type: 'text' },
  tier: { column: 'tier', type: 'text' },
  industry: { column: 'industry', type: 'text' },
  region: { column: 'region', type: 'text' },
  lifecycleStage: { column: 'lifecycle_stage', type: 'text' },
  stageOverride: { column: 'stage_override', type: 'boolean' },
  status: { column: 'status', type: 'text' },
  ownerId: { column: 'owner_id', type: 'bigint' },
  email: { column: 'email', type: 'text' },
  phone: { column: 'phone', type: 'text' },
  address: { column: 'address', type: 'text' },
  taxId: { column: 'tax_id', type: 'text' },
  tags: { column: 'tags', type: 'text[]' },
  notes: { column: 'notes', type: 'text' },
  voidReason: { column: 'void_reason', type: 'text' },
  voidNote: { column: 'void_note', type: 'text' },
  voidedAt: { column: 'voided_at', type: 'timestamptz' },
  legalHold: { column: 'legal_hold', type: 'boolean' },
};

export interface CustomerEdit {
  /** The row as locked and read by the caller (lockCustomers, readForWrite). */
  before: StoredCustomer | CustomerRecord;
  changes: CustomerChanges;
}

export interface CustomerWrite {
  id: string;
  before: StoredCustomer | CustomerRecord;
  after: StoredCustomer;
  /** The audited fields that changed, from → to, personal values masked. */
  changes: AuditChanges;
}

export interface AuditSpec {
  action: string;
  reason?: string | null;
  /** Added to each customer's event beside its diff. */
  extra?: (write: CustomerWrite) => Record<string, unknown>;
}

export interface WriteOptions {
  /** One event per written customer; null when the caller records its own event. */
  audit: AuditSpec | null;
  /** Bump version and updated_at even when no field changes (a merge's survivor, an
   * erasure: a later unmerge must see that the row was touched). */
  touch?: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changedKeys(before: StoredCustomer | CustomerRecord, changes: CustomerChanges): ChangeKey[] {
  return (Object.keys(changes) as ChangeKey[]).filter((key) => {
    const value = changes[key];
    if (value === undefined) return false;
    if (key === 'voidedAt' && value === 'now') return true;
    return !same((before as unknown as Record<string, unknown>)[key], value);
  });
}

/** The recordset value of one key (a tax id becomes its ciphertext, blind index and shape). */
export function storedValues(key: ChangeKey, value: unknown): Record<string, unknown> {
  if (key === 'taxId') {
    const sealed = storedTaxId((value as string | null) ?? null);
    return { tax_id: sealed.taxId, tax_id_hash: sealed.taxIdHash ? sealed.taxIdHash.toString('hex') : null, tax_id_shape: sealed.taxIdShape };
  }
  return { [COLUMN[key].column]: value ?? null };
}

export function recordsetColumns(keys: readonly ChangeKey[]): { defs: string[]; sets: string[] } {
  const defs: string[] = [];
  const sets: string[] = [];
  for (const key of keys) {
    const { column, type } = COLUMN[key];
    if (key === 'taxId') {
      defs.push('tax_id text', 'tax_id_hash text', 'tax_id_shape text');
      sets.push('tax_id = v.tax_id', `tax_id_hash = decode(v.tax_id_hash, 'hex')`, 'tax_id_shape = v.tax_id_shape');
    } else if (type === 'timestamptz') {
      defs.push(`${column} text`);
      sets.push(`${column} = case when v.${column} = 'now' then now() else v.${column}::timestamptz end`);
    } else {
      defs.push(`${column} ${type}`);
      sets.push(`${column} = v.${column}`);
    }
  }
  return { defs, sets };
}
