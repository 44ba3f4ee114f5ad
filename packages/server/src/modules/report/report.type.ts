import { RefersTo } from '../../graphql/global-id.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CleanupField, DataQualityProblem } from '../cleanup/cleanup.enums.js';

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
  @Field(() => DateTimeScalar, { description: 'Start of the bucket: local midnight in the report\u2019s time zone, as an instant.' })
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
  @RefersTo('ArchivePolicy')
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

@ObjectType('DuplicateReasonCount', { description: 'Pending duplicate groups showing one kind of evidence.', simpleResolvers: true })
export class DuplicateReasonCount {
  @Field({ description: 'EMAIL, PHONE, TAX_ID, NAME or SIMILAR_NAME.' })
  kind!: string;

  @Field(() => Int, { description: 'Pending groups with this evidence (a group may show several).' })
  groups!: number;
}

@ObjectType('DataQualityCount', { description: 'Open data-quality issues of one kind.', simpleResolvers: true })
export class DataQualityCount {
  @Field(() => CleanupField, { description: 'The field with the problem.' })
  field!: CleanupField;

  @Field(() => DataQualityProblem, { description: 'The problem.' })
  problem!: DataQualityProblem;

  @Field(() => Int, { description: 'Issues (one per customer).' })
  count!: number;
}

type Lazy<T> = () => Promise<T>;

/** Each figure is read only when asked for. */
export interface CleanupStatsRecord {
  duplicateGroupsPending: Lazy<number>;
  duplicateCustomersPending: Lazy<number>;
  duplicatesByReason: Lazy<DuplicateReasonCount[]>;
  lastDuplicateDetectionAt: Lazy<string | null>;
  dataQualityIssues: Lazy<DataQualityCount[]>;
  dataQualityCustomers: Lazy<number>;
  dataQualityCountedAt: Lazy<string | null>;
}

@ObjectType('CleanupStats', { description: 'Cleanup work waiting: duplicate groups to review and open data-quality issues, under the caller\u2019s row and field rules.', simpleResolvers: true })
export class CleanupStats {
  @Field(() => Int, { description: 'Groups from the latest detection run with at least two ACTIVE customers you may see, found by evidence on fields you may read in full.' })
  duplicateGroupsPending!: number;

  @Field(() => Int, { description: 'Distinct ACTIVE customers in those groups.' })
  duplicateCustomersPending!: number;

  @Field(() => [DuplicateReasonCount], { description: 'Pending groups by kind of evidence, largest first.' })
  duplicatesByReason!: DuplicateReasonCount[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the latest successful duplicate detection finished; null if none has.' })
  lastDuplicateDetectionAt!: string | null;

  @Field(() => [DataQualityCount], {
    description: 'Open (not dismissed) data-quality issues by field and problem as of dataQualityCountedAt, largest first; issues on fields you may not read are left out. Empty until the first count.',
  })
  dataQualityIssues!: DataQualityCount[];

  @Field(() => Int, { description: 'Customers with at least one of those issues, as of dataQualityCountedAt.' })
  dataQualityCustomers!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the data-quality figures were counted (countDataQuality, or DATA_QUALITY_SCHEDULE); null if never.',
  })
  dataQualityCountedAt!: string | null;
}
