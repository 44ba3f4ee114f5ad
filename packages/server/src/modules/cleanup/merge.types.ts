import { RefersTo } from '../../graphql/global-id.js';
import { NodeType } from '../../graphql/node.js';
import { ArrayMaxSize, ArrayMinSize, IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Customer } from '../customer/customer.type.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { CleanupField } from './cleanup.enums.js';
import { OptionalReasonField, ReasonField } from '../../graphql/reason-field.js';

export const MAX_MERGE_PARTIES = 10;

@InputType({ description: 'Take one field of the merged result from one party.' })
export class MergePickInput {
  @Field(() => CleanupField, { description: 'The field (TAGS, CONTACT and ACTIVITY cannot be picked: tags are united).' })
  field!: CleanupField;

  @RefersTo('Customer')
  @Field(() => ID, { description: 'The party (survivor or merged customer) whose value to keep.' })
  fromId!: string;
}

@InputType({ description: 'The version of one party you read.' })
export class PartyVersionInput {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer.' })
  id!: string;

  @Field(() => Int, { description: 'Its version as you read it; a stale one fails with CONFLICT.' })
  version!: number;
}

@InputType({ description: 'Merges 2–10 ACTIVE customers into one survivor.' })
export class MergeCustomersInput {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer that stays.' })
  survivorId!: string;

  @RefersTo('Customer')
  @Field(() => [ID], { description: 'The customers merged into the survivor (1–9); they become MERGED.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MERGE_PARTIES - 1)
  mergedIds!: string[];

  @Field(() => [MergePickInput], {
    nullable: true,
    description: 'Field-by-field choices. A field not picked keeps the survivor’s value, or when that is empty the first merged customer’s non-empty value.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  picks?: MergePickInput[] | null;

  @Field(() => [PartyVersionInput], {
    nullable: true,
    description: 'The version you read of every party; required unless dryRun. Any stale version fails the whole merge with CONFLICT.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MERGE_PARTIES)
  versions?: PartyVersionInput[] | null;

  @Field({ defaultValue: false, description: 'true: return the merged survivor as it would be, and save nothing.' })
  dryRun!: boolean;

  @OptionalReasonField('Why (kept in the audit log).', 1000)
  reason?: string | null;
}

@InputType({ description: 'Undoes a merge exactly.' })
export class UnmergeCustomersInput {
  @RefersTo('CustomerMerge')
  @Field(() => ID, { description: 'The merge to undo.' })
  mergeId!: string;

  @ReasonField('Why the merge is undone.', 1000)
  reason!: string;
}

@InputType({ description: 'Which merges to list.' })
export class MergeFilter {
  @RefersTo('Customer')
  @Field(() => ID, { nullable: true, description: 'Merges in which this customer took part (as survivor or merged).' })
  customerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only merges still in effect; false: only undone ones.' })
  active?: boolean | null;
}

export interface MergeRecord {
  id: string;
  survivorId: string;
  mergedIds: string[];
  picks: { field: CleanupField; fromId: string }[];
  mergedById: string | null;
  mergedAt: string;
  unmergedById: string | null;
  unmergedAt: string | null;
  unmergeReason: string | null;
  interactionCount: number;
}

@ObjectType('MergePick', { description: 'A field of a merge’s result and the party it came from.', simpleResolvers: true })
export class MergePick {
  @Field(() => CleanupField, { description: 'The field.' })
  field!: CleanupField;

  @RefersTo('Customer')
  @Field(() => ID, { description: 'The party whose value was kept.' })
  fromId!: string;
}

@NodeType('CustomerMerge', { description: 'One merge of customers into a survivor; undo it with unmergeCustomers.' })
export class CustomerMerge implements Omit<MergeRecord, 'mergedById' | 'unmergedById'> {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @RefersTo('Customer')
  @Field(() => ID, { description: 'The survivor’s id.' })
  survivorId!: string;

  @RefersTo('Customer')
  @Field(() => [ID], { description: 'The merged customers’ ids.' })
  mergedIds!: string[];

  @Field(() => [MergePick], { description: 'The explicit picks the merge was made with.' })
  picks!: { field: CleanupField; fromId: string }[];

  @Field(() => DateTimeScalar, { description: 'When the merge was made.' })
  mergedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was undone (null while in effect).' })
  unmergedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was undone.' })
  unmergeReason!: string | null;

  @Field(() => Int, { description: 'Interactions moved from merged customers to the survivor.' })
  interactionCount!: number;
}

export const CustomerMergeConnection = ConnectionType(CustomerMerge, 'CustomerMerge');
export type CustomerMergeConnection = InstanceType<typeof CustomerMergeConnection>;

@ObjectType({ description: 'Result of mergeCustomers.' })
export class MergeCustomersPayload {
  @Field(() => Customer, { description: 'The survivor after the merge (as it would be, on a dry run).' })
  survivor!: CustomerRecord;

  @Field(() => CustomerMerge, { nullable: true, description: 'The merge (null on a dry run).' })
  merge!: MergeRecord | null;

  @Field(() => Int, { description: 'Interactions that move (moved) to the survivor. On a dry run the survivor’s own relations still show the saved state.' })
  movedInteractions!: number;

  @Field({ description: 'Whether nothing was saved.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'Result of unmergeCustomers.' })
export class UnmergeCustomersPayload {
  @Field(() => CustomerMerge, { description: 'The merge, now undone.' })
  merge!: MergeRecord;

  @Field(() => [Customer], { description: 'Every party as restored: the survivor first, then the merged customers.' })
  customers!: CustomerRecord[];
}
