import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CustomerFilter } from '../customer/customer.inputs.js';
import { CustomerDimension, TimeBucket } from './report.enums.js';
import { archiveStats, customerStats, lifecycleActivity } from './report.service.js';
import { ArchiveStats, CustomerStat, LifecycleActivity } from './report.type.js';

@Resolver()
export class ReportResolver {
  @Query(() => [CustomerStat], {
    description: 'Customer counts grouped by up to four dimensions, largest groups first (at most 5,000 groups). Without `filter.status`, only ACTIVE customers count.',
  })
  customerStats(
    @Arg('groupBy', () => [CustomerDimension], { description: 'Dimensions to group by, most significant first.' }) groupBy: CustomerDimension[],
    @Arg('filter', () => CustomerFilter, { nullable: true, description: 'Which customers to count (the customers list filter).' })
    filter: CustomerFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return customerStats(ctx, filter, groupBy);
  }

  @Query(() => [LifecycleActivity], { description: 'Archive, restore, void, unvoid, purge, merge and unmerge counts per time bucket.' })
  lifecycleActivity(
    @Arg('from', () => DateTimeScalar, { description: 'Start of the range (inclusive).' }) from: string,
    @Arg('to', () => DateTimeScalar, { description: 'End of the range (exclusive).' }) to: string,
    @Arg('bucket', () => TimeBucket, { defaultValue: TimeBucket.DAY, description: 'Bucket width.' }) bucket: TimeBucket,
    @Ctx() ctx: RequestContext,
  ) {
    return lifecycleActivity(ctx, from, to, bucket);
  }

  @Query(() => ArchiveStats, { description: 'Size and age of the archive, under the caller\u2019s row rules.' })
  archiveStats(@Ctx() ctx: RequestContext) {
    return archiveStats(ctx);
  }
}
