import { NodeType } from '../../graphql/node.js';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CustomerStatus } from '../customer/customer.enums.js';
import { CustomerFields } from '../customer/customer.type.js';
import { InteractionFields } from '../interaction/interaction.type.js';
import type { ArchivedCustomerRecord, ArchivedInteractionRecord } from './archive.record.js';

@NodeType('ArchivedCustomer', {
  simpleResolvers: true,
  description:
    'A customer moved to the archive store with its history: out of daily lists, searchable, restorable exactly. ' +
    'Same fields and the same field guards as Customer, plus archive metadata.',
})
export class ArchivedCustomer extends CustomerFields implements Omit<ArchivedCustomerRecord, 'ownerId' | 'archivedById'> {
  @Field(() => CustomerStatus, { description: 'The status the customer had when archived (ACTIVE or VOID); restore puts it back.' })
  previousStatus!: CustomerStatus;

  @Field({ description: 'Under legal hold: may not be purged, by hand or by retention, until the hold is lifted.' })
  legalHold!: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was archived.' })
  archivedAt!: string;

  @Field({ description: 'Why it was archived.' })
  archiveReason!: string;

  @Field(() => String, { nullable: true, description: 'The archive policy that archived it; null when archived by hand.' })
  policyId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Kept at least until then; after it, the retention sweep may purge it.' })
  retainUntil!: string | null;

  @Field({ description: 'SHA-256 (hex) of the archived row, re-checked on restore and by archive verification.' })
  checksum!: string;
}

@NodeType('ArchivedInteraction', {
  simpleResolvers: true,
  description: 'An interaction in the archive store, archived with its customer or on its own. Same guards as Interaction.',
})
export class ArchivedInteraction extends InteractionFields implements Omit<ArchivedInteractionRecord, 'customerId' | 'ownerId'> {
  @Field(() => DateTimeScalar, { description: 'When it was archived.' })
  archivedAt!: string;

  @Field({ description: 'Why it was archived.' })
  archiveReason!: string;

  @Field({ description: 'True when it was archived together with its customer (and is restored with it).' })
  archivedWithCustomer!: boolean;
}
