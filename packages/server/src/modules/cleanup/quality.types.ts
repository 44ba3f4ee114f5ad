import { NotANodeId, RefersTo } from '../../graphql/global-id.js';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CustomerFilter } from '../customer/customer.inputs.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { Customer } from '../customer/customer.type.js';
import { LifecycleFailure, type LifecycleFailureRecord } from '../customer/customer.failures.js';
import { PageInfo } from '../../graphql/connection.js';
import { CleanupField, DataQualityAction, DataQualityProblem } from './cleanup.enums.js';
import { Job } from '../job/job.type.js';
import type { JobRecord } from '../job/job.record.js';
import { OptionalReasonField } from '../../graphql/reason-field.js';

export const MAX_ISSUES_PER_CALL = 1000;

@InputType({ description: 'Which data-quality issues to list.' })
export class DataQualityFilter {
  @Field(() => CustomerFilter, { nullable: true, description: 'Which customers (default: all ACTIVE ones you may edit).' })
  customer?: CustomerFilter | null;

  @Field(() => [DataQualityProblem], { nullable: true, description: 'Only these problems.' })
  problem?: DataQualityProblem[] | null;

  @Field(() => [CleanupField], { nullable: true, description: 'Only issues about these fields.' })
  field?: CleanupField[] | null;

  @Field(() => Int, { nullable: true, description: 'Years without edit or contact that count as outdated (default DATA_QUALITY_OUTDATED_YEARS).' })
  @IsOptional()
  @Min(1)
  @Max(50)
  outdatedYears?: number | null;
}

export interface DataQualityIssueRecord {
  id: string;
  customer: CustomerRecord;
  field: CleanupField;
  problem: DataQualityProblem;
  value: string | null;
  hasSuggestion: boolean;
  suggestion: string | null;
  message: string;
}

@ObjectType('DataQualityIssue', { description: 'One problem with one field of one customer, with a suggested fix where there is one.' })
export class DataQualityIssue {
  @NotANodeId('customerId:field:problem, a computed key while the problem lasts')
  @Field(() => ID, { description: 'customerId:field:problem; stable while the problem lasts.' })
  id!: string;

  @Field(() => Customer, { description: 'The customer.' })
  customer!: Customer;

  @Field(() => CleanupField, { description: 'The field.' })
  field!: CleanupField;

  @Field(() => DataQualityProblem, { description: 'What is wrong.' })
  problem!: DataQualityProblem;

  @Field(() => String, { nullable: true, description: 'The value now, under your field permissions (masked when your role reads it masked).' })
  value!: string | null;

  @Field({ description: 'Whether APPLY_SUGGESTION can fix it (a null suggestion then clears the value).' })
  hasSuggestion!: boolean;

  @Field(() => String, { nullable: true, description: 'The suggested value, under your field permissions.' })
  suggestion!: string | null;

  @Field({ description: 'The problem in words (never with the value).' })
  message!: string;
}

@ObjectType('DataQualityIssueEdge', { description: 'An edge in a DataQualityIssue connection.' })
export class DataQualityIssueEdge {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor!: string;

  @Field(() => DataQualityIssue, { description: 'The item.' })
  node!: DataQualityIssueRecord;
}

@ObjectType('DataQualityIssueConnection', { description: 'A page of data-quality issues, by customer id.' })
export class DataQualityIssueConnection {
  constructor(
    edges: DataQualityIssueEdge[],
    pageInfo: PageInfo,
    readonly count: () => Promise<number>,
  ) {
    this.edges = edges;
    this.nodes = edges.map((e) => e.node);
    this.pageInfo = pageInfo;
  }

  @Field(() => [DataQualityIssueEdge], { description: 'Items with their cursors.' })
  edges: DataQualityIssueEdge[];

  @Field(() => [DataQualityIssue], { description: 'Items without cursors.' })
  nodes: DataQualityIssueRecord[];

  @Field(() => PageInfo, { description: 'Paging state (forward paging only).' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Number of issues matching the filter (reads every candidate customer: ask only when needed).' })
  totalCount(): Promise<number> {
    return this.count();
  }
}

@InputType({ description: 'One issue, as listed.' })
export class DataQualityIssueRef {
  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => CleanupField, { description: 'The field.' })
  field!: CleanupField;

  @Field(() => DataQualityProblem, { description: 'The problem.' })
  problem!: DataQualityProblem;
}

@InputType({ description: 'Resolves data-quality issues one by one or in bulk.' })
export class ResolveDataQualityIssuesInput {
  @Field(() => [DataQualityIssueRef], { description: `The issues, at most ${MAX_ISSUES_PER_CALL}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ISSUES_PER_CALL)
  issues!: DataQualityIssueRef[];

  @Field(() => DataQualityAction, { description: 'Apply the suggestions, or dismiss the issues.' })
  action!: DataQualityAction;
}

@ObjectType({ description: 'Result of resolveDataQualityIssues.' })
export class ResolveDataQualityIssuesPayload {
  @Field(() => Int, { description: 'Issues resolved.' })
  resolved!: number;

  @Field(() => [Customer], { description: 'The customers changed (APPLY_SUGGESTION) or with dismissed issues.' })
  customers!: CustomerRecord[];

  @Field(() => [LifecycleFailure], { description: 'Issues not resolved, by customer id: NOT_FOUND, or INVALID_STATE when the issue no longer exists.' })
  failures!: LifecycleFailureRecord[];
}

@InputType({ description: 'Options of a data-quality count.' })
export class CountDataQualityInput {
  @OptionalReasonField('Why (recorded with the job in the audit log).')
  reason?: string | null;
}

@ObjectType('CountDataQualityPayload', { description: 'Result of countDataQuality.' })
export class CountDataQualityPayload {
  @Field(() => Job, { description: 'The queued counting job; cleanupStats shows its figures once it has finished.' })
  job!: JobRecord;
}

@InputType({ description: 'Every open issue a filter selects, and what to do with them.' })
export class ResolveAllDataQualityIssuesInput {
  @Field(() => DataQualityFilter, { nullable: true, description: 'Which issues (as for dataQualityIssues; usually one problem).' })
  filter?: DataQualityFilter | null;

  @Field(() => DataQualityAction, { description: 'Apply the suggestions (issues without one are left), or dismiss the issues.' })
  action!: DataQualityAction;

  @OptionalReasonField('Why (recorded with the job in the audit log).')
  reason?: string | null;
}

@ObjectType({ description: 'The queued job resolving every selected issue.' })
export class ResolveAllDataQualityIssuesPayload {
  @Field(() => Job, { description: 'The job; its result counts the issues resolved, the customers changed and the issues left.' })
  job!: JobRecord;
}
