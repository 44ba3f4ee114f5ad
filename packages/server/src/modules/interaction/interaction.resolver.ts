import { Arg, Args, Ctx, Extensions, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { plannedBy } from '../../graphql/read-plan.js';
import { CUSTOMER_HISTORY } from './interaction.plan.js';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { getCustomer } from '../customer/customer.service.js';
import { Customer } from '../customer/customer.type.js';
import { getUser } from '../identity/user.service.js';
import { User } from '../identity/user.type.js';
import { InteractionFilter, InteractionOrder, LogInteractionInput } from './interaction.inputs.js';
import { InteractionConnection, LogInteractionPayload } from './interaction.payloads.js';
import type { InteractionRecord } from './interaction.record.js';
import { countCustomerInteractions, customerInteractions, listInteractions, logInteraction } from './interaction.service.js';
import { Interaction } from './interaction.type.js';

@Resolver(() => Interaction)
export class InteractionResolver {
  @Query(() => InteractionConnection, { description: 'Interactions across customers, newest first by default.' })
  async interactions(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => InteractionFilter, { nullable: true, description: 'Which interactions.' }) filter: InteractionFilter | null,
    @Arg('orderBy', () => [InteractionOrder], { nullable: true, description: 'Sort keys (default: occurredAt descending).' })
    orderBy: InteractionOrder[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InteractionConnection> {
    const result = await listInteractions(ctx, filter, orderBy, page);
    return new InteractionConnection(result.page as never, result.count);
  }

  @Mutation(() => LogInteractionPayload, { description: 'Adds an interaction to an ACTIVE customer\'s history.' })
  async logInteraction(
    @Arg('input', () => LogInteractionInput, { description: 'The interaction to log.' }) input: LogInteractionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { interaction: await logInteraction(ctx, input) };
  }

  @FieldResolver(() => Customer, { description: 'The customer this interaction belongs to.' })
  customer(@Root() interaction: InteractionRecord, @Ctx() ctx: RequestContext) {
    return getCustomer(ctx, interaction.customerId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who recorded it.' })
  owner(@Root() interaction: InteractionRecord, @Ctx() ctx: RequestContext) {
    return getUser(ctx, interaction.ownerId);
  }
}

/** Customer fields that come from the interaction history. */
@Resolver(() => Customer)
export class CustomerInteractionsResolver {
  @FieldResolver(() => InteractionConnection, { description: 'This customer\'s interaction history, newest first by default.' })
  @Extensions(plannedBy(CUSTOMER_HISTORY.interactions))
  async interactions(
    @Root() customer: CustomerRecord,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => InteractionFilter, { nullable: true, description: 'Which interactions (customerId is ignored here).' })
    filter: InteractionFilter | null,
    @Arg('orderBy', () => [InteractionOrder], { nullable: true, description: 'Sort keys (default: occurredAt descending).' })
    orderBy: InteractionOrder[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InteractionConnection> {
    const result = customerInteractions(ctx, customer.id, filter, orderBy, page);
    return new InteractionConnection((await result.page) as never, result.count);
  }

  @FieldResolver(() => Int, { description: 'Number of interactions in this customer\'s history.' })
  @Extensions(plannedBy(CUSTOMER_HISTORY.interactionCount))
  interactionCount(@Root() customer: CustomerRecord, @Ctx() ctx: RequestContext): Promise<number> {
    return countCustomerInteractions(ctx, customer.id);
  }
}
