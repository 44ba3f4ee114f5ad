import { RefersTo } from '../../graphql/global-id.js';
import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { JobKind, JobState } from './job.enums.js';

@InputType({ description: 'Which jobs to list (newest first).' })
export class JobFilter {
  @Field(() => [JobState], { nullable: true, description: 'Any of these states.' })
  @ArrayMaxSize(10)
  state?: JobState[];

  @Field(() => [JobKind], { nullable: true, description: 'Any of these kinds.' })
  @ArrayMaxSize(10)
  kind?: JobKind[];
}

@InputType({ description: 'The job to cancel.' })
export class CancelJobInput {
  @RefersTo('Job')
  @Field(() => ID, { description: 'Job id.' })
  id!: string;
}
