import { RefersTo } from '../../graphql/global-id.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { PurgeCustomerInput } from './archive.inputs.js';
import { purgeCustomer } from './purge.service.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@ObjectType({ description: 'Result of purgeCustomer.' })
export class PurgeCustomerPayload {
  @RefersTo('ArchivedCustomer')
  @Field(() => ID, { description: 'Id of the customer that no longer exists.' })
  purgedId!: string;

  @Field({ description: 'Its code (kept in the audit tombstone).' })
  code!: string;

  @Field(() => GraphQLJSONObject, {
    description: 'Everything that was removed (customer, interactions, archive metadata) as JSON, under your field guards. Keep it if policy requires.',
  })
  export!: Record<string, unknown>;
}

@Resolver()
export class PurgeResolver {
  @Mutation(() => PurgeCustomerPayload, {
    description: `Irreversibly deletes a VOID or ARCHIVED customer and its history (${rolesFor(Action.CUSTOMER_PURGE)}). \`confirm\` must equal its code; a legal hold blocks it.`,
  })
  purgeCustomer(@Arg('input', () => PurgeCustomerInput, { description: 'The customer, why, and the code to confirm.' }) input: PurgeCustomerInput, @Ctx() ctx: RequestContext) {
    return purgeCustomer(ctx, input);
  }
}
