import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { previewRetentionSweep, runRetentionSweep } from './retention.service.js';
import { RetentionPreview, RunRetentionSweepInput, RunRetentionSweepPayload } from './retention.type.js';

@Resolver()
export class RetentionResolver {
  @Query(() => RetentionPreview, {
    description: 'Dry run of the retention sweep: archived customers past retention and not held, with a sample. Removes nothing.',
  })
  previewRetentionSweep(@Ctx() ctx: RequestContext) {
    return previewRetentionSweep(ctx);
  }

  @Mutation(() => RunRetentionSweepPayload, {
    description: 'Purges, as a background job, every archived customer past its retainUntil that is not under legal hold; tombstones stay in the audit log.',
  })
  async runRetentionSweep(
    @Arg('input', () => RunRetentionSweepInput, { nullable: true, description: 'Why (optional).' }) input: RunRetentionSweepInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await runRetentionSweep(ctx, input?.reason) };
  }
}
