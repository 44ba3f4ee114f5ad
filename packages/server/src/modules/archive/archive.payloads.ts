import { Field, Int, ObjectType } from 'type-graphql';
import { UndoableOperation } from '../customer/customer.undo.js';
import { ConnectionType } from '../../graphql/connection.js';
import { Customer } from '../customer/customer.type.js';
import { ArchivedCustomer, ArchivedInteraction } from './archive.type.js';
import { LifecycleFailure } from '../customer/customer.failures.js';

export const ArchivedCustomerConnection = ConnectionType(ArchivedCustomer, 'ArchivedCustomer');
export type ArchivedCustomerConnection = InstanceType<typeof ArchivedCustomerConnection>;
export const ArchivedInteractionConnection = ConnectionType(ArchivedInteraction, 'ArchivedInteraction');
export type ArchivedInteractionConnection = InstanceType<typeof ArchivedInteractionConnection>;

@ObjectType({ description: 'Result of archiveCustomers.' })
export class ArchiveCustomersPayload {
  @Field(() => [ArchivedCustomer], { description: 'The customers now in the archive.' })
  customers!: ArchivedCustomer[];

  @Field(() => [LifecycleFailure], { description: 'Ids that were not archived, and why.' })
  failures!: LifecycleFailure[];

  @Field(() => Int, { description: 'Interactions archived with them.' })
  archivedInteractions!: number;

  @Field(() => UndoableOperation, { nullable: true, description: 'The archive its author may undo for a while (undoOperation); null when nothing moved.' })
  undo!: UndoableOperation | null;
}

@ObjectType({ description: 'Result of restoreCustomers.' })
export class RestoreCustomersPayload {
  @Field(() => [Customer], { description: 'The customers back in the live store, with the status they had before.' })
  customers!: Customer[];

  @Field(() => [LifecycleFailure], { description: 'Ids that were not restored, and why.' })
  failures!: LifecycleFailure[];

  @Field(() => Int, { description: 'Interactions restored with them.' })
  restoredInteractions!: number;
}

@ObjectType({ description: 'Result of archiveInteractions.' })
export class ArchiveInteractionsPayload {
  @Field(() => Int, { description: 'Interactions moved to the archive.' })
  archivedCount!: number;

  @Field(() => Int, { description: 'Customers whose history they came from.' })
  customerCount!: number;
}

@ObjectType({ description: 'An archived row whose checksum no longer matches, or an archived customer whose code is also live.' })
export class ArchiveMismatch {
  @Field(() => String, {
    description: 'CUSTOMER or INTERACTION (its checksum no longer matches), or CODE_TWIN (an archived customer whose code a live customer also holds).',
  })
  kind!: string;

  @Field({ description: 'Id of the row.' })
  id!: string;
}

@ObjectType({ description: 'Result of re-computing every archived checksum.' })
export class ArchiveVerification {
  @Field({ description: 'True when every archived row matches its checksum and no archived code is also live.' })
  ok!: boolean;

  @Field(() => Int, { description: 'Archived customers checked.' })
  checkedCustomers!: number;

  @Field(() => Int, { description: 'Archived interactions checked.' })
  checkedInteractions!: number;

  @Field(() => [ArchiveMismatch], { description: 'Rows that do not match, and code twins (at most 100 of each kind).' })
  mismatches!: ArchiveMismatch[];
}
