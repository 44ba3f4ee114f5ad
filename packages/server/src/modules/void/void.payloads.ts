import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.type.js';
import { LifecycleFailure } from '../customer/customer.failures.js';

@ObjectType({ description: 'Result of voidCustomer or unvoidCustomer.' })
export class VoidCustomerPayload {
  @Field(() => Customer, { description: 'The customer after the change.' })
  customer!: Customer;
}

@ObjectType({ description: 'Result of voidCustomers or unvoidCustomers.' })
export class VoidCustomersPayload {
  @Field(() => [Customer], { description: 'The customers changed.' })
  customers!: Customer[];

  @Field(() => [LifecycleFailure], { description: 'Ids that were not changed, and why.' })
  failures!: LifecycleFailure[];
}
