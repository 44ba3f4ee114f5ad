import { NotANodeId, RefersTo } from '../../graphql/global-id.js';
import { IsOptional, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Job } from '../job/job.type.js';
import type { JobRecord } from '../job/job.record.js';
import type { GroupReason } from './duplicate.groups.js';
import { OptionalReasonField } from '../../graphql/reason-field.js';
import { hiddenDuplicateEvidence } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

export interface DuplicateGroupRecord {
  id: string;
  region: string | null;
  score: number;
  reasons: GroupReason[];
  memberIds: string[];
  createdAt: string;
}

const REASON_TEXT: Record<string, string> = {
  EMAIL: 'Same email address (after normalization)',
  PHONE: 'Same phone number (after normalization)',
  TAX_ID: 'Same tax id',
  NAME: 'Same name in the same region (ignoring case, spacing, full-width forms and legal form)',
  SIMILAR_NAME: 'Similar names in the same region',
};

@ObjectType('DuplicateReason', { description: 'Why customers of a group look like the same one.', simpleResolvers: true })
export class DuplicateReason {
  @Field({ description: 'EMAIL, PHONE, TAX_ID, NAME or SIMILAR_NAME.' })
  kind!: string;

  @Field(() => Float, { description: 'Strength of this evidence (0–1; for SIMILAR_NAME the best trigram similarity).' })
  score!: number;

  @Field(() => Int, { description: 'How many pairs in the group share it.' })
  pairs!: number;

  @Field({ description: 'The reason in words (never the values themselves).' })
  get description(): string {
    const text = REASON_TEXT[this.kind] ?? this.kind;
    return this.kind === 'SIMILAR_NAME' ? `${text} (similarity ${this.score.toFixed(2)})` : text;
  }
}

@ObjectType('DuplicateGroup', { description: 'Customers that are probably the same, from the latest detection run.' })
export class DuplicateGroup {
  @NotANodeId('a group of the latest detection run, replaced by the next: read groups through duplicateCandidates')
  @Field(() => ID, { description: 'Stable identifier (until the next detection run).' })
  id!: string;

  @Field(() => Float, { description: 'How likely the group is one customer (0–1): independent reasons add up. Computed from the reasons you may see.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'The region all members share, if they do.' })
  region!: string | null;

  @Field(() => [DuplicateReason], { description: `Why, strongest first: only evidence on fields your role reads in full (${hiddenDuplicateEvidence(Action.CUSTOMER_MERGE)}).` })
  reasons!: GroupReason[];

  @RefersTo('Customer')
  @Field(() => [ID], { description: 'The member customers’ ids.' })
  memberIds!: string[];

  @Field(() => DateTimeScalar, { description: 'When the detection run found it.' })
  createdAt!: string;
}

export const DuplicateGroupConnection = ConnectionType(DuplicateGroup, 'DuplicateGroup');
export type DuplicateGroupConnection = InstanceType<typeof DuplicateGroupConnection>;

@InputType({ description: 'Which duplicate groups to list.' })
export class DuplicateFilter {
  @Field(() => Float, { nullable: true, description: 'Only groups scoring at least this (0–1).' })
  @IsOptional()
  @Min(0)
  @Max(1)
  minScore?: number | null;

  @Field(() => [String], { nullable: true, description: 'Only groups in these regions.' })
  region?: string[] | null;

  @RefersTo('Customer')
  @Field(() => ID, { nullable: true, description: 'Only groups containing this customer.' })
  customerId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only groups with at least one of these reason kinds (EMAIL, PHONE, TAX_ID, NAME, SIMILAR_NAME); a kind on a field your role does not read in full is refused (FORBIDDEN).',
  })
  reason?: string[] | null;
}

@InputType({ description: 'Marks a duplicate group as not duplicates; detection will not pair these customers again.' })
export class DismissDuplicateInput {
  @NotANodeId("a DuplicateGroup's id (groups are no Node: each detection run replaces them)")
  @Field(() => ID, { description: 'The group.' })
  groupId!: string;

  @OptionalReasonField('Why they are different customers.', 1000)
  reason?: string | null;
}

@ObjectType({ description: 'Result of dismissDuplicate.' })
export class DismissDuplicatePayload {
  @NotANodeId("a DuplicateGroup's id (groups are no Node: each detection run replaces them)")
  @Field(() => ID, { description: 'The dismissed group (now gone from the list).' })
  groupId!: string;

  @Field(() => Int, { description: 'Customer pairs remembered as not duplicates.' })
  dismissedPairs!: number;
}

@InputType({ description: 'Options of a duplicate detection run.' })
export class DetectDuplicatesInput {
  @Field(() => Float, { nullable: true, description: 'Name similarity from which names count as similar (default DUPLICATE_NAME_SIMILARITY).' })
  @IsOptional()
  @Min(0.3)
  @Max(1)
  nameSimilarity?: number | null;
}

@ObjectType({ description: 'Result of detectDuplicates.' })
export class DetectDuplicatesPayload {
  @Field(() => Job, { description: 'The queued detection job.' })
  job!: JobRecord;
}
