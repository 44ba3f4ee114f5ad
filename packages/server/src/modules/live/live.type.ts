import { RefersTo } from '../../graphql/global-id.js';
import { ownRowsRoles } from '../../policy/role-notes.js';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Customer } from '../customer/customer.type.js';
import type { CustomerRecord } from '../customer/customer.record.js';

export enum CustomerChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  REMOVED = 'REMOVED',
}

registerEnumType(CustomerChangeKind, {
  name: 'CustomerChangeKind',
  description: 'What happened to a customer you can see.',
  valuesConfig: {
    CREATED: { description: 'A new customer, or one restored from the archive.' },
    UPDATED: { description: 'Its fields or status changed (edits, voiding, merging, new interactions).' },
    REMOVED: { description: `It left your view: archived, purged, or (${ownRowsRoles()}) given to another owner.` },
  },
});

export interface CustomerChangeRecord {
  kind: CustomerChangeKind;
  id: string;
  customer: CustomerRecord | null;
}

@ObjectType('CustomerChange', { description: 'One change of a customer the subscriber may read.' })
export class CustomerChange implements CustomerChangeRecord {
  @Field(() => CustomerChangeKind, { description: 'Created, updated or removed from your view.' })
  kind!: CustomerChangeKind;

  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer\u2019s id (also when it was removed).' })
  id!: string;

  @Field(() => Customer, {
    nullable: true,
    description: 'The customer as it is now, under your field rules; null when REMOVED.',
  })
  customer!: CustomerRecord | null;
}
