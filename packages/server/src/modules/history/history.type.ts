import { NotANodeId } from '../../graphql/global-id.js';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Role } from '../../policy/role.js';
import { Customer } from '../customer/customer.type.js';

export enum CustomerStore {
  LIVE = 'LIVE',
  ARCHIVE = 'ARCHIVE',
}

registerEnumType(CustomerStore, {
  name: 'CustomerStore',
  description: 'Where a customer was kept: among live customers or in the archive.',
  valuesConfig: { LIVE: { description: 'Live customers.' }, ARCHIVE: { description: 'The archive store.' } },
});

@ObjectType('CustomerFieldChange', {
  simpleResolvers: true,
  description:
    'One field of a history entry, before → after. Values follow the field guards of the record as the caller reads it now ' +
    '(masked or hidden exactly as on Customer, or ArchivedCustomer once archived).',
})
export class CustomerFieldChange {
  @Field({ description: 'The field, by its name on Customer (e.g. email, tags, lifecycleStage).' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value before (null when empty, hidden, or at creation).' })
  from!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value after (null when empty or hidden).' })
  to!: unknown;

  @Field({ description: 'True when the caller may not read this field: both values are withheld.' })
  hidden!: boolean;

  @Field({ description: 'True when revertCustomer can put `from` back (a field people edit, value kept in history).' })
  revertible!: boolean;
}

export interface CustomerHistoryEntryRecord {
  id: string;
  seq: string | null;
  at: string;
  action: string;
  actorId: string | null;
  actorRole: Role | null;
  reason: string | null;
  store: CustomerStore | null;
  version: number | null;
  valuesKept: boolean;
  changes: CustomerFieldChange[];
}

@ObjectType('CustomerHistoryEntry', {
  simpleResolvers: true,
  description: 'One step in the life of a customer: an audited action and what it changed.',
})
export class CustomerHistoryEntry implements Omit<CustomerHistoryEntryRecord, 'actorId'> {
  @NotANodeId("the AuditEvent's sequence number, or state:<n> for a change no event describes")
  @Field(() => ID, { description: 'The audit event (its sequence number), or `state:<n>` for a change no event describes.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The audit event\'s sequence number; null for a change no event describes.' })
  seq!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  at!: string;

  @Field({
    description:
      'What happened: an audit action (CUSTOMER_CREATED, CUSTOMER_UPDATED, CUSTOMER_VOIDED, CUSTOMER_REVERTED …), HISTORY_STARTED for the ' +
      'state kept when history began, or UNRECORDED_CHANGE for a stored change without an audit event.',
  })
  action!: string;

  @Field(() => Role, { nullable: true, description: 'The role the actor had at the time.' })
  actorRole!: Role | null;

  @Field(() => String, { nullable: true, description: 'The reason given (personal data in it replaced by tokens, as in the audit log).' })
  reason!: string | null;

  @Field(() => CustomerStore, { nullable: true, description: 'Where the customer was kept after this step (null when no state was kept).' })
  store!: CustomerStore | null;

  @Field(() => Int, { nullable: true, description: 'The customer\'s version after this step, when kept.' })
  version!: number | null;

  @Field({
    description:
      'True when the values come from the kept state; false for events older than history, whose values are the audit log\'s (masked).',
  })
  valuesKept!: boolean;

  @Field(() => [CustomerFieldChange], { description: 'The fields this step changed.' })
  changes!: CustomerFieldChange[];
}

@ObjectType({ description: 'Result of revertCustomer.' })
export class RevertCustomerPayload {
  @Field(() => Customer, { description: 'The customer after the revert.' })
  customer!: Customer;

  @Field(() => [String], { description: 'The fields put back.' })
  revertedFields!: string[];
}
