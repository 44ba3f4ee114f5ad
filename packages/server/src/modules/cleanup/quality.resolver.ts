import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { listDataQualityIssues, resolveDataQualityIssues } from './quality.service.js';
import { countDataQuality } from './quality.count.job.js';
import {
  CountDataQualityInput,
  CountDataQualityPayload,
  DataQualityFilter,
  DataQualityIssueConnection,
  ResolveDataQualityIssuesInput,
  ResolveDataQualityIssuesPayload,
  ResolveAllDataQualityIssuesInput,
  ResolveAllDataQualityIssuesPayload,
} from './quality.types.js';
import { resolveAllDataQualityIssues } from './quality.resolve.job.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@Resolver()
export class DataQualityResolver {
  @Query(() => DataQualityIssueConnection, { description: 'Data-quality problems of the customers you may edit, by customer id, with suggested fixes.' })
  async dataQualityIssues(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => DataQualityFilter, { nullable: true, description: 'Which issues.' }) filter: DataQualityFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DataQualityIssueConnection> {
    const result = await listDataQualityIssues(ctx, filter, page);
    return new DataQualityIssueConnection(result.edges as never, result.pageInfo, result.count);
  }

  @Mutation(() => ResolveDataQualityIssuesPayload, { description: 'Applies the suggested fixes of data-quality issues, or dismisses them, one by one or in bulk.' })
  resolveDataQualityIssues(
    @Arg('input', () => ResolveDataQualityIssuesInput, { description: 'The issues and what to do.' }) input: ResolveDataQualityIssuesInput,
    @Ctx() ctx: RequestContext,
  ) {
    return resolveDataQualityIssues(ctx, input);
  }

  @Mutation(() => ResolveAllDataQualityIssuesPayload, {
    description: 'Applies the suggested fixes of, or dismisses, every open issue the filter selects, as a background job with progress (for more issues than one call takes).',
  })
  async resolveAllDataQualityIssues(
    @Arg('input', () => ResolveAllDataQualityIssuesInput, { description: 'The filter and what to do.' }) input: ResolveAllDataQualityIssuesInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await resolveAllDataQualityIssues(ctx, input) };
  }

  @Mutation(() => CountDataQualityPayload, {
    description: `Counts every open data-quality issue in a background job, for cleanupStats (${rolesFor(Action.CUSTOMER_NORMALIZE)}); one count runs at a time.`,
  })
  async countDataQuality(
    @Arg('input', () => CountDataQualityInput, { nullable: true, description: 'Options.' }) input: CountDataQualityInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await countDataQuality(ctx, input?.reason?.trim() || undefined) };
  }
}
