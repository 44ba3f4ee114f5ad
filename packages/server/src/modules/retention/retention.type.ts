import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ArchivedCustomer } from '../archive/archive.type.js';
import { Job } from '../job/job.type.js';
import { OptionalReasonField } from '../../graphql/reason-field.js';

@ObjectType('RetentionPreview', { description: 'What a retention sweep would purge right now; nothing is removed.' })
export class RetentionPreview {
  @Field(() => DateTimeScalar, { description: 'The instant retention was judged against.' })
  asOf!: string;

  @Field(() => Int, { description: 'Archived customers past their retainUntil and not under legal hold.' })
  customerCount!: number;

  @Field(() => Int, { description: 'Archived interactions of those customers, purged with them.' })
  interactionCount!: number;

  @Field(() => Int, { description: 'Archived customers past their retainUntil that a legal hold keeps.' })
  heldCount!: number;

  @Field(() => [ArchivedCustomer], { description: 'Up to 20 of the customers it would purge (lowest ids first).' })
  sample!: ArchivedCustomer[];
}

@InputType({ description: 'Starts a retention sweep.' })
export class RunRetentionSweepInput {
  @OptionalReasonField('Why, for the audit log (default: "retention period ended").')
  reason?: string | null;
}

@ObjectType({ description: 'Result of runRetentionSweep.' })
export class RunRetentionSweepPayload {
  @Field(() => Job, { description: 'The queued sweep; follow it with `job(id)`.' })
  job!: Job;
}
