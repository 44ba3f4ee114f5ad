import { NotANodeId } from '../../graphql/global-id.js';
import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LifecycleFailure } from '../customer/customer.failures.js';
import { Customer } from '../customer/customer.type.js';
import { UndoableOperation } from '../customer/customer.undo.js';

@InputType({ description: 'Takes back one of your own recent changes.' })
export class UndoOperationInput {
  @NotANodeId("an UndoableOperation's id, as its payload gave it")
  @Field(() => ID, { description: 'The operation, as the change\u2019s payload named it (`undo.id`).' })
  @MaxLength(20)
  id!: string;
}

@ObjectType({ description: 'Result of undoOperation.' })
export class UndoOperationPayload {
  @Field(() => UndoableOperation, { description: 'The operation, now undone.' })
  operation!: UndoableOperation;

  @Field(() => [Customer], { description: 'The customers put back as they were before it.' })
  customers!: Customer[];

  @Field(() => [LifecycleFailure], {
    description: 'Customers left as they are, and why: CONFLICT when changed since (by anyone), NOT_FOUND when gone, INVALID_STATE when no longer where the operation left them.',
  })
  failures!: LifecycleFailure[];

  @Field(() => Int, { description: 'Interactions restored with archived customers (ARCHIVE).' })
  restoredInteractions!: number;
}
