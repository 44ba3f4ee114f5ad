import { IsOptional, Max, Min } from 'class-validator';
import { UndoableOperation } from '../customer/customer.undo.js';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CustomerFilter } from '../customer/customer.inputs.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { Customer } from '../customer/customer.type.js';
import { Job } from '../job/job.type.js';
import type { JobRecord } from '../job/job.record.js';
import { CleanupField } from './cleanup.enums.js';

export const MAX_PREVIEW_CHANGES = 1000;

@InputType({ description: 'Which customers to normalize, and whether only to preview.' })
export class NormalizeCustomersInput {
  @Field(() => CustomerFilter, { nullable: true, description: 'Which customers (default: all ACTIVE). Only ACTIVE and VOID customers are normalized.' })
  filter?: CustomerFilter | null;

  @Field({ defaultValue: true, description: 'true (default): list the changes and write nothing; false: apply them in a background job.' })
  dryRun!: boolean;

  @Field(() => Int, { nullable: true, description: `How many changes a dry run lists (default 100, at most ${MAX_PREVIEW_CHANGES}); the counts cover all of them.` })
  @IsOptional()
  @Min(0)
  @Max(MAX_PREVIEW_CHANGES)
  first?: number | null;
}

export interface NormalizationChangeRecord {
  customer: CustomerRecord;
  field: CleanupField;
  before: string | null;
  after: string | null;
  hidden: boolean;
}

@ObjectType({ description: 'One value normalization would rewrite, before → after, under your field permissions.' })
export class NormalizationChange {
  @Field(() => Customer, { description: 'The customer.' })
  customer!: Customer;

  @Field(() => CleanupField, { description: 'The field.' })
  field!: CleanupField;

  @Field(() => String, { nullable: true, description: 'The value now (masked or null when your role may not read it in full).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The value after normalization (masked or null like `before`).' })
  after!: string | null;

  @Field({ description: 'True when your role may not read this field: both values are withheld.' })
  hidden!: boolean;
}

@ObjectType({ description: 'Result of normalizeCustomers.' })
export class NormalizeCustomersPayload {
  @Field({ description: 'Whether this was a preview (nothing written).' })
  dryRun!: boolean;

  @Field(() => Int, { nullable: true, description: 'Customers examined (dry run only).' })
  scanned!: number | null;

  @Field(() => Int, { nullable: true, description: 'Customers with at least one change (dry run only).' })
  changedCustomers!: number | null;

  @Field(() => Int, { nullable: true, description: 'Values that would change (dry run only).' })
  changeCount!: number | null;

  @Field(() => [NormalizationChange], { description: 'The first changes, in customer id order (dry run only; empty otherwise).' })
  changes!: NormalizationChangeRecord[];

  @Field(() => Job, { nullable: true, description: 'The job applying the changes (not a dry run).' })
  job!: JobRecord | null;

  @Field(() => UndoableOperation, {
    nullable: true,
    description: 'Not a dry run: the run its author may undo once the job has finished, for a while after its last batch (undoOperation).',
  })
  undo!: UndoableOperation | null;
}
