import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType('CustomerStat', { description: 'One group of a customerStats report.', simpleResolvers: true })
export class CustomerStat {
  @Field(() => [String], {
    nullable: 'items',
    description: 'The group\u2019s value for each requested dimension, in the order of `groupBy` (null: no value).',
  })
  keys!: (string | null)[];

  @Field(() => Int, { description: 'Customers in the group.' })
  count!: number;
}

@ObjectType('LifecycleActivity', { description: 'Lifecycle transitions in one time bucket, counted from the audit log.', simpleResolvers: true })
export class LifecycleActivity {
  @Field(() => DateTimeScalar, { description: 'Start of the bucket (UTC).' })
  bucket!: string;

  @Field(() => Int, { description: 'Customers archived (by hand or by policy).' })
  archived!: number;

  @Field(() => Int, { description: 'Customers restored from the archive.' })
  restored!: number;

  @Field(() => Int, { description: 'Customers voided.' })
  voided!: number;

  @Field(() => Int, { description: 'Customers unvoided.' })
  unvoided!: number;

  @Field(() => Int, { description: 'Customers purged (tombstones in the audit log).' })
  purged!: number;

  @Field(() => Int, { description: 'Customers merged into a survivor.' })
  merged!: number;

  @Field(() => Int, { description: 'Customers brought back by an unmerge.' })
  unmerged!: number;
}

@ObjectType('ArchiveAgeBucket', { description: 'Archived customers by time since archiving.', simpleResolvers: true })
export class ArchiveAgeBucket {
  @Field({ description: 'Age range: `<1y`, `1-3y`, `3-7y` or `>=7y`.' })
  age!: string;

  @Field(() => Int, { description: 'Archived customers in the range.' })
  count!: number;
}

@ObjectType('ArchivePolicyCount', { description: 'Archived customers by the policy that archived them.', simpleResolvers: true })
export class ArchivePolicyCount {
  @Field(() => ID, { nullable: true, description: 'Policy id; null for customers archived by hand.' })
  policyId!: string | null;

  @Field(() => String, { nullable: true, description: 'Policy name; null when archived by hand or the policy was deleted.' })
  policyName!: string | null;

  @Field(() => Int, { description: 'Archived customers.' })
  count!: number;
}

@ObjectType('ArchiveStats', { description: 'Size and age of the archive.', simpleResolvers: true })
export class ArchiveStats {
  @Field(() => Int, { description: 'Archived customers.' })
  customers!: number;

  @Field(() => Int, { description: 'Archived interactions (with their customers, or on their own).' })
  interactions!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the longest-archived customer was archived.' })
  oldestArchivedAt!: string | null;

  @Field(() => Int, { description: 'Archived customers under legal hold.' })
  legalHolds!: number;

  @Field(() => Int, { description: 'Archived customers past their retainUntil (the next retention sweep purges those not held).' })
  pastRetention!: number;

  @Field(() => [ArchiveAgeBucket], { description: 'Archived customers by time since archiving.' })
  byAge!: ArchiveAgeBucket[];

  @Field(() => [ArchivePolicyCount], { description: 'Archived customers by archiving policy, largest first.' })
  byPolicy!: ArchivePolicyCount[];
}
