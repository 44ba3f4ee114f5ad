import { IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Job } from '../job/job.type.js';

/** Defaults used when a threshold is not given (and by the scheduled run). */
export const DEFAULT_STAGE_THRESHOLDS = { newDays: 30, activeDays: 90, inactiveDays: 365 } as const;

@InputType({
  description:
    'Thresholds in days. A customer created within `newDays` is NEW; otherwise one whose latest activity (last interaction, or creation when none) is within `activeDays` is ACTIVE, within `inactiveDays` INACTIVE, and older CHURNED.',
})
export class ClassifyLifecycleStagesInput {
  @Field(() => Int, { nullable: true, description: `Days a new customer stays NEW (default ${DEFAULT_STAGE_THRESHOLDS.newDays}).` })
  @IsOptional()
  @Min(1)
  @Max(3650)
  newDays?: number;

  @Field(() => Int, { nullable: true, description: `Activity within this many days makes a customer ACTIVE (default ${DEFAULT_STAGE_THRESHOLDS.activeDays}).` })
  @IsOptional()
  @Min(1)
  @Max(36_500)
  activeDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: `Activity within this many days (but not within activeDays) makes a customer INACTIVE; none at all makes it CHURNED (default ${DEFAULT_STAGE_THRESHOLDS.inactiveDays}).`,
  })
  @IsOptional()
  @Min(1)
  @Max(36_500)
  inactiveDays?: number;
}

@ObjectType({ description: 'Result of classifyLifecycleStages.' })
export class ClassifyLifecycleStagesPayload {
  @Field(() => Job, { description: 'The queued classification job.' })
  job!: Job;
}
