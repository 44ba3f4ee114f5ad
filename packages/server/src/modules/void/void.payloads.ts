import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.type.js';
import { LifecycleFailure } from '../customer/customer.failures.js';
import { UndoableOperation } from '../customer/customer.undo.js';

const UNDO = { nullable: true, description: 'For a void: the operation its author may undo for a while (undoOperation). Null for unvoid.' };

@ObjectType({ description: 'Result of voidCustomer or unvoidCustomer.' })
export class VoidCustomerPayload {
  @Field(() => Customer, { description: 'The customer after the change.' })
  customer!: Customer;

  @Field(() => UndoableOperation, UNDO)
  undo!: UndoableOperation | null;
}

@ObjectType({ description: 'Result of voidCustomers or unvoidCustomers.' })
export class VoidCustomersPayload {
  @Field(() => [Customer], { description: 'The customers changed.' })
  customers!: Customer[];

  @Field(() => [LifecycleFailure], { description: 'Ids that were not changed, and why.' })
  failures!: LifecycleFailure[];

  @Field(() => UndoableOperation, { ...UNDO, description: 'For a void that changed customers: the operation its author may undo for a while (undoOperation). Null otherwise.' })
  undo!: UndoableOperation | null;
}
