import { ArgRefersTo } from '../../graphql/global-id.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { getUser } from '../identity/user.service.js';
import { User, type UserRecord } from '../identity/user.type.js';
import { InteractionFilter, InteractionOrder } from '../interaction/interaction.inputs.js';
import {
  ArchiveCustomersInput, ArchivedCustomerFilter, ArchivedCustomerOrder, ArchiveInteractionsInput, RestoreCustomersInput,
} from './archive.inputs.js';
import { archivedHistory, archivedHistoryCount } from './archive.history.js';
import {
  ArchiveCustomersPayload, ArchivedCustomerConnection, ArchivedInteractionConnection, ArchiveInteractionsPayload,
  ArchiveVerification, RestoreCustomersPayload,
} from './archive.payloads.js';
import type { ArchivedCustomerRecord, ArchivedInteractionRecord } from './archive.record.js';
import {
  archiveCustomers, archiveInteractions, getArchivedCustomer, listArchivedCustomers, restoreCustomers, verifyArchive,
} from './archive.service.js';
import { ArchivedCustomer, ArchivedInteraction } from './archive.type.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@Resolver(() => ArchivedCustomer)
export class ArchiveResolver {
  @Query(() => ArchivedCustomer, { nullable: true, description: 'One archived customer; null when it does not exist or is not visible.' })
  // A customer keeps its id in both stores; ids other types hand out for "the customer"
  // (subject matches, the recycle bin, approvals) are Customer ids, archived or not.
  @ArgRefersTo('id', 'ArchivedCustomer', 'Customer')
  archivedCustomer(@Arg('id', () => ID, { description: 'Customer id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getArchivedCustomer(ctx, id);
  }

  @Query(() => ArchivedCustomerConnection, { description: 'Archived customers, most recently archived first by default.' })
  async archivedCustomers(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ArchivedCustomerFilter, { nullable: true, description: 'Which archived customers.' })
    filter: ArchivedCustomerFilter | null,
    @Arg('orderBy', () => [ArchivedCustomerOrder], { nullable: true, description: 'Sort keys, most significant first.' })
    orderBy: ArchivedCustomerOrder[] | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ArchivedCustomerConnection> {
    const result = await listArchivedCustomers(ctx, filter, orderBy, page, info);
    return new ArchivedCustomerConnection(result.page as never, result.count);
  }

  @Query(() => ArchiveVerification, { description: `Re-computes every archived checksum and lists mismatches and codes held both live and archived (${rolesFor(Action.ARCHIVE_VERIFY)}).` })
  verifyArchive(@Ctx() ctx: RequestContext) {
    return verifyArchive(ctx);
  }

  @Mutation(() => ArchiveCustomersPayload, {
    description: 'Moves ACTIVE or VOID customers and their whole history to the archive store. Other ids are reported in `failures`.',
  })
  async archiveCustomers(
    @Arg('input', () => ArchiveCustomersInput, { description: 'Which customers and why.' }) input: ArchiveCustomersInput,
    @Ctx() ctx: RequestContext,
  ) {
    const outcome = await archiveCustomers(ctx, input);
    return { customers: outcome.customers, failures: outcome.failures, archivedInteractions: outcome.interactions, undo: outcome.undo };
  }

  @Mutation(() => RestoreCustomersPayload, {
    description: 'Puts archived customers back exactly as they were, with the status they had. Other ids are reported in `failures`.',
  })
  async restoreCustomers(
    @Arg('input', () => RestoreCustomersInput, { description: 'Which customers and why.' }) input: RestoreCustomersInput,
    @Ctx() ctx: RequestContext,
  ) {
    const outcome = await restoreCustomers(ctx, input);
    return { customers: outcome.customers, failures: outcome.failures, restoredInteractions: outcome.interactions };
  }

  @Mutation(() => ArchiveInteractionsPayload, { description: 'Archives interactions older than a date; their customers stay live.' })
  archiveInteractions(
    @Arg('input', () => ArchiveInteractionsInput, { description: 'Which interactions and why.' }) input: ArchiveInteractionsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return archiveInteractions(ctx, input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user responsible for this customer.' })
  owner(@Root() customer: ArchivedCustomerRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, customer.ownerId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who archived it (null for scheduled policy runs).' })
  archivedBy(@Root() customer: ArchivedCustomerRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, customer.archivedById);
  }

  @FieldResolver(() => ArchivedInteractionConnection, { description: 'The history archived with this customer, newest first by default.' })
  async interactions(
    @Root() customer: ArchivedCustomerRecord,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => InteractionFilter, { nullable: true, description: 'Which interactions (customerId is ignored here).' })
    filter: InteractionFilter | null,
    @Arg('orderBy', () => [InteractionOrder], { nullable: true, description: 'Sort keys (default: occurredAt descending).' })
    orderBy: InteractionOrder[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ArchivedInteractionConnection> {
    const result = archivedHistory(ctx, customer.id, filter, orderBy, page);
    return new ArchivedInteractionConnection((await result.page) as never, result.count);
  }

  @FieldResolver(() => Int, { description: 'Number of archived interactions of this customer.' })
  interactionCount(@Root() customer: ArchivedCustomerRecord, @Ctx() ctx: RequestContext): Promise<number> {
    return archivedHistoryCount(ctx, customer.id);
  }
}

@Resolver(() => ArchivedInteraction)
export class ArchivedInteractionResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who recorded it.' })
  owner(@Root() interaction: ArchivedInteractionRecord, @Ctx() ctx: RequestContext) {
    return getUser(ctx, interaction.ownerId);
  }
}
