import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RefersTo } from '../../graphql/global-id.js';
import { NodeType } from '../../graphql/node.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { OptionalReasonField, ReasonField } from '../../graphql/reason-field.js';
import { FourEyesOperation } from '../../policy/four-eyes.js';
import type { ApprovalPreviewRecord, ApprovalRequestRecord } from './approval.record.js';

export enum ApprovalState {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  EXECUTED = 'EXECUTED',
  FAILED = 'FAILED',
}

registerEnumType(FourEyesOperation, {
  name: 'ApprovalOperation',
  description: 'An operation that can need a second person (APPROVAL_REQUIRED; PURGE_NOW always does).',
  valuesConfig: {
    PURGE_NOW: { description: 'Purge one customer at once, skipping the recycle bin\u2019s countdown.' },
    ERASE_PERSONAL_DATA: { description: 'Erase one customer\u2019s personal data (erasePersonalData).' },
    ARCHIVE_CUSTOMERS: { description: 'Archive APPROVAL_BULK_ARCHIVE_MIN customers or more at once (archiveCustomers).' },
    RESTORE_HELD: { description: 'Restore archived customers, one of them under legal hold (restoreCustomers).' },
    ENABLE_ARCHIVE_POLICY: { description: 'Turn an archive policy on, so it runs on its schedule.' },
    ROTATE_ENCRYPTION_KEYS: { description: 'Re-encrypt sensitive values under the current key (startKeyRotation).' },
  },
});

registerEnumType(ApprovalState, {
  name: 'ApprovalState',
  description: 'Where a four-eyes request is.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a second person until `expiresAt`.' },
    APPROVED: { description: 'Approved; its job is about to run the operation.' },
    REJECTED: { description: 'Rejected by a second person; it never runs.' },
    CANCELLED: { description: 'Withdrawn by the person who asked.' },
    EXPIRED: { description: 'Nobody decided before `expiresAt`; it can no longer be approved or run.' },
    EXECUTED: { description: 'The operation ran (once); `outcome` says what it did.' },
    FAILED: { description: 'Approved, but the operation was refused when it ran (the record changed meanwhile); `outcome.error` says why.' },
  },
});

@ObjectType({ description: 'The dry run made when the request was recorded: what the operation would touch.' })
export class ApprovalPreview implements ApprovalPreviewRecord {
  @Field(() => Int, { description: 'Customers it would change (or re-encrypt, for key rotation).' })
  customers!: number;

  @Field(() => Int, { description: 'Interactions that go with them.' })
  interactions!: number;

  @Field(() => Int, { description: 'Of those customers, how many are under legal hold.' })
  held!: number;
}

@NodeType('ApprovalRequest', { description: 'A four-eyes request: an operation, its parameters and preview, waiting for (or past) a second person\u2019s decision.' })
export class ApprovalRequest implements Pick<ApprovalRequestRecord, 'id' | 'reason' | 'requestedAt' | 'expiresAt' | 'decidedAt' | 'decisionNote' | 'executedAt'> {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => FourEyesOperation, { description: 'What it asks to run.' })
  operation!: FourEyesOperation;

  @Field(() => ApprovalState, { description: 'Where it is now.' })
  state!: ApprovalState;

  @Field({ description: 'Why the requester asks (the run\u2019s audit events carry it).' })
  reason!: string;

  @Field(() => ApprovalPreview, { description: 'Counts from the dry run made when it was recorded.' })
  preview!: ApprovalPreview;

  @Field(() => DateTimeScalar, { description: 'When it was asked for.' })
  requestedAt!: string;

  @Field(() => DateTimeScalar, { description: 'After this it can no longer be approved (APPROVAL_EXPIRY_HOURS).' })
  expiresAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was approved or rejected.' })
  decidedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'What the second person said.' })
  decisionNote!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the operation ran.' })
  executedAt!: string | null;
}

@ObjectType({ description: 'Four-eyes requests and how many there are in each state.' })
export class ApprovalRequestList {
  @Field(() => [ApprovalRequest], { description: 'The requests asked for: newest first, at most `first`.' })
  nodes!: ApprovalRequestRecord[];

  @Field(() => Int, { description: 'Waiting for a decision (not expired).' })
  pendingCount!: number;

  @Field(() => Int, { description: 'Waiting for a decision that you may make (someone else\u2019s, an operation you may run).' })
  awaitingYouCount!: number;

  @Field(() => Int, { description: 'Approved and not yet run.' })
  approvedCount!: number;

  @Field(() => Int, { description: 'Run.' })
  executedCount!: number;

  @Field(() => Int, { description: 'Rejected.' })
  rejectedCount!: number;

  @Field(() => Int, { description: 'Withdrawn by the requester.' })
  cancelledCount!: number;

  @Field(() => Int, { description: 'Expired without a decision.' })
  expiredCount!: number;

  @Field(() => Int, { description: 'Refused when they ran.' })
  failedCount!: number;
}

@InputType({ description: 'Asks a second person to approve an operation. Which fields it takes depends on the operation.' })
export class RequestApprovalInput {
  @Field(() => FourEyesOperation, { description: 'The operation.' })
  operation!: FourEyesOperation;

  @ReasonField('Why it must run (the audit events of the run carry it).')
  reason!: string;

  @RefersTo('Customer', 'ArchivedCustomer')
  @Field(() => [ID], { nullable: true, description: 'The customers (PURGE_NOW and ERASE_PERSONAL_DATA: exactly one).' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  customerIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'PURGE_NOW and ERASE_PERSONAL_DATA: the customer\u2019s code, typed again to confirm.' })
  @IsOptional()
  @MaxLength(100)
  confirm?: string | null;

  @RefersTo('ArchivePolicy')
  @Field(() => ID, { nullable: true, description: 'ENABLE_ARCHIVE_POLICY: the policy.' })
  @IsOptional()
  policyId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'ARCHIVE_CUSTOMERS: keep at least until then (default: the configured retention).' })
  @IsOptional()
  retainUntil?: string | null;
}

@InputType({ description: 'A decision on, or the withdrawal of, a four-eyes request.' })
export class DecideApprovalInput {
  @RefersTo('ApprovalRequest')
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @OptionalReasonField('What you say about it (kept on the request and in the audit log).')
  note?: string | null;
}

@ObjectType({ description: 'Result of requestApproval, approveRequest, rejectRequest and cancelApprovalRequest.' })
export class ApprovalRequestPayload {
  @Field(() => ApprovalRequest, { description: 'The request as it is now.' })
  request!: ApprovalRequestRecord;
}
