import { openNullable } from '../../crypto/sealed.js';

/**
 * A customer's state as `customer_history` keeps it (migration 2026120710): stored
 * column names, the tax id sealed. Here it becomes record keys with the tax id opened,
 * the form history entries, time travel and revert work on.
 */

/** State column → record key, in the order history lists changed fields. */
export const STATE_FIELDS: Readonly<Record<string, string>> = {
  code: 'code',
  name: 'name',
  type: 'type',
  tier: 'tier',
  industry: 'industry',
  region: 'region',
  lifecycle_stage: 'lifecycleStage',
  status: 'status',
  owner_id: 'ownerId',
  email: 'email',
  phone: 'phone',
  address: 'address',
  tax_id: 'taxId',
  tags: 'tags',
  notes: 'notes',
  void_reason: 'voidReason',
  void_note: 'voidNote',
  voided_at: 'voidedAt',
  legal_hold: 'legalHold',
};

/** Keys a revert may put back: the fields people write through updateCustomer. Status,
 * voiding, holds and codes of merges change only through their own lifecycle verbs. */
export const REVERTIBLE_KEYS: readonly string[] = [
  'code', 'name', 'type', 'tier', 'industry', 'region', 'lifecycleStage', 'ownerId', 'email', 'phone', 'address', 'taxId', 'tags', 'notes',
];

export interface CustomerState {
  /** Record key → value; `taxId` in clear. */
  values: Record<string, unknown>;
  previousStatus: string | null;
  version: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export function openState(customerId: string, state: Record<string, unknown>): CustomerState {
  const values: Record<string, unknown> = {};
  for (const [column, key] of Object.entries(STATE_FIELDS)) values[key] = state[column] ?? null;
  values.taxId = openNullable('customer.tax_id', (state.tax_id as string | null) ?? null, `customer ${customerId} history`);
  if (values.ownerId != null) values.ownerId = String(values.ownerId);
  return {
    values,
    previousStatus: (state.previous_status as string | null) ?? null,
    version: (state.version as number | null) ?? null,
    createdAt: (state.created_at as string | null) ?? null,
    updatedAt: (state.updated_at as string | null) ?? null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The keys whose value differs between two states (all set keys when there is no before). */
export function changedKeys(before: CustomerState | null, after: CustomerState): string[] {
  return Object.values(STATE_FIELDS).filter((key) =>
    before ? !same(before.values[key], after.values[key]) : after.values[key] != null && !same(after.values[key], []),
  );
}
