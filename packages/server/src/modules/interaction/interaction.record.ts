import type { InteractionChannel, InteractionKind } from './interaction.enums.js';

export interface InteractionRecord {
  id: string;
  customerId: string;
  kind: InteractionKind;
  occurredAt: string;
  channel: InteractionChannel | null;
  subject: string;
  body: string | null;
  amount: string | null;
  currency: string | null;
  ownerId: string | null;
  createdAt: string;
}

export const INTERACTION_COLUMNS = `
  i.id, i.customer_id as "customerId", i.kind, i.occurred_at as "occurredAt", i.channel,
  i.subject, i.body, i.amount, i.currency, i.owner_id as "ownerId", i.created_at as "createdAt"`;
