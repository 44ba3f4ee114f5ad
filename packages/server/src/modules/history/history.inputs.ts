import { RefersTo } from '../../graphql/global-id.js';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ReasonField } from '../../graphql/reason-field.js';

@InputType({ description: 'Puts back what one history entry changed: every revertible field, or the ones named.' })
export class RevertCustomerInput {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer (live and ACTIVE).' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale version fails with CONFLICT.' })
  version!: number;

  @Field({ description: 'The history entry (audit event sequence number) whose changes to undo.' })
  @MaxLength(20)
  seq!: string;

  @Field(() => [String], { nullable: true, description: 'Only these fields (names as on Customer); all revertible fields of the entry when omitted.' })
  @IsOptional()
  @ArrayMaxSize(20)
  fields?: string[] | null;

  @ReasonField('Why the change is undone (kept in the audit log).')
  reason!: string;
}
