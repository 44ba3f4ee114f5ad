import { RefersTo } from '../../graphql/global-id.js';
import { NodeType } from '../../graphql/node.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CustomerStatus, CustomerTier, CustomerType, LifecycleStage } from '../customer/customer.enums.js';
import { Customer } from '../customer/customer.type.js';
import { ArchivePolicyAction } from './archive-policy.enums.js';
import type { ArchivePolicyRecord } from './archive-policy.record.js';

@ObjectType('ArchivePolicyCriteria', { description: 'Which customers a policy selects; unset conditions match anything.', simpleResolvers: true })
export class ArchivePolicyCriteria {
  @Field(() => [LifecycleStage], { nullable: true, description: 'Any of these lifecycle stages.' })
  lifecycleStage?: LifecycleStage[];

  @Field(() => [CustomerType], { nullable: true, description: 'Any of these customer types.' })
  type?: CustomerType[];

  @Field(() => [CustomerTier], { nullable: true, description: 'Any of these tiers.' })
  tier?: CustomerTier[];

  @Field(() => [String], { nullable: true, description: 'Any of these ISO 3166-2 region codes.' })
  region?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these industry keys.' })
  industry?: string[];

  @Field(() => [String], { nullable: true, description: 'Tagged with at least one of these tags.' })
  tags?: string[];

  @RefersTo('User')
  @Field(() => [ID], { nullable: true, description: 'Owned by any of these users.' })
  ownerId?: string[];

  @Field(() => Int, { nullable: true, description: 'No interaction for more than this many days (none: counted from creation).' })
  inactiveDays?: number;

  @Field(() => Int, { nullable: true, description: 'Created more than this many days ago.' })
  createdBeforeDays?: number;

  @Field(() => [CustomerStatus], { nullable: true, description: 'Record statuses selected (unset: ACTIVE).' })
  status?: CustomerStatus[];

  @Field(() => Int, { nullable: true, description: 'Voided more than this many days ago.' })
  voidedBeforeDays?: number;

  @RefersTo('Segment')
  @Field(() => ID, { nullable: true, description: 'The saved segment customers must also match.' })
  segmentId?: string;
}

@NodeType('ArchivePolicy', { description: 'A rule that archives customers (or old interactions) on a schedule or on demand.' })
export class ArchivePolicy implements Omit<ArchivePolicyRecord, 'createdBy' | 'criteria'> {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Unique name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the policy is for.' })
  description!: string | null;

  @Field(() => ArchivePolicyAction, { description: 'What the policy moves.' })
  action!: ArchivePolicyAction;

  @Field(() => ArchivePolicyCriteria, { description: 'Which customers it selects.' })
  criteria!: ArchivePolicyCriteria;

  @Field(() => Int, { nullable: true, description: 'ARCHIVE_INTERACTIONS: interactions older than this many days are archived.' })
  interactionsOlderThanDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Days archived customers are kept at least; null: the server default.' })
  retentionDays!: number | null;

  @Field(() => String, { nullable: true, description: 'Cron schedule (5 fields, UTC); null: on demand only.' })
  schedule!: string | null;

  @Field({ description: 'Whether the schedule is active.' })
  enabled!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the policy was created.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the policy was last changed.' })
  updatedAt!: string;

  @Field(() => Int, { description: 'Optimistic-locking version; send it back with updates and deletes.' })
  version!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a run of this policy was last started.' })
  lastRunAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the schedule runs it next; null when unscheduled or disabled.' })
  nextRunAt!: string | null;
}

@ObjectType('ArchivePolicyPreview', { description: 'What a policy would archive right now; nothing is moved.' })
export class ArchivePolicyPreview {
  @Field(() => Int, { description: 'Customers it would archive (ARCHIVE_INTERACTIONS: customers whose interactions it would archive).' })
  customerCount!: number;

  @Field(() => Int, { description: 'Interactions it would archive.' })
  interactionCount!: number;

  @Field(() => [Customer], { description: 'Up to 20 of those customers (lowest ids first), under the caller\u2019s field rules.' })
  sample!: Customer[];
}
