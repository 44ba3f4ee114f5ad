import { RefersTo } from '../../graphql/global-id.js';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsOptional,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CustomerStatus, CustomerTier, CustomerType, INDUSTRIES, LifecycleStage } from './customer.enums.js';

export const REGION_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{4,24}$/;
const TAG_PATTERN = /^\S(.{0,38}\S)?$/u;

/** Criteria shared by live and archived customer lists. */
@InputType({ description: 'Shared criteria (not emitted on its own).' })
export abstract class CustomerCriteria {
  @RefersTo('Customer', 'ArchivedCustomer')
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @ArrayMaxSize(1000)
  ids?: string[];

  @Field({ nullable: true, description: 'Substring of name, code, email or phone (case-insensitive).' })
  @MaxLength(200)
  search?: string;

  @Field(() => [CustomerType], { nullable: true, description: 'Any of these types.' })
  type?: CustomerType[];

  @Field(() => [CustomerTier], { nullable: true, description: 'Any of these tiers.' })
  tier?: CustomerTier[];

  @Field(() => [String], { nullable: true, description: 'Any of these industry keys.' })
  industry?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these ISO 3166-2 region codes.' })
  region?: string[];

  @Field(() => [LifecycleStage], { nullable: true, description: 'Any of these lifecycle stages.' })
  lifecycleStage?: LifecycleStage[];

  @RefersTo('User')
  @Field(() => [ID], { nullable: true, description: 'Owned by any of these users.' })
  ownerId?: string[];

  @Field({ nullable: true, description: 'Only customers without an owner (true) or with one (false).' })
  unowned?: boolean;

  @Field(() => [String], { nullable: true, description: 'Tagged with at least one of these tags.' })
  tags?: string[];

  @Field(() => [String], { nullable: true, description: 'Tagged with all of these tags.' })
  tagsAll?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Created at or after this time.' })
  createdAfter?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Created before this time.' })
  createdBefore?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last interaction at or after this time.' })
  lastInteractionAfter?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Last interaction before this time (customers with no interaction at all included).',
  })
  lastInteractionBefore?: string;

  @Field({
    nullable: true,
    description:
      'Exactly this tax id (spaces, dashes and case ignored), matched through its blind index. Only the customers and ' +
      'archivedCustomers lists take it, and only from roles that read taxId in full (FORBIDDEN otherwise).',
  })
  @MaxLength(64)
  taxId?: string;
}

@InputType({ description: 'Which customers to list. Without `status`, only ACTIVE customers are listed.' })
export class CustomerFilter extends CustomerCriteria {
  @Field(() => [CustomerStatus], { nullable: true, description: 'Any of these statuses (default: ACTIVE).' })
  status?: CustomerStatus[];

  @RefersTo('Segment')
  @Field(() => ID, { nullable: true, description: 'Only customers that also match this saved segment (see `segments`).' })
  segmentId?: string;

  /** The segment's own filter, loaded by the service before the SQL is built (not an input). */
  segment?: CustomerFilter;
}

/** Fields shared by create and update, with the same rules. */
@InputType({ description: "Shared customer fields (not used directly)." })
class CustomerFields {
  @Field(() => CustomerTier, { nullable: true, description: 'Commercial value tier (default STANDARD).' })
  tier?: CustomerTier;

  @Field(() => String, { nullable: true, description: 'Industry key; one of the configured industries.' })
  @IsOptional()
  @IsIn([...INDUSTRIES], { message: `industry must be one of ${INDUSTRIES.join(', ')}` })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 region code such as CN-SH.' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: 'region must be an ISO 3166-2 code such as CN-SH or US-CA' })
  region?: string | null;

  @Field(() => LifecycleStage, { nullable: true, description: 'Business lifecycle stage (default NEW).' })
  lifecycleStage?: LifecycleStage;

  @RefersTo('User')
  @Field(() => ID, { nullable: true, description: 'Owning user.' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact email address.' })
  @IsOptional()
  @IsEmail({ allow_utf8_local_part: true }, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone number (digits, spaces, +, -, parentheses).' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number such as +86 138 0013 8000' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Tax identification number.' })
  @IsOptional()
  @MaxLength(64)
  taxId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Classification tags (replaces all tags).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(TAG_PATTERN, { each: true, message: 'each tag must be 1–40 characters without leading or trailing spaces' })
  tags?: string[];

  @Field(() => String, { nullable: true, description: 'Internal notes.' })
  @IsOptional()
  @MaxLength(10000)
  notes?: string | null;
}

@InputType({ description: 'A new customer. `name` and `type` are required; `code` is generated when omitted.' })
export class CreateCustomerInput extends CustomerFields {
  @Field({ description: 'Company or person name.' })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => CustomerType, { description: 'Kind of customer.' })
  type!: CustomerType;

  @Field(() => String, { nullable: true, description: 'Unique business code (letters, digits, - and _); generated when omitted.' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'code must be 1–32 letters, digits, - or _' })
  code?: string | null;
}

@InputType({ description: 'Changes to a customer. Omitted fields stay as they are; null clears an optional field.' })
export class UpdateCustomerInput extends CustomerFields {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer to change.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale version fails with CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @ValidateIf((_, v) => v !== undefined)
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @Field(() => CustomerType, { nullable: true, description: 'New type.' })
  type?: CustomerType;

  @Field(() => String, { nullable: true, description: 'New unique business code.' })
  @ValidateIf((_, v) => v !== undefined)
  @Matches(CODE_PATTERN, { message: 'code must be 1–32 letters, digits, - or _' })
  code?: string;
}
