import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { Job } from './job.type.js';

export const JobConnection = ConnectionType(Job, 'Job');
export type JobConnection = InstanceType<typeof JobConnection>;

@ObjectType({ description: 'Result of cancelJob.' })
export class CancelJobPayload {
  @Field(() => Job, {
    description: 'The job: CANCELLED at once when it was still queued, otherwise RUNNING with `cancelRequested` until its current batch ends.',
  })
  job!: Job;
}
