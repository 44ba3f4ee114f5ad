import { Field, ObjectType } from 'type-graphql';
import { Job } from '../job/job.type.js';

@ObjectType({ description: 'Result of reindexArchive.' })
export class ReindexArchivePayload {
  @Field(() => Job, { description: 'The queued rebuild; follow its progress with job(id).' })
  job!: Job;
}
