import { ArgRefersTo } from '../../graphql/global-id.js';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { getUser } from '../identity/user.service.js';
import { User, type UserRecord } from '../identity/user.type.js';
import { CancelJobInput, JobFilter } from './job.inputs.js';
import { CancelJobPayload, JobConnection } from './job.payloads.js';
import { JobReasonCode } from './job.enums.js';
import type { JobRecord } from './job.record.js';
import { cancelJob, getJob, listJobs } from './job.service.js';
import { Job, JobProgress } from './job.type.js';

@Resolver(() => Job)
export class JobResolver {
  @Query(() => Job, { nullable: true, description: 'One background job by id; null when there is none.' })
  @ArgRefersTo('id', 'Job')
  job(@Arg('id', () => ID, { description: 'Job id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getJob(ctx, id);
  }

  @Query(() => JobConnection, { description: 'Background jobs, newest first.' })
  async jobs(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => JobFilter, { nullable: true, description: 'Which jobs.' }) filter: JobFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<JobConnection> {
    const result = await listJobs(ctx, filter, page);
    return new JobConnection(result.page as never, result.count);
  }

  @Mutation(() => CancelJobPayload, { description: 'Cancels a queued job, or asks a running one to stop after its current batch. A role that may cancel only its own jobs cancels only an import it started; any other job reads as not found.' })
  async cancelJob(
    @Arg('input', () => CancelJobInput, { description: 'The job to cancel.' }) input: CancelJobInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await cancelJob(ctx, input.id) };
  }

  @FieldResolver(() => JobReasonCode, {
    nullable: true,
    description: 'Why the server queued the job, as a code to put in words; null when a person gave the reason (`params.reason`) or none was recorded.',
  })
  reasonCode(@Root() job: JobRecord): JobReasonCode | null {
    return jobReasonCode(job.params);
  }

  @FieldResolver(() => JobProgress, { description: 'Units done and in total.' })
  progress(@Root() job: JobRecord): JobProgress {
    return { done: job.progressDone, total: job.progressTotal };
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who started the job; null for scheduled runs (the system).' })
  createdBy(@Root() job: JobRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, job.createdBy);
  }
}

const CODES = new Set<string>(Object.values(JobReasonCode));

/** Jobs queued before reason codes were stored carry only the server's English text. */
const LEGACY_TEXTS: Record<string, JobReasonCode> = {
  'retention period ended': JobReasonCode.RETENTION_PERIOD_ENDED,
  'scheduled: retention period ended': JobReasonCode.SCHEDULED_RETENTION,
  'scheduled: recycle bin countdown ended': JobReasonCode.SCHEDULED_RECYCLE_BIN,
};

function jobReasonCode(params: Record<string, unknown>): JobReasonCode | null {
  const code = params['reasonCode'];
  if (typeof code === 'string' && CODES.has(code)) return code as JobReasonCode;
  const reason = params['reason'];
  return typeof reason === 'string' ? (LEGACY_TEXTS[reason] ?? null) : null;
}
