import { ConnectionType } from '../../graphql/connection.js';
import { Customer } from './customer.type.js';

export const CustomerConnection = ConnectionType(Customer, 'Customer');
export type CustomerConnection = InstanceType<typeof CustomerConnection>;

