import { ArgRefersTo } from '../../graphql/global-id.js';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ArchivedCustomer } from '../archive/archive.type.js';
import { Customer } from '../customer/customer.type.js';
import { getUser } from '../identity/user.service.js';
import { User, type UserRecord } from '../identity/user.type.js';
import { RevertCustomerInput } from './history.inputs.js';
import { archivedCustomerAsOf, customerAsOf, customerHistory, revertCustomer } from './history.service.js';
import { CustomerHistoryEntry, RevertCustomerPayload, type CustomerHistoryEntryRecord } from './history.type.js';

@Resolver(() => CustomerHistoryEntry)
export class HistoryResolver {
  @Query(() => [CustomerHistoryEntry], {
    nullable: true,
    description:
      'Every step of a customer\'s life, live or archived, oldest first: who, when, why and which fields changed (old → new). ' +
      'Null when the customer does not exist or is not visible; values are guarded as in the record.',
  })
  @ArgRefersTo('id', 'Customer', 'ArchivedCustomer')
  customerHistory(@Arg('id', () => ID, { description: 'Customer id.' }) id: string, @Ctx() ctx: RequestContext) {
    return customerHistory(ctx, id);
  }

  @Query(() => Customer, {
    nullable: true,
    description:
      'A live customer as it was at a point in time (fields as kept then; relations such as interactions are current). ' +
      'Null when the customer is not live and visible now, or had no kept state at that time.',
  })
  @ArgRefersTo('id', 'Customer', 'ArchivedCustomer')
  customerAsOf(
    @Arg('id', () => ID, { description: 'Customer id.' }) id: string,
    @Arg('at', () => DateTimeScalar, { description: 'The point in time.' }) at: string,
    @Ctx() ctx: RequestContext,
  ) {
    return customerAsOf(ctx, id, at);
  }

  @Query(() => ArchivedCustomer, {
    nullable: true,
    description:
      'An archived customer as it was at a point in time (customer fields as kept then; archive fields describe its current archiving).',
  })
  @ArgRefersTo('id', 'ArchivedCustomer', 'Customer')
  archivedCustomerAsOf(
    @Arg('id', () => ID, { description: 'Customer id.' }) id: string,
    @Arg('at', () => DateTimeScalar, { description: 'The point in time.' }) at: string,
    @Ctx() ctx: RequestContext,
  ) {
    return archivedCustomerAsOf(ctx, id, at);
  }

  @Mutation(() => RevertCustomerPayload, {
    description: 'Undoes one history entry (all its revertible fields, or the ones named) on an ACTIVE customer; audited as CUSTOMER_REVERTED.',
  })
  revertCustomer(
    @Arg('input', () => RevertCustomerInput, { description: 'The customer, the version read, the entry and why.' }) input: RevertCustomerInput,
    @Ctx() ctx: RequestContext,
  ) {
    return revertCustomer(ctx, input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who acted (null for system jobs and for steps without an event).' })
  actor(@Root() entry: CustomerHistoryEntryRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, entry.actorId);
  }
}
