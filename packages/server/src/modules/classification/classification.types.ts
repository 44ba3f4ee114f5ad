import { RefersTo } from '../../graphql/global-id.js';
import { ArrayMaxSize, IsOptional, Matches, MaxLength } from 'class-validator';
import { UndoableOperation } from '../customer/customer.undo.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CustomerFilter } from '../customer/customer.inputs.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { Customer } from '../customer/customer.type.js';

const TAG = /^\S(.{0,38}\S)?$/u;
const TAG_MESSAGE = 'each tag must be 1–40 characters without leading or trailing spaces';
const COLOR = /^#[0-9a-f]{6}$/;

export interface TagRecord {
  name: string;
  color: string | null;
  description: string | null;
  count: number;
}

@ObjectType('Tag', { description: 'A classification tag and how many of the customers you may see carry it.', simpleResolvers: true })
export class Tag implements TagRecord {
  @Field({ description: 'The tag itself, as stored on customers.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Display colour (#rrggbb), when one was set.' })
  color!: string | null;

  @Field(() => String, { nullable: true, description: 'What the tag means.' })
  description!: string | null;

  @Field(() => Int, { description: 'ACTIVE customers you may see that carry it.' })
  count!: number;
}

@InputType({ description: 'Replaces the tags of one customer.' })
export class SetCustomerTagsInput {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; when given, a stale version fails with CONFLICT.' })
  version?: number | null;

  @Field(() => [String], { description: 'The tags it should carry (duplicates are dropped).' })
  @ArrayMaxSize(50)
  @Matches(TAG, { each: true, message: TAG_MESSAGE })
  tags!: string[];
}

@ObjectType({ description: 'Result of setCustomerTags.' })
export class SetCustomerTagsPayload {
  @Field(() => Customer, { description: 'The customer after the change.' })
  customer!: CustomerRecord;
}

@InputType({ description: 'Adds and removes tags on every customer a filter matches.' })
export class BulkTagCustomersInput {
  @Field(() => CustomerFilter, { description: 'Which customers (within the rows you may edit).' })
  filter!: CustomerFilter;

  @Field(() => [String], { nullable: true, description: 'Tags to add.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: TAG_MESSAGE })
  add?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tags to remove.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: TAG_MESSAGE })
  remove?: string[] | null;

  @Field({ defaultValue: false, description: 'true: only count what would change.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'Result of bulkTagCustomers.' })
export class BulkTagCustomersPayload {
  @Field(() => Int, { description: 'Customers the filter matches.' })
  matched!: number;

  @Field(() => Int, { description: 'Customers whose tags change (changed, unless dryRun).' })
  changed!: number;

  @Field({ description: 'Whether nothing was written.' })
  dryRun!: boolean;

  @Field(() => UndoableOperation, { nullable: true, description: 'The change its author may undo for a while (undoOperation); null for a dry run or when nothing changed.' })
  undo!: UndoableOperation | null;
}

@InputType({ description: 'Creates a tag, renames it, or sets its colour and description.' })
export class SaveTagInput {
  @Field({ description: 'The tag (for an existing tag: its current name).' })
  @Matches(TAG, { message: 'name must be 1–40 characters without leading or trailing spaces' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'A new name: every live customer carrying the tag is re-tagged.' })
  @IsOptional()
  @Matches(TAG, { message: 'newName must be 1–40 characters without leading or trailing spaces' })
  newName?: string | null;

  @Field(() => String, { nullable: true, description: 'Display colour as #rrggbb (lower case).' })
  @IsOptional()
  @Matches(COLOR, { message: 'color must look like #1a2b3c' })
  color?: string | null;

  @Field(() => String, { nullable: true, description: 'What the tag means.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;
}

@InputType({ description: 'Deletes a tag from the tag list and from every live customer.' })
export class DeleteTagInput {
  @Field({ description: 'The tag.' })
  name!: string;
}

@ObjectType({ description: 'Result of saveTag or deleteTag.' })
export class TagPayload {
  @Field(() => Tag, { description: 'The tag (after the change; for deleteTag, as it was).' })
  tag!: TagRecord;

  @Field(() => Int, { description: 'Customers whose tags changed.' })
  customersChanged!: number;
}
