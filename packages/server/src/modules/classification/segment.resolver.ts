import { ArgRefersTo } from '../../graphql/global-id.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import type { CustomerFilter } from '../customer/customer.inputs.js';
import { User, type UserRecord } from '../identity/user.type.js';
import { getUser } from '../identity/user.service.js';
import { deleteSegment, getSegment, listSegments, saveSegment, segmentCustomerCount, segmentView } from './segment.service.js';
import type { SegmentRecord } from '../customer/customer.segment.js';
import { DeleteSegmentInput, SaveSegmentInput, Segment, SegmentPayload } from './segment.types.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@Resolver(() => Segment)
export class SegmentResolver {
  @Query(() => [Segment], { description: 'Saved segments, by name.' })
  segments(@Ctx() ctx: RequestContext) {
    return listSegments(ctx);
  }

  @Query(() => Segment, { nullable: true, description: 'One saved segment.' })
  @ArgRefersTo('id', 'Segment')
  segment(@Arg('id', () => ID, { description: 'Segment id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getSegment(ctx, id);
  }

  @Mutation(() => SegmentPayload, { description: `Creates or changes a saved segment (${rolesFor(Action.CLASSIFICATION_MANAGE)}).` })
  async saveSegment(@Arg('input', () => SaveSegmentInput, { description: 'The segment.' }) input: SaveSegmentInput, @Ctx() ctx: RequestContext) {
    return { segment: await saveSegment(ctx, input) };
  }

  @Mutation(() => SegmentPayload, { description: `Deletes a saved segment (${rolesFor(Action.CLASSIFICATION_MANAGE)}).` })
  async deleteSegment(@Arg('input', () => DeleteSegmentInput, { description: 'The segment and the version read.' }) input: DeleteSegmentInput, @Ctx() ctx: RequestContext) {
    return { segment: await deleteSegment(ctx, input) };
  }

  @FieldResolver(() => Int, { description: 'ACTIVE (or, per its filter, other) customers matching it now that you may see.' })
  customerCount(@Root() segment: SegmentRecord, @Ctx() ctx: RequestContext) {
    return segmentCustomerCount(ctx, segment);
  }

  // The three below read the stored record through the caller's view, on every path a
  // segment leaves by (lists, one segment, mutation payloads).
  @FieldResolver(() => GraphQLJSONObject, { description: 'The stored filter without the criteria your role may not see.' })
  filter(@Root() segment: SegmentRecord, @Ctx() ctx: RequestContext): CustomerFilter {
    return segmentView(ctx, segment).filter;
  }

  @FieldResolver(() => String, { nullable: true, description: 'What the segment is for; null when it uses criteria your role may not see.' })
  description(@Root() segment: SegmentRecord, @Ctx() ctx: RequestContext): string | null {
    return segmentView(ctx, segment).description;
  }

  @FieldResolver(() => [String], { description: 'Criteria left out of `filter` for your role.' })
  hiddenCriteria(@Root() segment: SegmentRecord, @Ctx() ctx: RequestContext): string[] {
    return segmentView(ctx, segment).hiddenCriteria;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who created it.' })
  createdBy(@Root() segment: SegmentRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, segment.createdById);
  }
}
