import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { Action } from '../../policy/policy.js';
import { rolesFor } from '../../policy/role-notes.js';
import { CreateCustomerInput, UpdateCustomerInput } from '../customer/customer.inputs.js';
import { CreateCustomerPayload, UpdateCustomerPayload } from './customer-entry.payloads.js';
import { createCheckedCustomer, updateCheckedCustomer } from './customer-entry.service.js';
import { listDuplicateRules, previewDuplicates, setDuplicateRule } from './duplicate-gate.service.js';
import { CustomerDuplicateCheckInput, DuplicateRule, PossibleDuplicate, SetDuplicateRuleInput, SetDuplicateRulePayload } from './duplicate-gate.types.js';

/** Customers entered by people, through the duplicate gate (the customer module owns the write itself). */
@Resolver()
export class CustomerEntryResolver {
  @Mutation(() => CreateCustomerPayload, {
    description: 'Creates a customer. Existing customers it matches come back in `possibleDuplicates`; a match of a kind whose duplicate rule is BLOCK refuses it (CONFLICT, reason INTAKE_DUPLICATE_BLOCKED).',
  })
  createCustomer(
    @Arg('input', () => CreateCustomerInput, { description: 'The customer to create.' }) input: CreateCustomerInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createCheckedCustomer(ctx, input);
  }

  @Mutation(() => UpdateCustomerPayload, {
    description: 'Changes a customer; fails with CONFLICT when `version` is stale. Changed values are checked for duplicates like createCustomer’s.',
  })
  updateCustomer(
    @Arg('input', () => UpdateCustomerInput, { description: 'The customer, the version read and the changes.' }) input: UpdateCustomerInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateCheckedCustomer(ctx, input);
  }

  @Query(() => [PossibleDuplicate], { description: 'The customers a create or update with these values would report, before saving (nothing is refused here).' })
  customerDuplicates(
    @Arg('input', () => CustomerDuplicateCheckInput, { description: 'The values to check.' }) input: CustomerDuplicateCheckInput,
    @Ctx() ctx: RequestContext,
  ) {
    return previewDuplicates(ctx, input);
  }

  @Query(() => [DuplicateRule], { description: 'What a match of each kind does to a create, update or import.' })
  duplicateRules(@Ctx() ctx: RequestContext) {
    return listDuplicateRules(ctx);
  }

  @Mutation(() => SetDuplicateRulePayload, { description: `Sets what matches of one kind do (${rolesFor(Action.POLICY_WRITE)}).` })
  async setDuplicateRule(
    @Arg('input', () => SetDuplicateRuleInput, { description: 'The kind and its action.' }) input: SetDuplicateRuleInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { rule: await setDuplicateRule(ctx, input) };
  }
}
