import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { UnvoidCustomerInput, UnvoidCustomersInput, VoidCustomerInput, VoidCustomersInput } from './void.inputs.js';
import { VoidCustomerPayload, VoidCustomersPayload } from './void.payloads.js';
import { unvoidCustomer, unvoidCustomers, voidCustomer, voidCustomers } from './void.service.js';

@Resolver()
export class VoidResolver {
  @Mutation(() => VoidCustomerPayload, {
    description: 'Marks an ACTIVE customer invalid (VOID): kept for traceability, out of daily lists and reports; undo with unvoidCustomer.',
  })
  async voidCustomer(@Arg('input', () => VoidCustomerInput, { description: 'The customer and why.' }) input: VoidCustomerInput, @Ctx() ctx: RequestContext) {
    return voidCustomer(ctx, input);
  }

  @Mutation(() => VoidCustomersPayload, { description: 'Voids many ACTIVE customers; ids that cannot be voided are listed in `failures`.' })
  voidCustomers(@Arg('input', () => VoidCustomersInput, { description: 'The customers and why.' }) input: VoidCustomersInput, @Ctx() ctx: RequestContext) {
    return voidCustomers(ctx, input);
  }

  @Mutation(() => VoidCustomerPayload, { description: 'Puts a VOID customer back to ACTIVE.' })
  async unvoidCustomer(@Arg('input', () => UnvoidCustomerInput, { description: 'The customer and why.' }) input: UnvoidCustomerInput, @Ctx() ctx: RequestContext) {
    return unvoidCustomer(ctx, input);
  }

  @Mutation(() => VoidCustomersPayload, { description: 'Puts many VOID customers back to ACTIVE; other ids are listed in `failures`.' })
  unvoidCustomers(@Arg('input', () => UnvoidCustomersInput, { description: 'The customers and why.' }) input: UnvoidCustomersInput, @Ctx() ctx: RequestContext) {
    return unvoidCustomers(ctx, input);
  }
}
