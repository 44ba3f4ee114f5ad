import { RefersTo } from '../../graphql/global-id.js';
import { ArrayMaxSize, IsInt, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CustomerStatus, CustomerTier, CustomerType, LifecycleStage } from '../customer/customer.enums.js';
import { ReasonField } from '../../graphql/reason-field.js';
import { ownRowsRoles } from '../../policy/role-notes.js';

@InputType({ description: 'Criteria that live and archived customers share; within one list any value matches.' })
export class CustomerSearchFilter {
  @Field(() => [CustomerType], { nullable: true, description: 'Any of these types.' })
  @ArrayMaxSize(10)
  type?: CustomerType[];

  @Field(() => [CustomerTier], { nullable: true, description: 'Any of these tiers.' })
  @ArrayMaxSize(10)
  tier?: CustomerTier[];

  @Field(() => [String], { nullable: true, description: 'Any of these industry keys.' })
  @ArrayMaxSize(50)
  industry?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these ISO 3166-2 region codes.' })
  @ArrayMaxSize(100)
  region?: string[];

  @Field(() => [LifecycleStage], { nullable: true, description: 'Any of these lifecycle stages.' })
  @ArrayMaxSize(10)
  lifecycleStage?: LifecycleStage[];

  @Field(() => [String], { nullable: true, description: 'Tagged with at least one of these tags.' })
  @ArrayMaxSize(50)
  tags?: string[];

  @RefersTo('User')
  @Field(() => [ID], { nullable: true, description: `Owned by any of these users (${ownRowsRoles()} only ever sees its own).` })
  @ArrayMaxSize(100)
  ownerId?: string[];

  @RefersTo('Segment')
  @Field(() => ID, {
    nullable: true,
    description: 'Only customers that also match this saved segment. Archived customers are matched on the criteria the archive index holds; a segment using others (search text, dates, unowned) is refused for archived results.',
  })
  segmentId?: string;
}

@InputType({ description: 'Which archived customers a search covers: the shared criteria plus archive metadata.' })
export class ArchiveSearchFilter extends CustomerSearchFilter {
  @Field(() => [String], { nullable: true, description: 'Archived for exactly one of these reasons (see the archiveReason facet).' })
  @ArrayMaxSize(50)
  archiveReason?: string[];

  @Field(() => [Int], { nullable: true, description: 'Archived in one of these years (UTC).' })
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1970, { each: true })
  @Max(9999, { each: true })
  archivedYear?: number[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Archived at or after this time.' })
  archivedAfter?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Archived before this time.' })
  archivedBefore?: string;

  @Field(() => [CustomerStatus], { nullable: true, description: 'Status before archiving: ACTIVE and/or VOID.' })
  @ArrayMaxSize(2)
  previousStatus?: CustomerStatus[];

  @Field({ nullable: true, description: 'Only records under legal hold (true) or without (false).' })
  legalHold?: boolean;
}

@InputType({ description: 'Rebuilds the archive search index from the archive tables.' })
export class ReindexArchiveInput {
  @ReasonField('Why (recorded with the job in the audit log).')
  reason!: string;
}
