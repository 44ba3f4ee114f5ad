import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';
import { PurgeCustomerInput } from '../archive/archive.inputs.js';
import { getUser } from '../identity/user.service.js';
import { User, type UserRecord } from '../identity/user.type.js';
import type { ScheduledPurgeRecord } from './recycle-bin.record.js';
import { cancelScheduledPurge, listScheduledPurges, purgeCustomer, scheduledPurgeExport } from './recycle-bin.service.js';
import {
  CancelScheduledPurgeInput,
  CancelScheduledPurgePayload,
  EXPORT_FIELD_DESCRIPTION,
  GraphQLJSONObject,
  PurgeCustomerPayload,
  ScheduledPurge,
  ScheduledPurgeList,
  ScheduledPurgeState,
} from './recycle-bin.type.js';

@Resolver(() => ScheduledPurge)
export class RecycleBinResolver {
  @Query(() => ScheduledPurgeList, { description: `The recycle bin: purges waiting for their date, cancelled or carried out (${rolesFor(Action.CUSTOMER_PURGE)}).` })
  scheduledPurges(
    @Arg('state', () => ScheduledPurgeState, { defaultValue: ScheduledPurgeState.SCHEDULED, description: 'Which purges to list.' }) state: ScheduledPurgeState,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most this many (1–200).' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    return listScheduledPurges(ctx, state, first);
  }

  @Mutation(() => PurgeCustomerPayload, {
    description:
      `Puts a VOID or ARCHIVED customer in the recycle bin: the retention sweep purges it (irreversibly, export kept) once PURGE_DELAY_DAYS have passed, unless cancelled (${rolesFor(Action.CUSTOMER_PURGE)}). ` +
      '`confirm` must equal its code; a legal hold blocks it. Purging at once takes an approved PURGE_NOW request (requestApproval).',
  })
  purgeCustomer(@Arg('input', () => PurgeCustomerInput, { description: 'The customer, why, and the code to confirm.' }) input: PurgeCustomerInput, @Ctx() ctx: RequestContext) {
    return purgeCustomer(ctx, input);
  }

  @Mutation(() => CancelScheduledPurgePayload, { description: `Takes a waiting purge out of the recycle bin; the customer stays as it is (${rolesFor(Action.CUSTOMER_PURGE)}).` })
  cancelScheduledPurge(@Arg('input', () => CancelScheduledPurgeInput, { description: 'The scheduled purge and why.' }) input: CancelScheduledPurgeInput, @Ctx() ctx: RequestContext) {
    return cancelScheduledPurge(ctx, input);
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: EXPORT_FIELD_DESCRIPTION })
  export(@Root() row: ScheduledPurgeRecord, @Ctx() ctx: RequestContext): Record<string, unknown> | null {
    return scheduledPurgeExport(ctx, row);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who put it in the recycle bin (null for the system).' })
  scheduledBy(@Root() row: ScheduledPurgeRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, row.scheduledBy);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who cancelled it (null when not cancelled, or cancelled by the sweep).' })
  cancelledBy(@Root() row: ScheduledPurgeRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, row.cancelledBy);
  }
}
