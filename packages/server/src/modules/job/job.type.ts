import { NodeType } from '../../graphql/node.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { JobKind, JobState } from './job.enums.js';
import type { JobRecord } from './job.record.js';

@ObjectType('JobProgress', { description: 'How far a job is.', simpleResolvers: true })
export class JobProgress {
  @Field(() => Int, { description: 'Units done so far (customers, for archive and classification jobs).' })
  done!: number;

  @Field(() => Int, { nullable: true, description: 'Units in total; null until the job has counted its work.' })
  total!: number | null;
}

@NodeType('Job', { description: 'A background job: an archive policy run, a bulk archive or a classification.' })
export class Job implements Omit<JobRecord, 'progressDone' | 'progressTotal' | 'createdBy' | 'heartbeatAt' | 'dedupeKey' | 'traceParent'> {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => JobKind, { description: 'What the job does.' })
  kind!: JobKind;

  @Field(() => JobState, { description: 'Where the job is in its life.' })
  state!: JobState;

  @Field(() => GraphQLJSONObject, { description: 'What the job was asked to do (depends on `kind`).' })
  params!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What the job did (set when it finished or was cancelled).' })
  result!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Why the job failed (state FAILED).' })
  error!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the job was queued.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a worker first started it.' })
  startedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it succeeded, failed or was cancelled.' })
  finishedAt!: string | null;

  @Field(() => Int, { description: 'How many times a worker took it up (more than 1 after a worker was lost).' })
  attempts!: number;

  @Field({ description: 'Whether cancellation was requested; a running job stops after its current batch.' })
  cancelRequested!: boolean;
}
