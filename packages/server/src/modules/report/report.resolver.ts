import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CustomerFilter } from '../customer/customer.inputs.js';
import { CustomerDimension, TimeBucket } from './report.enums.js';
import { archiveStats, customerStats, lifecycleActivity } from './report.service.js';
import { ArchiveStats, CleanupStats, CustomerStat, LifecycleActivity } from './report.type.js';
import { cleanupStats } from './report.cleanup.js';

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
    @Arg('timeZone', () => String, {
      defaultValue: 'UTC',
      description: 'IANA time zone whose calendar days, weeks and months the buckets follow, e.g. Asia/Shanghai.',
    })
    timeZone: string,
    @Ctx() ctx: RequestContext,
  ) {
    return lifecycleActivity(ctx, from, to, bucket, timeZone);
  }

  @Query(() => ArchiveStats, { description: 'Size and age of the archive, under the caller\u2019s row rules.' })
  archiveStats(@Ctx() ctx: RequestContext) {
    return archiveStats(ctx);
  }

  @Query(() => CleanupStats, { description: 'Duplicate groups waiting for review and open data-quality issues, under the caller\u2019s row and field rules.' })
  cleanupStats(@Ctx() ctx: RequestContext) {
    return cleanupStats(ctx);
  }
}
