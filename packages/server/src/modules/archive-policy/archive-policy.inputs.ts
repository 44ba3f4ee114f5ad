import { RefersTo } from '../../graphql/global-id.js';
import { ArrayMaxSize, IsIn, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { REGION_PATTERN } from '../customer/customer.inputs.js';
import { CustomerStatus, CustomerTier, CustomerType, INDUSTRIES, LifecycleStage } from '../customer/customer.enums.js';
import { ArchivePolicyAction } from './archive-policy.enums.js';

const MAX_DAYS = 36_500;

@InputType({ description: 'Which customers an archive policy selects. Every given condition must hold; lists match any of their values.' })
export class ArchivePolicyCriteriaInput {
  @Field(() => [LifecycleStage], { nullable: true, description: 'Any of these lifecycle stages.' })
  @ArrayMaxSize(10)
  lifecycleStage?: LifecycleStage[];

  @Field(() => [CustomerType], { nullable: true, description: 'Any of these customer types.' })
  @ArrayMaxSize(10)
  type?: CustomerType[];

  @Field(() => [CustomerTier], { nullable: true, description: 'Any of these tiers.' })
  @ArrayMaxSize(10)
  tier?: CustomerTier[];

  @Field(() => [String], { nullable: true, description: 'Any of these ISO 3166-2 region codes.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @Matches(REGION_PATTERN, { each: true, message: 'each region must be an ISO 3166-2 code such as CN-SH' })
  region?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these industry keys.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsIn([...INDUSTRIES], { each: true, message: `each industry must be one of ${INDUSTRIES.join(', ')}` })
  industry?: string[];

  @Field(() => [String], { nullable: true, description: 'Tagged with at least one of these tags.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  tags?: string[];

  @RefersTo('User')
  @Field(() => [ID], { nullable: true, description: 'Owned by any of these users.' })
  @IsOptional()
  @ArrayMaxSize(500)
  ownerId?: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'No interaction for more than this many days (customers without any interaction count from their creation).',
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_DAYS)
  inactiveDays?: number;

  @Field(() => Int, { nullable: true, description: 'Created more than this many days ago.' })
  @IsOptional()
  @Min(0)
  @Max(MAX_DAYS)
  createdBeforeDays?: number;

  @Field(() => [CustomerStatus], {
    nullable: true,
    description: 'Record statuses to select: ACTIVE and/or VOID (default ACTIVE, or VOID when `voidedBeforeDays` is given).',
  })
  @ArrayMaxSize(2)
  status?: CustomerStatus[];

  @Field(() => Int, { nullable: true, description: 'Voided more than this many days ago (selects VOID customers only).' })
  @IsOptional()
  @Min(0)
  @Max(MAX_DAYS)
  voidedBeforeDays?: number;
  @RefersTo('Segment')
  @Field(() => ID, { nullable: true, description: 'Also matching this saved segment (its own conditions, status included, apply too).' })
  segmentId?: string;
}

@InputType({ description: 'A new archive policy.' })
export class CreateArchivePolicyInput {
  @Field({ description: 'Unique name (case-insensitive).' })
  @MinLength(1)
  @MaxLength(120)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the policy is for.' })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => ArchivePolicyAction, { description: 'What the policy moves.' })
  action!: ArchivePolicyAction;

  @Field(() => ArchivePolicyCriteriaInput, { description: 'Which customers it selects.' })
  @ValidateNested()
  criteria!: ArchivePolicyCriteriaInput;

  @Field(() => Int, { nullable: true, description: 'ARCHIVE_INTERACTIONS only: archive interactions older than this many days.' })
  @IsOptional()
  @Min(1)
  @Max(MAX_DAYS)
  interactionsOlderThanDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Keep archived customers at least this many days (sets their retainUntil); default ARCHIVE_RETENTION_DAYS.',
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_DAYS)
  retentionDays?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'When to run by itself: a 5-field cron expression in UTC, e.g. "0 3 * * *" (daily at 03:00). Null: on demand only.',
  })
  @IsOptional()
  @MaxLength(100)
  schedule?: string | null;

  @Field({ defaultValue: true, description: 'Whether the schedule is active. Disabled policies can still be previewed and run by hand.' })
  enabled!: boolean;
}

@InputType({ description: 'Changes to an archive policy. Omitted fields stay as they are; null clears an optional field.' })
export class UpdateArchivePolicyInput {
  @RefersTo('ArchivePolicy')
  @Field(() => ID, { description: 'The policy to change.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale version fails with CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New unique name.' })
  @ValidateIf((_, v) => v != null)
  @MinLength(1)
  @MaxLength(120)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => ArchivePolicyAction, { nullable: true, description: 'New action.' })
  action?: ArchivePolicyAction;

  @Field(() => ArchivePolicyCriteriaInput, { nullable: true, description: 'New criteria (replace the old ones whole).' })
  @IsOptional()
  @ValidateNested()
  criteria?: ArchivePolicyCriteriaInput;

  @Field(() => Int, { nullable: true, description: 'New interaction age in days (ARCHIVE_INTERACTIONS).' })
  @IsOptional()
  @Min(1)
  @Max(MAX_DAYS)
  interactionsOlderThanDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'New retention in days; null: the server default.' })
  @IsOptional()
  @Min(1)
  @Max(MAX_DAYS)
  retentionDays?: number | null;

  @Field(() => String, { nullable: true, description: 'New cron schedule (5 fields, UTC); null: on demand only.' })
  @IsOptional()
  @MaxLength(100)
  schedule?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Turn the schedule on or off.' })
  enabled?: boolean;
}

@InputType({ description: 'The archive policy to delete.' })
export class DeleteArchivePolicyInput {
  @RefersTo('ArchivePolicy')
  @Field(() => ID, { description: 'Policy id.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale version fails with CONFLICT.' })
  version!: number;
}

@InputType({ description: 'What to preview: a saved policy (`id`), or an unsaved rule (`criteria` and `action`).' })
export class PreviewArchivePolicyInput {
  @RefersTo('ArchivePolicy')
  @Field(() => ID, { nullable: true, description: 'A saved policy.' })
  id?: string;

  @Field(() => ArchivePolicyCriteriaInput, { nullable: true, description: 'An unsaved rule\u2019s criteria.' })
  @IsOptional()
  @ValidateNested()
  criteria?: ArchivePolicyCriteriaInput;

  @Field(() => ArchivePolicyAction, { nullable: true, description: 'An unsaved rule\u2019s action (default ARCHIVE_CUSTOMERS).' })
  action?: ArchivePolicyAction;

  @Field(() => Int, { nullable: true, description: 'An unsaved ARCHIVE_INTERACTIONS rule\u2019s interaction age in days.' })
  @IsOptional()
  @Min(1)
  @Max(MAX_DAYS)
  interactionsOlderThanDays?: number;
}

@InputType({ description: 'The archive policy to run now.' })
export class RunArchivePolicyInput {
  @RefersTo('ArchivePolicy')
  @Field(() => ID, { description: 'Policy id.' })
  id!: string;
}
