import { registerEnumType } from 'type-graphql';

export enum CustomerDimension {
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
  TYPE = 'TYPE',
  TIER = 'TIER',
  REGION = 'REGION',
  INDUSTRY = 'INDUSTRY',
  OWNER = 'OWNER',
  STATUS = 'STATUS',
  TAG = 'TAG',
  VOID_REASON = 'VOID_REASON',
}

export enum TimeBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

registerEnumType(CustomerDimension, {
  name: 'CustomerDimension',
  description: 'What customer statistics can be grouped by.',
  valuesConfig: {
    LIFECYCLE_STAGE: { description: 'Lifecycle stage (NEW, ACTIVE, INACTIVE, CHURNED).' },
    TYPE: { description: 'Customer type.' },
    TIER: { description: 'Customer tier.' },
    REGION: { description: 'ISO 3166-2 region code; null when unset.' },
    INDUSTRY: { description: 'Industry key; null when unset.' },
    OWNER: { description: 'Owner user id; null when unowned.' },
    STATUS: { description: 'Record status; give `filter.status` to include VOID or MERGED customers.' },
    TAG: { description: 'Each tag separately (a customer with two tags counts once under each); null for untagged customers.' },
    VOID_REASON: { description: 'Why the customer was voided; null for customers that are not VOID.' },
  },
});

registerEnumType(TimeBucket, {
  name: 'TimeBucket',
  description: 'Width of the time buckets of an activity report (in the report\u2019s time zone; weeks start on Monday).',
  valuesConfig: {
    DAY: { description: 'One bucket per calendar day.' },
    WEEK: { description: 'One bucket per ISO week.' },
    MONTH: { description: 'One bucket per calendar month.' },
  },
});
