import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { ClassifyLifecycleStagesInput, ClassifyLifecycleStagesPayload } from './lifecycle-stage.inputs.js';
import { classifyLifecycleStages } from './lifecycle-stage.service.js';

@Resolver()
export class LifecycleStageResolver {
  @Mutation(() => ClassifyLifecycleStagesPayload, {
    description: 'Recomputes lifecycle stages from activity in a background job; customers whose stage was set by hand are left alone.',
  })
  async classifyLifecycleStages(
    @Arg('input', () => ClassifyLifecycleStagesInput, { nullable: true, description: 'Thresholds; omitted ones use the defaults.' })
    input: ClassifyLifecycleStagesInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await classifyLifecycleStages(ctx, input) };
  }
}
