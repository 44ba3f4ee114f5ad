import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { Action } from '../../policy/policy.js';
import { rolesFor } from '../../policy/role-notes.js';
import { getArchivedCustomer } from '../archive/archive.service.js';
import { ArchivedCustomer } from '../archive/archive.type.js';
import type { Store } from '../customer/customer.lifecycle.js';
import { getCustomer } from '../customer/customer.service.js';
import { Customer } from '../customer/customer.type.js';
import { ErasePersonalDataInput, SetLegalHoldInput } from './compliance.inputs.js';
import { erasePersonalData, setLegalHold } from './compliance.service.js';

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

/** Legal duties that reach a customer in either store: legal hold and erasure on request. */
@Resolver()
export class ComplianceResolver {
  @Mutation(() => CustomerInStorePayload, { description: `Sets or lifts a legal hold, which blocks purge and retention sweeps (${rolesFor(Action.LEGAL_HOLD)}).` })
  async setLegalHold(@Arg('input', () => SetLegalHoldInput, { description: 'The customer, hold or lift, and why.' }) input: SetLegalHoldInput, @Ctx() ctx: RequestContext) {
    return inStore(ctx, await setLegalHold(ctx, input));
  }

  @Mutation(() => CustomerInStorePayload, {
    description: `Erases a person's personal data in both stores on a privacy request (${rolesFor(Action.CUSTOMER_ERASE)}); non-personal facts stay for statistics.`,
  })
  async erasePersonalData(@Arg('input', () => ErasePersonalDataInput, { description: 'The customer, the request reference, and the code to confirm.' }) input: ErasePersonalDataInput, @Ctx() ctx: RequestContext) {
    return inStore(ctx, await erasePersonalData(ctx, input));
  }
}
