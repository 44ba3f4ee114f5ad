import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { getCustomer } from '../customer/customer.service.js';
import { Customer } from '../customer/customer.type.js';
import { ErasePersonalDataInput, PurgeCustomerInput, SetLegalHoldInput } from './archive.inputs.js';
import { getArchivedCustomer } from './archive.service.js';
import { ArchivedCustomer } from './archive.type.js';
import { erasePersonalData, setLegalHold } from './erasure.service.js';
import type { Store } from '../customer/customer.lifecycle.js';
import { purgeCustomer } from './purge.service.js';

@ObjectType({ description: 'Result of purgeCustomer.' })
export class PurgeCustomerPayload {
  @Field(() => ID, { description: 'Id of the customer that no longer exists.' })
  purgedId!: string;

  @Field({ description: 'Its code (kept in the audit tombstone).' })
  code!: string;

  @Field(() => GraphQLJSONObject, {
    description: 'Everything that was removed (customer, interactions, archive metadata) as JSON, under your field guards. Keep it if policy requires.',
  })
  export!: Record<string, unknown>;
}

@ObjectType({ description: 'A customer after a change that applies in either store: one of the two fields is set.' })
export class CustomerInStorePayload {
  @Field(() => Customer, { nullable: true, description: 'The customer, when it is live.' })
  customer!: Customer | null;

  @Field(() => ArchivedCustomer, { nullable: true, description: 'The customer, when it is archived.' })
  archivedCustomer!: ArchivedCustomer | null;
}

async function inStore(ctx: RequestContext, result: { id: string; store: Store }) {
  return result.store === 'LIVE'
    ? { customer: await getCustomer(ctx, result.id), archivedCustomer: null }
    : { customer: null, archivedCustomer: await getArchivedCustomer(ctx, result.id) };
}

@Resolver()
export class PurgeResolver {
  @Mutation(() => PurgeCustomerPayload, {
    description: 'Irreversibly deletes a VOID or ARCHIVED customer and its history (ADMIN). `confirm` must equal its code; a legal hold blocks it.',
  })
  purgeCustomer(@Arg('input', () => PurgeCustomerInput, { description: 'The customer, why, and the code to confirm.' }) input: PurgeCustomerInput, @Ctx() ctx: RequestContext) {
    return purgeCustomer(ctx, input);
  }

  @Mutation(() => CustomerInStorePayload, { description: 'Sets or lifts a legal hold, which blocks purge and retention sweeps (ADMIN).' })
  async setLegalHold(@Arg('input', () => SetLegalHoldInput, { description: 'The customer, hold or lift, and why.' }) input: SetLegalHoldInput, @Ctx() ctx: RequestContext) {
    return inStore(ctx, await setLegalHold(ctx, input));
  }

  @Mutation(() => CustomerInStorePayload, {
    description: "Erases a person's personal data in both stores on a privacy request (ADMIN); non-personal facts stay for statistics.",
  })
  async erasePersonalData(@Arg('input', () => ErasePersonalDataInput, { description: 'The customer, the request reference, and the code to confirm.' }) input: ErasePersonalDataInput, @Ctx() ctx: RequestContext) {
    return inStore(ctx, await erasePersonalData(ctx, input));
  }
}
