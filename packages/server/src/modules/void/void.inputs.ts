import { RefersTo } from '../../graphql/global-id.js';
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { VoidReason } from '../customer/customer.enums.js';
import { MAX_BULK_IDS } from '../archive/archive.inputs.js';
import { ReasonField } from '../../graphql/reason-field.js';

@InputType({ description: 'Marks one ACTIVE customer invalid, with a reason.' })
export class VoidCustomerInput {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer.' })
  id!: string;

  @Field(() => VoidReason, { description: 'Why it is invalid.' })
  reason!: VoidReason;

  @Field(() => String, { nullable: true, description: 'Free note (required when the reason is OTHER).' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; when given, a stale version fails with CONFLICT.' })
  version?: number | null;
}

@InputType({ description: 'Marks many ACTIVE customers invalid with one reason.' })
export class VoidCustomersInput {
  @RefersTo('Customer')
  @Field(() => [ID], { description: `The customers, at most ${MAX_BULK_IDS}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  ids!: string[];

  @Field(() => VoidReason, { description: 'Why they are invalid.' })
  reason!: VoidReason;

  @Field(() => String, { nullable: true, description: 'Free note (required when the reason is OTHER).' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: 'Puts one VOID customer back into daily work.' })
export class UnvoidCustomerInput {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer.' })
  id!: string;

  @ReasonField('Why the void is undone.', 1000)
  note!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; when given, a stale version fails with CONFLICT.' })
  version?: number | null;
}

@InputType({ description: 'Puts many VOID customers back into daily work.' })
export class UnvoidCustomersInput {
  @RefersTo('Customer')
  @Field(() => [ID], { description: `The customers, at most ${MAX_BULK_IDS}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  ids!: string[];

  @ReasonField('Why the void is undone.', 1000)
  note!: string;
}
