import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { Job } from '../job/job.type.js';
import { ArchivePolicy } from './archive-policy.type.js';

export const ArchivePolicyConnection = ConnectionType(ArchivePolicy, 'ArchivePolicy');
export type ArchivePolicyConnection = InstanceType<typeof ArchivePolicyConnection>;

@ObjectType({ description: 'Result of createArchivePolicy.' })
export class CreateArchivePolicyPayload {
  @Field(() => ArchivePolicy, { description: 'The new policy.' })
  policy!: ArchivePolicy;
}

@ObjectType({ description: 'Result of updateArchivePolicy.' })
export class UpdateArchivePolicyPayload {
  @Field(() => ArchivePolicy, { description: 'The policy after the change.' })
  policy!: ArchivePolicy;
}

@ObjectType({ description: 'Result of deleteArchivePolicy.' })
export class DeleteArchivePolicyPayload {
  @Field(() => ArchivePolicy, { description: 'The policy as it was before it was deleted.' })
  policy!: ArchivePolicy;
}

@ObjectType({ description: 'Result of runArchivePolicy.' })
export class RunArchivePolicyPayload {
  @Field(() => Job, { description: 'The queued run; follow it with `job(id)`.' })
  job!: Job;
}
