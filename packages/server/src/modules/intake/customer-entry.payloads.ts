import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.type.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { PossibleDuplicate, type PossibleDuplicateRecord } from './duplicate-gate.types.js';

@ObjectType({ description: 'Result of createCustomer.' })
export class CreateCustomerPayload {
  @Field(() => Customer, { description: 'The new customer.' })
  customer!: CustomerRecord;

  @Field(() => [PossibleDuplicate], { description: 'Existing customers the new one matches under a WARN duplicate rule, most likely first (empty when none).' })
  possibleDuplicates!: PossibleDuplicateRecord[];
}

@ObjectType({ description: 'Result of updateCustomer.' })
export class UpdateCustomerPayload {
  @Field(() => Customer, { description: 'The customer after the change.' })
  customer!: CustomerRecord;

  @Field(() => [PossibleDuplicate], { description: 'Other customers the changed values match under a WARN duplicate rule (only the kinds the change touches), most likely first.' })
  possibleDuplicates!: PossibleDuplicateRecord[];
}
