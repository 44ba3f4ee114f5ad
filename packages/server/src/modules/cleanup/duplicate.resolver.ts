import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { customerByIdLoader } from '../customer/customer.loaders.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { Customer } from '../customer/customer.type.js';
import type { GroupReason } from './duplicate.groups.js';
import { detectDuplicates, dismissDuplicate, listDuplicateGroups } from './duplicate.service.js';
import {
  DetectDuplicatesInput,
  DetectDuplicatesPayload,
  DismissDuplicateInput,
  DismissDuplicatePayload,
  DuplicateFilter,
  DuplicateGroup,
  DuplicateGroupConnection,
  DuplicateReason,
  type DuplicateGroupRecord,
} from './duplicate.types.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@Resolver(() => DuplicateGroup)
export class DuplicateResolver {
  @Query(() => DuplicateGroupConnection, { description: `Candidate duplicate groups from the latest detection run, most likely first (${rolesFor(Action.CUSTOMER_MERGE)}).` })
  async duplicateCandidates(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => DuplicateFilter, { nullable: true, description: 'Which groups.' }) filter: DuplicateFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DuplicateGroupConnection> {
    const result = await listDuplicateGroups(ctx, filter, page);
    return new DuplicateGroupConnection(result.page as never, result.count);
  }

  @Mutation(() => DismissDuplicatePayload, { description: 'Marks a group as not duplicates; they will not be proposed together again.' })
  dismissDuplicate(@Arg('input', () => DismissDuplicateInput, { description: 'The group and why.' }) input: DismissDuplicateInput, @Ctx() ctx: RequestContext) {
    return dismissDuplicate(ctx, input);
  }

  @Mutation(() => DetectDuplicatesPayload, { description: 'Recomputes the duplicate groups in a background job (replaces the previous run’s groups).' })
  async detectDuplicates(
    @Arg('input', () => DetectDuplicatesInput, { nullable: true, description: 'Options; omitted ones use the configuration.' }) input: DetectDuplicatesInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await detectDuplicates(ctx, input) };
  }

  @FieldResolver(() => [Customer], { description: 'The members that are still ACTIVE, under your field permissions.' })
  async customers(@Root() group: DuplicateGroupRecord, @Ctx() ctx: RequestContext): Promise<CustomerRecord[]> {
    const rows = await customerByIdLoader(ctx).loadMany(group.memberIds);
    return rows.filter((r): r is CustomerRecord => r != null && !(r instanceof Error) && r.status === 'ACTIVE');
  }

  @FieldResolver(() => [DuplicateReason], { description: 'Why, strongest first (the evidence your role may see).' })
  reasons(@Root() group: DuplicateGroupRecord): DuplicateReason[] {
    return group.reasons.map((r: GroupReason) => Object.assign(new DuplicateReason(), r));
  }
}
