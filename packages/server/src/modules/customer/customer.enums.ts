import { registerEnumType } from 'type-graphql';

export enum CustomerStatus {
  ACTIVE = 'ACTIVE',
  VOID = 'VOID',
  ARCHIVED = 'ARCHIVED',
  MERGED = 'MERGED',
}

export enum CustomerType {
  ENTERPRISE = 'ENTERPRISE',
  SMB = 'SMB',
  INDIVIDUAL = 'INDIVIDUAL',
}

export enum CustomerTier {
  KEY_ACCOUNT = 'KEY_ACCOUNT',
  LONG_TERM = 'LONG_TERM',
  STANDARD = 'STANDARD',
}

export enum LifecycleStage {
  NEW = 'NEW',
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  CHURNED = 'CHURNED',
}

export enum VoidReason {
  DUPLICATE = 'DUPLICATE',
  INVALID_DATA = 'INVALID_DATA',
  TEST_RECORD = 'TEST_RECORD',
  LEFT_MARKET = 'LEFT_MARKET',
  CUSTOMER_REQUEST = 'CUSTOMER_REQUEST',
  OTHER = 'OTHER',
}

/** Industry keys; labels are translated in the dashboard. Extend here (and only here). */
export const INDUSTRIES = [
  'Retail',
  'Software',
  'Manufacturing',
  'Logistics',
  'Healthcare',
  'Education',
  'Energy',
  'Finance',
  'RealEstate',
  'Hospitality',
  'Agriculture',
  'Media',
  'Other',
] as const;

registerEnumType(CustomerStatus, {
  name: 'CustomerStatus',
  description: 'Record status. Only ACTIVE customers appear in lists unless a status filter asks for others.',
  valuesConfig: {
    ACTIVE: { description: 'In daily use.' },
    VOID: { description: 'Marked invalid with a reason; kept for traceability, out of daily work and reports.' },
    ARCHIVED: { description: 'Moved to the archive store; searchable and restorable.' },
    MERGED: { description: 'Merged into another customer (the survivor); can be unmerged.' },
  },
});
registerEnumType(CustomerType, {
  name: 'CustomerType',
  description: 'Kind of customer.',
  valuesConfig: {
    ENTERPRISE: { description: 'A large organisation.' },
    SMB: { description: 'A small or medium-sized business.' },
    INDIVIDUAL: { description: 'A private person.' },
  },
});
registerEnumType(CustomerTier, {
  name: 'CustomerTier',
  description: 'Commercial value tier used by archive rules and reports.',
  valuesConfig: {
    KEY_ACCOUNT: { description: 'Key account: strategic, handled with priority.' },
    LONG_TERM: { description: 'Long-term customer with a lasting relationship.' },
    STANDARD: { description: 'Everyone else.' },
  },
});
registerEnumType(LifecycleStage, {
  name: 'LifecycleStage',
  description: 'Business lifecycle stage (a classification, not the record status).',
  valuesConfig: {
    NEW: { description: 'Recently acquired, no established activity yet.' },
    ACTIVE: { description: 'Doing business regularly.' },
    INACTIVE: { description: 'No recent activity.' },
    CHURNED: { description: 'Has left.' },
  },
});
registerEnumType(VoidReason, {
  name: 'VoidReason',
  description: 'Why a customer record was voided.',
  valuesConfig: {
    DUPLICATE: { description: 'Duplicate of another record.' },
    INVALID_DATA: { description: 'The record holds invalid or fake data.' },
    TEST_RECORD: { description: 'Created for testing.' },
    LEFT_MARKET: { description: 'The customer left the market or closed down.' },
    CUSTOMER_REQUEST: { description: 'The customer asked for it.' },
    OTHER: { description: 'Another reason, explained in the note.' },
  },
});
