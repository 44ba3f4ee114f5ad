import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { Customer } from './customer.type.js';

export const CustomerConnection = ConnectionType(Customer, 'Customer');
export type CustomerConnection = InstanceType<typeof CustomerConnection>;

@ObjectType({ description: 'Result of createCustomer.' })
export class CreateCustomerPayload {
  @Field(() => Customer, { description: 'The new customer.' })
  customer!: Customer;
}

@ObjectType({ description: 'Result of updateCustomer.' })
export class UpdateCustomerPayload {
  @Field(() => Customer, { description: 'The customer after the change.' })
  customer!: Customer;
}
