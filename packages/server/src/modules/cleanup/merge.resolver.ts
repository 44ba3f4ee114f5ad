import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { getArchivedCustomer } from '../archive/archive.service.js';
import { ArchivedCustomer } from '../archive/archive.type.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { getCustomer } from '../customer/customer.service.js';
import { Customer } from '../customer/customer.type.js';
import { User, type UserRecord } from '../identity/user.type.js';
import { getUser } from '../identity/user.service.js';
import { listMerges, mergedIntoLoader } from './merge.reader.js';
import { mergeCustomers, unmergeCustomers } from './merge.service.js';
import {
  CustomerMerge,
  CustomerMergeConnection,
  MergeCustomersInput,
  MergeCustomersPayload,
  MergeFilter,
  UnmergeCustomersInput,
  UnmergeCustomersPayload,
  type MergeRecord,
} from './merge.types.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@Resolver(() => CustomerMerge)
export class MergeResolver {
  @Mutation(() => MergeCustomersPayload, {
    description: 'Merges 2–10 ACTIVE customers into a survivor: field-by-field picks, interactions move to the survivor, the others become MERGED. With dryRun, shows the result and saves nothing.',
  })
  mergeCustomers(@Arg('input', () => MergeCustomersInput, { description: 'Survivor, merged customers, picks and versions.' }) input: MergeCustomersInput, @Ctx() ctx: RequestContext) {
    return mergeCustomers(ctx, input);
  }

  @Mutation(() => UnmergeCustomersPayload, {
    description: 'Undoes a merge exactly: every party back as it was, interactions back with their original customer. INVALID_STATE names what prevents it.',
  })
  unmergeCustomers(@Arg('input', () => UnmergeCustomersInput, { description: 'The merge and why.' }) input: UnmergeCustomersInput, @Ctx() ctx: RequestContext) {
    return unmergeCustomers(ctx, input);
  }

  @Query(() => CustomerMergeConnection, { description: `Merges, newest first (${rolesFor(Action.CUSTOMER_MERGE)}).` })
  async merges(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => MergeFilter, { nullable: true, description: 'Which merges.' }) filter: MergeFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CustomerMergeConnection> {
    const result = await listMerges(ctx, filter, page);
    return new CustomerMergeConnection(result.page as never, result.count);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The survivor (null when it is not live or not visible to you).' })
  survivor(@Root() merge: MergeRecord, @Ctx() ctx: RequestContext) {
    return getCustomer(ctx, merge.survivorId);
  }

  @FieldResolver(() => ArchivedCustomer, {
    nullable: true,
    description: 'The survivor when it has been archived since the merge (null while it is live); unmerging needs it restored first.',
  })
  archivedSurvivor(@Root() merge: MergeRecord, @Ctx() ctx: RequestContext) {
    return getArchivedCustomer(ctx, merge.survivorId);
  }

  @FieldResolver(() => [Customer], { description: 'The merged customers you may see, in any status.' })
  async merged(@Root() merge: MergeRecord, @Ctx() ctx: RequestContext) {
    return (await Promise.all(merge.mergedIds.map((id) => getCustomer(ctx, id)))).filter((c) => c !== null);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who merged.' })
  mergedBy(@Root() merge: MergeRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, merge.mergedById);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who undid the merge.' })
  unmergedBy(@Root() merge: MergeRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, merge.unmergedById);
  }
}

@Resolver(() => Customer)
export class CustomerMergedIntoResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'For a MERGED customer: the survivor it was merged into (null otherwise or when not visible).' })
  async mergedInto(@Root() customer: CustomerRecord, @Ctx() ctx: RequestContext): Promise<CustomerRecord | null> {
    if (customer.status !== 'MERGED') return null;
    const survivorId = await mergedIntoLoader(ctx).load(customer.id);
    return survivorId ? getCustomer(ctx, survivorId) : null;
  }
}
