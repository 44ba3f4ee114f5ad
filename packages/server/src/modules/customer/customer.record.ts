import type { CustomerStatus, CustomerTier, CustomerType, LifecycleStage, VoidReason } from './customer.enums.js';

/** A customer row as read by `customer.reader.ts`: timestamps stay PostgreSQL text. */
export interface CustomerRecord {
  id: string;
  code: string;
  name: string;
  type: CustomerType;
  tier: CustomerTier;
  industry: string | null;
  region: string | null;
  lifecycleStage: LifecycleStage;
  status: CustomerStatus;
  ownerId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  taxId: string | null;
  tags: string[];
  notes: string | null;
  lastInteractionAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  voidReason: VoidReason | null;
  voidNote: string | null;
  voidedAt: string | null;
}

export const CUSTOMER_COLUMNS = `
  c.id, c.code, c.name, c.type, c.tier, c.industry, c.region,
  c.lifecycle_stage as "lifecycleStage", c.status, c.owner_id as "ownerId",
  c.email, c.phone, c.address, c.tax_id as "taxId", c.tags, c.notes,
  c.last_interaction_at as "lastInteractionAt", c.created_at as "createdAt",
  c.updated_at as "updatedAt", c.version, c.void_reason as "voidReason",
  c.void_note as "voidNote", c.voided_at as "voidedAt"`;
