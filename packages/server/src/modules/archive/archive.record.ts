import type { CustomerRecord } from '../customer/customer.record.js';
import type { InteractionRecord } from '../interaction/interaction.record.js';

/** An archived customer as read from `archive.customer` (aliased `c`, so filters and
 * sorts written for live customers apply unchanged). `status` reads ARCHIVED;
 * `previousStatus` is what a restore puts back. */
export interface ArchivedCustomerRecord extends CustomerRecord {
  previousStatus: string;
  legalHold: boolean;
  archivedAt: string;
  archivedById: string | null;
  archiveReason: string;
  policyId: string | null;
  retainUntil: string | null;
  checksum: string;
}

export const ARCHIVED_CUSTOMER_COLUMNS = `
  c.id, c.code, c.name, c.type, c.tier, c.industry, c.region,
  c.lifecycle_stage as "lifecycleStage", 'ARCHIVED' as status, c.status as "previousStatus", c.owner_id as "ownerId",
  c.email, c.phone, c.address, c.tax_id as "taxId", c.tags, c.notes,
  c.last_interaction_at as "lastInteractionAt", c.created_at as "createdAt",
  c.updated_at as "updatedAt", c.version, c.void_reason as "voidReason",
  c.void_note as "voidNote", c.voided_at as "voidedAt", c.legal_hold as "legalHold",
  c.archived_at as "archivedAt", c.archived_by as "archivedById", c.archive_reason as "archiveReason",
  c.archive_policy_id::text as "policyId", c.retain_until as "retainUntil", encode(c.checksum, 'hex') as checksum`;

export interface ArchivedInteractionRecord extends InteractionRecord {
  archivedAt: string;
  archiveReason: string;
  archivedWithCustomer: boolean;
}

export const ARCHIVED_INTERACTION_COLUMNS = `
  i.id, i.customer_id as "customerId", i.kind, i.occurred_at as "occurredAt", i.channel,
  i.subject, i.body, i.amount, i.currency, i.owner_id as "ownerId", i.created_at as "createdAt",
  i.archived_at as "archivedAt", i.archive_reason as "archiveReason", i.with_customer as "archivedWithCustomer"`;
