import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RefersTo } from '../../graphql/global-id.js';
import { NodeType } from '../../graphql/node.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ReasonField } from '../../graphql/reason-field.js';
import type { ScheduledPurgeRecord } from './recycle-bin.record.js';

export enum ScheduledPurgeState {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
  PURGED = 'PURGED',
}

registerEnumType(ScheduledPurgeState, {
  name: 'ScheduledPurgeState',
  description: 'Where a purge in the recycle bin is.',
  valuesConfig: {
    SCHEDULED: { description: 'Waiting for its date; it can still be cancelled.' },
    CANCELLED: { description: 'Cancelled by someone (or by the sweep, when the customer was no longer purgeable); the customer was kept.' },
    PURGED: { description: 'Carried out: the customer is gone, its export is kept for PURGE_EXPORT_KEEP_DAYS.' },
  },
});

@NodeType('ScheduledPurge', { description: 'A purge in the recycle bin: scheduled with a countdown, cancelled, or carried out.' })
export class ScheduledPurge implements Omit<ScheduledPurgeRecord, 'export' | 'scheduledBy' | 'cancelledBy' | 'state'> {
  @Field(() => ID, { description: 'Stable identifier of the scheduled purge.' })
  id!: string;

  @RefersTo('Customer')
  @Field(() => ID, { description: 'The customer to purge (live and VOID, or archived; `archivedCustomer` takes this id too).' })
  customerId!: string;

  @Field({ description: 'Its code when the purge was scheduled (kept after the purge, like the audit tombstone).' })
  code!: string;

  @Field({ description: 'Why it must go (the audit tombstone keeps it).' })
  reason!: string;

  @Field(() => ScheduledPurgeState, { description: 'Where the purge is.' })
  state!: ScheduledPurgeState;

  @Field(() => DateTimeScalar, { description: 'When it was put in the recycle bin.' })
  scheduledAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the retention sweep may carry it out (PURGE_DELAY_DAYS after scheduling; now for an approved urgent purge).' })
  dueAt!: string;

  @Field({ description: 'Carried out at once through an approved four-eyes request (PURGE_NOW), not after the countdown.' })
  urgent!: boolean;

  @RefersTo('ApprovalRequest')
  @Field(() => ID, { nullable: true, description: 'The four-eyes request that carried it out at once, if urgent.' })
  approvalRequestId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the customer was purged.' })
  purgedAt!: string | null;
}

@ObjectType({ description: 'Purges in the recycle bin, and how many there are in each state.' })
export class ScheduledPurgeList {
  @Field(() => [ScheduledPurge], { description: 'The purges asked for, next due first (carried-out and cancelled ones: latest first); at most `first`.' })
  nodes!: ScheduledPurgeRecord[];

  @Field(() => Int, { description: 'How many purges are waiting (SCHEDULED).' })
  scheduledCount!: number;

  @Field(() => Int, { description: 'How many were cancelled.' })
  cancelledCount!: number;

  @Field(() => Int, { description: 'How many were carried out.' })
  purgedCount!: number;
}

@ObjectType({ description: 'Result of purgeCustomer.' })
export class PurgeCustomerPayload {
  @Field(() => ScheduledPurge, { description: 'The purge, waiting in the recycle bin until its `dueAt`; cancel it there with cancelScheduledPurge.' })
  scheduledPurge!: ScheduledPurgeRecord;
}

@InputType({ description: 'Takes a purge out of the recycle bin: the customer stays.' })
export class CancelScheduledPurgeInput {
  @RefersTo('ScheduledPurge')
  @Field(() => ID, { description: 'The scheduled purge.' })
  id!: string;

  @ReasonField('Why the customer is kept (audit log).')
  reason!: string;
}

@ObjectType({ description: 'Result of cancelScheduledPurge.' })
export class CancelScheduledPurgePayload {
  @Field(() => ScheduledPurge, { description: 'The purge, now CANCELLED.' })
  scheduledPurge!: ScheduledPurgeRecord;
}

export const EXPORT_FIELD_DESCRIPTION =
  'Everything the purge removed (customer, interactions, archive metadata) as JSON, under your field guards; kept for PURGE_EXPORT_KEEP_DAYS after the purge, null before it and after that.';
export { GraphQLJSONObject };
